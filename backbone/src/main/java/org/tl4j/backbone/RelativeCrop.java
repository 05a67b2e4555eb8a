package org.tl4j.backbone;

import java.io.Serializable;
import java.util.Locale;

/**
 * A rectangle given as fractions of an image's width and height, used to cut the face out of an unaligned image
 * before resizing it to the model's input size. Fractions keep the crop meaningful for any resolution of the same
 * framing (LFW's 250×250 images are framed with the face in the centre).
 *
 * @param x      left edge as a fraction of the width
 * @param y      top edge as a fraction of the height
 * @param width  width as a fraction of the width (positive)
 * @param height height as a fraction of the height (positive)
 */
public record RelativeCrop(double x, double y, double width, double height) implements Serializable {

    /** The whole image. */
    public static final RelativeCrop FULL = new RelativeCrop(0, 0, 1, 1);

    /** Validates the values. */
    public RelativeCrop {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !(width > 0) || !(height > 0)
                || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Invalid crop (x=%s, y=%s, width=%s, height=%s): width and height must be positive and every "
                            + "value finite", x, y, width, height));
        }
    }

    /**
     * The crop that cuts the pixel rectangle {@code (x, y, width, height)} out of an image of
     * {@code imageWidth × imageHeight} pixels.
     */
    public static RelativeCrop ofPixels(int x, int y, int width, int height, int imageWidth, int imageHeight) {
        return new RelativeCrop((double) x / imageWidth, (double) y / imageHeight, (double) width / imageWidth,
                (double) height / imageHeight);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "crop(%.6f,%.6f,%.6f,%.6f)", x, y, width, height);
    }
}
