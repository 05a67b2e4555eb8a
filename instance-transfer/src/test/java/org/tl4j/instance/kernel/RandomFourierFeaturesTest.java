package org.tl4j.instance.kernel;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.tl4j.core.kernel.GaussianKernel;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tl4j.instance.Samples.gaussian;

/** Random Fourier features approximate the shared Gaussian kernel. */
class RandomFourierFeaturesTest {

    @Test
    void randomFourierFeaturesApproximateTheKernel() {
        DMatrixRMaj x = gaussian(40, 5, 0, 1, 3);
        RandomFourierFeatures rff = new RandomFourierFeatures(5, 4000, 2.0, 7);
        DMatrixRMaj z = rff.transform(x);
        DMatrixRMaj k = GaussianKernel.withWidth(2.0).symmetricMatrix(x);
        double worst = 0;
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 40; j++) {
                double dot = 0;
                for (int c = 0; c < 4000; c++) {
                    dot += z.get(i, c) * z.get(j, c);
                }
                worst = Math.max(worst, Math.abs(dot - k.get(i, j)));
            }
        }
        assertTrue(worst < 0.08, "largest error " + worst + " (O(1/sqrt(D)) = 0.016 per entry)");
    }
}
