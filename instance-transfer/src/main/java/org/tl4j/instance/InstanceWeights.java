package org.tl4j.instance;

import org.apache.commons.rng.UniformRandomProvider;
import org.tl4j.core.learn.Seeds;

import java.util.Arrays;

/**
 * Operations on importance-weight vectors shared by the weighting strategies: validation and normalisation to
 * mean 1, the effective sample size, and seeded importance resampling. No method modifies its arguments.
 */
public final class InstanceWeights {
    private InstanceWeights() {
    }

    /**
     * The weights scaled to mean 1.
     *
     * @param what names the weights in messages, e.g. {@code KMM weights}
     * @throws IllegalArgumentException if a weight is negative or not finite (naming its index), or all are zero
     */
    public static double[] normalise(double[] weights, String what) {
        if (weights.length == 0) {
            throw new IllegalArgumentException(what + ": no weights (empty sample)");
        }
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException(what + ": weight " + i + " is " + w + " (weights must be finite and >= 0)");
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException(what + ": every weight is 0, so no source example would be used; the "
                    + "target sample lies outside the source support at this kernel width (increase the width), or "
                    + "the domains do not overlap");
        }
        double scale = weights.length / sum;
        double[] out = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            out[i] = weights[i] * scale;
        }
        return out;
    }

    /** Kish's effective sample size {@code (Σw)²/Σw²}, between 1 and {@code n} for non-negative weights. */
    public static double effectiveSampleSize(double[] weights) {
        double s = 0;
        double s2 = 0;
        for (double w : weights) {
            s += w;
            s2 += w * w;
        }
        return s2 == 0 ? 0 : s * s / s2;
    }

    /**
     * Draws {@code size} indices with replacement, index {@code i} with probability {@code w_i / Σw} (seeded;
     * the same seed gives the same indices), returned in increasing order.
     *
     * @throws IllegalArgumentException if the weights are invalid or all zero
     */
    public static int[] resample(double[] weights, int size, long seed) {
        double[] w = normalise(weights, "resampling weights");
        double[] cumulative = new double[w.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i];
            cumulative[i] = s;
        }
        UniformRandomProvider rng = Seeds.rng(Seeds.derive(seed, "importance-resampling"));
        int[] out = new int[size];
        for (int k = 0; k < size; k++) {
            double u = rng.nextDouble() * s;
            // The first index whose cumulative weight exceeds u: zero-weight rows repeat the previous cumulative
            // value, so they are never drawn.
            int lo = 0;
            int hi = w.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            out[k] = lo;
        }
        Arrays.sort(out);
        return out;
    }
}
