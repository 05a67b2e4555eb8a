package org.tl4j.feature.gfk;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.tl4j.core.matrix.DenseProducts;
import org.tl4j.feature.mapping.LinearMap;
import org.tl4j.feature.mapping.TaskMatrices;
import org.tl4j.feature.pca.PrincipalComponents;

/**
 * The geodesic flow kernel: the inner product {@code xᵀ G y} that integrates the projections of two samples onto
 * every subspace on the Grassmannian geodesic from the source's {@code d}-dimensional PCA subspace {@code Pₛ} to the
 * target's {@code Pₜ},
 * <pre>
 *   G = ∫₀¹ Φ(t) Φ(t)ᵀ dt,   Φ(t) = Pₛ U₁ Γ(t) − Rₛ U₂ Σ(t),
 * </pre>
 * in the closed form of the paper (eq. (7)): with the principal angles {@code θᵢ} between the subspaces
 * ({@code PₛᵀPₜ = U₁ cos(Θ) Vᵀ}),
 * {@code G = ½ [PₛU₁, RₛU₂] [[Λ₁, Λ₂], [Λ₂, Λ₃]] [PₛU₁, RₛU₂]ᵀ} with {@code λ₁ = 1 + sin 2θ/2θ},
 * {@code λ₂ = (cos 2θ − 1)/2θ}, {@code λ₃ = 1 − sin 2θ/2θ}. The complement {@code RₛU₂} is obtained from
 * {@code (I − PₛPₛᵀ)PₜV} without forming {@code Rₛ}. {@code G} has rank at most {@code 2d}; the fitted map is a
 * factor {@code L} with {@code G = LLᵀ}, so Euclidean distances between mapped samples are the GFK distances of the
 * paper's 1-NN classifier.
 * <p>
 * The dimension is given, or chosen by the paper's subspace disagreement measure
 * {@code D(d) = ½[sin αd + sin βd]} ({@code αd}, {@code βd}: the largest principal angles between the source,
 * respectively target, and the pooled PCA subspaces): the smallest {@code d} at which {@code D(d)} reaches 1
 * (0.995, the released code's rounding).
 * <p>
 * Reference: B. Gong, Y. Shi, F. Sha and K. Grauman, "Geodesic Flow Kernel for Unsupervised Domain Adaptation",
 * CVPR 2012, Sections 3.1–3.2 and 4.1.
 *
 * @see org.tl4j.feature.sa.SubspaceAlignment
 */
public final class GeodesicFlowKernel {
    /** {@code D(d)} at or above this counts as maximal disagreement (the released code rounds to two decimals). */
    public static final double SDM_THRESHOLD = 0.995;

    private GeodesicFlowKernel() {
    }

    /**
     * A fitted kernel.
     *
     * @param dimension the subspace dimension {@code d}
     * @param angles    the principal angles {@code θᵢ} between the subspaces, ascending
     * @param factor    the map {@code x ↦ Lᵀx} with {@code G = LLᵀ} ({@code D → 2d})
     */
    public record Fitted(int dimension, double[] angles, LinearMap factor) {
        /** The kernel matrix {@code G = LLᵀ} ({@code D×D}). */
        public DMatrixRMaj kernel() {
            DMatrixRMaj l = factor.projection();
            return DenseProducts.multTransB(l, l, true);
        }
    }

    /**
     * Fits the kernel with {@code d}-dimensional subspaces.
     *
     * @throws IllegalArgumentException if {@code d} exceeds half the feature dimension (the complement must hold
     *                                  the target's directions) or a domain has fewer than {@code d} directions of variance
     */
    public static Fitted fit(DMatrixRMaj source, DMatrixRMaj target, int d) {
        return fit(PrincipalComponents.fit(source, d), PrincipalComponents.fit(target, d), d, source.numCols);
    }

