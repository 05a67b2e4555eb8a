package org.tl4j.instance.nnw;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.tl4j.core.kernel.GaussianKernel;
import org.tl4j.instance.DensityRatioSamples;

/**
 * Nearest-neighbour importance weighting (Loog, <i>Nearest neighbor-based importance weighting</i>, MLSP 2012):
 * the weight of a source point is the number of target points in its Voronoi cell among the source points, i.e.
 * the target points whose nearest source neighbour it is, plus a Laplace smoothing term:
 * {@code w_i = n (N_i + s) / (m + n s)} with smoothing {@code s} (Loog uses 1), so that the weights average 1.
 * The estimate needs no kernel and no hyper-parameter; it costs one nearest-neighbour search per target point
 * ({@code O(nmd)}, in blocks).
 * <p>
 * A target point equidistant from several source points (duplicated source points in particular) is shared
 * equally between them, so duplicates split their cell's count. With {@code s = 0} source points whose cell holds
 * no target point get weight exactly 0; with {@code s > 0} they get the floor {@code n s / (m + n s)}.
 *
 * @see org.tl4j.instance.kmm.KernelMeanMatching
 */
public final class NearestNeighbourWeighting {

    /** Target rows per block of the nearest-neighbour search. */
    private static final int BLOCK = 256;

    private NearestNeighbourWeighting() {
    }

    /**
     * Fitted weights.
     *
     * @param weights one weight per source row (mean 1)
     * @param counts  the (fractional) number of target points in each source point's Voronoi cell
     */
    public record Result(double[] weights, double[] counts) {
        /** A copy of the weights. */
        @Override
        public double[] weights() {
            return weights.clone();
        }

        /** A copy of the counts. */
        @Override
        public double[] counts() {
            return counts.clone();
        }
    }

    /**
     * Computes the weights.
     *
     * @param source    {@code n × d}, {@code n ≥ 1}; not modified
     * @param target    {@code m × d}, {@code m ≥ 1}; not modified
     * @param smoothing Laplace smoothing {@code s ≥ 0}
     * @throws IllegalArgumentException on empty or non-finite input or a negative smoothing
     */
    public static Result fit(DMatrixRMaj source, DMatrixRMaj target, double smoothing) {
        int n = source.numRows;
        int m = target.numRows;
        if (n == 0 || m == 0) {
            throw new IllegalArgumentException("Nearest-neighbour weighting needs both samples: " + n + " source and "
                    + m + " target points (pass unlabelled target data)");
        }
        if (source.numCols != target.numCols) {
            throw new IllegalArgumentException("Source has " + source.numCols + " features, target " + target.numCols);
        }
        if (!(smoothing >= 0) || Double.isInfinite(smoothing)) {
            throw new IllegalArgumentException("Invalid smoothing: " + smoothing + " (must be finite and >= 0)");
        }
        DensityRatioSamples.checkFinite(source, "source");
        DensityRatioSamples.checkFinite(target, "target");
        int d = source.numCols;
        double[] counts = new double[n];
        for (int start = 0; start < m; start += BLOCK) {
            int end = Math.min(m, start + BLOCK);
            DMatrixRMaj block = CommonOps_DDRM.extract(target, start, end, 0, d);
            DMatrixRMaj dist = GaussianKernel.squaredDistances(block, source);
            for (int j = 0; j < block.numRows; j++) {
                double min = Double.POSITIVE_INFINITY;
                int off = j * n;
                for (int i = 0; i < n; i++) {
                    min = Math.min(min, dist.data[off + i]);
                }
                // Candidates within rounding of the minimum are compared with exact distances; exact ties share.
                double tol = 1e-9 * (min + 1e-300) + 1e-12;
                double exactMin = Double.POSITIVE_INFINITY;
                int ties = 0;
                double[] exact = new double[n];
                for (int i = 0; i < n; i++) {
                    if (dist.data[off + i] <= min + tol) {
                        double s = 0;
                        for (int c = 0; c < d; c++) {
                            double v = block.unsafe_get(j, c) - source.unsafe_get(i, c);
                            s += v * v;
                        }
                        exact[i] = s;
                        if (s < exactMin) {
                            exactMin = s;
                        }
                    } else {
                        exact[i] = Double.NaN;
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (exact[i] == exactMin) {
                        ties++;
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (exact[i] == exactMin) {
                        counts[i] += 1.0 / ties;
                    }
                }
            }
        }
        double[] w = new double[n];
        double norm = n / (m + n * smoothing);
        for (int i = 0; i < n; i++) {
            w[i] = (counts[i] + smoothing) * norm;
        }
        return new Result(w, counts);
    }
}
