package org.tl4j.feature.sa;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.tl4j.core.matrix.DenseProducts;
import org.tl4j.feature.linalg.DenseBackend;
import org.tl4j.feature.mapping.LinearMap;
import org.tl4j.feature.pca.PrincipalComponents;

/**
 * Subspace Alignment: the source's {@code d}-dimensional PCA basis {@code Pₛ} is aligned to the target's
 * {@code Pₜ} by the linear map minimising the Frobenius distance,
 * <pre>
 *   M* = argmin_M ‖Pₛ M − Pₜ‖²_F = PₛᵀPₜ,
 * </pre>
 * source samples are represented in the target-aligned coordinates {@code x ↦ (PₛM*)ᵀx} and target samples in their
 * own subspace {@code x ↦ Pₜᵀx}. As in the authors' code the samples are projected without centring.
 * <p>
 * Reference: B. Fernando, A. Habrard, M. Sebban and T. Tuytelaars, "Unsupervised Visual Domain Adaptation Using
 * Subspace Alignment", ICCV 2013, eq. (2)–(4).
 *
 * @see org.tl4j.feature.gfk.GeodesicFlowKernel
 * @see PrincipalComponents
 */
public final class SubspaceAlignment {
    private SubspaceAlignment() {
    }

    /**
     * A fitted alignment.
     *
     * @param sourceBasis {@code Pₛ} ({@code D×d}, orthonormal columns)
     * @param targetBasis {@code Pₜ} ({@code D×d}, orthonormal columns)
     * @param alignment   {@code M* = PₛᵀPₜ} ({@code d×d})
     * @param source      the source map {@code x ↦ (PₛM*)ᵀx}
     * @param target      the target map {@code x ↦ Pₜᵀx}
     */
    public record Fitted(DMatrixRMaj sourceBasis, DMatrixRMaj targetBasis, DMatrixRMaj alignment, LinearMap source,
                         LinearMap target) {
        /** The target-aligned source basis {@code PₛM*}. */
        public DMatrixRMaj alignedBasis() {
            return DenseProducts.mult(sourceBasis, alignment);
        }
    }

    /**
     * Fits the alignment with {@code d}-dimensional subspaces.
     *
     * @param source source samples, rows; not modified
     * @param target target samples, rows; not modified
     * @param d      subspace dimension, at least 1; both domains must have at least {@code d} directions of variance
     * @throws IllegalArgumentException if a domain's sample has fewer than {@code d} directions of variance
     */
    public static Fitted fit(DMatrixRMaj source, DMatrixRMaj target, int d) {
        return fit(source, target, d, DenseBackend.java());
    }

    /**
     * As {@link #fit(DMatrixRMaj, DMatrixRMaj, int)} with the covariances and their leading {@code d} eigenpairs
     * computed by {@code backend} (only the leading {@code d} are needed: LAPACK's {@code dsyevr} on the native path).
     */
    public static Fitted fit(DMatrixRMaj source, DMatrixRMaj target, int d, DenseBackend backend) {
        DMatrixRMaj ps = basis(source, d, "source", backend);
        DMatrixRMaj pt = basis(target, d, "target", backend);
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(ps, pt, m);
        DMatrixRMaj aligned = DenseProducts.mult(ps, m);
        return new Fitted(ps, pt, m, new LinearMap("SA-source", aligned, null, false, false),
                new LinearMap("SA", pt, null, false, false));
    }

    private static DMatrixRMaj basis(DMatrixRMaj x, int d, String what, DenseBackend backend) {
        if (d < 1) {
            throw new IllegalArgumentException("Invalid subspace dimension: " + d + " (must be at least 1)");
        }
        PrincipalComponents pc = PrincipalComponents.fit(x, d, backend, true);
        if (pc.components() < d) {
            throw new IllegalArgumentException("The " + what + " sample has only " + pc.components()
                    + " directions of variance, fewer than the subspace dimension " + d + ": lower the dimension");
        }
        return pc.basis(d);
    }
}
