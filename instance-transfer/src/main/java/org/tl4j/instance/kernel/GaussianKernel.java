package org.tl4j.instance.kernel;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.tl4j.core.discrepancy.DomainDiscrepancy;

import org.tl4j.core.learn.Seeds;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The Gaussian (RBF) kernel {@code k(x, y) = exp(−‖x − y‖² / (2σ²))} on samples held as EJML matrices, one example
 * per row. Squared distances come from one matrix product ({@code ‖x‖² + ‖y‖² − 2 x·y}, clamped at 0), so a
 * {@code n × m} kernel costs {@code O(nmd)} floating-point work and {@code O(nm)} memory; {@link #rowSums} computes
 * {@code Σ_j k(x_i, y_j)} in blocks without holding the {@code n × m} matrix. No method modifies its arguments.
 * <p>
 * Every result is deterministic: parallel work is split by rows and each entry is computed by one thread in a
 * fixed order.
 */
public final class GaussianKernel {

    private GaussianKernel() {
    }

    /** Fewest rows for which {@link #parallelRows} splits the work over threads. */
    public static final int PARALLEL_ROWS = 512;

    /** Most points per sample used by {@link #medianWidth}. */
    public static final int MEDIAN_POINTS = 400;

    /** Rows per block of the blocked products. */
    private static final int GRAM_BLOCK = 128;

    /**
     * The median heuristic for the kernel width: the median Euclidean distance between distinct points of the
     * pooled samples, from at most {@value #MEDIAN_POINTS} points of each (chosen with {@code seed}); the median of
     * that many pairwise distances is within a fraction of a percent of the full sample's.
     *
     * @throws IllegalArgumentException if the median distance is 0 (most points coincide), naming the fix
     */
    public static double medianWidth(DMatrixRMaj a, DMatrixRMaj b, long seed) {
        checkColumns(a, b);
        DMatrixRMaj sa = DomainDiscrepancy.subsample(a, MEDIAN_POINTS, Seeds.derive(seed, "median-source"));
        DMatrixRMaj sb = DomainDiscrepancy.subsample(b, MEDIAN_POINTS, Seeds.derive(seed, "median-target"));
        DMatrixRMaj pooled = new DMatrixRMaj(sa.numRows + sb.numRows, a.numCols);
        CommonOps_DDRM.insert(sa, pooled, 0, 0);
        CommonOps_DDRM.insert(sb, pooled, sa.numRows, 0);
        int n = pooled.numRows;
        if (n < 2) {
            throw new IllegalArgumentException("The median heuristic needs at least two points; give the kernel width explicitly");
        }
        double[] d = upperSquaredDistances(pooled);
        Arrays.sort(d);
        double median = Math.sqrt(d.length % 2 == 1 ? d[d.length / 2] : 0.5 * (d[d.length / 2 - 1] + d[d.length / 2]));
        if (!(median > 0)) {
            throw new IllegalArgumentException("The median pairwise distance is 0 (most points coincide): the Gaussian "
                    + "kernel width cannot be chosen by the median heuristic; give sigma explicitly");
        }
        return median;
    }

    /** The squared distances {@code ‖a_i − a_j‖²} for {@code i < j}, row by row; half the work of a full matrix. */
    static double[] upperSquaredDistances(DMatrixRMaj a) {
        int n = a.numRows;
        double[] out = new double[n * (n - 1) / 2];
        if (n < 2) {
            return out;
        }
        DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
        double[] norms = squaredNorms(a);
        int blocks = (n + GRAM_BLOCK - 1) / GRAM_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(bi -> {
            int r0 = bi * GRAM_BLOCK;
            int r1 = Math.min(n, r0 + GRAM_BLOCK);
            DMatrixRMaj block = new DMatrixRMaj(r1 - r0, n - r0);
            DenseProducts.multiply(a, at, r0, r1, r0, n, block);
            for (int i = r0; i < r1; i++) {
                int boff = (i - r0) * (n - r0);
                // Row i of the upper triangle starts after the (n-1) + (n-2) + ... + (n-i) earlier entries.
                int start = i * (2 * n - i - 1) / 2;
                for (int j = i + 1; j < n; j++) {
                    double v = norms[i] + norms[j] - 2 * block.data[boff + j - r0];
                    out[start + j - i - 1] = v > 0 ? v : 0;
                }
            }
        });
        return out;
    }

    /**
     * The symmetric kernel matrix {@code K_ij = k(a_i, a_j)}; only the upper triangle is computed (half the work of
     * {@link #matrix}) and mirrored.
     */
    public static DMatrixRMaj symmetricMatrix(DMatrixRMaj a, double sigma) {
        double g = gamma(sigma);
        int n = a.numRows;
        int d = a.numCols;
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        if (n == 0) {
            return out;
        }
        DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
        double[] norms = squaredNorms(a);
        int blocks = (n + GRAM_BLOCK - 1) / GRAM_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(bi -> {
            int r0 = bi * GRAM_BLOCK;
            int r1 = Math.min(n, r0 + GRAM_BLOCK);
            DMatrixRMaj block = new DMatrixRMaj(r1 - r0, n - r0);
            DenseProducts.multiply(a, at, r0, r1, r0, n, block);
            for (int i = r0; i < r1; i++) {
                int boff = (i - r0) * (n - r0);
                for (int j = i; j < n; j++) {
                    double v = norms[i] + norms[j] - 2 * block.data[boff + j - r0];
                    out.data[i * n + j] = Math.exp(-g * (v > 0 ? v : 0));
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

    /** Squared Euclidean distances between the rows of {@code a} ({@code n × d}) and {@code b} ({@code m × d}). */
    public static DMatrixRMaj squaredDistances(DMatrixRMaj a, DMatrixRMaj b) {
        checkColumns(a, b);
        int n = a.numRows;
        int m = b.numRows;
        int d = a.numCols;
        DMatrixRMaj out = new DMatrixRMaj(n, m);
        if (n == 0 || m == 0) {
            return out;
        }
        DMatrixRMaj bt = CommonOps_DDRM.transpose(b, null);
        double[] na = squaredNorms(a);
        double[] nb = squaredNorms(b);
        int blocks = (n + GRAM_BLOCK - 1) / GRAM_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(bi -> {
            int r0 = bi * GRAM_BLOCK;
            int r1 = Math.min(n, r0 + GRAM_BLOCK);
            DMatrixRMaj block = new DMatrixRMaj(r1 - r0, m);
            DenseProducts.multiply(a, bt, r0, r1, 0, m, block);
            for (int i = r0; i < r1; i++) {
                int boff = (i - r0) * m;
                int off = i * m;
                for (int j = 0; j < m; j++) {
                    double v = na[i] + nb[j] - 2 * block.data[boff + j];
                    out.data[off + j] = v > 0 ? v : 0;
                }
            }
        });
        return out;
    }

    /** The kernel matrix {@code K_ij = k(a_i, b_j)}. */
    public static DMatrixRMaj matrix(DMatrixRMaj a, DMatrixRMaj b, double sigma) {
        double g = gamma(sigma);
        DMatrixRMaj k = squaredDistances(a, b);
        exp(k, g);
        return k;
    }

    /** Replaces every squared distance {@code D} in {@code squaredDistances} by {@code exp(−γ D)}, in place. */
    public static void exp(DMatrixRMaj squaredDistances, double gamma) {
        double[] d = squaredDistances.data;
        int cols = squaredDistances.numCols;
        parallelRows(squaredDistances.numRows, i -> {
            int off = i * cols;
            for (int j = 0; j < cols; j++) {
                d[off + j] = Math.exp(-gamma * d[off + j]);
            }
        });
    }

    /** A new matrix {@code exp(−γ D)} of the squared distances {@code D}; {@code D} is not modified. */
    public static DMatrixRMaj fromSquaredDistances(DMatrixRMaj squaredDistances, double sigma) {
        DMatrixRMaj k = squaredDistances.copy();
        exp(k, gamma(sigma));
        return k;
    }

    /**
     * {@code Σ_j k(a_i, b_j)} for every row {@code i} of {@code a}, computed in blocks of rows so that only a
     * {@value #GRAM_BLOCK} × m slice of the kernel exists at a time.
     */
    public static double[] rowSums(DMatrixRMaj a, DMatrixRMaj b, double sigma) {
        checkColumns(a, b);
        double g = gamma(sigma);
        int n = a.numRows;
        int m = b.numRows;
        int d = a.numCols;
        double[] out = new double[n];
        if (n == 0 || m == 0) {
            return out;
        }
        DMatrixRMaj bt = CommonOps_DDRM.transpose(b, null);
        double[] na = squaredNorms(a);
        double[] nb = squaredNorms(b);
        int blocks = (n + GRAM_BLOCK - 1) / GRAM_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(bi -> {
            int r0 = bi * GRAM_BLOCK;
            int r1 = Math.min(n, r0 + GRAM_BLOCK);
            DMatrixRMaj block = new DMatrixRMaj(r1 - r0, m);
            DenseProducts.multiply(a, bt, r0, r1, 0, m, block);
            for (int i = r0; i < r1; i++) {
                int boff = (i - r0) * m;
                double s = 0;
                for (int j = 0; j < m; j++) {
                    double v = na[i] + nb[j] - 2 * block.data[boff + j];
                    s += Math.exp(-g * (v > 0 ? v : 0));
                }
                out[i] = s;
            }
        });
        return out;
    }

    /** {@code 1/(2σ²)}. */
    public static double gamma(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("Invalid kernel width sigma: " + sigma + " (must be finite and > 0)");
        }
        return 1.0 / (2 * sigma * sigma);
    }

    /** Squared norms of the rows. */
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

    /**
     * Checks the two samples of a density-ratio estimator: both non-empty, the same number of features, finite.
     *
     * @param method the estimator's name for the messages, e.g. {@code KMM}
     * @throws IllegalArgumentException naming the problem and the fix
     */
    public static void checkSamples(String method, DMatrixRMaj source, DMatrixRMaj target) {
        if (source.numRows == 0) {
            throw new IllegalArgumentException(method + " needs source points: the source sample is empty");
        }
        if (target.numRows == 0) {
            throw new IllegalArgumentException(method + " needs target points: the target sample is empty (pass "
                    + "unlabelled target data)");
        }
        if (source.numCols != target.numCols) {
            throw new IllegalArgumentException("Source has " + source.numCols + " features, target " + target.numCols);
        }
        checkFinite(source, "source");
        checkFinite(target, "target");
    }

    /** The kernel expansion {@code f(x) = Σ_l c_l k(x, centre_l)} at every row of {@code x}. */
    public static double[] expansion(DMatrixRMaj x, DMatrixRMaj centres, double sigma, double[] coefficients) {
        DMatrixRMaj k = matrix(x, centres, sigma);
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

    /**
     * Checks that every entry of {@code m} is finite.
     *
     * @param what the matrix's role in the message, e.g. {@code source}
     * @throws IllegalArgumentException naming the row and column of the first non-finite value
     */
    public static void checkFinite(DMatrixRMaj m, String what) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                double v = m.unsafe_get(i, j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(what + " row " + i + " column " + j + " is " + v
                            + ": remove or impute non-finite values before estimating importance weights");
                }
            }
        }
    }

    /**
     * Runs {@code body} for every row index, in parallel blocks of rows when there are at least
     * {@value #PARALLEL_ROWS} rows; each row is handled by one thread.
     */
    public static void parallelRows(int rows, java.util.function.IntConsumer body) {
        if (rows < PARALLEL_ROWS) {
            for (int i = 0; i < rows; i++) {
                body.accept(i);
            }
            return;
        }
        int blocks = Math.min(rows, 4 * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int start = (int) ((long) rows * b / blocks);
            int end = (int) ((long) rows * (b + 1) / blocks);
            for (int i = start; i < end; i++) {
                body.accept(i);
            }
        });
    }

    private static void checkColumns(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numCols != b.numCols) {
            throw new IllegalArgumentException("Samples have different dimensions: " + a.numCols + " vs " + b.numCols
                    + " columns; both need the same features");
        }
    }
}
