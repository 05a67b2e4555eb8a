package org.tl4j.feature.linalg;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.tl4j.core.learn.Seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LowRankUpdatedEigenTest {
    /** Eigenvalues of a matrix of norm ~1e2 agree to rounding; vectors to the Lanczos residual over the gap. */
    private static final double VALUE_TOLERANCE = 1e-8;
    private static final double VECTOR_TOLERANCE = 1e-6;

    private static LowRankUpdatedEigen random(int n, int r, long seed, boolean repeated) {
        UniformRandomProvider rng = Seeds.rng(seed);
        double[] omega = new double[n];
        for (int i = 0; i < n; i++) {
            omega[i] = repeated ? Math.floor(i / 8.0) : 100 * Math.exp(-i / 40.0) + rng.nextDouble();
        }
        DMatrixRMaj f = new DMatrixRMaj(n, r);
        for (int i = 0; i < f.data.length; i++) {
            f.data[i] = rng.nextDouble() - 0.5;
        }
        DMatrixRMaj core = new DMatrixRMaj(r, r);
        for (int a = 0; a < r; a++) {
            for (int b = 0; b <= a; b++) {
                double v = rng.nextDouble() - 0.5;
                core.set(a, b, v);
                core.set(b, a, v);
            }
        }
        return new LowRankUpdatedEigen(omega, f, core);
    }

    @Test
    void lanczosMatchesTheDenseDecomposition() {
        LowRankUpdatedEigen t = random(400, 6, 11, false);
        LowRankUpdatedEigen.Result r = t.top(40);
        assertEquals(LowRankUpdatedEigen.Method.LANCZOS, r.method());
        SymmetricEigen dense = SymmetricEigen.top(t.dense(), 40, "test matrix");
        for (int i = 0; i < 40; i++) {
            assertEquals(dense.values()[i], r.eigen().values()[i], VALUE_TOLERANCE * Math.abs(dense.values()[0]));
            for (int j = 0; j < 400; j++) {
                assertEquals(dense.vectors().get(j, i), r.eigen().vectors().get(j, i), VECTOR_TOLERANCE);
            }
        }
    }

    @Test
    void inertiaCountsEigenvaluesAboveAThreshold() {
        LowRankUpdatedEigen t = random(150, 4, 12, false);
        double[] all = SymmetricEigen.of(t.dense(), "test matrix").values();
        for (int i : new int[]{0, 5, 50, 149}) {
            double x = all[i] - 1e-6;
            int expected = 0;
            for (double v : all) {
                if (v > x) {
                    expected++;
                }
            }
            assertEquals(expected, t.countGreaterThan(x));
        }
    }

    @Test
    void multipleEigenvaluesAreNotMissed() {
        // Each value of the diagonal repeats 8 times; a rank-2 update leaves most multiplicities intact, which a
        // single Lanczos run cannot see without restarts: the result must still equal the dense one.
        LowRankUpdatedEigen t = random(200, 2, 13, true);
        LowRankUpdatedEigen.Result r = t.top(30);
        double[] dense = SymmetricEigen.top(t.dense(), 30, "test matrix").values();
        for (int i = 0; i < 30; i++) {
            assertEquals(dense[i], r.eigen().values()[i], VALUE_TOLERANCE * Math.abs(dense[0]));
        }
    }

    @Test
    void smallProblemsAreSolvedDensely() {
        assertEquals(LowRankUpdatedEigen.Method.DENSE, random(50, 3, 14, false).top(5).method());
        assertNotEquals(LowRankUpdatedEigen.Method.DENSE, random(300, 3, 14, false).top(5).method());
    }

    @Test
    void tridiagonalEigenMatchesDense() {
        UniformRandomProvider rng = Seeds.rng(15);
        int m = 60;
        double[] a = new double[m];
        double[] b = new double[m];
        DMatrixRMaj t = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            a[i] = rng.nextDouble();
            b[i] = rng.nextDouble() - 0.5;
            t.set(i, i, a[i]);
            if (i + 1 < m) {
                t.set(i, i + 1, b[i]);
                t.set(i + 1, i, b[i]);
            }
        }
        SymmetricEigen fast = LowRankUpdatedEigen.tridiagonalEigen(a, b, m);
        SymmetricEigen dense = SymmetricEigen.of(t, "tridiagonal");
        for (int i = 0; i < m; i++) {
            assertEquals(dense.values()[i], fast.values()[i], 1e-12);
            for (int j = 0; j < m; j++) {
                assertEquals(dense.vectors().get(j, i), fast.vectors().get(j, i), 1e-9);
            }
        }
    }

    @Test
    void inverseIterationVectorsMatchTheQrAlgorithmOrDeclineForClusters() {
        UniformRandomProvider rng = Seeds.rng(16);
        int m = 80;
        double[] a = new double[m];
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            a[i] = 10 * rng.nextDouble();
            b[i] = rng.nextDouble() - 0.5;
        }
        SymmetricEigen qr = LowRankUpdatedEigen.tridiagonalEigen(a, b, m);
        SymmetricEigen ii = LowRankUpdatedEigen.topTridiagonal(a, b, m, qr.values(), 10);
        if (ii != null) {
            for (int c = 0; c < 10; c++) {
                for (int r = 0; r < m; r++) {
                    assertEquals(qr.vectors().get(r, c), ii.vectors().get(r, c), 1e-9);
                }
            }
        }
        // A block-diagonal matrix with two identical blocks has every eigenvalue twice: inverse iteration must
        // return orthogonal vectors for each pair (or decline, leaving it to the QR algorithm).
        double[] a2 = new double[m];
        double[] b2 = new double[m];
        for (int i = 0; i < m; i++) {
            a2[i] = a[i % (m / 2)];
            b2[i] = i == m / 2 - 1 ? 0 : b[i % (m / 2)];
        }
        double[] theta = LowRankUpdatedEigen.tridiagonalEigenvalues(a2, b2, m);
        SymmetricEigen pairs = LowRankUpdatedEigen.topTridiagonal(a2, b2, m, theta, 6);
        if (pairs != null) {
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    double dot = 0;
                    for (int r = 0; r < m; r++) {
                        dot += pairs.vectors().get(r, i) * pairs.vectors().get(r, j);
                    }
                    assertEquals(i == j ? 1 : 0, dot, 1e-8, "vectors " + i + ", " + j);
                }
            }
        }
    }

    @Test
    void badShapesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LowRankUpdatedEigen(new double[3], new DMatrixRMaj(4, 1), new DMatrixRMaj(1, 1)));
        assertEquals("The low-rank factor has 4 rows but the diagonal has 3 entries", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> random(20, 1, 1, false).top(21));
    }
}
