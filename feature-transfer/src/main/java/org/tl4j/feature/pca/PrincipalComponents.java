package org.tl4j.feature.pca;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.tl4j.core.matrix.ColumnStatistics;
import org.tl4j.core.matrix.DenseProducts;
import org.tl4j.feature.linalg.DenseBackend;
import org.tl4j.feature.linalg.SymmetricEigen;
import org.tl4j.feature.mapping.LinearMap;

import java.util.Arrays;

/**
 * Principal component analysis: the {@code k} orthonormal directions of largest variance of a sample, the
 * eigenvectors of its covariance {@code (1/n) Σ (xᵢ−x̄)(xᵢ−x̄)ᵀ}. Used on the pooled source and target samples as
 * the no-adaptation baseline of the JDA table ("PCA+1NN"), and per domain as the subspaces that Subspace Alignment
 * and the geodesic flow kernel align. Immutable.
 *
 * @see org.tl4j.feature.sa.SubspaceAlignment
 * @see org.tl4j.feature.gfk.GeodesicFlowKernel
 */
public final class PrincipalComponents {
    private final double[] mean;
    private final DMatrixRMaj basis;
    private final double[] variances;

    private PrincipalComponents(double[] mean, DMatrixRMaj basis, double[] variances) {
        this.mean = mean;
        this.basis = basis;
        this.variances = variances;
    }

    /**
     * The leading {@code k} components of the rows of {@code x} (fewer when the sample has lower rank: directions
     * of zero variance are not returned).
     *
     * @param x samples, one per row; not modified
     * @param k components wanted, at least 1
     * @throws IllegalArgumentException if there are fewer than two samples or {@code k < 1}
     * @throws ArithmeticException      if the sample has no variance
     */
    public static PrincipalComponents fit(DMatrixRMaj x, int k) {
        return fit(x, k, DenseBackend.java(), false);
    }

    /**
     * As {@link #fit(DMatrixRMaj, int)}, computing the covariance and its eigenpairs with {@code backend}; with
     * {@code leadingOnly} only the leading {@code k} eigenpairs are computed (the rest of the spectrum is not needed
     * for a {@code k}-dimensional basis).
     */
    public static PrincipalComponents fit(DMatrixRMaj x, int k, DenseBackend backend, boolean leadingOnly) {
        if (x.numRows < 2) {
            throw new IllegalArgumentException("PCA needs at least two samples, found " + x.numRows);
        }
        if (k < 1) {
            throw new IllegalArgumentException("Invalid number of principal components: " + k + " (must be at least 1)");
        }
        int n = x.numRows;
        int d = x.numCols;
        double[] mean = ColumnStatistics.means(x);
        DMatrixRMaj c = ColumnStatistics.centred(x, mean);
        DMatrixRMaj cov = backend.gram(c);
        CommonOps_DDRM.scale(1.0 / n, cov);
        SymmetricEigen e = leadingOnly ? backend.top(cov, Math.min(k, d), "sample covariance")
                : backend.eigen(cov, "sample covariance");
        double top = e.values()[0];
        if (!(top > 0)) {
            throw new ArithmeticException("The sample has no variance: all " + n + " samples are identical");
        }
        int keep = 0;
        while (keep < Math.min(k, e.size()) && e.values()[keep] > 1e-12 * top) {
            keep++;
        }
        return new PrincipalComponents(mean, CommonOps_DDRM.extract(e.vectors(), 0, d, 0, keep),
                Arrays.copyOf(e.values(), keep));
    }

    /** The number of components. */
    public int components() {
        return variances.length;
    }

    /** The {@code d×k} orthonormal basis, one component per column (a copy). */
    public DMatrixRMaj basis() {
        return basis.copy();
    }

    /** The first {@code k} columns of the basis (a copy). */
    public DMatrixRMaj basis(int k) {
        if (k < 1 || k > components()) {
            throw new IllegalArgumentException("Asked for " + k + " of " + components() + " principal components");
        }
        return CommonOps_DDRM.extract(basis, 0, basis.numRows, 0, k);
    }

    /** The sample mean (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** The variance along each component, descending (a copy). */
    public double[] variances() {
        return variances.clone();
    }

    /** The map {@code z = Bᵀ(x − x̄)} onto the components. */
    public LinearMap map() {
        return new LinearMap("PCA", basis, mean, false, false);
    }
}
