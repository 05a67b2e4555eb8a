package org.tl4j.backbone;

/**
 * A decoded 8-bit image: one channel (gray) or three interleaved channels in RGB order. Gray images stay one channel
 * here and are replicated to three channels when written into a model's input tensor.
 * <p>
 * The pixel array is owned by the image and not copied on access; instances are not modified after construction.
 */
public final class DecodedImage {
    private final int width;
    private final int height;
    private final int channels;
    private final byte[] data;

    /**
     * @param width    width in pixels
     * @param height   height in pixels
     * @param channels 1 (gray) or 3 (RGB, interleaved)
     * @param data     {@code width · height · channels} bytes, row-major; owned by the image from now on
     */
    public DecodedImage(int width, int height, int channels, byte[] data) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Invalid image size " + width + "x" + height);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("Images have 1 or 3 channels, found " + channels);
        }
        if (data.length != width * height * channels) {
            throw new IllegalArgumentException("Expected " + width * height * channels + " bytes for a " + width + "x"
                    + height + "x" + channels + " image, found " + data.length);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.data = data;
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** 1 for gray, 3 for RGB. */
    public int channels() {
        return channels;
    }

    /** Whether the image is gray. */
    public boolean gray() {
        return channels == 1;
    }

    /** The value of channel {@code c} (0 = red, 1 = green, 2 = blue; any channel of a gray image) at (x, y). */
    public int value(int x, int y, int c) {
        return channels == 1 ? data[y * width + x] & 0xff : data[(y * width + x) * 3 + c] & 0xff;
    }

    /** The raw bytes (not a copy): row-major, channels interleaved. */
    byte[] data() {
        return data;
    }

    /**
     * The image reduced by an integer factor {@code k} with a box filter (each output pixel is the mean of a
     * {@code k × k} block; blocks cut by the border average what lies inside). Used before bilinear resampling
     * shrinks an image by more than two, which would otherwise alias.
     */
    public DecodedImage boxShrink(int k) {
        if (k <= 1) {
            return this;
        }
        int w = (width + k - 1) / k;
        int h = (height + k - 1) / k;
        return new DecodedImage(w, h, channels, boxShrink(data, width, height, channels, k, 0, 0, w, h));
    }

    /**
     * Blocks {@code [bx0, bx1) × [by0, by1)} of the {@code k}-fold box reduction of a {@code width × height} image
     * with {@code ch} interleaved channels (see {@link #boxShrink(int)}), row-major.
     */
    static byte[] boxShrink(byte[] data, int width, int height, int ch, int k, int bx0, int by0, int bx1, int by1) {
        int rw = bx1 - bx0;
        byte[] out = new byte[rw * (by1 - by0) * ch];
        int[] sum = new int[rw * ch];
        int xStart = bx0 * k;
        int xEnd = Math.min(width, bx1 * k);
        for (int by = by0; by < by1; by++) {
            java.util.Arrays.fill(sum, 0);
            int yEnd = Math.min(height, (by + 1) * k);
            for (int yy = by * k; yy < yEnd; yy++) {
                int row = yy * width * ch;
                for (int xx = xStart, b = 0; xx < xEnd; xx += k, b += ch) {
                    int blockEnd = Math.min(xEnd, xx + k);
                    for (int x = xx; x < blockEnd; x++) {
                        for (int c = 0; c < ch; c++) {
                            sum[b + c] += data[row + x * ch + c] & 0xff;
                        }
                    }
                }
            }
            int rows = yEnd - by * k;
            int o = (by - by0) * rw * ch;
            for (int bx = bx0, b = 0; bx < bx1; bx++, b += ch) {
                int n = rows * (Math.min(width, (bx + 1) * k) - bx * k);
                for (int c = 0; c < ch; c++) {
                    out[o + b + c] = (byte) Math.round((float) sum[b + c] / n);
                }
            }
        }
        return out;
    }
}
