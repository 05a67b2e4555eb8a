package org.tl4j.instance.ulsif;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.tl4j.core.kernel.GaussianKernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tl4j.instance.Samples.gaussian;

/** uLSIF and RuLSIF: the closed-form leave-one-out score equals explicit refits; bounds and fallbacks. */
class ULsifTest {

    /** Relative agreement of the closed form with explicit refits (rounding only). */
    private static final double LOO_TOLERANCE = 1e-8;

    @Test
    void closedFormLeaveOneOutEqualsExplicitRefits() {
        DMatrixRMaj s = gaussian(25, 2, 0, 1, 1);
        DMatrixRMaj t = gaussian(20, 2, 1, 0.7, 2);
        DMatrixRMaj centres = org.tl4j.core.matrix.TribuoMatrices.selectRows(t, new int[]{0, 3, 5, 7, 11, 13});
        for (double alpha : new double[]{0, 0.5}) {
            for (double lambda : new double[]{0.01, 1}) {
                DMatrixRMaj phiS = GaussianKernel.withWidth(0.9).matrix(s, centres);
                DMatrixRMaj phiT = GaussianKernel.withWidth(0.9).matrix(t, centres);
                int[] sRows = new int[20];
                int[] tRows = new int[20];
                for (int k = 0; k < 20; k++) {
                    sRows[k] = (k * 7) % 25;
                    tRows[k] = (k * 3) % 20;
                }
                double closed = ULsif.leaveOneOut(phiS, phiT, alpha, lambda, sRows, tRows);
                double brute = 0;
                for (int k = 0; k < 20; k++) {
                    DMatrixRMaj ps = dropRow(phiS, sRows[k]);
                    DMatrixRMaj pt = dropRow(phiT, tRows[k]);
                    double[] theta = ULsif.solve(ps, pt, alpha, lambda);
                    double rs = 0;
                    double rt = 0;
                    for (int l = 0; l < theta.length; l++) {
                        rs += theta[l] * phiS.get(sRows[k], l);
                        rt += theta[l] * phiT.get(tRows[k], l);
                    }
                    brute += (0.5 * (1 - alpha) * rs * rs + 0.5 * alpha * rt * rt - rt) / 20;
                }
                assertEquals(brute, closed, LOO_TOLERANCE * Math.abs(brute), "alpha " + alpha + ", lambda " + lambda);
            }
        }
    }

    private static DMatrixRMaj dropRow(DMatrixRMaj m, int row) {
        DMatrixRMaj out = new DMatrixRMaj(m.numRows - 1, m.numCols);
        int r = 0;
        for (int i = 0; i < m.numRows; i++) {
            if (i != row) {
                for (int j = 0; j < m.numCols; j++) {
                    out.set(r, j, m.get(i, j));
                }
                r++;
            }
        }
        return out;
    }

    @Test
    void relativeRatiosAreBoundedByOneOverAlpha() {
        DMatrixRMaj s = gaussian(200, 2, 0, 1, 3);
        DMatrixRMaj t = gaussian(200, 2, 2.5, 0.4, 4);
        ULsif.Result r = ULsif.fit(s, t, ULsif.Options.defaults(0.5), 1);
        for (double w : r.weights()) {
            assertTrue(w >= 0 && w <= 2.0 * 1.25, "relative ratio " + w + " far above 1/alpha = 2");
        }
        assertTrue(Double.isFinite(r.looScore()));
    }

    @Test
    void aSingleTargetPointFallsBackToTheMedianHeuristic() {
        DMatrixRMaj s = gaussian(50, 2, 0, 1, 5);
        DMatrixRMaj t = new DMatrixRMaj(new double[][]{{0.5, 0.5}});
        ULsif.Result r = ULsif.fit(s, t, ULsif.Options.defaults(0), 1);
        assertTrue(Double.isNaN(r.looScore()), "no leave-one-out with one pair");
        assertEquals(ULsif.FALLBACK_LAMBDA, r.lambda());
        assertEquals(GaussianKernel.medianWidth(s, t, 1), r.sigma(), 1e-12);
    }

    @Test
    void anAllZeroKernelIsAnErrorNamingTheWidth() {
        DMatrixRMaj s = gaussian(30, 2, 0, 1, 6);
        DMatrixRMaj t = gaussian(30, 2, 1e4, 1, 7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ULsif.fit(s, t,
                new ULsif.Options(0, 0.5, 0.1, new double[]{1}, new double[]{1}, 10), 1));
        assertTrue(e.getMessage().contains("Every fitted ratio is 0") && e.getMessage().contains("sigma = 0.5"),
                e.getMessage());
    }

    @Test
    void duplicatedPointsGetIdenticalWeights() {
        DMatrixRMaj s = gaussian(40, 2, 0, 1, 8);
        s.set(5, 0, s.get(4, 0));
        s.set(5, 1, s.get(4, 1));
        double[] w = ULsif.fit(s, gaussian(40, 2, 1, 0.6, 9), ULsif.Options.defaults(0), 1).weights();
        assertEquals(w[4], w[5], 0.0);
    }
}
