package org.tl4j.core.math;

import java.util.Arrays;

/**
 * The summary statistics of a sample of numbers that tl4j reports: mean, standard deviation (sample, with
 * {@code n − 1}, or population, with {@code n}), standard error and median. Non-finite entries (NaN, ±∞: a failed
 * run, an undefined value) are left out of the mean and the deviations, and a statistic of too few finite entries
 * is NaN; the median takes every entry. Sums run over the entries in index order, so results are reproducible bit
 * for bit. No method modifies its argument.
 */
public final class SampleStatistics {
    private SampleStatistics() {
    }

    /** The number of finite entries. */
    public static int countFinite(double[] v) {
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                n++;
            }
        }
        return n;
    }

    /** The mean of the finite entries; NaN when there are none. */
    public static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** The sample standard deviation ({@code n − 1} denominator) of the finite entries; NaN with fewer than two. */
    public static double sampleSd(double[] v) {
        int n = countFinite(v);
        return n < 2 ? Double.NaN : Math.sqrt(sumOfSquaredDeviations(v) / (n - 1));
    }

    /**
     * The population standard deviation ({@code n} denominator, as {@code numpy.std}) of the finite entries; NaN
     * when there are none.
     */
    public static double populationSd(double[] v) {
        int n = countFinite(v);
        return n == 0 ? Double.NaN : Math.sqrt(sumOfSquaredDeviations(v) / n);
    }

    /** The standard error of the mean, {@code sampleSd / √n}, of the finite entries; NaN with fewer than two. */
    public static double standardError(double[] v) {
        return sampleSd(v) / Math.sqrt(countFinite(v));
    }

    /**
     * The median of all entries: the middle value of the sorted sample, or the mean of the two middle values when
     * the count is even.
     *
     * @throws IllegalArgumentException if {@code v} is empty or holds NaN
     */
    public static double median(double[] v) {
        if (v.length == 0) {
            throw new IllegalArgumentException("The median of an empty sample is undefined");
        }
        double[] s = v.clone();
        Arrays.sort(s);
        if (Double.isNaN(s[s.length - 1])) {
            throw new IllegalArgumentException("The sample holds NaN: its median is undefined");
        }
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : 0.5 * (s[h - 1] + s[h]);
    }

    private static double sumOfSquaredDeviations(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                s += (x - m) * (x - m);
            }
        }
        return s;
    }
}
