package org.tl4j.core.discrepancy;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.tl4j.core.kernel.GaussianKernel;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.matrix.ColumnStatistics;
import org.tl4j.core.matrix.Subsample;

/**
 * Measures of how far apart two samples are, usable before any training. Samples are matrices with one example
 * per row and the same columns; none of the methods modifies its arguments.
 *
 * <ul>
 *   <li>{@link #mmdLinear}: squared maximum mean discrepancy with the linear kernel, {@code ‖μ_s − μ_t‖²}.</li>
 *   <li>{@link #mmdRbf}: the unbiased estimate of squared MMD with the Gaussian kernel
 *   {@code k(x,y) = exp(−‖x−y‖²/(2σ²))} (Gretton et al., JMLR 2012, eq. 3); {@link #medianHeuristic} picks σ by
 *   the median heuristic. Kernel and heuristic are {@link GaussianKernel}'s, the ones the kernel density-ratio
 *   estimators (KMM, KLIEP, uLSIF) use, so the reported width is the width KMM chooses on the same two samples.</li>
 *   <li>{@link #proxyADistance}: {@code 2(1 − 2ε)} with ε the held-out error of a linear domain classifier
 *   (Ben-David et al., NIPS 2007); clipped at 0 when the classifier is no better than chance.</li>
 *   <li>{@link #coral}: the CORAL loss {@code ‖C_s − C_t‖²_F / (4d²)} between covariance matrices
 *   (Sun &amp; Saenko, ECCV 2016 workshops).</li>
 * </ul>
 */
public final class DomainDiscrepancy {

    private DomainDiscrepancy() {
    }

    /** Squared distance between the sample means. */
    public static double mmdLinear(DMatrixRMaj xs, DMatrixRMaj xt) {
        checkSameColumns(xs, xt);
        double[] ms = ColumnStatistics.means(xs);
        double[] mt = ColumnStatistics.means(xt);
        double s = 0;
        for (int j = 0; j < ms.length; j++) {
            double d = ms[j] - mt[j];
            s += d * d;
        }
        return s;
    }

