package org.tl4j.instance.kernel;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.tl4j.core.kernel.GaussianKernel;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.matrix.ParallelRows;

/**
 * Random Fourier features for the Gaussian kernel (Rahimi &amp; Recht, <i>Random features for large-scale kernel
 * machines</i>, NIPS 2007): {@code z(x) = √(2/D) cos(Wᵀx + b)} with {@code W_jk ~ N(0, σ⁻²)} and
 * {@code b_k ~ U[0, 2π)}, so that {@code E[z(x)·z(y)] = exp(−‖x − y‖²/(2σ²))}. The approximation error of one
 * kernel value is {@code O(1/√D)}; memory and time are linear in the number of points, which is what makes
 * kernel mean matching and kernel density-ratio estimation feasible for very large samples.
 * Instances are immutable and drawn from an explicit seed.
 */
public final class RandomFourierFeatures {

    private final DMatrixRMaj w;
    private final double[] b;
    private final double sigma;

    /**
     * Draws the features.
     *
     * @param dimension input dimension {@code d ≥ 1}
     * @param features  number of features {@code D ≥ 1}
     * @param sigma     kernel width {@code σ > 0}
     * @param seed      seed of the draw
     */
    public RandomFourierFeatures(int dimension, int features, double sigma, long seed) {
        if (dimension < 1 || features < 1) {
            throw new IllegalArgumentException("Invalid random feature shape: dimension " + dimension + ", features "
                    + features + " (both must be >= 1)");
        }
        GaussianKernel.gamma(sigma);
        this.sigma = sigma;
        UniformRandomProvider rng = Seeds.rng(Seeds.derive(seed, "random-fourier-features"));
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        this.w = new DMatrixRMaj(dimension, features);
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = g.sample() / sigma;
        }
        this.b = new double[features];
        for (int k = 0; k < features; k++) {
            b[k] = 2 * Math.PI * rng.nextDouble();
        }
    }

    /** Number of features {@code D}. */
    public int features() {
        return b.length;
    }

    /** The kernel width. */
    public double sigma() {
        return sigma;
    }

    /** The features of every row of {@code x} ({@code n × d}), as a new {@code n × D} matrix. */
    public DMatrixRMaj transform(DMatrixRMaj x) {
        if (x.numCols != w.numRows) {
            throw new IllegalArgumentException("Expected " + w.numRows + " columns, found " + x.numCols);
        }
        DMatrixRMaj z = new DMatrixRMaj(x.numRows, b.length);
        if ((long) x.numRows * x.numCols * b.length > 2_000_000L) {
            CommonOps_MT_DDRM.mult(x, w, z);
        } else {
            CommonOps_DDRM.mult(x, w, z);
        }
        double scale = Math.sqrt(2.0 / b.length);
        int dd = b.length;
        ParallelRows.forEach(x.numRows, i -> {
            int off = i * dd;
            for (int k = 0; k < dd; k++) {
                z.data[off + k] = scale * Math.cos(z.data[off + k] + b[k]);
            }
        });
        return z;
    }

    /** The mean feature vector of the rows of {@code x}, computed in blocks of rows (memory {@code O(D)} extra). */
    public double[] meanFeature(DMatrixRMaj x) {
        double[] mean = new double[b.length];
        int block = 1024;
        for (int start = 0; start < x.numRows; start += block) {
            int end = Math.min(x.numRows, start + block);
            DMatrixRMaj z = transform(CommonOps_DDRM.extract(x, start, end, 0, x.numCols));
            for (int i = 0; i < z.numRows; i++) {
                for (int k = 0; k < b.length; k++) {
                    mean[k] += z.unsafe_get(i, k);
                }
            }
        }
        for (int k = 0; k < b.length; k++) {
            mean[k] /= Math.max(1, x.numRows);
        }
        return mean;
    }
}
