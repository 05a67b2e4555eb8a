package org.tl4j.feature.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The leading eigenpairs of the symmetric-definite pencil {@code B w = μ A w} ({@code B} symmetric, {@code A}
 * symmetric positive definite), by a Cholesky factorisation {@code A = LLᵀ} and the symmetric eigen-decomposition
 * of {@code L⁻¹BL⁻ᵀ}. Dense, {@code O(n³)}; the MMD embeddings whose {@code A} is the identity plus a low-rank term
 * use {@link LowRankUpdatedEigen} instead. Each returned eigenvector is scaled to unit Euclidean length, its
 * largest-magnitude entry positive.
 *
 * @see LowRankUpdatedEigen
 */
public final class GeneralizedEigen {
    private GeneralizedEigen() {
    }

    /**
     * The {@code k} largest eigenvalues {@code μ} and their eigenvectors.
     *
     * @param b    the symmetric matrix maximised; not modified
     * @param a    the symmetric positive definite constraint matrix; not modified
     * @param k    number of eigenpairs
     * @param what a name for error messages
     * @throws ArithmeticException if {@code a} is not positive definite
     */
    public static SymmetricEigen top(DMatrixRMaj b, DMatrixRMaj a, int k, String what) {
        int n = a.numRows;
        if (b.numRows != n || b.numCols != n || a.numCols != n) {
            throw new IllegalArgumentException(what + ": the two matrices must be square and of equal size, found "
                    + b.numRows + "x" + b.numCols + " and " + a.numRows + "x" + a.numCols);
        }
        DMatrixRMaj l = SymmetricEigen.symmetrised(a, what + " constraint matrix");
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        if (!chol.decompose(l)) {
            throw new ArithmeticException(what + ": the constraint matrix is not positive definite; increase the "
                    + "regularisation");
        }
        DMatrixRMaj lower = chol.getT(null);
        DMatrixRMaj linv = lower.copy();
        TriangularSolver_DDRM.invertLower(linv.data, n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                linv.unsafe_set(i, j, 0);
            }
        }
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(linv, b, tmp);
        CommonOps_DDRM.multTransB(tmp, linv, c);
        SymmetricEigen e = SymmetricEigen.top(c, k, what);
        DMatrixRMaj w = new DMatrixRMaj(n, k);
        CommonOps_DDRM.multTransA(linv, e.vectors(), w);
        double[] col = new double[n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                col[i] = w.unsafe_get(i, j);
            }
            SymmetricEigen.canonicalise(col);
            for (int i = 0; i < n; i++) {
                w.unsafe_set(i, j, col[i]);
            }
        }
        return new SymmetricEigen(e.values(), w);
    }
}
