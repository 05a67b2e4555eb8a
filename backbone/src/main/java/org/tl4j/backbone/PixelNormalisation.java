package org.tl4j.backbone;

import java.io.Serializable;

/**
 * The affine map from 8-bit pixel values {@code x ∈ [0, 255]} to the values a model was trained on:
 * {@code (x − mean) / scale}, the same for every channel.
 *
 * @param mean  subtracted from every pixel value
 * @param scale the divisor (positive)
 */
public record PixelNormalisation(double mean, double scale) implements Serializable {

    /** {@code (x − 127.5) / 128}: FaceNet (prewhitening replaced by fixed standardisation) and MobileFaceNet. */
    public static final PixelNormalisation FACENET = new PixelNormalisation(127.5, 128.0);

    /** Raw values {@code 0..255}: models that normalise inside the graph (dlib ResNet) and the YuNet detector. */
    public static final PixelNormalisation RAW = new PixelNormalisation(0.0, 1.0);

    /** Validates the values. */
    public PixelNormalisation {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("Invalid pixel mean: " + mean + " (must be finite)");
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("Invalid pixel scale: " + scale + " (must be positive and finite)");
        }
    }

    /** The normalised value of pixel value {@code x}. */
    public float apply(float x) {
        return (float) ((x - mean) / scale);
    }

    /** {@code (x-127.5)/128} style text. */
    @Override
    public String toString() {
        return "(x-" + mean + ")/" + scale;
    }
}
