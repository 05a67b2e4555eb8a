package org.tl4j.instance.kliep;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.kernel.GaussianKernel;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.matrix.TribuoMatrices;
import org.tl4j.instance.DensityRatioSamples;

import java.util.Arrays;

/**
 * The Kullback–Leibler importance estimation procedure (Sugiyama, Nakajima, Kashima, von Bünau &amp; Kawanabe,
 * <i>Direct importance estimation with model selection and its application to covariate shift adaptation</i>,
 * NIPS 2007; AISM 60(4), 2008): the density ratio {@code w(x) = p_t(x)/p_s(x)} is modelled as
 * {@code ŵ(x) = Σ_l α_l k_σ(x, c_l)} with Gaussian kernels centred on {@code b} target points, and fitted by
 * maximising the target log-likelihood of {@code ŵ p_s},
 * <pre>
 *   maximise (1/m) Σ_j log ŵ(x'_j)   subject to   (1/n) Σ_i ŵ(x_i) = 1,   α ≥ 0.
 * </pre>
 * With {@code π_l = α_l · (1/n)Σ_i k(x_i, c_l)} this is the maximum-likelihood estimation of mixture proportions
 * {@code π} on the simplex, a concave problem solved here by a few EM steps accelerated with SQUAREM (Varadhan
 * &amp; Roland, Scand. J. Stat. 2008) followed by an active-set Newton method on the simplex, to a certified
 * optimality gap: {@code max_l G_l − 1}, with {@code G} the likelihood
 * gradient, bounds the distance to the optimum in nats per target point (the Frank–Wolfe gap). Not reaching the
 * tolerance is an error.
 * <p>
 * The width {@code σ} is chosen by likelihood cross-validation over the target points (the paper's LCV): each
 * candidate is fitted on all folds but one, with centres outside the held-out fold, and scored by the mean
 * held-out {@code log ŵ}; candidates are multiples of the median heuristic. With a single target point no
 * validation is possible and the median heuristic is used (recorded in the result).
 *
 * @see org.tl4j.instance.kmm.KernelMeanMatching
 * @see org.tl4j.instance.ulsif.ULsif
 */
public final class Kliep {

    /** Optimality gap of the cross-validation fits (their scores need only three decimals). */
    static final double CV_TOLERANCE = 1e-4;

    /** Iteration budget of a cross-validation fit; a fold that needs more is scored at the point reached. */
    static final int CV_ITERATIONS = 500;

    /** SQUAREM iterations before the Newton phase. */
    static final int WARM_UP = 5;

    /** Centres with less source mass than this (kernel underflow) are dropped: their weight would be unbounded. */
    private static final double MIN_CENTRE_MASS = 1e-300;

    private Kliep() {
    }

