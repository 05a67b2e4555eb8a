package org.tl4j.core.eval;

import org.junit.jupiter.api.Test;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankingMetricsTest {
    /** Hand-computed fractions are exact up to double rounding. */
    private static final double EXACT = 1e-12;

    private static final double[] ALTERNATING = {0.9, 0.8, 0.7, 0.6};
    private static final boolean[] ALTERNATING_POS = {true, false, true, false};

    /** A negative on top, then a tie group of 2 positives and 2 negatives, then a positive at the bottom. */
    private static final double[] TIES = {0.9, 0.5, 0.5, 0.5, 0.5, 0.1};
    private static final boolean[] TIES_POS = {false, true, true, false, false, true};

    /** One positive on top, then a tie of 2 positives and 2 negatives: interpolation across 2 true positives. */
    private static final double[] SKEW = {0.9, 0.5, 0.5, 0.5, 0.5};
    private static final boolean[] SKEW_POS = {true, true, true, false, false};

    @Test
    void aucRocCountsPairsAndHalfTies() {
        assertEquals(3.0 / 4, RankingMetrics.aucRoc(ALTERNATING, ALTERNATING_POS), EXACT);
        // positives at 0.5 tie with two negatives (½ each) and lose to the one at 0.9; the one at 0.1 wins nothing.
        assertEquals(2.0 / 9, RankingMetrics.aucRoc(TIES, TIES_POS), EXACT);
        assertEquals(4.0 / 6, RankingMetrics.aucRoc(SKEW, SKEW_POS), EXACT);
        assertEquals(1.0, RankingMetrics.aucRoc(new double[] {2, 1}, new boolean[] {true, false}), EXACT);
        assertEquals(0.5, RankingMetrics.aucRoc(new double[] {1, 1}, new boolean[] {true, false}), EXACT);
    }

    @Test
    void aucPrFollowsDavisGoadrichInterpolation() {
        // Points (R, P): (½, 1) (½, ½) (1, ⅔) (1, ½); rectangle ½·1 to recall 0, then one trapezoid.
        assertEquals(0.5 + 0.5 * (2.0 / 3 + 0.5) / 2, RankingMetrics.aucPr(ALTERNATING, ALTERNATING_POS), EXACT);
        // The negative on top gives a point without true positives, which is dropped; the first point (2 TP, 3 FP)
        // is extended flat to recall 0: ⅔·⅖, then to (3 TP, 3 FP): ⅓·(⅖ + ½)/2.
        assertEquals(4.0 / 15 + 0.15, RankingMetrics.aucPr(TIES, TIES_POS), EXACT);
        // From (1 TP, 0 FP) to (3 TP, 2 FP) through the interpolated (2 TP, 1 FP): 1/3 + 5/18 + 19/90 = 74/90,
        // below the 78/90 a straight line in PR space would give.
        assertEquals(74.0 / 90, RankingMetrics.aucPr(SKEW, SKEW_POS), EXACT);
    }

    @Test
    void averagePrecisionIsTheStepSum() {
        assertEquals(0.5 * 1 + 0.5 * (2.0 / 3), RankingMetrics.averagePrecision(ALTERNATING, ALTERNATING_POS), EXACT);
        assertEquals(2.0 / 3 * 0.4 + 1.0 / 3 * 0.5, RankingMetrics.averagePrecision(TIES, TIES_POS), EXACT);
        assertEquals(1.0 / 3 + 2.0 / 3 * 0.6, RankingMetrics.averagePrecision(SKEW, SKEW_POS), EXACT);
    }

    @Test
    void conditionalLogLikelihoodUsesBoostSrlRuleForCertainMistakes() {
        double[] p = {0.8, 0.3, 0.0, 1.0, 1.0};
        boolean[] y = {true, false, true, false, true};
        double expected = (Math.log(0.8) + Math.log(0.7) + 2 * Math.log(1e-6) + Math.log(1.0)) / 5;
        assertEquals(expected, RankingMetrics.conditionalLogLikelihood(p, y), EXACT);
        assertEquals(-expected, RankingMetrics.logLoss(p, y), EXACT);
        // Probabilities strictly inside (0, 1) are not clipped, even below the epsilon.
        assertEquals(Math.log(1e-9), RankingMetrics.conditionalLogLikelihood(new double[] {1e-9},
                new boolean[] {true}), EXACT);
    }

    @Test
    void unitWeightsChangeNothingAndIntegerWeightsEqualRepetition() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] s = new double[40];
        boolean[] y = new boolean[40];
        double[] w = new double[40];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.round(rng.nextDouble() * 10) / 10.0;
            y[i] = rng.nextDouble() < 0.4;
            w[i] = 1 + rng.nextInt(3);
        }
        double[] ones = new double[40];
        java.util.Arrays.fill(ones, 1.0);
        assertEquals(RankingMetrics.aucRoc(s, y), RankingMetrics.aucRoc(s, y, ones), EXACT);
        assertEquals(RankingMetrics.averagePrecision(s, y), RankingMetrics.averagePrecision(s, y, ones), EXACT);
        int n = 0;
        for (double v : w) {
            n += (int) v;
        }
        double[] rs = new double[n];
        boolean[] ry = new boolean[n];
        double[] rp = new double[n];
        double[] p = new double[40];
        int k = 0;
        for (int i = 0; i < s.length; i++) {
            p[i] = 0.05 + 0.9 * s[i];
            for (int r = 0; r < (int) w[i]; r++) {
                rs[k] = s[i];
                ry[k] = y[i];
                rp[k] = p[i];
                k++;
            }
        }
        assertEquals(RankingMetrics.aucRoc(rs, ry), RankingMetrics.aucRoc(s, y, w), EXACT);
        assertEquals(RankingMetrics.averagePrecision(rs, ry), RankingMetrics.averagePrecision(s, y, w), EXACT);
        assertEquals(RankingMetrics.conditionalLogLikelihood(rp, ry), RankingMetrics.conditionalLogLikelihood(p, y, w),
                EXACT);
    }

    @Test
    void agreesWithTribuoOnRandomScoresWithTies() {
        SplittableRandom rng = new SplittableRandom(2024);
        for (int trial = 0; trial < 50; trial++) {
            int n = 5 + rng.nextInt(60);
            double[] s = new double[n];
            boolean[] y = new boolean[n];
            int pos = 0;
            for (int i = 0; i < n; i++) {
                // Coarse scores make ties common.
                s[i] = rng.nextInt(8) / 7.0;
                y[i] = rng.nextDouble() < 0.3;
                pos += y[i] ? 1 : 0;
            }
            if (pos == 0 || pos == n) {
                continue;
            }
            assertEquals(LabelEvaluationUtil.binaryAUCROC(y, s), RankingMetrics.aucRoc(s, y), 1e-12, "trial " + trial);
            assertEquals(LabelEvaluationUtil.averagedPrecision(y, s), RankingMetrics.averagePrecision(s, y), 1e-12,
                    "trial " + trial);
        }
    }

    @Test
    void perfectAndReversedRankings() {
        double[] s = {0.9, 0.8, 0.3, 0.2, 0.1};
        boolean[] y = {true, true, false, false, false};
        assertEquals(1.0, RankingMetrics.aucRoc(s, y), EXACT);
        assertEquals(1.0, RankingMetrics.aucPr(s, y), EXACT);
        assertEquals(1.0, RankingMetrics.averagePrecision(s, y), EXACT);
        boolean[] reversed = {false, false, false, true, true};
        assertEquals(0.0, RankingMetrics.aucRoc(s, reversed), EXACT);
        double pr = RankingMetrics.aucPr(s, reversed);
        assertTrue(pr > 0 && pr < 0.5, "the worst ranking keeps the base-rate precision at the end: " + pr);
    }

    @Test
    void scoresAreNotModified() {
        double[] s = TIES.clone();
        boolean[] y = TIES_POS.clone();
        RankingMetrics.aucRoc(s, y);
        RankingMetrics.aucPr(s, y);
        RankingMetrics.averagePrecision(s, y);
        assertEquals(java.util.Arrays.toString(TIES), java.util.Arrays.toString(s));
        assertEquals(java.util.Arrays.toString(TIES_POS), java.util.Arrays.toString(y));
    }

    @Test
    void badInputIsRejectedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.aucRoc(new double[] {0.1, 0.2}, new boolean[] {true}));
        assertTrue(e.getMessage().contains("2 scores, 1 labels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.aucPr(new double[] {0.1, 0.2}, new boolean[] {true, true}));
        assertTrue(e.getMessage().contains("no negative"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.averagePrecision(new double[] {Double.NaN, 0.2}, new boolean[] {true, false}));
        assertTrue(e.getMessage().contains("example 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.conditionalLogLikelihood(new double[] {1.5}, new boolean[] {true}));
        assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.aucRoc(new double[0], new boolean[0]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.aucRoc(new double[] {1, 2}, new boolean[] {true, false}, new double[] {1, -1}));
        assertTrue(e.getMessage().contains("non-negative"), e.getMessage());
    }
}
