package org.tl4j.backbone;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the five facial landmarks of an aligned face lie in a model's input image: the eye centres (the eye on the
 * left of the image first), the nose tip and the mouth corners (left of the image first). Alignment finds the
 * least-squares similarity transform that maps a detected face's landmarks onto these points
 * ({@link SimilarityTransform}) and warps the image with it.
 * <p>
 * Instances are immutable.
 */
public final class FaceTemplate implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Number of landmarks. */
    public static final int LANDMARKS = 5;

    /**
     * The 112×112 template of InsightFace/ArcFace, which MobileFaceNet models trained on MS-Celeb-1M crops use
     * (Deng et al., <i>ArcFace: Additive Angular Margin Loss for Deep Face Recognition</i>, CVPR 2019; the points are
     * the published constants of its alignment).
     */
    public static final FaceTemplate ARCFACE_112 = new FaceTemplate(112, 112, new double[]{
            38.2946, 51.6963, 73.5318, 51.5014, 56.0252, 71.7366, 41.5493, 92.3655, 70.7299, 92.2041});

    /**
     * The 150×150 face chip of dlib's face-recognition ResNet ({@code get_face_chip_details(shape, 150, 0.25)}),
     * expressed with the five YuNet landmarks: dlib places its mean face shape (68 points, normalised to the unit
     * square) in the chip with padding {@code p = 0.25} as {@code size·(p + q)/(1 + 2p)}; the eye centres here are
     * the means of dlib's six eye-contour points (36–41 and 42–47), the nose tip its point 30 and the mouth corners
     * its points 48 and 54 (D. E. King, <i>Dlib-ml: A Machine Learning Toolkit</i>, JMLR 10, 2009).
     */
    public static final FaceTemplate DLIB_150 = fromUnitSquare(150, 0.25, new double[]{
            1.352951 / 6, 1.295942 / 6,           // eye-contour points 36-41 (image left)
            4.528568 / 6, 1.295942 / 6,           // eye-contour points 42-47 (image right)
            0.490127, 0.515625,                   // nose tip, point 30
            0.254149, 0.780233,                   // mouth corner, point 48
            0.726104, 0.780233});                 // mouth corner, point 54

    private final int width;
    private final int height;
    private final double[] points;

    /**
     * A template.
     *
     * @param width  the aligned image's width in pixels
     * @param height the aligned image's height in pixels
     * @param points {@code x0, y0, …, x4, y4} in pixels of the aligned image; copied
     */
    public FaceTemplate(int width, int height, double[] points) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Invalid template size " + width + "x" + height + ": must be positive");
        }
        if (points.length != 2 * LANDMARKS) {
            throw new IllegalArgumentException("A face template needs " + 2 * LANDMARKS + " coordinates (five "
                    + "landmarks), found " + points.length);
        }
        for (double p : points) {
            if (!Double.isFinite(p)) {
                throw new IllegalArgumentException("Face template coordinates must be finite, found " + p);
            }
        }
        this.width = width;
        this.height = height;
        this.points = points.clone();
    }

    /** A template of side {@code size} from points in the unit square, padded as dlib pads its face chips. */
    static FaceTemplate fromUnitSquare(int size, double padding, double[] unit) {
        double[] p = new double[unit.length];
        for (int i = 0; i < unit.length; i++) {
            p[i] = size * (padding + unit[i]) / (1 + 2 * padding);
        }
        return new FaceTemplate(size, size, p);
    }

    /** The same template for an aligned image of {@code w × h} pixels (coordinates scaled per axis). */
    public FaceTemplate resizedTo(int w, int h) {
        double[] p = points.clone();
        for (int i = 0; i < LANDMARKS; i++) {
            p[2 * i] *= (double) w / width;
            p[2 * i + 1] *= (double) h / height;
        }
        return new FaceTemplate(w, h, p);
    }

    /** The aligned image's width. */
    public int width() {
        return width;
    }

    /** The aligned image's height. */
    public int height() {
        return height;
    }

    /** A copy of the points {@code x0, y0, …, x4, y4}. */
    public double[] points() {
        return points.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceTemplate t && t.width == width && t.height == height && Arrays.equals(t.points, points);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, Arrays.hashCode(points));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("template" + width + "x" + height + "[");
        for (int i = 0; i < points.length; i++) {
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", points[i]));
        }
        return sb.append(']').toString();
    }
}
