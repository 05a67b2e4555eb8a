package org.tl4j.core.matrix;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Column statistics of a sample held as a matrix, one example per row: means, population standard deviations,
 * the centred sample and its covariance. Each column's mean and deviation are the sums
 * {@link org.tl4j.core.math.SampleStatistics} defines, taken over the rows in order (so a column statistic equals the
 * scalar one of that column bit for bit on finite data), and the covariance is the centred sample's
 * {@link DenseProducts#gram}. This is the one definition the discrepancy measures, PCA, CORAL and the embeddings use.
 * No method modifies its arguments.
 */
public final class ColumnStatistics {
    private ColumnStatistics() {
    }

    /** The mean of each column. */
    public static double[] means(DMatrixRMaj x) {
        int n = x.numRows;
        int d = x.numCols;
        double[] m = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                m[j] += x.data[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            m[j] /= n;
        }
        return m;
    }

    /** The population standard deviation ({@code n} denominator) of each column about {@code means}. */
    public static double[] populationSds(DMatrixRMaj x, double[] means) {
        checkMeans(x, means);
        int n = x.numRows;
        int d = x.numCols;
        double[] sd = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = x.data[i * d + j] - means[j];
                sd[j] += v * v;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j] / n);
        }
        return sd;
    }

    /** A new matrix {@code x − 1 meansᵀ}: every column minus its mean. */
    public static DMatrixRMaj centred(DMatrixRMaj x, double[] means) {
        checkMeans(x, means);
        int d = x.numCols;
        DMatrixRMaj c = x.copy();
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < d; j++) {
                c.data[i * d + j] -= means[j];
            }
        }
        return c;
    }

    /**
     * The unbiased sample covariance {@code (X − 1μᵀ)ᵀ(X − 1μᵀ) / (n − 1)} of the rows.
     *
     * @throws IllegalArgumentException with fewer than two rows
     */
    public static DMatrixRMaj covariance(DMatrixRMaj x) {
        if (x.numRows < 2) {
            throw new IllegalArgumentException("A covariance needs at least two rows, found " + x.numRows);
        }
        DMatrixRMaj cov = DenseProducts.gram(centred(x, means(x)));
        CommonOps_DDRM.scale(1.0 / (x.numRows - 1), cov);
        return cov;
    }

    private static void checkMeans(DMatrixRMaj x, double[] means) {
        if (means.length != x.numCols) {
            throw new IllegalArgumentException(means.length + " means for " + x.numCols + " columns");
        }
    }
}
