package org.tl4j.instance.kmm;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.kernel.GaussianKernel;
import org.tl4j.instance.DensityRatioSamples;
import org.tl4j.instance.kernel.RandomFourierFeatures;
import org.tl4j.instance.kernel.SymmetricOperator;

/**
 * Kernel mean matching: importance weights for source points that make the weighted source mean embedding in a
 * Gaussian RKHS match the target mean embedding (Huang, Smola, Gretton, Borgwardt &amp; Schölkopf, <i>Correcting
 * sample selection bias by unlabeled data</i>, NIPS 2006).
 * <p>
 * With source points {@code x_1..x_n}, target points {@code x'_1..x'_m}, {@code K_ij = k(x_i, x_j)} and
 * {@code κ_i = (n/m) Σ_j k(x_i, x'_j)}, the weights solve the quadratic program
 * <pre>
 *   minimise ½ βᵀKβ − κᵀβ   subject to   0 ≤ β_i ≤ B,   |Σ_i β_i − n| ≤ nε,
 * </pre>
 * which is {@code n²/2} times the squared MMD between the β-weighted source sample and the target sample, up to a
 * constant. It is solved by {@link BoxSumQuadraticProgram} (sequential minimal optimisation for the exact kernel with
 * the ridge above 256 source points, gradient projection with conjugate gradients otherwise; {@link Options#solver()}
 * forces either) to a certified relative duality gap: the solver stops
 * when the Frank–Wolfe gap, an upper bound on the distance to the optimal objective, is at most
 * {@code tolerance · max(|f(β)|, 0.01 n²)}; a run that does not reach it is an error, not a silent result. The
 * optimal weights need not be unique (the kernel matrix is often numerically low-rank), but the weighted mean
 * embedding is: a gap {@code g} bounds its RKHS distance to the optimum by {@code √(2g)/n}.
 * Defaults follow the paper's experiments: {@code B = 1000}, {@code ε = (√n − 1)/√n}, width by the median
 * heuristic.
 * <p>
 * One deviation, on by default: a ridge {@code δ = 0.01} is added to the kernel's unit diagonal, i.e. the penalty
 * {@code ½δ‖β‖²}. The Gaussian kernel matrix of real samples is numerically singular (always so in low
 * dimension), so the unregularised program has a whole face of optimal weight vectors with the same weighted mean
 * embedding, and a solver returns whichever its path reaches: on the Gaussian covariate shift of the tests the
 * optimum reached ranks the source points against the true density ratio with Spearman 0.4–0.5, against 0.95 with
 * the ridge, while the ½MMD² objective moves by about 10⁻⁴ of its value. The ridge makes the program strictly
 * convex (unique weights, independent of the solver) and well conditioned (a few hundred iterations instead of
 * tens of thousands). {@code ridge = 0} gives the paper's unregularised program.
 * <p>
 * Exact KMM holds the {@code n × n} source kernel ({@code 8n²} bytes: 32 MB at {@code n = 2,000}, 800 MB at
 * {@code n = 10,000}). With {@code randomFeatures = D > 0} the kernel is replaced by {@code D} random Fourier
 * features, {@code K ≈ ΦΦᵀ}: memory {@code O(nD)} and {@code O(nD)} per solver iteration, the route for samples of
 * {@code 10⁵}–{@code 10⁶} points.
 *
 * @see BoxSumQuadraticProgram
 * @see org.tl4j.instance.kliep.Kliep
 * @see org.tl4j.instance.ulsif.ULsif
 */
public final class KernelMeanMatching {

    /** The default ridge {@code δ} on the kernel's unit diagonal. */
    public static final double DEFAULT_RIDGE = 0.01;

    private KernelMeanMatching() {
    }

