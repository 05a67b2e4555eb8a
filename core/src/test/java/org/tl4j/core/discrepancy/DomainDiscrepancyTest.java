package org.tl4j.core.discrepancy;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.matrix.ColumnStatistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainDiscrepancyTest {

    private static DMatrixRMaj gaussian(int n, int d, double shift, long seed) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(Seeds.rng(seed));
        DMatrixRMaj m = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                m.set(i, j, g.sample() + (j == 0 ? shift : 0));
            }
        }
        return m;
    }

    @Test
    void linearMmdIsTheSquaredMeanDifference() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][]{{0, 0}, {2, 0}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][]{{1, 3}, {1, 1}});
        assertEquals(0 + 4, DomainDiscrepancy.mmdLinear(a, b), 1e-12); // means (1,0) and (1,2)
    }

    @Test
    void rbfMmdIsNearZeroForOneDistributionAndGrowsWithTheShift() {
        DMatrixRMaj a = gaussian(300, 3, 0, 1);
        DMatrixRMaj same = gaussian(300, 3, 0, 2);
        DMatrixRMaj shifted = gaussian(300, 3, 1.5, 3);
        double sigma = DomainDiscrepancy.medianHeuristic(a, same, 0);
        double mmdSame = DomainDiscrepancy.mmdRbf(a, same, sigma);
        double mmdShift = DomainDiscrepancy.mmdRbf(a, shifted, sigma);
        // The unbiased estimate of a zero MMD has standard deviation O(1/n): 0.01 is several of them at n = 300.
        assertEquals(0, mmdSame, 0.01);
        assertTrue(mmdShift > 0.1, "shift of 1.5 sd is detected: " + mmdShift);
    }

    @Test
    void medianHeuristicOfAKnownConfiguration() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][]{{0}, {1}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][]{{3}});
        // pairwise distances 1, 3, 2 -> median 2
        assertEquals(2, DomainDiscrepancy.medianHeuristic(a, b, 0), 1e-12);
        DMatrixRMaj z = new DMatrixRMaj(3, 2);
        assertThrows(IllegalArgumentException.class, () -> DomainDiscrepancy.medianHeuristic(z, z, 0));
    }

    @Test
    void proxyADistanceSeparatesDistantDomainsAndNotIdenticalOnes() {
        double same = DomainDiscrepancy.proxyADistance(gaussian(400, 5, 0, 4), gaussian(400, 5, 0, 5), 0);
        double far = DomainDiscrepancy.proxyADistance(gaussian(400, 5, 0, 6), gaussian(400, 5, 6, 7), 0);
        // Same distribution: held-out error near 0.5 (binomial sd 0.025 on 400 test points), PAD near 0.
        assertTrue(same < 0.3, "same distribution: " + same);
        assertTrue(far > 1.9, "six standard deviations apart: " + far);
    }

    @Test
    void coralOfAScaledSampleIsKnownExactly() {
        DMatrixRMaj a = gaussian(50, 4, 0, 8);
        DMatrixRMaj b = a.copy();
        CommonOps_DDRM.scale(2, b); // C_b = 4 C_a exactly, so C_a − C_b = −3 C_a
        DMatrixRMaj ca = ColumnStatistics.covariance(a);
        double ss = 0;
        for (double v : ca.data) {
            ss += v * v;
        }
        double expected = 9 * ss / (4.0 * 16);
        assertEquals(expected, DomainDiscrepancy.coral(a, b), 1e-12);
        assertEquals(0, DomainDiscrepancy.coral(a, a), 0);
    }

    @Test
    void inputsAreNotModifiedAndBadShapesAreReported() {
        DMatrixRMaj a = gaussian(20, 3, 0, 9);
        DMatrixRMaj copy = a.copy();
        DomainDiscrepancy.proxyADistance(a, gaussian(20, 3, 1, 10), 0);
        DomainDiscrepancy.coral(a, gaussian(20, 3, 1, 10));
        assertTrue(org.ejml.dense.row.MatrixFeatures_DDRM.isIdentical(a, copy, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DomainDiscrepancy.mmdLinear(a, new DMatrixRMaj(3, 2)));
        assertTrue(e.getMessage().contains("different feature counts: 3 vs 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DomainDiscrepancy.mmdRbf(a, a, -1));
    }
}
