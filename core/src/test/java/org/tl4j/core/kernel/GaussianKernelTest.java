package org.tl4j.core.kernel;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.tl4j.core.learn.Seeds;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared Gaussian kernel agrees with its definition in both parameterisations; the width heuristic is pinned. */
class GaussianKernelTest {

    /** Difference between the norm-expansion and coordinate-difference forms of one kernel value. */
    private static final double FORM_TOLERANCE = 1e-12;

    static DMatrixRMaj gaussian(int n, int d, double shift, long seed) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(Seeds.rng(seed));
        DMatrixRMaj m = new DMatrixRMaj(n, d);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (i % d == 0 ? shift : 0) + g.sample();
        }
        return m;
    }

    private static double direct(DMatrixRMaj a, int i, DMatrixRMaj b, int j, double sigma) {
        double s = 0;
        for (int k = 0; k < a.numCols; k++) {
            double d = a.get(i, k) - b.get(j, k);
            s += d * d;
        }
        return Math.exp(-s / (2 * sigma * sigma));
    }

    private static double[] row(DMatrixRMaj m, int i) {
        return Arrays.copyOfRange(m.data, i * m.numCols, (i + 1) * m.numCols);
    }

    @Test
    void blockedMatricesMatchTheDefinitionForAwkwardShapes() {
        DMatrixRMaj a = gaussian(131, 67, 0, 1);
        DMatrixRMaj b = gaussian(517, 67, 0.5, 2);
        GaussianKernel k9 = GaussianKernel.withWidth(9);
        DMatrixRMaj k = k9.matrix(a, b);
        double[] sums = k9.rowSums(a, b);
        for (int i = 0; i < a.numRows; i += 13) {
            double s = 0;
            for (int j = 0; j < b.numRows; j++) {
                double v = direct(a, i, b, j, 9);
                s += v;
                assertEquals(v, k.get(i, j), FORM_TOLERANCE);
                assertEquals(k9.value(row(a, i), row(b, j)), k.get(i, j), FORM_TOLERANCE);
            }
            assertEquals(s, sums[i], 1e-9);
        }
        DMatrixRMaj sym = GaussianKernel.withWidth(7).symmetricMatrix(b);
        for (int i = 0; i < b.numRows; i += 37) {
            for (int j = 0; j < b.numRows; j += 11) {
                assertEquals(direct(b, i, b, j, 7), sym.get(i, j), FORM_TOLERANCE);
            }
        }
    }

    @Test
    void symmetricMatrixIsTheFullMatrixBitForBitExactlySymmetricWithUnitDiagonal() {
        DMatrixRMaj b = gaussian(300, 19, 0, 3);
        GaussianKernel k = GaussianKernel.withWidth(2.5);
        DMatrixRMaj sym = k.symmetricMatrix(b);
        DMatrixRMaj full = k.matrix(b, b);
        for (int i = 0; i < b.numRows; i++) {
            assertEquals(1.0, sym.get(i, i), 0.0);
            for (int j = i; j < b.numRows; j++) {
                assertEquals(full.get(i, j), sym.get(i, j), 0.0);
                assertEquals(sym.get(i, j), sym.get(j, i), 0.0);
            }
        }
    }

    @Test
    void bothParameterisationsAreOneKernel() {
        double sigma = 1.7;
        GaussianKernel byWidth = GaussianKernel.withWidth(sigma);
        assertEquals(1 / (2 * sigma * sigma), byWidth.gamma(), 0.0);
        assertEquals(GaussianKernel.gamma(sigma), byWidth.gamma(), 0.0);
        GaussianKernel byGamma = GaussianKernel.withGamma(byWidth.gamma());
        assertEquals(sigma, byGamma.sigma(), 1e-15 * sigma);
        DMatrixRMaj a = gaussian(40, 6, 0, 4);
        DMatrixRMaj b = gaussian(30, 6, 1, 5);
        assertArrayEquals(byWidth.matrix(a, b).data, byGamma.matrix(a, b).data, 0.0);
        // exp(−γ‖x − y‖²) with γ = 0.5: ‖(1, 2) − (0, 0)‖² = 5.
        assertEquals(Math.exp(-2.5), GaussianKernel.withGamma(0.5).value(new double[]{1, 2}, new double[]{0, 0}), 0.0);
        assertEquals(Math.exp(-2.5), GaussianKernel.withGamma(0.5).ofSquaredDistance(5), 0.0);
    }

    @Test
    void squaredDistancesAndTheirKernelAgree() {
        DMatrixRMaj a = gaussian(70, 9, 0, 6);
        DMatrixRMaj b = gaussian(45, 9, 2, 7);
        DMatrixRMaj d = GaussianKernel.squaredDistances(a, b);
        GaussianKernel k = GaussianKernel.withWidth(3);
        DMatrixRMaj copy = d.copy();
        assertArrayEquals(k.matrix(a, b).data, k.fromSquaredDistances(d).data, 0.0);
        assertArrayEquals(copy.data, d.data, 0.0, "fromSquaredDistances leaves its argument alone");
        double[] c = new double[b.numRows];
        Arrays.setAll(c, l -> Math.sin(l));
        double[] f = k.expansion(a, b, c);
        DMatrixRMaj km = k.matrix(a, b);
        for (int i = 0; i < a.numRows; i++) {
            double s = 0;
            for (int l = 0; l < c.length; l++) {
                s += c[l] * km.get(i, l);
            }
            assertEquals(s, f[i], 0.0);
        }
    }

    @Test
    void medianWidthIsTheRootOfTheMedianSquaredDistance() {
        // Odd count: distances 1, 3, 2 -> median 2.
        assertEquals(2, GaussianKernel.medianWidth(new DMatrixRMaj(new double[][]{{0}, {1}}),
                new DMatrixRMaj(new double[][]{{3}}), 0), 1e-12);
        // Even count: points 0, 1, 3, 7 give squared distances 1, 4, 9, 16, 36, 49; the two middle ones average to
        // 12.5, so sigma = √12.5 (the median of the distances themselves would be 3.5).
        assertEquals(Math.sqrt(12.5), GaussianKernel.medianWidth(new DMatrixRMaj(new double[][]{{0}}),
                new DMatrixRMaj(new double[][]{{1}, {3}, {7}}), 0), 1e-12);
    }

    @Test
    void medianWidthOfLargeSamplesIsSeededAndCloseToTheFullSamplesMedian() {
        DMatrixRMaj a = gaussian(900, 4, 0, 8);
        DMatrixRMaj b = gaussian(700, 4, 1, 9);
        double w = GaussianKernel.medianWidth(a, b, 3);
        assertEquals(w, GaussianKernel.medianWidth(a, b, 3), 0.0, "same seed, same bits");
        DMatrixRMaj pooled = new DMatrixRMaj(1600, 4);
        System.arraycopy(a.data, 0, pooled.data, 0, a.data.length);
        System.arraycopy(b.data, 0, pooled.data, a.data.length, b.data.length);
        double[] all = GaussianKernel.upperSquaredDistances(pooled);
        Arrays.sort(all);
        double exact = Math.sqrt(0.5 * (all[all.length / 2 - 1] + all[all.length / 2]));
        // 800 subsampled points give 319,600 pairwise distances: their median is within a few percent of the full one.
        assertEquals(exact, w, 0.03 * exact);
    }

    @Test
    void badWidthsAndSamplesAreRejectedWithTheReason() {
        DMatrixRMaj a = gaussian(3, 2, 0, 10);
        assertThrows(IllegalArgumentException.class, () -> GaussianKernel.withWidth(0));
        assertThrows(IllegalArgumentException.class, () -> GaussianKernel.withWidth(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> GaussianKernel.withGamma(-1));
        assertThrows(IllegalArgumentException.class, () -> GaussianKernel.withGamma(Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GaussianKernel.withWidth(1).matrix(a, gaussian(3, 3, 0, 11)));
        assertTrue(e.getMessage().contains("2 vs 3"), e.getMessage());
        DMatrixRMaj same = new DMatrixRMaj(4, 2);
        e = assertThrows(IllegalArgumentException.class, () -> GaussianKernel.medianWidth(same, same, 0));
        assertTrue(e.getMessage().contains("give sigma explicitly"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GaussianKernel.medianWidth(new DMatrixRMaj(1, 2), new DMatrixRMaj(0, 2), 0));
        assertTrue(e.getMessage().contains("at least two points"), e.getMessage());
    }
}
