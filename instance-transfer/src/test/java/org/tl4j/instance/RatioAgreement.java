package org.tl4j.instance;

import org.tl4j.core.math.SampleStatistics;

import java.util.Arrays;

/** How well estimated importance weights agree with the true density ratio: rank correlation and normalised MAE. */
public final class RatioAgreement {
    private RatioAgreement() {
    }

    /** Spearman's rank correlation (average ranks for ties). */
    public static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = SampleStatistics.mean(ra);
        double mb = SampleStatistics.mean(rb);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < ra.length; i++) {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** Mean absolute difference after scaling both vectors to mean 1: 0 is perfect, uniform weights score ~1. */
    public static double normalisedMae(double[] estimate, double[] truth) {
        double[] e = toMeanOne(estimate);
        double[] t = toMeanOne(truth);
        double s = 0;
        for (int i = 0; i < e.length; i++) {
            s += Math.abs(e[i] - t[i]);
        }
        return s / e.length;
    }

    /** The vector scaled to mean 1. */
    public static double[] toMeanOne(double[] v) {
        double m = SampleStatistics.mean(v);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / m;
        }
        return out;
    }

    private static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(v[x], v[y]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double avg = 0.5 * (i + j);
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }
}