    private static Fitted fit(PrincipalComponents sourcePcs, PrincipalComponents targetPcs, int d, int features) {
        if (d < 1 || 2 * d > features) {
            throw new IllegalArgumentException("Invalid GFK subspace dimension " + d + " for " + features
                    + " features: it must be between 1 and half the number of features");
        }
        if (sourcePcs.components() < d || targetPcs.components() < d) {
            throw new IllegalArgumentException("A domain has fewer than " + d + " directions of variance (source "
                    + sourcePcs.components() + ", target " + targetPcs.components() + "): lower the GFK dimension");
        }
        DMatrixRMaj ps = sourcePcs.basis(d);
        DMatrixRMaj pt = targetPcs.basis(d);
        DMatrixRMaj cross = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(ps, pt, cross);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, d, true, true, false);
        if (!svd.decompose(cross.copy())) {
            throw new ArithmeticException("The SVD of the " + d + "x" + d + " subspace cross-product did not converge");
        }
        DMatrixRMaj u1 = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] cos = svd.getSingularValues();
        DMatrixRMaj p1 = DenseProducts.mult(ps, u1);
        DMatrixRMaj ptv = DenseProducts.mult(pt, v);
        // Y = (I − PₛPₛᵀ) Pₜ V, whose columns have length sin θᵢ; Rₛ U₂ = −Y Σ⁻¹.
        DMatrixRMaj y = ptv.copy();
        DMatrixRMaj proj = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(ps, ptv, proj);
        CommonOps_DDRM.subtractEquals(y, DenseProducts.mult(ps, proj));
        int features2 = ps.numRows;
        DMatrixRMaj l = new DMatrixRMaj(features2, 2 * d);
        double[] theta = new double[d];
        for (int i = 0; i < d; i++) {
            double sin = 0;
            for (int r = 0; r < features2; r++) {
                sin += y.unsafe_get(r, i) * y.unsafe_get(r, i);
            }
            sin = Math.sqrt(sin);
            double th = Math.atan2(sin, cos[i]);
            theta[i] = th;
            // G's 2×2 block in the basis [p1_i, y_i]: ½ [[λ₁, sinθ/θ], [sinθ/θ, λ₃/sin²θ]].
            double b11;
            double b12;
            double b22;
            if (th < 1e-4) {
                b11 = 2 - 2 * th * th / 3;
                b12 = 1 - th * th / 6;
                b22 = 2.0 / 3 + 4 * th * th / 45;
            } else {
                double s2 = Math.sin(2 * th) / (2 * th);
                b11 = 1 + s2;
                b12 = Math.sin(th) / th;
                b22 = (1 - s2) / (Math.sin(th) * Math.sin(th));
            }
            b11 *= 0.5;
            b12 *= 0.5;
            b22 *= 0.5;
            double c11 = Math.sqrt(b11);
            double c21 = b12 / c11;
            double c22 = Math.sqrt(Math.max(0, b22 - c21 * c21));
            for (int r = 0; r < features2; r++) {
                double a = p1.unsafe_get(r, i);
                double b = y.unsafe_get(r, i);
                l.unsafe_set(r, 2 * i, a * c11 + b * c21);
                l.unsafe_set(r, 2 * i + 1, b * c22);
            }
        }
        java.util.Arrays.sort(theta);
        return new Fitted(d, theta, new LinearMap("GFK", l, null, false, false));
    }

    /**
     * The subspace disagreement measure {@code D(d)} for {@code d = 1 … maxDimension} (index {@code d − 1}), from
     * the PCA subspaces of the source, the target and the pooled samples.
     */
    public static double[] disagreement(DMatrixRMaj source, DMatrixRMaj target, int maxDimension) {
        DMatrixRMaj ps = PrincipalComponents.fit(source, maxDimension).basis();
        DMatrixRMaj pt = PrincipalComponents.fit(target, maxDimension).basis();
        DMatrixRMaj pst = PrincipalComponents.fit(TaskMatrices.stackRows(source, target), maxDimension).basis();
        int max = Math.min(maxDimension, Math.min(ps.numCols, Math.min(pt.numCols, pst.numCols)));
        double[] out = new double[max];
        for (int d = 1; d <= max; d++) {
            out[d - 1] = 0.5 * (largestAngleSine(ps, pst, d) + largestAngleSine(pt, pst, d));
        }
        return out;
    }

    /**
     * The dimension the subspace disagreement measure selects: the smallest {@code d ≤ maxDimension} with
     * {@code D(d) ≥} {@value #SDM_THRESHOLD}, or {@code maxDimension} when the measure never gets there.
     */
    public static int selectDimension(DMatrixRMaj source, DMatrixRMaj target, int maxDimension) {
        PrincipalComponents s = PrincipalComponents.fit(source, maxDimension);
        PrincipalComponents t = PrincipalComponents.fit(target, maxDimension);
        PrincipalComponents st = PrincipalComponents.fit(TaskMatrices.stackRows(source, target), maxDimension);
        int max = Math.min(maxDimension, Math.min(s.components(), Math.min(t.components(), st.components())));
        DMatrixRMaj ps = s.basis();
        DMatrixRMaj pt = t.basis();
        DMatrixRMaj pst = st.basis();
        for (int d = 1; d <= max; d++) {
            double dis = 0.5 * (largestAngleSine(ps, pst, d) + largestAngleSine(pt, pst, d));
            if (dis >= SDM_THRESHOLD) {
                return d;
            }
        }
        return max;
    }

    /** {@code sin} of the largest principal angle between the spans of the first {@code d} columns of {@code a}, {@code b}. */
    static double largestAngleSine(DMatrixRMaj a, DMatrixRMaj b, int d) {
        DMatrixRMaj ad = CommonOps_DDRM.extract(a, 0, a.numRows, 0, d);
        DMatrixRMaj bd = CommonOps_DDRM.extract(b, 0, b.numRows, 0, d);
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(ad, bd, m);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, d, false, false, true);
        if (!svd.decompose(m)) {
            throw new ArithmeticException("The SVD of a " + d + "x" + d + " subspace cross-product did not converge");
        }
        double min = Double.POSITIVE_INFINITY;
        for (double s : svd.getSingularValues()) {
            min = Math.min(min, s);
        }
        min = Math.min(1, Math.max(0, min));
        return Math.sqrt(1 - min * min);
    }
}
