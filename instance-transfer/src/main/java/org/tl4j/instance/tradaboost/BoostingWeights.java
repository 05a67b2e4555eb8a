package org.tl4j.instance.tradaboost;

import java.util.Arrays;

/**
 * The arithmetic of the TrAdaBoost family, free of any learner: the fixed source multiplier, the per-round target
 * multiplier, adjusted regression errors, the weighted vote and the weighted median. All methods are pure.
 *
 * @see TrAdaBoostStrategy
 * @see TrAdaBoostR2Strategy
 * @see TwoStageTrAdaBoostR2Strategy
 */
public final class BoostingWeights {

    /** Smallest target error used: a perfect round gets a large but finite vote {@code ln((1 − ε)/ε) ≈ 23}. */
    public static final double MIN_ERROR = 1e-10;

    private BoostingWeights() {
    }

    /**
     * The source multiplier of Dai et al. (ICML 2007), {@code β = 1 / (1 + √(2 ln n / N))}.
     *
     * @param sourceSize {@code n ≥ 1}
     * @param rounds     {@code N ≥ 1}
     */
    public static double sourceBeta(int sourceSize, int rounds) {
        if (sourceSize < 1 || rounds < 1) {
            throw new IllegalArgumentException("Invalid source size " + sourceSize + " or rounds " + rounds + " (both >= 1)");
        }
        return 1 / (1 + Math.sqrt(2 * Math.log(sourceSize) / rounds));
    }

    /**
     * The round multiplier {@code β_t = ε_t / (1 − ε_t)} for a target error {@code ε_t} clipped to
     * {@code [MIN_ERROR, ½]}: an error of ½ or more (no better than chance on the target) gives {@code β_t = 1},
     * i.e. no vote and no change of the target weights.
     */
    public static double roundBeta(double error) {
        if (!(error >= 0) || error > 1) {
            throw new IllegalArgumentException("Invalid weighted error: " + error + " (must be in [0, 1])");
        }
        double e = Math.min(0.5, Math.max(MIN_ERROR, error));
        return e / (1 - e);
    }

    /** The weighted error {@code Σ_{i ∈ rows} w_i e_i / Σ_{i ∈ rows} w_i} over rows {@code [from, to)}. */
    public static double weightedError(double[] weights, double[] errors, int from, int to) {
        double num = 0;
        double den = 0;
        for (int i = from; i < to; i++) {
            num += weights[i] * errors[i];
            den += weights[i];
        }
        if (!(den > 0)) {
            throw new IllegalArgumentException("Rows " + from + ".." + to + " have zero total weight");
        }
        return num / den;
    }

    /** Regression losses of AdaBoost.R2 (Drucker, ICML 1997). */
    public enum Loss {
        /** {@code |r| / D}. */
        LINEAR,
        /** {@code r² / D²}. */
        SQUARE,
        /** {@code 1 − exp(−|r| / D)}. */
        EXPONENTIAL
    }

    /**
     * Adjusted errors {@code e_i ∈ [0, 1]} of residuals {@code r_i}, with {@code D = max_i |r_i|} (all zero when
     * every residual is zero).
     */
    public static double[] adjustedErrors(double[] residuals, Loss loss) {
        double d = 0;
        for (double r : residuals) {
            d = Math.max(d, Math.abs(r));
        }
        double[] e = new double[residuals.length];
        if (d == 0) {
            return e;
        }
        for (int i = 0; i < e.length; i++) {
            double a = Math.abs(residuals[i]) / d;
            e[i] = switch (loss) {
                case LINEAR -> a;
                case SQUARE -> a * a;
                case EXPONENTIAL -> 1 - Math.exp(-a);
            };
        }
        return e;
    }

    /**
     * The weighted median: the smallest value {@code v} such that the weights of values {@code ≤ v} reach half the
     * total (Drucker's combination rule). Zero total weight gives the plain median of the values.
     */
    public static double weightedMedian(double[] values, double[] weights) {
        int n = values.length;
        if (n == 0 || weights.length != n) {
            throw new IllegalArgumentException("Expected equally many values and weights, found " + n + " and " + weights.length);
        }
        Integer[] order = new Integer[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            total += weights[i];
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(values[a], values[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        if (!(total > 0)) {
            return values[order[(n - 1) / 2]];
        }
        double acc = 0;
        for (int k = 0; k < n; k++) {
            acc += weights[order[k]];
            if (acc >= 0.5 * total) {
                return values[order[k]];
            }
        }
        return values[order[n - 1]];
    }

    /** The vote weight {@code ln(1/β_t)} of a round. */
    public static double voteWeight(double roundBeta) {
        return Math.log(1 / roundBeta);
    }
}
