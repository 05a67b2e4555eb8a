package org.tl4j.core.kernel;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.math.SampleStatistics;
import org.tl4j.core.matrix.DenseProducts;
import org.tl4j.core.matrix.ParallelRows;
import org.tl4j.core.matrix.Subsample;

import java.io.Serializable;
import java.util.stream.IntStream;

/**
 * The Gaussian (RBF) kernel {@code k(x, y) = exp(−‖x − y‖² / (2σ²)) = exp(−γ‖x − y‖²)}, {@code γ = 1/(2σ²)}, on
 * samples held as EJML matrices, one example per row, with its width heuristic {@link #medianWidth}. It is the one
 * Gaussian kernel of tl4j: the domain discrepancy's kernel MMD, the density-ratio estimators of instance transfer
 * (KMM, KLIEP, uLSIF, RuLSIF, …) and the kernelised embeddings of feature transfer (TCA, SSTCA, JDA, BDA) all use it.
 * Both parameterisations are kept exactly as the methods' papers and reference code state them: {@link #withWidth}
 * for the width {@code σ} of the density-ratio literature (Huang et al., NIPS 2006; Sugiyama et al., 2008), and
 * {@link #withGamma} for the inverse width {@code γ} of the TCA/JDA code; the other parameter is derived.
 * <p>
 * Kernel matrices get their squared distances from one matrix product, {@code ‖x‖² + ‖y‖² − 2 x·y} (clamped at 0),
 * computed with {@link DenseProducts}, so a {@code n × m} kernel costs {@code O(nmd)} floating-point work; work is
 * split over threads by blocks of rows and each entry is computed by one thread in a fixed order, so results do not
 * depend on the thread count. Because a squared norm and the dot product of a row with itself are the same sum in
 * the same order, the diagonal of a kernel matrix of one sample is exactly 1. {@link #value} evaluates one pair from
 * the coordinate differences (the out-of-sample form). No method modifies its arguments. Immutable.
 */
public final class GaussianKernel implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Most points per sample used by {@link #medianWidth}. */
    public static final int MEDIAN_POINTS = 400;

    /** Rows per block of the blocked products. */
    private static final int GRAM_BLOCK = 128;

    private final double sigma;
    private final double gamma;

    private GaussianKernel(double sigma, double gamma) {
        this.sigma = sigma;
        this.gamma = gamma;
    }

    /**
     * The kernel of width {@code σ}: {@code exp(−‖x − y‖² / (2σ²))}.
     *
     * @throws IllegalArgumentException unless {@code σ} is finite and positive
     */
    public static GaussianKernel withWidth(double sigma) {
        return new GaussianKernel(sigma, gamma(sigma));
    }

