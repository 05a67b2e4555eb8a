package org.tl4j.core.selection;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.tl4j.core.learn.Seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** L2 logistic regression: stationarity at the solution, agreement with a known optimum, reported failures. */
class LogisticRegressionTest {

    @Test
    void theSolutionIsStationaryAndRecoversTheGeneratingDirection() {
        var rng = Seeds.rng(1);
        int n = 2000;
        DMatrixRMaj x = new DMatrixRMaj(n, 3);
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            double a = rng.nextDouble() * 4 - 2;
            double b = rng.nextDouble() * 4 - 2;
            x.set(i, 0, a);
            x.set(i, 1, b);
            x.set(i, 2, 5.0);
            double p = 1 / (1 + Math.exp(-(2 * a - b)));
            y[i] = rng.nextDouble() < p;
        }
        LogisticRegression.Model m = LogisticRegression.fit(x, y, null, 1e-4, 1e-8, 5000, null);
        // Standardised coefficients divided by the feature scale give the raw slopes (2, -1).
        double slopeA = m.coef()[0] / m.scale()[0];
        double slopeB = m.coef()[1] / m.scale()[1];
        assertEquals(2.0, slopeA, 0.25);
        assertEquals(-1.0, slopeB, 0.15);
        assertEquals(0.0, m.coef()[2], 1e-12, "a constant feature gets no weight");
        double[] p = m.probability(x);
        for (double v : p) {
            assertTrue(v > 0 && v < 1);
        }
    }

    @Test
    void separableDataStillConvergeUnderThePenalty() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][]{{-2}, {-1}, {1}, {2}});
        boolean[] y = {false, false, true, true};
        LogisticRegression.Model m = LogisticRegression.fit(x, y, null, 1e-2, 1e-9, 10_000, null);
        assertTrue(m.decision(new DMatrixRMaj(new double[][]{{3}}))[0] > 0);
    }

    @Test
    void anExhaustedBudgetIsAnError() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][]{{-2, 1}, {-1, 0}, {1, 3}, {2, -1}});
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LogisticRegression.fit(x, new boolean[]{false, true, true, false}, null, 1e-3, 1e-14, 1, null));
        assertTrue(e.getMessage().contains("did not converge"), e.getMessage());
    }
}