    /**
     * The unbiased squared-MMD estimate with a Gaussian kernel of width {@code sigma}. Costs
     * {@code O((m+n)² d)}; subsample large samples first.
     *
     * @throws IllegalArgumentException if {@code sigma} is not positive or a sample has fewer than two rows
     */
    public static double mmdRbf(DMatrixRMaj xs, DMatrixRMaj xt, double sigma) {
        checkSameColumns(xs, xt);
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("Invalid kernel width: " + sigma + " (must be finite and > 0)");
        }
        if (xs.numRows < 2 || xt.numRows < 2) {
            throw new IllegalArgumentException("The unbiased MMD needs at least two points per sample, found "
                    + xs.numRows + " and " + xt.numRows);
        }
        GaussianKernel k = GaussianKernel.withWidth(sigma);
        double kss = meanOffDiagonal(k.symmetricMatrix(xs));
        double ktt = meanOffDiagonal(k.symmetricMatrix(xt));
        double kst = 0;
        for (double v : k.rowSums(xs, xt)) {
            kst += v;
        }
        return kss + ktt - 2 * kst / ((double) xs.numRows * xt.numRows);
    }

    /**
     * The median heuristic for the kernel width: {@link GaussianKernel#medianWidth}, the median pairwise distance of
     * the pooled sample (at most {@value GaussianKernel#MEDIAN_POINTS} points from each sample), with the subsample
     * drawn from the {@link Seeds#IMPORTANCE_WEIGHTS} stream of {@code seed}: exactly the width KMM chooses (and
     * the median that KLIEP's and uLSIF's width grids are scaled from) when fitted with {@code seed} on the same
     * samples, rows in the same order.
     *
     * @throws IllegalArgumentException if all points coincide (the kernel would be degenerate)
     */
    public static double medianHeuristic(DMatrixRMaj xs, DMatrixRMaj xt, long seed) {
        checkSameColumns(xs, xt);
        return GaussianKernel.medianWidth(xs, xt, Seeds.derive(seed, Seeds.IMPORTANCE_WEIGHTS));
    }

    /**
     * Proxy A-distance from a linear domain classifier: the larger sample is subsampled to the size of the smaller
     * (so chance error is 0.5), both are split in halves with {@code seed}, features are standardised on the
     * training half, and a ridge-regularised least-squares classifier (targets ±1, λ = 1 on standardised features,
     * equivalent to Fisher's discriminant up to its threshold) is tested on the other half.
     *
     * @return {@code max(0, 2(1 − 2ε))}, in [0, 2]
     * @throws IllegalArgumentException if a sample has fewer than four rows
     */
    public static double proxyADistance(DMatrixRMaj xs, DMatrixRMaj xt, long seed) {
        checkSameColumns(xs, xt);
        int m = Math.min(xs.numRows, xt.numRows);
        if (m < 4) {
            throw new IllegalArgumentException("The proxy A-distance needs at least 4 points per sample, found "
                    + xs.numRows + " and " + xt.numRows);
        }
        DMatrixRMaj a = Subsample.rows(xs, m, Seeds.derive(seed, "pad-s"));
        DMatrixRMaj b = Subsample.rows(xt, m, Seeds.derive(seed, "pad-t"));
        int half = m / 2;
        int d = xs.numCols;
        int nTrain = 2 * half;
        int nTest = 2 * (m - half);
        DMatrixRMaj train = new DMatrixRMaj(nTrain, d);
        DMatrixRMaj test = new DMatrixRMaj(nTest, d);
        double[] yTrain = new double[nTrain];
        double[] yTest = new double[nTest];
        for (int i = 0; i < m; i++) {
            boolean isTrain = i < half;
            DMatrixRMaj dst = isTrain ? train : test;
            int r = isTrain ? 2 * i : 2 * (i - half);
            System.arraycopy(a.data, i * d, dst.data, r * d, d);
            System.arraycopy(b.data, i * d, dst.data, (r + 1) * d, d);
            (isTrain ? yTrain : yTest)[r] = 1;
            (isTrain ? yTrain : yTest)[r + 1] = -1;
        }
        double[] mean = ColumnStatistics.means(train);
        double[] sd = ColumnStatistics.populationSds(train, mean);
        for (int j = 0; j < d; j++) {
            if (sd[j] == 0) {
                sd[j] = 1;
            }
        }
        standardise(train, mean, sd);
        standardise(test, mean, sd);
        DMatrixRMaj gram = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(train, train, gram);
        for (int j = 0; j < d; j++) {
            gram.add(j, j, 1.0);
        }
        DMatrixRMaj rhs = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.multTransA(train, new DMatrixRMaj(nTrain, 1, true, yTrain), rhs);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(d);
        if (!solver.setA(gram)) {
            throw new IllegalStateException("Domain classifier's normal equations are not positive definite");
        }
        DMatrixRMaj w = new DMatrixRMaj(d, 1);
        solver.solve(rhs, w);
        DMatrixRMaj score = new DMatrixRMaj(nTest, 1);
        CommonOps_DDRM.mult(test, w, score);
        int errors = 0;
        for (int i = 0; i < nTest; i++) {
            // Balanced halves and standardised features: the least-squares intercept is the mean label, 0.
            double s = score.get(i);
            if ((s >= 0 ? 1 : -1) != yTest[i]) {
                errors++;
            }
        }
        double eps = errors / (double) nTest;
        return Math.max(0, 2 * (1 - 2 * eps));
    }

    /**
     * The CORAL loss {@code ‖C_s − C_t‖²_F / (4d²)} with unbiased sample covariances
     * ({@link ColumnStatistics#covariance}).
     */
    public static double coral(DMatrixRMaj xs, DMatrixRMaj xt) {
        checkSameColumns(xs, xt);
        DMatrixRMaj cs = ColumnStatistics.covariance(xs);
        DMatrixRMaj ct = ColumnStatistics.covariance(xt);
        CommonOps_DDRM.subtractEquals(cs, ct);
        double f = 0;
        for (double v : cs.data) {
            f += v * v;
        }
        int d = xs.numCols;
        return f / (4.0 * d * d);
    }

    private static void standardise(DMatrixRMaj x, double[] mean, double[] sd) {
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                x.unsafe_set(i, j, (x.unsafe_get(i, j) - mean[j]) / sd[j]);
            }
        }
    }

    private static double meanOffDiagonal(DMatrixRMaj k) {
        int n = k.numRows;
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += k.data[i * n + j];
            }
        }
        return 2 * s / ((double) n * (n - 1));
    }

    private static void checkSameColumns(DMatrixRMaj xs, DMatrixRMaj xt) {
        if (xs.numCols != xt.numCols) {
            throw new IllegalArgumentException("Samples have different feature counts: " + xs.numCols + " vs " + xt.numCols);
        }
        if (xs.numRows == 0 || xt.numRows == 0) {
            throw new IllegalArgumentException("A discrepancy needs two non-empty samples, found " + xs.numRows
                    + " and " + xt.numRows + " rows");
        }
    }
}