    /**
     * Settings.
     *
     * @param sigma             a fixed kernel width, or {@code NaN} to choose it by likelihood cross-validation
     * @param widthMultipliers  the candidates for cross-validation, as multiples of the median heuristic
     * @param centres           number of kernel centres {@code b} (at most the target size is used)
     * @param folds             cross-validation folds {@code R ≥ 2} (fewer when the target is smaller)
     * @param tolerance         optimality gap to reach, in nats per target point
     * @param maxIterations     EM iteration budget per fit
     */
    public record Options(double sigma, double[] widthMultipliers, int centres, int folds, double tolerance,
                          int maxIterations) {
        /** Validates the settings. */
        public Options {
            if (!Double.isNaN(sigma) && (!(sigma > 0) || Double.isInfinite(sigma))) {
                throw new IllegalArgumentException("Invalid sigma: " + sigma + " (a finite width > 0, or NaN to cross-validate)");
            }
            widthMultipliers = widthMultipliers.clone();
            if (widthMultipliers.length == 0) {
                throw new IllegalArgumentException("KLIEP needs at least one width candidate");
            }
            for (double v : widthMultipliers) {
                if (!(v > 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("Invalid width multiplier: " + v + " (must be finite and > 0)");
                }
            }
            if (centres < 1) {
                throw new IllegalArgumentException("Invalid number of centres: " + centres + " (must be >= 1)");
            }
            if (folds < 2) {
                throw new IllegalArgumentException("Invalid number of folds: " + folds + " (must be >= 2)");
            }
            if (!(tolerance > 0)) {
                throw new IllegalArgumentException("Invalid tolerance: " + tolerance + " (must be > 0)");
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("Invalid maxIterations: " + maxIterations + " (must be >= 1)");
            }
        }

        /** The candidates (a copy). */
        @Override
        public double[] widthMultipliers() {
            return widthMultipliers.clone();
        }

        /** 100 centres, 5-fold LCV over {@code σ_med × {1/8, 1/4, 1/2, 1, 2, 4}}, gap 1e-6. */
        public static Options defaults() {
            return new Options(Double.NaN, new double[]{0.125, 0.25, 0.5, 1, 2, 4}, 100, 5, 1e-6, 20_000);
        }
    }

    /**
     * A fitted ratio.
     *
     * @param weights      {@code ŵ} at every source row (mean 1 by construction)
     * @param sigma        the width used
     * @param candidates   the widths tried by cross-validation (empty when {@code σ} was fixed or could not be
     *                     validated)
     * @param cvScores     mean held-out log-likelihood of each candidate ({@code −∞} where a held-out point got
     *                     ratio 0)
     * @param centres      the kernel centres ({@code b × d})
     * @param alpha        the coefficients of the centres
     * @param logLikelihood mean target log-likelihood {@code (1/m) Σ log ŵ(x'_j)} of the final fit
     * @param gap          its certified optimality gap
     * @param iterations   EM iterations of the final fit
     */
    public record Result(double[] weights, double sigma, double[] candidates, double[] cvScores, DMatrixRMaj centres,
                         double[] alpha, double logLikelihood, double gap, int iterations) {
        /** A copy of the source weights. */
        @Override
        public double[] weights() {
            return weights.clone();
        }

        /** {@code ŵ(x)} for every row of {@code x}. */
        public double[] ratio(DMatrixRMaj x) {
            return GaussianKernel.withWidth(sigma).expansion(x, centres, alpha);
        }
    }

    /**
     * Fits KLIEP.
     *
     * @param source {@code n × d} (the denominator sample), {@code n ≥ 1}; not modified
     * @param target {@code m × d} (the numerator sample), {@code m ≥ 1}; not modified
     * @param seed   seeds the centres, the folds and the median heuristic
     * @throws IllegalArgumentException on empty or non-finite input, or a kernel that vanishes between every
     *                                  centre and the source sample
     * @throws IllegalStateException    if EM does not reach the tolerance
     */
    public static Result fit(DMatrixRMaj source, DMatrixRMaj target, Options options, long seed) {
        int n = source.numRows;
        int m = target.numRows;
        DensityRatioSamples.check("KLIEP", source, target);
        int b = Math.min(options.centres(), m);
        int[] perm = Seeds.permutation(m, Seeds.derive(seed, "kliep-centres"));
        int[] centreRows = Arrays.copyOf(perm, b);
        DMatrixRMaj centres = TribuoMatrices.selectRows(target, centreRows);
        DMatrixRMaj dSource = GaussianKernel.squaredDistances(source, centres);
        DMatrixRMaj dTarget = GaussianKernel.squaredDistances(target, centres);

        double sigma;
        double[] candidates = new double[0];
        double[] scores = new double[0];
        if (!Double.isNaN(options.sigma())) {
            sigma = options.sigma();
        } else {
            double median = GaussianKernel.medianWidth(source, target, seed);
            int folds = Math.min(options.folds(), m);
            if (folds < 2) {
                sigma = median;
            } else {
                double[] mult = options.widthMultipliers();
                candidates = new double[mult.length];
                scores = new double[mult.length];
                int[] fold = Seeds.folds(m, folds, Seeds.derive(seed, "kliep-folds"));
                boolean[] isCentre = new boolean[m];
                for (int r : centreRows) {
                    isCentre[r] = true;
                }
                int best = -1;
                for (int c = 0; c < mult.length; c++) {
                    candidates[c] = median * mult[c];
                    scores[c] = crossValidate(dSource, dTarget, centreRows, fold, folds, candidates[c], options);
                    if (best < 0 || scores[c] > scores[best]) {
                        best = c;
                    }
                }
                if (!(scores[best] > Double.NEGATIVE_INFINITY)) {
                    throw new IllegalArgumentException("KLIEP likelihood cross-validation failed for every width "
                            + Arrays.toString(candidates) + ": held-out target points get ratio 0 (the kernel vanishes "
                            + "between them and every centre); use larger width multipliers or give sigma");
                }
                sigma = candidates[best];
            }
        }
        boolean[] all = new boolean[m];
        Arrays.fill(all, true);
        boolean[] centreUse = new boolean[b];
        Arrays.fill(centreUse, true);
        Fit f = fitEm(dSource, dTarget, all, centreUse, sigma, options, true);
        double[] alpha = f.alpha;
        double[] weights = new double[n];
        double g = GaussianKernel.gamma(sigma);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int l = 0; l < b; l++) {
                if (alpha[l] != 0) {
                    s += alpha[l] * Math.exp(-g * dSource.unsafe_get(i, l));
                }
            }
            weights[i] = s;
        }
        return new Result(weights, sigma, candidates, scores, centres, alpha, f.logLikelihood, f.gap, f.iterations);
    }

    private static double crossValidate(DMatrixRMaj dSource, DMatrixRMaj dTarget, int[] centreRows, int[] fold,
                                        int folds, double sigma, Options options) {
        int m = dTarget.numRows;
        int b = dTarget.numCols;
        double g = GaussianKernel.gamma(sigma);
        double total = 0;
        for (int r = 0; r < folds; r++) {
            boolean[] train = new boolean[m];
            for (int j = 0; j < m; j++) {
                train[j] = fold[j] != r;
            }
            boolean[] centreUse = new boolean[b];
            int used = 0;
            for (int l = 0; l < b; l++) {
                centreUse[l] = fold[centreRows[l]] != r;
                used += centreUse[l] ? 1 : 0;
            }
            if (used == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            Fit f;
            try {
                f = fitEm(dSource, dTarget, train, centreUse, sigma, options, false);
            } catch (IllegalArgumentException e) {
                return Double.NEGATIVE_INFINITY; // every centre of this fold vanishes on the source: width unusable
            }
            double s = 0;
            int count = 0;
            for (int j = 0; j < m; j++) {
                if (fold[j] == r) {
                    double w = 0;
                    for (int l = 0; l < b; l++) {
                        if (f.alpha[l] != 0) {
                            w += f.alpha[l] * Math.exp(-g * dTarget.unsafe_get(j, l));
                        }
                    }
                    s += Math.log(w);
                    count++;
                }
            }
            total += s / count;
        }
        return total / folds;
    }

    private record Fit(double[] alpha, double logLikelihood, double gap, int iterations) {
    }

    /**
     * EM with SQUAREM on the mixture proportions of the normalised basis functions
     * {@code φ_l = k(·, c_l) / mean_i k(x_i, c_l)}, over the target rows and centres marked {@code true}.
     *
     * @param strict whether not converging is an error (the final fit) or acceptable (a cross-validation fold,
     *               whose score is then the score of the best point reached)
     */
    private static Fit fitEm(DMatrixRMaj dSource, DMatrixRMaj dTarget, boolean[] targetUse, boolean[] centreUse,
                             double sigma, Options options, boolean strict) {
        int n = dSource.numRows;
        int b = dSource.numCols;
        double g = GaussianKernel.gamma(sigma);
        double[] mass = new double[b];
        int[] cols = new int[b];
        int k = 0;
        for (int l = 0; l < b; l++) {
            if (!centreUse[l]) {
                continue;
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.exp(-g * dSource.unsafe_get(i, l));
            }
            mass[l] = s / n;
            if (mass[l] > MIN_CENTRE_MASS) {
                cols[k++] = l;
            }
        }
        if (k == 0) {
            throw new IllegalArgumentException("The Gaussian kernel at sigma = " + sigma + " is 0 between every KLIEP "
                    + "centre and every source point: the ratio model has no source mass to normalise; increase the "
                    + "width or check that the domains overlap");
        }
        int rows = 0;
        for (boolean u : targetUse) {
            rows += u ? 1 : 0;
        }
        // phi[j][c]: normalised basis c at used target row j.
        double[] phi = new double[rows * k];
        int r = 0;
        for (int j = 0; j < dTarget.numRows; j++) {
            if (!targetUse[j]) {
                continue;
            }
            for (int c = 0; c < k; c++) {
                int l = cols[c];
                phi[r * k + c] = Math.exp(-g * dTarget.unsafe_get(j, l)) / mass[l];
            }
            r++;
        }
        double[] pi = new double[k];
        Arrays.fill(pi, 1.0 / k);
        double[] grad = new double[k];
        double ll = logLikelihood(phi, rows, k, pi, grad);
        if (!(ll > Double.NEGATIVE_INFINITY)) {
            throw new IllegalArgumentException("A target point has ratio 0 under every KLIEP centre at sigma = " + sigma
                    + " (the kernel vanishes): increase the width");
        }
        double gap = gap(grad, pi);
        int it = 0;
        double[] p1 = new double[k];
        double[] p2 = new double[k];
        double[] trial = new double[k];
        double[] tmp = new double[k];
        double tolerance = strict ? options.tolerance() : Math.max(options.tolerance(), CV_TOLERANCE);
        int budget = strict ? options.maxIterations() : Math.min(options.maxIterations(), CV_ITERATIONS);
        int warmUp = 0;
        while (gap > tolerance && it < budget && warmUp++ < WARM_UP) {
            // SQUAREM: two EM steps, then the extrapolated step if it improves the likelihood.
            emStep(pi, grad, p1);
            logLikelihood(phi, rows, k, p1, tmp);
            emStep(p1, tmp, p2);
            double rr = 0;
            double vv = 0;
            for (int c = 0; c < k; c++) {
                double rc = p1[c] - pi[c];
                double vc = p2[c] - 2 * p1[c] + pi[c];
                rr += rc * rc;
                vv += vc * vc;
            }
            double[] next = p2;
            if (vv > 0) {
                double a = -Math.sqrt(rr / vv);
                if (a < -1) {
                    double sum = 0;
                    for (int c = 0; c < k; c++) {
                        double rc = p1[c] - pi[c];
                        double vc = p2[c] - 2 * p1[c] + pi[c];
                        trial[c] = Math.max(0, pi[c] - 2 * a * rc + a * a * vc);
                        sum += trial[c];
                    }
                    if (sum > 0) {
                        for (int c = 0; c < k; c++) {
                            trial[c] /= sum;
                        }
                        double llTrial = logLikelihood(phi, rows, k, trial, tmp);
                        double llP2 = logLikelihood(phi, rows, k, p2, grad);
                        if (llTrial > llP2) {
                            next = trial;
                        }
                    }
                }
            }
            double llNext = logLikelihood(phi, rows, k, next, grad);
            if (llNext < ll) {
                // The extrapolation overshot: plain EM never decreases the likelihood.
                next = p2;
                llNext = logLikelihood(phi, rows, k, next, grad);
            }
            System.arraycopy(next, 0, pi, 0, k);
            ll = llNext;
            gap = gap(grad, pi);
            it++;
        }
        // Active-set Newton: quadratic convergence once near the optimum, whatever the overlap of the kernels.
        for (int c = 0; c < k; c++) {
            if (pi[c] < 1e-8 / k) {
                pi[c] = 0;
            }
        }
        normalise(pi);
        ll = logLikelihood(phi, rows, k, pi, grad);
        gap = gap(grad, pi);
        double[] step = new double[k];
        while (gap > tolerance && it < budget) {
            boolean[] free = new boolean[k];
            for (int c = 0; c < k; c++) {
                free[c] = pi[c] > 0 || grad[c] > 1 + 0.5 * gap;
            }
            boolean solved = newtonDirection(phi, rows, k, pi, grad, free, step);
            // A coordinate at 0 that the Newton step would push negative stays on its bound.
            for (boolean changed = true; solved && changed; ) {
                changed = false;
                for (int c = 0; c < k; c++) {
                    if (free[c] && pi[c] == 0 && step[c] < 0) {
                        free[c] = false;
                        changed = true;
                    }
                }
                if (changed) {
                    solved = newtonDirection(phi, rows, k, pi, grad, free, step);
                }
            }
            if (!solved) {
                break;
            }
            double slope = 0;
            double tMax = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                slope += grad[c] * step[c];
                if (step[c] < 0) {
                    tMax = Math.min(tMax, pi[c] / -step[c]);
                }
            }
            if (!(slope > 0)) {
                break;
            }
            double t = Math.min(1, tMax);
            double llNew = Double.NEGATIVE_INFINITY;
            for (int back = 0; back < 60; back++) {
                for (int c = 0; c < k; c++) {
                    trial[c] = Math.max(0, pi[c] + t * step[c]);
                }
                if (t == tMax) {
                    for (int c = 0; c < k; c++) {
                        if (step[c] < 0 && pi[c] / -step[c] <= tMax) {
                            trial[c] = 0; // the blocking coordinate leaves the face exactly
                        }
                    }
                }
                normalise(trial);
                llNew = logLikelihood(phi, rows, k, trial, null);
                if (llNew >= ll + 1e-4 * t * slope) {
                    break;
                }
                t *= 0.5;
            }
            if (!(llNew > ll)) {
                break; // no ascent to rounding: the gap below tells whether this is the optimum
            }
            System.arraycopy(trial, 0, pi, 0, k);
            ll = logLikelihood(phi, rows, k, pi, grad);
            gap = gap(grad, pi);
            it++;
        }
        if (strict && gap > options.tolerance()) {
            throw new IllegalStateException("KLIEP did not converge: after " + it + " EM iterations the optimality gap "
                    + "is " + gap + " nats (tolerance " + options.tolerance() + ") at sigma = " + sigma
                    + "; raise maxIterations or the tolerance");
        }
        double[] alpha = new double[b];
        for (int c = 0; c < k; c++) {
            alpha[cols[c]] = pi[c] / mass[cols[c]];
        }
        return new Fit(alpha, ll, gap, it);
    }

    /**
     * The Newton direction on the face {@code free} of the simplex: with {@code P = (1/m) Σ_j φ_j φ_jᵀ / ŵ_j²}
     * (minus the Hessian) on the free coordinates, {@code d = P⁻¹(G − ν1)} with {@code ν} such that
     * {@code Σ d = 0}; a tiny ridge keeps {@code P} invertible when kernels coincide.
     *
     * @return false when the system cannot be solved
     */
    private static boolean newtonDirection(double[] phi, int rows, int k, double[] pi, double[] grad, boolean[] free,
                                           double[] out) {
        int[] idx = new int[k];
        int f = 0;
        for (int c = 0; c < k; c++) {
            if (free[c]) {
                idx[f++] = c;
            }
        }
        Arrays.fill(out, 0);
        if (f < 2) {
            return false;
        }
        DMatrixRMaj p = new DMatrixRMaj(f, f);
        double[] row = new double[f];
        for (int j = 0; j < rows; j++) {
            int off = j * k;
            double w = 0;
            for (int c = 0; c < k; c++) {
                w += pi[c] * phi[off + c];
            }
            double s = 1 / (w * w * rows);
            for (int a = 0; a < f; a++) {
                row[a] = phi[off + idx[a]];
            }
            for (int a = 0; a < f; a++) {
                double ra = row[a] * s;
                if (ra == 0) {
                    continue;
                }
                int po = a * f;
                for (int b2 = a; b2 < f; b2++) {
                    p.data[po + b2] += ra * row[b2];
                }
            }
        }
        double trace = 0;
        for (int a = 0; a < f; a++) {
            for (int b2 = 0; b2 < a; b2++) {
                p.data[a * f + b2] = p.data[b2 * f + a];
            }
            trace += p.data[a * f + a];
        }
        double ridge = 1e-10 * trace / f + 1e-300;
        for (int a = 0; a < f; a++) {
            p.data[a * f + a] += ridge;
        }
        org.ejml.interfaces.linsol.LinearSolverDense<DMatrixRMaj> chol =
                org.ejml.dense.row.factory.LinearSolverFactory_DDRM.symmPosDef(f);
        if (!chol.setA(p)) {
            return false;
        }
        DMatrixRMaj rhs = new DMatrixRMaj(f, 2);
        for (int a = 0; a < f; a++) {
            rhs.unsafe_set(a, 0, grad[idx[a]]);
            rhs.unsafe_set(a, 1, 1);
        }
        DMatrixRMaj sol = new DMatrixRMaj(f, 2);
        chol.solve(rhs, sol);
        double su = 0;
        double sv = 0;
        for (int a = 0; a < f; a++) {
            su += sol.unsafe_get(a, 0);
            sv += sol.unsafe_get(a, 1);
        }
        if (!(sv > 0)) {
            return false;
        }
        double nu = su / sv;
        for (int a = 0; a < f; a++) {
            out[idx[a]] = sol.unsafe_get(a, 0) - nu * sol.unsafe_get(a, 1);
        }
        return true;
    }

    private static void normalise(double[] pi) {
        double s = 0;
        for (double v : pi) {
            s += v;
        }
        for (int c = 0; c < pi.length; c++) {
            pi[c] /= s;
        }
    }

    /** Mean log-likelihood and, unless {@code grad} is null, its gradient {@code G_c = (1/m) Σ_j φ_c(x'_j)/ŵ(x'_j)}. */
    private static double logLikelihood(double[] phi, int rows, int k, double[] pi, double[] grad) {
        if (grad == null) {
            double ll = 0;
            for (int j = 0; j < rows; j++) {
                int off = j * k;
                double w = 0;
                for (int c = 0; c < k; c++) {
                    w += pi[c] * phi[off + c];
                }
                if (!(w > 0)) {
                    return Double.NEGATIVE_INFINITY;
                }
                ll += Math.log(w);
            }
            return ll / rows;
        }
        Arrays.fill(grad, 0);
        double ll = 0;
        for (int j = 0; j < rows; j++) {
            int off = j * k;
            double w = 0;
            for (int c = 0; c < k; c++) {
                w += pi[c] * phi[off + c];
            }
            if (!(w > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            ll += Math.log(w);
            double inv = 1 / w;
            for (int c = 0; c < k; c++) {
                grad[c] += phi[off + c] * inv;
            }
        }
        for (int c = 0; c < k; c++) {
            grad[c] /= rows;
        }
        return ll / rows;
    }

    private static void emStep(double[] pi, double[] grad, double[] out) {
        double sum = 0;
        for (int c = 0; c < pi.length; c++) {
            out[c] = pi[c] * grad[c];
            sum += out[c];
        }
        for (int c = 0; c < pi.length; c++) {
            out[c] /= sum;
        }
    }

    /** The Frank–Wolfe gap {@code max_c G_c − πᵀG} (with {@code πᵀG = 1} at every point). */
    private static double gap(double[] grad, double[] pi) {
        double max = Double.NEGATIVE_INFINITY;
        double dot = 0;
        for (int c = 0; c < pi.length; c++) {
            max = Math.max(max, grad[c]);
            dot += pi[c] * grad[c];
        }
        return Math.max(0, max - dot);
    }
}
