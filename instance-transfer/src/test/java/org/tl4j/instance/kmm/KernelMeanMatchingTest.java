package org.tl4j.instance.kmm;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.tl4j.core.kernel.GaussianKernel;
import org.tl4j.instance.kernel.SymmetricOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tl4j.instance.Samples.gaussian;

/** Kernel mean matching: constraints, documented behaviour on degenerate input, and the random-feature route. */
class KernelMeanMatchingTest {

    @Test
    void weightsRespectTheBoxAndSumConstraints() {
        DMatrixRMaj s = gaussian(150, 3, 0, 1, 1);
        DMatrixRMaj t = gaussian(120, 3, 1, 0.6, 2);
        KernelMeanMatching.Options o = new KernelMeanMatching.Options(Double.NaN, 5, 0.2, 1e-6, 50_000, 0,
                KernelMeanMatching.DEFAULT_RIDGE);
        KernelMeanMatching.Result r = KernelMeanMatching.fit(s, t, o, 3);
        double sum = 0;
        for (double w : r.weights()) {
            assertTrue(w >= 0 && w <= 5 + 1e-12, "weight in [0, B]: " + w);
            sum += w;
        }
        assertTrue(sum >= 150 * 0.8 - 1e-6 && sum <= 150 * 1.2 + 1e-6, "sum " + sum);
        assertTrue(r.gap() <= 1e-6 * Math.max(Math.abs(r.objective()), 0.01), "certified gap " + r.gap());
        assertEquals(r.weights().length, 150);
    }

    @Test
    void duplicatedSourcePointsGetEqualWeightsMatchingTheOriginal() {
        DMatrixRMaj s = gaussian(60, 2, 0, 1, 4);
        DMatrixRMaj t = gaussian(50, 2, 1, 0.7, 5);
        DMatrixRMaj doubled = new DMatrixRMaj(120, 2);
        System.arraycopy(s.data, 0, doubled.data, 0, s.data.length);
        System.arraycopy(s.data, 0, doubled.data, s.data.length, s.data.length);
        KernelMeanMatching.Options o = new KernelMeanMatching.Options(1.0, 1000, 0.3, 1e-9, 200_000, 0, 0);
        double[] once = KernelMeanMatching.fit(s, t, o, 1).weights();
        double[] twice = KernelMeanMatching.fit(doubled, t, o, 1).weights();
        for (int i = 0; i < 60; i++) {
            assertEquals(twice[i], twice[60 + i], 1e-6, "copies of one point share its weight");
            assertEquals(once[i], twice[i], 0.05 * (1 + once[i]), "same weight as without the duplicate");
        }
    }

    @Test
    void smoGivesCopiesWeightsWithinTheCertifiedDistanceOfEachOther() {
        // 2 × 150 points: above the size where AUTO picks SMO, whose one-coordinate steps break the tie between
        // copies; the optimum gives them equal weights, and the certified gap bounds the distance to it.
        DMatrixRMaj s = gaussian(150, 2, 0, 1, 4);
        DMatrixRMaj t = gaussian(140, 2, 1, 0.7, 5);
        DMatrixRMaj doubled = new DMatrixRMaj(300, 2);
        System.arraycopy(s.data, 0, doubled.data, 0, s.data.length);
        System.arraycopy(s.data, 0, doubled.data, s.data.length, s.data.length);
        for (double tol : new double[]{1e-6, 1e-12}) {
            KernelMeanMatching.Options o = new KernelMeanMatching.Options(Double.NaN, 1000, Double.NaN, tol, 50_000, 0,
                    KernelMeanMatching.DEFAULT_RIDGE);
            KernelMeanMatching.Result r = KernelMeanMatching.fit(doubled, t, o, 1);
            assertEquals(BoxSumQuadraticProgram.Method.SMO, r.solver());
            // f(β) − f* ≥ (δ/2)‖β − β*‖², with the gap in units of n²: ‖β − β*‖ ≤ n·√(2·gap/δ).
            double radius = 300 * Math.sqrt(2 * r.gap() / KernelMeanMatching.DEFAULT_RIDGE);
            double[] w = r.weights();
            for (int i = 0; i < 150; i++) {
                assertTrue(Math.abs(w[i] - w[150 + i]) <= 2 * radius + 1e-9,
                        "copies within the certified distance: " + w[i] + " vs " + w[150 + i] + ", radius " + radius);
            }
            if (tol == 1e-12) {
                for (int i = 0; i < 150; i++) {
                    assertEquals(w[i], w[150 + i], 1e-4 * (1 + w[i]), "a tight gap makes copies equal");
                }
            }
        }
    }

    @Test
    void theRidgeMakesTheWeightsUniqueAndDuplicatesExactlyEqual() {
        DMatrixRMaj s = gaussian(60, 2, 0, 1, 4);
        DMatrixRMaj t = gaussian(50, 2, 1, 0.7, 5);
        DMatrixRMaj doubled = new DMatrixRMaj(120, 2);
        System.arraycopy(s.data, 0, doubled.data, 0, s.data.length);
        System.arraycopy(s.data, 0, doubled.data, s.data.length, s.data.length);
        double[] w = KernelMeanMatching.fit(doubled, t, KernelMeanMatching.Options.defaults(), 1).weights();
        for (int i = 0; i < 60; i++) {
            assertEquals(w[i], w[60 + i], 1e-6 * (1 + w[i]), "a strictly convex program treats copies alike");
        }
    }

