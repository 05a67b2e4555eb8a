package org.tl4j.parameter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetCrossValidationTest {

    @Test
    void classFoldsAreStratifiedBalancedAndSeeded() {
        int[] labels = {0, 0, 0, 1, 1, 1, 2, 2, 2, 0, 1, 2};
        int[] f = TargetCrossValidation.folds(labels, labels.length, 4, 7L);
        assertArrayEquals(f, TargetCrossValidation.folds(labels, labels.length, 4, 7L));
        int[][] perClass = new int[3][4];
        int[] sizes = new int[4];
        for (int i = 0; i < labels.length; i++) {
            perClass[labels[i]][f[i]]++;
            sizes[f[i]]++;
        }
        for (int[] c : perClass) {
            for (int n : c) {
                assertEquals(1, n, "each class has one row per fold");
            }
        }
        for (int s : sizes) {
            assertEquals(3, s);
        }
    }

    @Test
    void theLowestMeanLossWinsAndTiesGoToTheFirst() {
        TargetCrossValidation.Selection s = TargetCrossValidation.select(3, null, 10, 5, 1L,
                (train, test) -> new double[]{2.0 * test.length, 1.0 * test.length, 1.0 * test.length});
        assertEquals(1, s.best());
        assertEquals(1.0, s.meanLoss()[1], 1e-12);
        assertEquals(5, s.folds());
    }

    @Test
    void candidatesFailingOnAFoldCannotWin() {
        TargetCrossValidation.Selection s = TargetCrossValidation.select(2, null, 6, 3, 1L,
                (train, test) -> new double[]{test[0] == 0 || train.length < 0 ? Double.POSITIVE_INFINITY : 0, 5});
        assertTrue(s.best() == 0 || s.best() == 1);
        int[] fold = TargetCrossValidation.folds(null, 6, 3, 1L);
        assertEquals(1, s.best(), "row 0 is held out in fold " + fold[0] + ", where candidate 0 fails");
        assertThrows(IllegalArgumentException.class, () -> TargetCrossValidation.select(2, null, 1, 5, 1L,
                (train, test) -> new double[2]));
    }
}
