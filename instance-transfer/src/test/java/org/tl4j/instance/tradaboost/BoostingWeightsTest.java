package org.tl4j.instance.tradaboost;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The TrAdaBoost family's arithmetic against hand-computed values. */
class BoostingWeightsTest {

    @Test
    void sourceMultiplierFollowsDaiEtAl() {
        assertEquals(1 / (1 + Math.sqrt(2 * Math.log(1000) / 30)), BoostingWeights.sourceBeta(1000, 30), 1e-15);
        assertEquals(1.0, BoostingWeights.sourceBeta(1, 10), 0.0);
        assertThrows(IllegalArgumentException.class, () -> BoostingWeights.sourceBeta(0, 10));
    }

    @Test
    void roundMultiplierIsClippedToChanceAndAwayFromZero() {
        assertEquals(0.25 / 0.75, BoostingWeights.roundBeta(0.25), 1e-15);
        assertEquals(1.0, BoostingWeights.roundBeta(0.7), 0.0);
        assertEquals(1e-10 / (1 - 1e-10), BoostingWeights.roundBeta(0), 1e-25);
        assertEquals(0.0, BoostingWeights.voteWeight(1.0), 0.0);
    }

    @Test
    void weightedMedianIsDruckersRule() {
        assertEquals(2.0, BoostingWeights.weightedMedian(new double[]{3, 1, 2}, new double[]{1, 1, 1}), 0);
        assertEquals(3.0, BoostingWeights.weightedMedian(new double[]{3, 1, 2}, new double[]{5, 1, 1}), 0);
        assertEquals(1.0, BoostingWeights.weightedMedian(new double[]{3, 1, 2}, new double[]{0, 1, 1}), 0);
        assertEquals(2.0, BoostingWeights.weightedMedian(new double[]{3, 1, 2}, new double[]{0, 0, 0}), 0);
    }

    @Test
    void adjustedErrorsScaleByTheLargestResidual() {
        assertArrayEquals(new double[]{0.5, 1, 0}, BoostingWeights.adjustedErrors(new double[]{-1, 2, 0},
                BoostingWeights.Loss.LINEAR), 1e-15);
        assertArrayEquals(new double[]{0.25, 1, 0}, BoostingWeights.adjustedErrors(new double[]{-1, 2, 0},
                BoostingWeights.Loss.SQUARE), 1e-15);
        assertArrayEquals(new double[]{1 - Math.exp(-0.5), 1 - Math.exp(-1), 0},
                BoostingWeights.adjustedErrors(new double[]{-1, 2, 0}, BoostingWeights.Loss.EXPONENTIAL), 1e-15);
        assertArrayEquals(new double[]{0, 0}, BoostingWeights.adjustedErrors(new double[]{0, 0},
                BoostingWeights.Loss.LINEAR), 0);
    }

    @Test
    void twoStageReweightingHitsTheTargetShare() {
        double[] w = {0.25, 0.25, 0.25, 0.25};
        TwoStageTrAdaBoostR2Strategy.reweightSource(w, new double[]{0.2, 1, 0, 0}, 2, 0.8);
        assertEquals(0.8, w[2] + w[3], 1e-9);
        assertEquals(1.0, w[0] + w[1] + w[2] + w[3], 1e-12);
        assertEquals(true, w[0] > w[1], "the worse-fitted source row loses more weight");
        double[] all = {0.25, 0.25, 0.25, 0.25};
        TwoStageTrAdaBoostR2Strategy.reweightSource(all, new double[]{0.2, 1, 0, 0}, 2, 1.0);
        assertArrayEquals(new double[]{0, 0, 0.5, 0.5}, all, 1e-12);
        double[] exact = {0.3, 0.3, 0.2, 0.2};
        TwoStageTrAdaBoostR2Strategy.reweightSource(exact, new double[]{0, 0, 0, 0}, 2, 0.8);
        assertEquals(0.8, exact[2] + exact[3], 1e-9, "source rows fitted exactly still give up their share");
        assertEquals(exact[0], exact[1], 0);
    }

    @Test
    void adaBoostR2PrimeMovesWeightAmongTargetRowsAndKeepsTheSourceShare() {
        double[] w = {0.3, 0.1, 0.2, 0.2, 0.2};
        double[] e = {0.9, 0.1, 0.0, 0.5, 1.0};
        double beta = 0.25;
        assertEquals(true, RegressionBoosting.reweightTarget(w, e, 2, beta));
        assertEquals(0.3, w[0], 0);
        assertEquals(0.1, w[1], 0);
        assertEquals(0.6, w[2] + w[3] + w[4], 1e-12, "the target keeps its total");
        // Relative target weights follow beta^(1 - e): the worst-fitted row gains the most.
        assertEquals(Math.pow(beta, 1.0) / Math.pow(beta, 0.5), w[2] / w[3], 1e-12);
        assertEquals(Math.pow(beta, 0.5) / Math.pow(beta, 0.0), w[3] / w[4], 1e-12);
        double[] gone = {0.5, 0.0, 0.0};
        assertEquals(false, RegressionBoosting.reweightTarget(gone, new double[]{0, 0, 0}, 1, beta));
    }
}
