package org.tl4j.core.eval;

import org.tl4j.core.math.SampleStatistics;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Decides whether a strategy transfers negatively from its per-seed negative transfer gaps.
 * <p>
 * The gap of one seed is {@code NTG = error(strategy) − error(target-only)} (Wang et al., <i>Characterizing and
 * Avoiding Negative Transfer</i>, CVPR 2019), both fitted on the same draw of the task with the same seed, so the
 * gaps are paired. The decision is a one-sided paired t-test of {@code H0: E[NTG] ≤ 0} against
 * {@code H1: E[NTG] > 0}: negative transfer is flagged only when the mean gap is positive and
 * {@code P(T_{n−1} ≥ t) < α} with {@code t = mean / (sd/√n)}, i.e. the gap is positive beyond seed noise. With
 * identical gaps on every seed (sd = 0) the sign decides. With fewer than two seeds seed noise cannot be estimated
 * and the verdict is {@link Verdict#UNDETERMINED}.
 */
public final class NegativeTransferTest {

    /** The default significance level. */
    public static final double DEFAULT_ALPHA = 0.05;

    private NegativeTransferTest() {
    }

    /** The outcome of the test. */
    public enum Verdict {
        /** The gap is positive beyond seed noise. */
        NEGATIVE,
        /** No evidence of negative transfer. */
        NOT_NEGATIVE,
        /** Too few paired seeds (or no target-only baseline) to decide. */
        UNDETERMINED;

        /** {@code true}, {@code false} or an empty string, for CSV files. */
        public String csv() {
            return this == NEGATIVE ? "true" : this == NOT_NEGATIVE ? "false" : "";
        }
    }

    /**
     * The test's statistics.
     *
     * @param n       number of finite paired gaps
     * @param meanGap mean gap
     * @param sdGap   sample standard deviation of the gaps (NaN when n &lt; 2)
     * @param t       t statistic (NaN when undefined, ±∞ when sd = 0)
     * @param pValue  one-sided p-value (NaN when undefined)
     * @param verdict the decision
     */
    public record Result(int n, double meanGap, double sdGap, double t, double pValue, Verdict verdict) {
    }

    /**
     * Tests the finite entries of {@code gaps} (NaN entries, where no target-only baseline exists, are ignored).
     *
     * @param alpha significance level in (0, 1)
     */
    public static Result decide(double[] gaps, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("Invalid significance level: " + alpha + " (must be in (0, 1))");
        }
        int n = SampleStatistics.countFinite(gaps);
        if (n == 0) {
            return new Result(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Verdict.UNDETERMINED);
        }
        double mean = SampleStatistics.mean(gaps);
        if (n == 1) {
            return new Result(1, mean, Double.NaN, Double.NaN, Double.NaN, Verdict.UNDETERMINED);
        }
        double sd = SampleStatistics.sampleSd(gaps);
        if (sd == 0) {
            boolean negative = mean > 0;
            return new Result(n, mean, 0.0, mean > 0 ? Double.POSITIVE_INFINITY : mean < 0 ? Double.NEGATIVE_INFINITY : Double.NaN,
                    negative ? 0.0 : 1.0, negative ? Verdict.NEGATIVE : Verdict.NOT_NEGATIVE);
        }
        double t = mean / (sd / Math.sqrt(n));
        double p = TDistribution.of(n - 1).survivalProbability(t);
        Verdict v = mean > 0 && p < alpha ? Verdict.NEGATIVE : Verdict.NOT_NEGATIVE;
        return new Result(n, mean, sd, t, p, v);
    }
}