    /**
     * The kernel of inverse width {@code γ}: {@code exp(−γ‖x − y‖²)}.
     *
     * @throws IllegalArgumentException unless {@code γ} is finite and positive
     */
    public static GaussianKernel withGamma(double gamma) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("Invalid RBF kernel width gamma: " + gamma + " (must be positive and finite)");
        }
        return new GaussianKernel(Math.sqrt(0.5 / gamma), gamma);
    }

    /**
     * The inverse width {@code γ = 1/(2σ²)} of the width {@code σ}.
     *
     * @throws IllegalArgumentException unless {@code σ} is finite and positive
     */
    public static double gamma(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("Invalid kernel width sigma: " + sigma + " (must be finite and > 0)");
        }
        return 1.0 / (2 * sigma * sigma);
    }

    /** The width {@code σ} (derived as {@code √(1/(2γ))} for a kernel made {@link #withGamma}). */
    public double sigma() {
        return sigma;
    }

    /** The inverse width {@code γ} (derived as {@code 1/(2σ²)} for a kernel made {@link #withWidth}). */
    public double gamma() {
        return gamma;
    }

    /**
     * The median heuristic for the kernel width: the median Euclidean distance between distinct points of the
     * pooled samples, from at most {@value #MEDIAN_POINTS} points of each (chosen with {@code seed}); the median of
     * that many pairwise distances is within a fraction of a percent of the full sample's. It is the square root of
     * the median squared distance (with an even count, of the mean of the two middle squared distances).
     *
     * @param a    one sample, one point per row; not modified
     * @param b    the other sample, same columns; not modified
     * @param seed chooses the subsample
     * @return the width {@code σ}
     * @throws IllegalArgumentException if the samples have different columns, fewer than two points in all, or the
     *                                  median distance is 0 (most points coincide), naming the fix
     */
    public static double medianWidth(DMatrixRMaj a, DMatrixRMaj b, long seed) {
        checkColumns(a, b);
        DMatrixRMaj sa = Subsample.rows(a, MEDIAN_POINTS, Seeds.derive(seed, "median-source"));
        DMatrixRMaj sb = Subsample.rows(b, MEDIAN_POINTS, Seeds.derive(seed, "median-target"));
        DMatrixRMaj pooled = new DMatrixRMaj(sa.numRows + sb.numRows, a.numCols);
        CommonOps_DDRM.insert(sa, pooled, 0, 0);
        CommonOps_DDRM.insert(sb, pooled, sa.numRows, 0);
        if (pooled.numRows < 2) {
            throw new IllegalArgumentException("The median heuristic needs at least two points; give the kernel width explicitly");
        }
        double median = Math.sqrt(SampleStatistics.median(upperSquaredDistances(pooled)));
        if (!(median > 0)) {
            throw new IllegalArgumentException("The median pairwise distance is 0 (most points coincide): the Gaussian "
                    + "kernel width cannot be chosen by the median heuristic; give sigma explicitly");
        }
        return median;
    }

    /** {@code k(x, y)}, from the coordinate differences. */
    public double value(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("Points have different dimensions: " + x.length + " vs " + y.length);
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double v = x[i] - y[i];
            s += v * v;
        }
        return Math.exp(-gamma * s);
    }

    /** {@code exp(−γ D)}: the kernel value of two points at squared distance {@code D}. */
    public double ofSquaredDistance(double squaredDistance) {
        return Math.exp(-gamma * squaredDistance);
    }

    /** The kernel matrix {@code K_ij = k(a_i, b_j)} ({@code n × m}). */
    public DMatrixRMaj matrix(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj k = squaredDistances(a, b);
        applyInPlace(k);
        return k;
    }

    /**
     * The symmetric kernel matrix {@code K_ij = k(a_i, a_j)}; only the upper triangle is computed (about half the
     * work of {@link #matrix}) and mirrored, so it is exactly symmetric with a unit diagonal.
     */
    public DMatrixRMaj symmetricMatrix(DMatrixRMaj a) {
        int n = a.numRows;
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        if (n == 0) {
            return out;
        }
        double g = gamma;
        double[] norms = squaredNorms(a);
        forBlocks(n, (r0, r1) -> {
            DMatrixRMaj block = distanceBlock(a, a, norms, norms, r0, r1, r0, n);
            for (int i = r0; i < r1; i++) {
                int boff = (i - r0) * (n - r0);
                for (int j = i; j < n; j++) {
                    out.data[i * n + j] = Math.exp(-g * block.data[boff + j - r0]);
                }
            }
        });
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                out.data[i * n + j] = out.data[j * n + i];
            }
        }
        return out;
    }

    /**
     * {@code Σ_j k(a_i, b_j)} for every row {@code i} of {@code a}, computed in blocks of rows so that only a
     * {@value #GRAM_BLOCK} × m slice of the kernel exists at a time.
     */
    public double[] rowSums(DMatrixRMaj a, DMatrixRMaj b) {
        checkColumns(a, b);
        int n = a.numRows;
        int m = b.numRows;
        double[] out = new double[n];
        if (n == 0 || m == 0) {
            return out;
        }
        double g = gamma;
        double[] na = squaredNorms(a);
        double[] nb = squaredNorms(b);
        forBlocks(n, (r0, r1) -> {
            DMatrixRMaj block = distanceBlock(a, b, na, nb, r0, r1, 0, m);
            for (int i = r0; i < r1; i++) {
                int boff = (i - r0) * m;
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s += Math.exp(-g * block.data[boff + j]);
                }
                out[i] = s;
            }
        });
        return out;
    }

    /** Replaces every squared distance {@code D} in {@code squaredDistances} by {@code exp(−γ D)}, in place. */
    public void applyInPlace(DMatrixRMaj squaredDistances) {
        double g = gamma;
        double[] d = squaredDistances.data;
        int cols = squaredDistances.numCols;
        ParallelRows.forEach(squaredDistances.numRows, i -> {
            int off = i * cols;
            for (int j = 0; j < cols; j++) {
                d[off + j] = Math.exp(-g * d[off + j]);
            }
        });
    }

    /** A new matrix {@code exp(−γ D)} of the squared distances {@code D}; {@code D} is not modified. */
    public DMatrixRMaj fromSquaredDistances(DMatrixRMaj squaredDistances) {
        DMatrixRMaj k = squaredDistances.copy();
        applyInPlace(k);
        return k;
    }

    /** The kernel expansion {@code f(x) = Σ_l c_l k(x, centre_l)} at every row of {@code x}. */
    public double[] expansion(DMatrixRMaj x, DMatrixRMaj centres, double[] coefficients) {
        if (coefficients.length != centres.numRows) {
            throw new IllegalArgumentException(coefficients.length + " coefficients for " + centres.numRows + " centres");
        }
        DMatrixRMaj k = matrix(x, centres);
        double[] out = new double[x.numRows];
        for (int i = 0; i < x.numRows; i++) {
            double s = 0;
            for (int l = 0; l < coefficients.length; l++) {
                s += coefficients[l] * k.unsafe_get(i, l);
            }
            out[i] = s;
        }
        return out;
    }

    /** Squared Euclidean distances between the rows of {@code a} ({@code n × d}) and {@code b} ({@code m × d}). */
    public static DMatrixRMaj squaredDistances(DMatrixRMaj a, DMatrixRMaj b) {
        checkColumns(a, b);
        int n = a.numRows;
        int m = b.numRows;
        DMatrixRMaj out = new DMatrixRMaj(n, m);
        if (n == 0 || m == 0) {
            return out;
        }
        double[] na = squaredNorms(a);
        double[] nb = squaredNorms(b);
        forBlocks(n, (r0, r1) -> {
            DMatrixRMaj block = distanceBlock(a, b, na, nb, r0, r1, 0, m);
            System.arraycopy(block.data, 0, out.data, r0 * m, (r1 - r0) * m);
        });
        return out;
    }

    /** The squared distances {@code ‖a_i − a_j‖²} for {@code i < j}, row by row; half the work of a full matrix. */
    static double[] upperSquaredDistances(DMatrixRMaj a) {
        int n = a.numRows;
        double[] out = new double[n * (n - 1) / 2];
        if (n < 2) {
            return out;
        }
        double[] norms = squaredNorms(a);
        forBlocks(n, (r0, r1) -> {
            DMatrixRMaj block = distanceBlock(a, a, norms, norms, r0, r1, r0, n);
            for (int i = r0; i < r1; i++) {
                // Row i of the upper triangle starts after the (n-1) + (n-2) + ... + (n-i) earlier entries.
                int start = i * (2 * n - i - 1) / 2;
                System.arraycopy(block.data, (i - r0) * (n - r0) + i + 1 - r0, out, start, n - i - 1);
            }
        });
        return out;
    }

    /**
     * The squared distances {@code max(0, ‖a_i‖² + ‖b_j‖² − 2 a_i·b_j)} for rows {@code [r0, r1)} of {@code a} and
     * {@code [c0, c1)} of {@code b}, as a new {@code (r1 − r0) × (c1 − c0)} block; the one place where the kernel's
     * squared distances are formed.
     */
    private static DMatrixRMaj distanceBlock(DMatrixRMaj a, DMatrixRMaj b, double[] na, double[] nb, int r0, int r1,
                                             int c0, int c1) {
        int w = c1 - c0;
        DMatrixRMaj block = new DMatrixRMaj(r1 - r0, w);
        DenseProducts.multTransB(a, b, r0, r1, c0, c1, block);
        double[] d = block.data;
        for (int i = r0; i < r1; i++) {
            int off = (i - r0) * w;
            for (int j = c0; j < c1; j++) {
                double v = na[i] + nb[j] - 2 * d[off + j - c0];
                d[off + j - c0] = v > 0 ? v : 0;
            }
        }
        return block;
    }

    /** Squared Euclidean norms of the rows, each summed in column order. */
    public static double[] squaredNorms(DMatrixRMaj a) {
        double[] out = new double[a.numRows];
        int d = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            double s = 0;
            int off = i * d;
            for (int j = 0; j < d; j++) {
                double v = a.data[off + j];
                s += v * v;
            }
            out[i] = s;
        }
        return out;
    }

    @Override
    public String toString() {
        return "gaussian(sigma=" + sigma + ", gamma=" + gamma + ")";
    }

    private interface Block {
        void rows(int r0, int r1);
    }

    /** Runs {@code body} on blocks of {@value #GRAM_BLOCK} rows in parallel; each block on one thread. */
    private static void forBlocks(int n, Block body) {
        int blocks = (n + GRAM_BLOCK - 1) / GRAM_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(bi -> {
            int r0 = bi * GRAM_BLOCK;
            body.rows(r0, Math.min(n, r0 + GRAM_BLOCK));
        });
    }

    private static void checkColumns(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numCols != b.numCols) {
            throw new IllegalArgumentException("Samples have different dimensions: " + a.numCols + " vs " + b.numCols
                    + " columns; both need the same features");
        }
    }
}
