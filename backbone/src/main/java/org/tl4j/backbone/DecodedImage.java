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
        byte[] out = new byte[w * h * channels];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < channels; c++) {
                    int sum = 0;
                    int n = 0;
                    for (int yy = y * k; yy < Math.min(height, (y + 1) * k); yy++) {
                        for (int xx = x * k; xx < Math.min(width, (x + 1) * k); xx++) {
                            sum += value(xx, yy, c);
                            n++;
                        }
                    }
                    out[(y * w + x) * channels + c] = (byte) Math.round((float) sum / n);
                }
            }
        }
        return new DecodedImage(w, h, channels, out);
    }
}
