package org.tl4j.core.math;

/**
 * Operations on dense vectors held as {@code double[]}. Sums run in index order, so results are reproducible bit
 * for bit. No method modifies its arguments.
 */
public final class Vectors {
    private Vectors() {
    }

    /** The dot product {@code a·b}. */
    public static double dot(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("Vectors have different lengths: " + a.length + " vs " + b.length);
        }
        return dot(a, b, a.length);
    }

    /** The dot product of the first {@code count} entries of {@code a} and {@code b}. */
    public static double dot(double[] a, double[] b, int count) {
        double s = 0;
        for (int i = 0; i < count; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
