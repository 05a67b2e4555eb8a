package org.tl4j.instance.kliep;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.tl4j.core.kernel.GaussianKernel;
import org.tl4j.core.math.SampleStatistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tl4j.instance.Samples.gaussian;

/** KLIEP: its constraint, the certified optimum, likelihood cross-validation and degenerate input. */
class KliepTest {

    @Test
    void weightsAverageOneOnTheSourceAndTheFitIsCertified() {
        DMatrixRMaj s = gaussian(200, 2, 0, 1, 1);
        DMatrixRMaj t = gaussian(150, 2, 1, 0.6, 2);
        Kliep.Result r = Kliep.fit(s, t, Kliep.Options.defaults(), 3);
        for (double w : r.weights()) {
            assertTrue(w >= 0);
        }
        assertEquals(1.0, SampleStatistics.mean(r.weights()), 1e-9, "the KLIEP constraint (1/n) sum w(x_i) = 1");
        assertTrue(r.gap() <= 1e-6, "gap " + r.gap());
        assertEquals(6, r.candidates().length);
        double best = Double.NEGATIVE_INFINITY;
        for (double v : r.cvScores()) {
            best = Math.max(best, v);
        }
        int chosen = -1;
        for (int c = 0; c < r.candidates().length; c++) {
            if (r.candidates()[c] == r.sigma()) {
                chosen = c;
            }
        }
        assertEquals(best, r.cvScores()[chosen], "the width with the best held-out likelihood is chosen");
        double[] again = r.ratio(s);
        for (int i = 0; i < 200; i++) {
            assertEquals(r.weights()[i], again[i], 1e-12);
        }
    }

    @Test
    void aSingleTargetPointUsesTheMedianHeuristicWithoutCrossValidation() {
        DMatrixRMaj s = gaussian(60, 2, 0, 1, 4);
        DMatrixRMaj t = new DMatrixRMaj(new double[][]{{0.3, -0.2}});
        Kliep.Result r = Kliep.fit(s, t, Kliep.Options.defaults(), 1);
        assertEquals(0, r.candidates().length, "no cross-validation with one target point");
        assertEquals(GaussianKernel.medianWidth(s, t, 1), r.sigma(), 1e-12);
    }

    @Test
    void anAllZeroKernelIsAnErrorNamingTheWidth() {
        DMatrixRMaj s = gaussian(30, 2, 0, 1, 5);
        DMatrixRMaj t = gaussian(30, 2, 1e4, 1, 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kliep.fit(s, t,
                new Kliep.Options(0.5, new double[]{1}, 10, 5, 1e-6, 100), 1));
        assertTrue(e.getMessage().contains("is 0 between every KLIEP centre") && e.getMessage().contains("0.5"),
                e.getMessage());
    }
}
