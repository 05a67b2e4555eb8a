package org.tl4j.experiments.lfw;

import org.junit.jupiter.api.Test;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The K-fold threshold logic on hand-made distances, worked out by hand in the comments. */
class VerificationTest {
    private static final double TOL = 1e-12;

    // Fold 0: same 0.1, 0.2; different 0.5, 0.9.  Fold 1: same 0.3, 0.6; different 0.4, 0.8.
    private static final double[] D = {0.1, 0.2, 0.5, 0.9, 0.3, 0.6, 0.4, 0.8};
    private static final boolean[] SAME = {true, true, false, false, true, true, false, false};
    private static final int[] FOLD = {0, 0, 0, 0, 1, 1, 1, 1};

    @Test
    void thresholdIsChosenOnTheOtherFoldsAndAppliedToTheHeldOutOne() {
        // Testing fold 0, train on fold 1 (0.3S 0.4D 0.6S 0.8D): accuracy 3/4 first reached between 0.3 and 0.4,
        // so t = 0.35, and fold 0 is then classified perfectly.
        // Testing fold 1, train on fold 0 (0.1S 0.2S 0.5D 0.9D): 4/4 between 0.2 and 0.5, t = 0.35; fold 1 then
        // rejects its same pair at 0.6: 3/4.
        Verification.Result r = Verification.evaluate(D, SAME, FOLD, 0.4);
        assertArrayEquals(new double[]{0.35, 0.35}, r.foldThreshold(), TOL);
        assertArrayEquals(new double[]{1.0, 0.75}, r.foldAccuracy(), TOL);
        assertEquals(0.875, r.accuracy(), TOL);
        assertEquals(0.125, r.accuracyStd(), TOL, "population standard deviation, as numpy.std");
    }

    @Test
    void valAtFarUsesTheLargestThresholdWithinTheTrainingFar() {
        // FAR 0.4 of two training negatives allows floor(0.8) = 0 false accepts: t = smallest negative distance.
        // Fold 0: t = 0.4 -> VAL 2/2, FAR 0/2.  Fold 1: t = 0.5 -> VAL 1/2 (0.6 rejected), FAR 1/2 (0.4 accepted).
        Verification.Result r = Verification.evaluate(D, SAME, FOLD, 0.4);
        assertArrayEquals(new double[]{1.0, 0.5}, r.foldVal(), TOL);
        assertArrayEquals(new double[]{0.0, 0.5}, r.foldFar(), TOL);
        assertEquals(0.75, r.val(), TOL);
        assertEquals(0.25, r.valStd(), TOL);
        assertEquals(0.25, r.far(), TOL);
        // FAR 0.5 allows one false accept: t = the second training negative (fold 0: 0.8, fold 1: 0.9); the
        // held-out FAR can exceed the target: fold 1's negatives 0.4 and 0.8 are both below 0.9.
        Verification.Result half = Verification.evaluate(D, SAME, FOLD, 0.5);
        assertArrayEquals(new double[]{1.0, 1.0}, half.foldVal(), TOL);
        assertArrayEquals(new double[]{0.5, 1.0}, half.foldFar(), TOL);
    }

    @Test
    void pooledRocAucAndEer() {
        // Sorted: 0.1S 0.2S 0.3S 0.4D 0.5D 0.6S 0.8D 0.9D. AUC = P(d_same < d_diff) = (4+4+4+2)/16 = 0.875.
        // The ROC reaches FPR = 0.25 at TPR = 0.75, where FPR = 1 - TPR: EER = 0.25.
        Verification.Result r = Verification.evaluate(D, SAME, FOLD, 0.4);
        assertEquals(0.875, r.auc(), TOL);
        assertEquals(0.25, r.eer(), TOL);
        assertArrayEquals(new double[]{0, 0, 0, 0, 0.25, 0.5, 0.5, 0.75, 1}, r.rocFpr(), TOL);
        assertArrayEquals(new double[]{0, 0.25, 0.5, 0.75, 0.75, 0.75, 1, 1, 1}, r.rocTpr(), TOL);
    }

    @Test
    void tiedDistancesMoveTogether() {
        // Training: 0.2S 0.2D 0.2S 0.7D. Crossing the tie at 0.2 gains 2 - 1 = +1: accuracy 3/4 at t = (0.2+0.7)/2.
        double[] d = {0.2, 0.2, 0.2, 0.7};
        boolean[] same = {true, false, true, false};
        assertEquals(0.45, Verification.accuracyThreshold(d, same, new boolean[]{true, true, true, true}), TOL);
        // Ties in accuracy go to the smallest threshold: 0.1S 0.3D 0.5S gives 2/3 at t=0.2 and at t>0.5.
        double[] e = {0.1, 0.3, 0.5};
        boolean[] s2 = {true, false, true};
        assertEquals(0.2, Verification.accuracyThreshold(e, s2, new boolean[]{true, true, true}), TOL);
    }

    @Test
    void tiedDistancesFormOneRocStepAndCountHalfInTheAuc() {
        // Sorted: 0.1S, {0.2S 0.2D}, {0.5S 0.5D}, 0.9D. Mann-Whitney with ties counted half: (3 + 2.5 + 1.5)/9.
        double[] d = {0.1, 0.2, 0.2, 0.5, 0.5, 0.9};
        boolean[] same = {true, true, false, true, false, false};
        int[] fold = {0, 1, 0, 1, 0, 1};
        Verification.Result r = Verification.evaluate(d, same, fold, 0.4);
        assertArrayEquals(new double[]{0, 0, 1 / 3.0, 2 / 3.0, 1}, r.rocFpr(), TOL);
        assertArrayEquals(new double[]{0, 1 / 3.0, 2 / 3.0, 1, 1}, r.rocTpr(), TOL);
        assertEquals(7 / 9.0, r.auc(), TOL);
        double[] score = {-0.1, -0.2, -0.2, -0.5, -0.5, -0.9};
        assertEquals(LabelEvaluationUtil.binaryAUCROC(same, score), r.auc(), 0.0, "Tribuo's AUC of the scores -d");
    }

    @Test
    void perfectSeparationGivesAucOneAndEerZero() {
        double[] d = {0.1, 0.2, 0.8, 0.9, 0.15, 0.25, 0.7, 0.95};
        Verification.Result r = Verification.evaluate(d, SAME, FOLD, 0.4);
        assertEquals(1.0, r.accuracy(), TOL);
        assertEquals(1.0, r.auc(), TOL);
        assertEquals(0.0, r.eer(), TOL);
    }

    @Test
    void badInputIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Verification.evaluate(
                new double[]{0.1, Double.NaN}, new boolean[]{true, false}, new int[]{0, 1}, 0.1));
        assertTrue(e.getMessage().contains("pair 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Verification.evaluate(
                new double[]{0.1, 0.2}, new boolean[]{true, false}, new int[]{0, 0}, 0.1));
        assertTrue(e.getMessage().contains("at least 2 folds"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Verification.evaluate(
                new double[]{0.1, 0.2}, new boolean[]{true, false}, new int[]{0, 2}, 0.1));
        assertTrue(e.getMessage().contains("Fold 1 holds no pairs"), e.getMessage());
    }
}
