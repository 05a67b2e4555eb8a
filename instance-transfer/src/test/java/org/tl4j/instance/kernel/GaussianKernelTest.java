package org.tl4j.instance.kernel;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tl4j.instance.Samples.gaussian;

/** Kernel matrices agree with the definition; random features approximate the kernel. */
class GaussianKernelTest {

    private static double direct(DMatrixRMaj a, int i, DMatrixRMaj b, int j, double sigma) {
        double s = 0;
        for (int k = 0; k < a.numCols; k++) {
            double d = a.get(i, k) - b.get(j, k);
            s += d * d;
        }
        return Math.exp(-s / (2 * sigma * sigma));
    }

    @Test
    void blockedProductsMatchTheDefinitionForAwkwardShapes() {
        DMatrixRMaj a = gaussian(131, 67, 0, 1, 1);
        DMatrixRMaj b = gaussian(517, 67, 0.5, 1, 2);
        DMatrixRMaj k = GaussianKernel.matrix(a, b, 9);
        double[] sums = GaussianKernel.rowSums(a, b, 9);
        for (int i = 0; i < a.numRows; i += 13) {
            double s = 0;
            for (int j = 0; j < b.numRows; j++) {
                double v = direct(a, i, b, j, 9);
                s += v;
                assertEquals(v, k.get(i, j), 1e-12);
            }
            assertEquals(s, sums[i], 1e-9);
        }
        DMatrixRMaj sym = GaussianKernel.symmetricMatrix(b, 7);
        for (int i = 0; i < b.numRows; i += 37) {
            for (int j = 0; j < b.numRows; j += 11) {
                assertEquals(direct(b, i, b, j, 7), sym.get(i, j), 1e-12);
                assertEquals(sym.get(i, j), sym.get(j, i), 0.0);
            }
        }
    }

    @Test
    void randomFourierFeaturesApproximateTheKernel() {
        DMatrixRMaj x = gaussian(40, 5, 0, 1, 3);
        RandomFourierFeatures rff = new RandomFourierFeatures(5, 4000, 2.0, 7);
        DMatrixRMaj z = rff.transform(x);
        double worst = 0;
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 40; j++) {
                double dot = 0;
                for (int k = 0; k < 4000; k++) {
                    dot += z.get(i, k) * z.get(j, k);
                }
                worst = Math.max(worst, Math.abs(dot - direct(x, i, x, j, 2.0)));
            }
        }
        assertTrue(worst < 0.08, "largest error " + worst + " (O(1/sqrt(D)) = 0.016 per entry)");
    }

    @Test
    void invalidWidthsAndMismatchedSamplesAreRejected() {
        DMatrixRMaj a = gaussian(3, 2, 0, 1, 4);
        assertThrows(IllegalArgumentException.class, () -> GaussianKernel.matrix(a, a, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GaussianKernel.matrix(a, gaussian(3, 3, 0, 1, 5), 1));
        assertTrue(e.getMessage().contains("2 vs 3"), e.getMessage());
    }
}