    /**
     * Settings.
     *
     * @param sigma          Gaussian kernel width; {@code NaN} or {@code ≤ 0} for the median heuristic
     * @param bound          upper bound {@code B > 0} of each weight
     * @param epsilon        slack of the sum constraint, {@code ≥ 0}; {@code NaN} for {@code (√n − 1)/√n}
     * @param tolerance      relative duality gap to reach ({@code > 0})
     * @param maxIterations  solver iteration budget
     * @param randomFeatures {@code 0} for the exact kernel, else the number of random Fourier features
     * @param ridge          {@code δ ≥ 0} added to the kernel's unit diagonal (see the class documentation)
     * @param solver         the QP solver: {@code AUTO} (the measured choice, see
     *                       {@link BoxSumQuadraticProgram.Method#AUTO}), {@code GPCG} or {@code SMO}
     */
    public record Options(double sigma, double bound, double epsilon, double tolerance, int maxIterations,
                          int randomFeatures, double ridge, BoxSumQuadraticProgram.Method solver) {
        /** Settings with the automatic solver choice. */
        public Options(double sigma, double bound, double epsilon, double tolerance, int maxIterations,
                       int randomFeatures, double ridge) {
            this(sigma, bound, epsilon, tolerance, maxIterations, randomFeatures, ridge,
                    BoxSumQuadraticProgram.Method.AUTO);
        }

        /** Validates the settings. */
        public Options {
            if (solver == null) {
                throw new IllegalArgumentException("No KMM solver given: use AUTO, GPCG or SMO");
            }
            if (Double.isInfinite(sigma)) {
                throw new IllegalArgumentException("Invalid sigma: " + sigma + " (use a finite width, or NaN for the median heuristic)");
            }
            if (!(bound > 0) || Double.isInfinite(bound)) {
                throw new IllegalArgumentException("Invalid bound B: " + bound + " (must be finite and > 0)");
            }
            if (epsilon < 0 || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("Invalid epsilon: " + epsilon + " (must be >= 0, or NaN for (sqrt(n)-1)/sqrt(n))");
            }
            if (!(tolerance > 0)) {
                throw new IllegalArgumentException("Invalid tolerance: " + tolerance + " (must be > 0)");
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("Invalid maxIterations: " + maxIterations + " (must be >= 1)");
            }
            if (randomFeatures < 0) {
                throw new IllegalArgumentException("Invalid randomFeatures: " + randomFeatures + " (0 for the exact kernel, else > 0)");
            }
            if (!(ridge >= 0) || Double.isInfinite(ridge)) {
                throw new IllegalArgumentException("Invalid ridge: " + ridge + " (must be finite and >= 0)");
            }
        }

        /**
         * The paper's defaults, median heuristic, {@code B = 1000}, {@code ε = (√n − 1)/√n} and the exact kernel, with
         * ridge {@code δ = 0.01} and relative gap {@code 10⁻⁶}.
         */
        public static Options defaults() {
            return new Options(Double.NaN, 1000, Double.NaN, 1e-6, 50_000, 0, DEFAULT_RIDGE,
                    BoxSumQuadraticProgram.Method.AUTO);
        }

        /** These settings with another QP solver. */
        public Options withSolver(BoxSumQuadraticProgram.Method method) {
            return new Options(sigma, bound, epsilon, tolerance, maxIterations, randomFeatures, ridge, method);
        }
    }

    /**
     * Fitted weights.
     *
     * @param weights    one weight per source row, in {@code [0, B]} (a copy is returned by {@link #weights()})
     * @param sigma      the kernel width used
     * @param epsilon    the slack used
     * @param objective  {@code f(β)/n²} = ½MMD²(β-weighted source, target) minus the constant ½‖μ_target‖²
     * @param gap        the certified duality gap divided by {@code n²} (in units of ½MMD²)
     * @param iterations solver iterations (for SMO, {@code n} coordinate steps count as one)
     * @param solver     the QP solver that ran ({@code GPCG} or {@code SMO})
     */
    public record Result(double[] weights, double sigma, double epsilon, double objective, double gap, int iterations,
                         BoxSumQuadraticProgram.Method solver) {
        /** A copy of the weights. */
        @Override
        public double[] weights() {
            return weights.clone();
        }
    }