    @Test
    void aSinglePointTargetPullsWeightTowardsItsNeighbours() {
        DMatrixRMaj s = gaussian(100, 2, 0, 1, 6);
        DMatrixRMaj t = new DMatrixRMaj(new double[][]{{1.5, 0}});
        double[] w = KernelMeanMatching.fit(s, t, KernelMeanMatching.Options.defaults(), 1).weights();
        int nearest = 0;
        int farthest = 0;
        double dn = Double.POSITIVE_INFINITY;
        double df = 0;
        for (int i = 0; i < 100; i++) {
            double d = Math.hypot(s.get(i, 0) - 1.5, s.get(i, 1));
            if (d < dn) {
                dn = d;
                nearest = i;
            }
            if (d > df) {
                df = d;
                farthest = i;
            }
        }
        assertTrue(w[nearest] > w[farthest], "nearest " + w[nearest] + " vs farthest " + w[farthest]);
    }

    @Test
    void anAllZeroKernelIsAnErrorNamingTheWidth() {
        DMatrixRMaj s = gaussian(30, 2, 0, 1, 7);
        DMatrixRMaj t = gaussian(30, 2, 0, 1, 8);
        for (int i = 0; i < t.numRows; i++) {
            t.add(i, 0, 1e4);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelMeanMatching.fit(s, t,
                new KernelMeanMatching.Options(0.5, 1000, Double.NaN, 1e-6, 1000, 0, 0.01), 1));
        assertTrue(e.getMessage().contains("kernel") && e.getMessage().contains("sigma = 0.5"), e.getMessage());
    }

    @Test
    void emptyAndNonFiniteInputsAreRejected() {
        DMatrixRMaj s = gaussian(10, 2, 0, 1, 9);
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> KernelMeanMatching.fit(s, new DMatrixRMaj(0, 2), KernelMeanMatching.Options.defaults(), 1));
        assertTrue(empty.getMessage().contains("target sample is empty"), empty.getMessage());
        DMatrixRMaj t = gaussian(10, 2, 0, 1, 10);
        t.set(3, 1, Double.NaN);
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> KernelMeanMatching.fit(s, t, KernelMeanMatching.Options.defaults(), 1));
        assertTrue(nan.getMessage().contains("target row 3 column 1 is NaN"), nan.getMessage());
        DMatrixRMaj same = new DMatrixRMaj(5, 2);
        IllegalArgumentException allSame = assertThrows(IllegalArgumentException.class,
                () -> KernelMeanMatching.fit(same, same, KernelMeanMatching.Options.defaults(), 1));
        assertTrue(allSame.getMessage().contains("median pairwise distance is 0"), allSame.getMessage());
    }

    @Test
    void randomFourierFeaturesGiveNearlyOptimalWeightsForTheExactProblem() {
        DMatrixRMaj s = gaussian(600, 10, 0, 1, 11);
        DMatrixRMaj t = gaussian(500, 10, 1, 0.7, 12);
        double sigma = GaussianKernel.medianWidth(s, t, 1);
        KernelMeanMatching.Result exact = KernelMeanMatching.fit(s, t, new KernelMeanMatching.Options(sigma, 1000,
                Double.NaN, 1e-5, 50_000, 0, 0), 1);
        KernelMeanMatching.Result approx = KernelMeanMatching.fit(s, t, new KernelMeanMatching.Options(sigma, 1000,
                Double.NaN, 1e-5, 50_000, 200, 0), 1);
        // The exact objective of the random-feature weights: within 0.1 % of the exact optimum (measured 0.03 %).
        DMatrixRMaj k = GaussianKernel.withWidth(sigma).symmetricMatrix(s);
        double[] kappa = GaussianKernel.withWidth(sigma).rowSums(s, t);
        double[] w = approx.weights();
        double[] kw = new double[600];
        SymmetricOperator.dense(k).apply(w, kw);
        double f = 0;
        for (int i = 0; i < 600; i++) {
            f += w[i] * (0.5 * kw[i] - kappa[i] * 600 / 500.0);
        }
        f /= 600.0 * 600.0;
        assertEquals(exact.objective(), f, 1e-3 * Math.abs(exact.objective()), "exact objective of RFF weights");
    }

    @Test
    void sameSeedSameWeights() {
        DMatrixRMaj s = gaussian(80, 3, 0, 1, 13);
        DMatrixRMaj t = gaussian(70, 3, 1, 0.7, 14);
        assertArrayEquals(KernelMeanMatching.fit(s, t, KernelMeanMatching.Options.defaults(), 5).weights(),
                KernelMeanMatching.fit(s, t, KernelMeanMatching.Options.defaults(), 5).weights());
    }
}
