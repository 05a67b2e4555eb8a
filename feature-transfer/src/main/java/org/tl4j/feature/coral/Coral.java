package org.tl4j.feature.coral;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.tl4j.core.matrix.ColumnStatistics;
import org.tl4j.core.matrix.DenseProducts;
import org.tl4j.feature.linalg.DenseBackend;
import org.tl4j.feature.linalg.SymmetricEigen;
import org.tl4j.feature.mapping.LinearMap;

/**
 * CORrelation ALignment: re-colours the source features so that their second-order statistics match the target's,
 * <pre>
 *   min_A ‖Aᵀ Ĉₛ A − Ĉₜ‖²_F   ⇒   Xₛ* = Xₛ Ĉₛ^(−1/2) Ĉₜ^(1/2),
 * </pre>
 * with the regularised covariances {@code Ĉ = cov(X) + εI} ({@code ε = 1} in the paper). The source is first
 * whitened, then coloured with the target covariance; the target is left as it is, so a classifier trained on the
 * transformed source is applied to target data unchanged. Covariances use the {@code n − 1} normalisation of
 * MATLAB's {@code cov}, as in the paper's four-line listing.
 * <p>
 * Reference: B. Sun, J. Feng and K. Saenko, "Return of Frustratingly Easy Domain Adaptation", AAAI 2016,
 * Algorithm 1.
 *
 * @see org.tl4j.feature.sa.SubspaceAlignment
 */
public final class Coral {
    private Coral() {
    }

    /**
     * The source transform {@code x ↦ (Ĉₛ^(−1/2) Ĉₜ^(1/2))ᵀ x} (as a map on one sample; on a row matrix it is
     * {@code X Ĉₛ^(−1/2) Ĉₜ^(1/2)}).
     *
     * @param source         source samples, rows; not modified
     * @param target         target samples, rows; not modified
     * @param regularisation {@code ε ≥ 0} added to both covariances' diagonals
     * @throws IllegalArgumentException if a domain has fewer than two samples or {@code ε} is invalid
     * @throws ArithmeticException      if {@code ε = 0} and the source covariance is singular
     */
    public static LinearMap fit(DMatrixRMaj source, DMatrixRMaj target, double regularisation) {
        return fit(source, target, regularisation, DenseBackend.java());
    }

    /**
     * As {@link #fit(DMatrixRMaj, DMatrixRMaj, double)} with the covariances, the two eigen-decompositions and the
     * products computed by {@code backend}. One decomposition per covariance is the least the two matrix functions
     * need ({@code Ĉₛ^(−1/2)} and {@code Ĉₜ^(1/2)} of different matrices).
     */
    public static LinearMap fit(DMatrixRMaj source, DMatrixRMaj target, double regularisation, DenseBackend backend) {
        if (!(regularisation >= 0) || !Double.isFinite(regularisation)) {
            throw new IllegalArgumentException("Invalid CORAL regularisation: " + regularisation
                    + " (must be finite and non-negative)");
        }
        SymmetricEigen s = backend.eigen(covariance(source, regularisation, "source", backend), "source covariance");
        SymmetricEigen t = backend.eigen(covariance(target, regularisation, "target", backend), "target covariance");
        double smallest = s.values()[s.size() - 1];
        if (!(smallest > 1e-12 * s.values()[0])) {
            throw new ArithmeticException("The source covariance is singular (smallest eigenvalue " + smallest
                    + "): CORAL needs it invertible; set the regularisation above 0 (the paper uses 1)");
        }
        DMatrixRMaj w = backend.mult(power(s, -0.5, backend), power(t, 0.5, backend));
        return new LinearMap("CORAL", w, null, false, false);
    }

    /** {@code cov(X) + εI} with the {@code n − 1} normalisation. */
    public static DMatrixRMaj covariance(DMatrixRMaj x, double regularisation, String what) {
        return covariance(x, regularisation, what, DenseBackend.java());
    }

    /** {@code cov(X) + εI} with the Gram matrix computed by {@code backend}. */
    static DMatrixRMaj covariance(DMatrixRMaj x, double regularisation, String what, DenseBackend backend) {
        int n = x.numRows;
        int d = x.numCols;
        if (n < 2) {
            throw new IllegalArgumentException("CORAL needs at least two " + what + " samples to estimate a covariance, found " + n);
        }
        // One definition of the covariance (ColumnStatistics: centring, then the Gram matrix / (n − 1)), with the
        // Gram matrix from the backend (OpenBLAS dsyrk natively; the same DenseProducts arithmetic in Java).
        DMatrixRMaj cov = backend.gram(ColumnStatistics.centred(x, ColumnStatistics.means(x)));
        CommonOps_DDRM.scale(1.0 / (n - 1), cov);
        for (int j = 0; j < d; j++) {
            cov.unsafe_set(j, j, cov.unsafe_get(j, j) + regularisation);
        }
        return cov;
    }

    /** {@code V diag(λ^p) Vᵀ} for a symmetric positive semi-definite eigen-decomposition (negative rounding clipped). */
    static DMatrixRMaj power(SymmetricEigen e, double p, DenseBackend backend) {
        int d = e.vectors().numRows;
        DMatrixRMaj scaled = e.vectors().copy();
        for (int c = 0; c < e.size(); c++) {
            double v = Math.max(e.values()[c], 0);
            double f = v == 0 ? 0 : Math.pow(v, p);
            for (int r = 0; r < d; r++) {
                scaled.unsafe_set(r, c, scaled.unsafe_get(r, c) * f);
            }
        }
        return backend == DenseBackend.java() ? DenseProducts.multTransB(scaled, e.vectors(), false)
                : backend.mult(scaled, DenseProducts.transpose(e.vectors()));
    }
}