    /**
     * Computes KMM weights for the rows of {@code source} against {@code target}.
     *
     * @param source {@code n × d}, {@code n ≥ 1}; not modified
     * @param target {@code m × d}, {@code m ≥ 1}; not modified
     * @param seed   seeds the median heuristic's subsample and the random features
     * @throws IllegalArgumentException on empty or non-finite input, infeasible bounds, or a kernel that vanishes
     *                                  between every source and target point
     * @throws IllegalStateException    if the solver does not reach the tolerance
     */
    public static Result fit(DMatrixRMaj source, DMatrixRMaj target, Options options, long seed) {
        int n = source.numRows;
        int m = target.numRows;
        DensityRatioSamples.check("KMM", source, target);
        double sigma = options.sigma() > 0 ? options.sigma() : GaussianKernel.medianWidth(source, target, seed);
        double eps = Double.isNaN(options.epsilon()) ? (Math.sqrt(n) - 1) / Math.sqrt(n) : options.epsilon();
        double bound = options.bound();
        if (bound * n < n * (1 - eps)) {
            throw new IllegalArgumentException("KMM constraints are infeasible: B = " + bound + " cannot reach a weight "
                    + "sum of n(1 - epsilon) = " + n * (1 - eps) + "; raise B or epsilon");
        }
        SymmetricOperator k;
        double[] kappa;
        if (options.randomFeatures() == 0) {
            k = SymmetricOperator.dense(GaussianKernel.withWidth(sigma).symmetricMatrix(source));
            kappa = GaussianKernel.withWidth(sigma).rowSums(source, target);
            for (int i = 0; i < n; i++) {
                kappa[i] *= (double) n / m;
            }
        } else {
            RandomFourierFeatures rff = new RandomFourierFeatures(source.numCols, options.randomFeatures(), sigma, seed);
            DMatrixRMaj phi = rff.transform(source);
            double[] mean = rff.meanFeature(target);
            k = SymmetricOperator.lowRank(phi);
            kappa = new double[n];
            int dd = phi.numCols;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < dd; j++) {
                    s += phi.data[i * dd + j] * mean[j];
                }
                kappa[i] = n * s;
            }
        }
        double maxKappa = 0;
        for (double v : kappa) {
            maxKappa = Math.max(maxKappa, v);
        }
        if (!(maxKappa > 1e-12 * n)) {
            throw new IllegalArgumentException("The Gaussian kernel between every source and every target point is 0 "
                    + "at sigma = " + sigma + " (largest mean kernel value " + maxKappa / n + "): the width is far too "
                    + "small for these data, or the domains do not overlap; increase sigma or let the median "
                    + "heuristic choose it");
        }
        double scale = (double) n * n;
        k = k.plusRidge(options.ridge());
        // Without the ridge the optimal weights are not unique and each solver returns the optimum its path
        // reaches: AUTO then keeps GPCG, whose symmetric steps give copies of a point equal weights.
        BoxSumQuadraticProgram.Method method = options.solver() == BoxSumQuadraticProgram.Method.AUTO
                && options.ridge() == 0 ? BoxSumQuadraticProgram.Method.GPCG : options.solver();
        BoxSumQuadraticProgram.Solution s = BoxSumQuadraticProgram.minimise(k, kappa, bound, n * (1 - eps),
                n * (1 + eps), options.tolerance(), 0.01 * scale, options.maxIterations(), method);
        if (!s.converged()) {
            throw new IllegalStateException("KMM did not converge: after " + s.iterations() + " iterations of the "
                    + s.method() + " solver the duality "
                    + "gap is " + s.gap() / scale + " (objective " + s.objective() / scale + ", relative tolerance "
                    + options.tolerance() + ", in units of MMD^2/2) for " + n + " source and " + m + " target points "
                    + "at sigma = " + sigma + "; raise maxIterations or the tolerance");
        }
        return new Result(s.x(), sigma, eps, s.objective() / scale, s.gap() / scale, s.iterations(), s.method());
    }
}
