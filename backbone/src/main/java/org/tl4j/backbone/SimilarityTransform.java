package org.tl4j.backbone;

/**
 * A 2-D similarity transform (rotation, uniform scale, translation; no reflection):
 * {@code x' = a·x − b·y + tx}, {@code y' = b·x + a·y + ty}.
 * <p>
 * {@link #estimate(double[], double[])} finds the transform minimising {@code Σ‖q_i − T(p_i)‖²} in closed form
 * (S. Umeyama, <i>Least-Squares Estimation of Transformation Parameters Between Two Point Patterns</i>, IEEE TPAMI
 * 13(4), 1991; in 2-D with centred points {@code p̃, q̃}: {@code a = Σ p̃·q̃ / Σ‖p̃‖²},
 * {@code b = Σ p̃ × q̃ / Σ‖p̃‖²}, and the translation maps the centroid of {@code p} onto that of {@code q}).
 * Immutable.
 *
 * @param a  {@code s·cos θ}
 * @param b  {@code s·sin θ}
 * @param tx translation in x
 * @param ty translation in y
 */
public record SimilarityTransform(double a, double b, double tx, double ty) {

    /**
     * The least-squares similarity transform mapping {@code from} onto {@code to}.
     *
     * @param from {@code x0, y0, x1, y1, …}; not modified
     * @param to   as many points; not modified
     * @throws IllegalArgumentException if the point counts differ, fewer than two points are given, or the
     *                                  {@code from} points coincide (no scale or rotation is defined)
     */
    public static SimilarityTransform estimate(double[] from, double[] to) {
        if (from.length != to.length || from.length % 2 != 0 || from.length < 4) {
            throw new IllegalArgumentException("A similarity transform needs two equal lists of at least two points, "
                    + "found " + from.length / 2.0 + " and " + to.length / 2.0 + " points");
        }
        int n = from.length / 2;
        double px = 0;
        double py = 0;
        double qx = 0;
        double qy = 0;
        for (int i = 0; i < n; i++) {
            px += from[2 * i];
            py += from[2 * i + 1];
            qx += to[2 * i];
            qy += to[2 * i + 1];
        }
        px /= n;
        py /= n;
        qx /= n;
        qy /= n;
        double dot = 0;
        double cross = 0;
        double var = 0;
        for (int i = 0; i < n; i++) {
            double ux = from[2 * i] - px;
            double uy = from[2 * i + 1] - py;
            double vx = to[2 * i] - qx;
            double vy = to[2 * i + 1] - qy;
            dot += ux * vx + uy * vy;
            cross += ux * vy - uy * vx;
            var += ux * ux + uy * uy;
        }
        if (!(var > 1e-12)) {
            throw new IllegalArgumentException("The landmarks coincide (spread " + var + "): no similarity transform "
                    + "is defined");
        }
        double a = dot / var;
        double b = cross / var;
        return new SimilarityTransform(a, b, qx - (a * px - b * py), qy - (b * px + a * py));
    }

    /** The scale factor {@code s}. */
    public double scale() {
        return Math.hypot(a, b);
    }

    /** The rotation angle in radians. */
    public double angle() {
        return Math.atan2(b, a);
    }

    /** The image of point {@code (x, y)}: {@code {x', y'}}. */
    public double[] apply(double x, double y) {
        return new double[]{a * x - b * y + tx, b * x + a * y + ty};
    }

    /** The inverse transform. */
    public SimilarityTransform inverse() {
        double s2 = a * a + b * b;
        double ia = a / s2;
        double ib = -b / s2;
        return new SimilarityTransform(ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty));
    }

    /** The transform as a row-major 2×3 affine matrix {@code {a, −b, tx, b, a, ty}}. */
    public double[] matrix() {
        return new double[]{a, -b, tx, b, a, ty};
    }
}
