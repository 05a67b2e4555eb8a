package org.tl4j.feature.mmd;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tl4j.core.learn.Seeds;
import org.tl4j.feature.linalg.GeneralizedEigen;
import org.tl4j.feature.linalg.Kernel;
import org.tl4j.feature.linalg.SymmetricEigen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Woodbury-reduced solver against the dense generalised eigenproblem written out as in the papers, with
 * explicit {@code n×n} MMD and centring matrices.
 */
class MmdEmbeddingTest {
    /** Both solutions are exact; they differ by rounding amplified by the eigen-gaps. */
    private static final double TOLERANCE = 1e-6;

    private static DMatrixRMaj data(int n, int d, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            double shift = i < n / 2 ? 0 : 0.7;
            for (int j = 0; j < d; j++) {
                x.set(i, j, rng.nextDouble() + shift * (j % 3 == 0 ? 1 : 0) + 0.1 * j);
            }
        }
        return x;
    }

    private static MmdMatrix jdaLike(int ns, int nt) {
        int[] ys = new int[ns];
        int[] yt = new int[nt];
        for (int i = 0; i < ns; i++) {
            ys[i] = i % 3;
        }
        for (int i = 0; i < nt; i++) {
            yt[i] = (i / 2) % 3;
        }
        return MmdMatrix.marginal(ns, nt, 3).plus(MmdMatrix.conditional(ys, yt, 3, null, 1.0)).normalised();
    }

    private static DMatrixRMaj dense(MmdMatrix m) {
        int n = m.samples();
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        for (int t = 0; t < m.terms(); t++) {
            double[] v = m.scaledVector(t);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    out.add(i, j, v[i] * v[j]);
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"PRIMAL, 40, 10", "LINEAR, 60, 8", "LINEAR, 20, 30", "RBF, 40, 5"})
    void reducedSolutionEqualsTheDenseGeneralisedEigenproblem(EmbeddingKernel kind, int n, int d) {
        DMatrixRMaj x = data(n, d, n + d);
        int ns = n / 2;
        MmdMatrix m = jdaLike(ns, n - ns);
        double lambda = 0.5;
        int k = 4;
        MmdEmbedding.Solution fast = MmdEmbedding.prepare(x, kind, 0.3, false).solve(m, lambda, k, false, "test");

        // Φ: d×n (primal) or the n×n kernel matrix.
        DMatrixRMaj phi;
        if (kind == EmbeddingKernel.PRIMAL) {
            phi = new DMatrixRMaj(d, n);
            CommonOps_DDRM.transpose(x, phi);
        } else {
            phi = (kind == EmbeddingKernel.RBF ? Kernel.rbf(0.3) : Kernel.linear()).gram(x);
        }
        DMatrixRMaj h = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.add(h, -1.0 / n, onesMatrix(n), h);
        DMatrixRMaj b = sandwich(phi, h);
        DMatrixRMaj a = sandwich(phi, dense(m));
        for (int i = 0; i < a.numRows; i++) {
            a.add(i, i, lambda);
        }
        SymmetricEigen ref = GeneralizedEigen.top(b, a, k, "reference pencil");
        DMatrixRMaj zref = new DMatrixRMaj(n, k);
        CommonOps_DDRM.multTransA(phi, ref.vectors(), zref);

        assertEquals(k, fast.components());
        for (int c = 0; c < k; c++) {
            assertEquals(ref.values()[c], fast.eigenvalues()[c], TOLERANCE * ref.values()[0], "eigenvalue " + c);
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += zref.get(i, c) * fast.embedding().get(i, c);
            }
            double sign = Math.signum(dot);
            for (int i = 0; i < n; i++) {
                assertEquals(zref.get(i, c), sign * fast.embedding().get(i, c), TOLERANCE * (1 + Math.abs(zref.get(i, c))),
                        "embedding of sample " + i + ", component " + c);
            }
        }
        // The fitted map embeds the training samples as the solver did.
        DMatrixRMaj again = fast.map().applyRows(x);
        for (int i = 0; i < again.data.length; i++) {
            assertEquals(fast.embedding().data[i], again.data[i], 1e-9);
        }
    }

    private static DMatrixRMaj onesMatrix(int n) {
        DMatrixRMaj o = new DMatrixRMaj(n, n);
        java.util.Arrays.fill(o.data, 1.0);
        return o;
    }

    /** {@code Φ S Φᵀ}. */
    private static DMatrixRMaj sandwich(DMatrixRMaj phi, DMatrixRMaj s) {
        DMatrixRMaj t = new DMatrixRMaj(phi.numRows, s.numCols);
        CommonOps_DDRM.mult(phi, s, t);
        DMatrixRMaj out = new DMatrixRMaj(phi.numRows, phi.numRows);
        CommonOps_DDRM.multTransB(t, phi, out);
        return out;
    }

    @Test
    void frobeniusNormIsComputedWithoutFormingTheMatrix() {
        MmdMatrix raw = MmdMatrix.marginal(7, 5, 3).plus(MmdMatrix.conditional(
                new int[]{0, 1, 2, 0, 1, 2, 0}, new int[]{0, 0, 1, 1, 2}, 3, null, 1.0));
        DMatrixRMaj d = dense(raw);
        assertEquals(CommonOps_DDRM.elementSum(elementSquare(d)), Math.pow(raw.frobeniusNorm(), 2), 1e-12);
        assertEquals(1.0, raw.normalised().frobeniusNorm(), 1e-12);
    }

    private static DMatrixRMaj elementSquare(DMatrixRMaj d) {
        DMatrixRMaj s = d.copy();
        CommonOps_DDRM.elementMult(s, d);
        return s;
    }

    @Test
    void traceOfTheEmbeddingIsTheSquaredMmdOfTheMeans() {
        double[][] z = {{1, 0}, {3, 0}, {0, 2}, {0, 4}};
        // mean source (2, 0), mean target (0, 3): squared distance 13
        assertEquals(13.0, MmdMatrix.marginal(2, 2, 1).trace(z), 1e-12);
    }

    @Test
    void invalidSettingsAreRejected() {
        MmdEmbedding p = MmdEmbedding.prepare(data(10, 3, 1), EmbeddingKernel.PRIMAL, 1, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.solve(MmdMatrix.marginal(5, 5, 1), -1, 2, false, "x"));
        assertTrue(e.getMessage().contains("lambda"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.solve(MmdMatrix.marginal(4, 5, 1), 1, 2, false, "x"));
        DMatrixRMaj constant = new DMatrixRMaj(5, 2);
        java.util.Arrays.fill(constant.data, 1.0);
        ArithmeticException a = assertThrows(ArithmeticException.class,
                () -> MmdEmbedding.prepare(constant, EmbeddingKernel.PRIMAL, 1, false));
        assertTrue(a.getMessage().contains("identical"), a.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MmdMatrix.marginal(0, 3, 1));
    }
}
