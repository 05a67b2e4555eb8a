package org.tl4j.instance.ulsif;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.tl4j.core.kernel.GaussianKernel;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.matrix.TribuoMatrices;
import org.tl4j.instance.DensityRatioSamples;

import java.util.Arrays;

/**
 * Unconstrained least-squares importance fitting (uLSIF; Kanamori, Hido &amp; Sugiyama, <i>A least-squares approach
 * to direct importance estimation</i>, JMLR 10, 2009) and its relative version RuLSIF (Yamada, Suzuki, Kanamori,
 * Hachiya &amp; Sugiyama, <i>Relative density-ratio estimation for robust distribution comparison</i>, NIPS 2011),
 * in closed form.
 * <p>
 * With {@code r(x) = Σ_l θ_l k_σ(x, c_l)} over {@code b} target centres, RuLSIF fits the relative ratio
 * {@code r_α(x) = p_t(x) / (α p_t(x) + (1 − α) p_s(x))} by minimising the squared error
 * {@code ½ θᵀĤθ − ĥᵀθ + ½λ‖θ‖²} with
 * {@code Ĥ = (α/m) Σ_j φ(x'_j)φ(x'_j)ᵀ + ((1 − α)/n) Σ_i φ(x_i)φ(x_i)ᵀ} and {@code ĥ = (1/m) Σ_j φ(x'_j)}:
 * {@code θ = max(0, (Ĥ + λI)⁻¹ĥ)}. {@code α = 0} is uLSIF, whose {@code r} estimates the ordinary ratio
 * {@code p_t/p_s}; {@code α > 0} bounds the ratio by {@code 1/α}, which makes it smoother and robust where
 * {@code p_s} is small.
 * <p>
 * The width and {@code λ} are chosen by leave-one-out cross-validation in closed form: leaving out the pair
 * {@code (x_i, x'_i)} (for the first {@code N = min(n, m)} points after a seeded shuffle) changes {@code Ĥ} by a
 * rank-two term, so the Sherman–Morrison–Woodbury identity gives every left-out solution from one factorisation
 * (Kanamori et al. §3.4, generalised here to {@code α > 0}; one eigendecomposition per width serves every
 * {@code λ}); the score is the held-out objective
 * {@code (1/N) Σ_i [½(1 − α) r_i(x_i)² + ½α r_i(x'_i)² − r_i(x'_i)]} with {@code r_i} the clipped left-out fit.
 * With fewer than two pairs no validation is possible: the median heuristic and {@code λ = 0.1} are used
 * (recorded in the result).
 *
 * @see org.tl4j.instance.kliep.Kliep
 * @see org.tl4j.instance.kmm.KernelMeanMatching
 */
public final class ULsif {

    /** {@code λ} used when there are too few points to cross-validate. */
    public static final double FALLBACK_LAMBDA = 0.1;

    private ULsif() {
    }

    /**
     * Settings.
     *
     * @param alpha            relative parameter in {@code [0, 1)}; 0 for uLSIF
     * @param sigma            a fixed kernel width, or {@code NaN} to choose it by leave-one-out
     * @param lambda           a fixed regularisation {@code > 0}, or {@code NaN} to choose it by leave-one-out
     * @param widthMultipliers width candidates, as multiples of the median heuristic
     * @param lambdas          regularisation candidates
     * @param centres          number of kernel centres {@code b}
     */
    public record Options(double alpha, double sigma, double lambda, double[] widthMultipliers, double[] lambdas,
                          int centres) {
        /** Validates the settings. */
        public Options {
            if (!(alpha >= 0 && alpha < 1)) {
                throw new IllegalArgumentException("Invalid relative parameter alpha: " + alpha + " (must be in [0, 1))");
            }
            if (!Double.isNaN(sigma) && (!(sigma > 0) || Double.isInfinite(sigma))) {
                throw new IllegalArgumentException("Invalid sigma: " + sigma + " (a finite width > 0, or NaN to cross-validate)");
            }
            if (!Double.isNaN(lambda) && (!(lambda > 0) || Double.isInfinite(lambda))) {
                throw new IllegalArgumentException("Invalid lambda: " + lambda + " (finite and > 0, or NaN to cross-validate)");
            }
            widthMultipliers = positive(widthMultipliers, "width multiplier");
            lambdas = positive(lambdas, "lambda candidate");
            if (centres < 1) {
                throw new IllegalArgumentException("Invalid number of centres: " + centres + " (must be >= 1)");
            }
        }

        private static double[] positive(double[] v, String what) {
            if (v.length == 0) {
                throw new IllegalArgumentException("At least one " + what + " is needed");
            }
            for (double e : v) {
                if (!(e > 0) || Double.isInfinite(e)) {
                    throw new IllegalArgumentException("Invalid " + what + ": " + e + " (must be finite and > 0)");
                }
            }
            return v.clone();
        }

        /** The width candidates (a copy). */
        @Override
        public double[] widthMultipliers() {
            return widthMultipliers.clone();
        }

        /** The regularisation candidates (a copy). */
        @Override
        public double[] lambdas() {
            return lambdas.clone();
        }

        /**
         * 100 centres, leave-one-out over {@code σ_med × {1/8, 1/4, 1/2, 1, 2, 4}} and
         * {@code λ ∈ {10⁻³, 10⁻², 10⁻¹, 1, 10}}.
         *
         * @param alpha 0 for uLSIF, e.g. 0.1 or 0.5 for RuLSIF
         */
        public static Options defaults(double alpha) {
            return new Options(alpha, Double.NaN, Double.NaN, new double[]{0.125, 0.25, 0.5, 1, 2, 4},
                    new double[]{1e-3, 1e-2, 1e-1, 1, 10}, 100);
        }
    }

    /**
     * A fitted (relative) ratio.
     *
     * @param weights  {@code r(x_i)} at every source row
     * @param alpha    the relative parameter
     * @param sigma    the width used
     * @param lambda   the regularisation used
     * @param looScore the leave-one-out score of the chosen pair ({@code NaN} if not validated)
     * @param centres  the kernel centres
     * @param theta    the (clipped) coefficients
     */
    public record Result(double[] weights, double alpha, double sigma, double lambda, double looScore,
                         DMatrixRMaj centres, double[] theta) {
        /** A copy of the source weights. */
        @Override
        public double[] weights() {
            return weights.clone();
        }

        /** {@code r(x)} for every row of {@code x}. */
        public double[] ratio(DMatrixRMaj x) {
            return GaussianKernel.withWidth(sigma).expansion(x, centres, theta);
        }
    }

    /**
     * Fits the (relative) ratio {@code p_target / (α p_target + (1 − α) p_source)}.
     *
     * @param source {@code n × d}, {@code n ≥ 1}; not modified
     * @param target {@code m × d}, {@code m ≥ 1}; not modified
     * @param seed   seeds the centres, the pairing for leave-one-out and the median heuristic
     * @throws IllegalArgumentException on empty or non-finite input, or when every fitted ratio is 0 (the kernel
     *                                  vanishes between the samples)
     */
    public static Result fit(DMatrixRMaj source, DMatrixRMaj target, Options options, long seed) {
        int n = source.numRows;
        int m = target.numRows;
        DensityRatioSamples.check("uLSIF", source, target);
        int b = Math.min(options.centres(), m);
        int[] perm = Seeds.permutation(m, Seeds.derive(seed, "ulsif-centres"));
        DMatrixRMaj centres = TribuoMatrices.selectRows(target, Arrays.copyOf(perm, b));
        DMatrixRMaj dSource = GaussianKernel.squaredDistances(source, centres);
        DMatrixRMaj dTarget = GaussianKernel.squaredDistances(target, centres);
        double alpha = options.alpha();

        int pairs = Math.min(n, m);
        boolean validate = pairs >= 2 && (Double.isNaN(options.sigma()) || Double.isNaN(options.lambda()));
        double median = Double.isNaN(options.sigma()) ? GaussianKernel.medianWidth(source, target, seed) : Double.NaN;
        double[] sigmas = Double.isNaN(options.sigma()) ? scale(options.widthMultipliers(), median)
                : new double[]{options.sigma()};
        double[] lambdas = Double.isNaN(options.lambda()) ? options.lambdas() : new double[]{options.lambda()};
        double sigma;
        double lambda;
        double bestScore = Double.NaN;
        if (validate) {
            int[] sRows = Seeds.permutation(n, Seeds.derive(seed, "ulsif-pairs-source"));
            int[] tRows = Seeds.permutation(m, Seeds.derive(seed, "ulsif-pairs-target"));
            sigma = sigmas[0];
            lambda = lambdas[0];
            bestScore = Double.POSITIVE_INFINITY;
            for (double s : sigmas) {
                DMatrixRMaj phiS = GaussianKernel.withWidth(s).fromSquaredDistances(dSource);
                DMatrixRMaj phiT = GaussianKernel.withWidth(s).fromSquaredDistances(dTarget);
                double[] scores = leaveOneOutScores(phiS, phiT, alpha, lambdas, Arrays.copyOf(sRows, pairs),
                        Arrays.copyOf(tRows, pairs));
                for (int l = 0; l < lambdas.length; l++) {
                    if (scores[l] < bestScore) {
                        bestScore = scores[l];
                        sigma = s;
                        lambda = lambdas[l];
                    }
                }
            }
        } else {
            sigma = Double.isNaN(options.sigma()) ? median : options.sigma();
            lambda = Double.isNaN(options.lambda()) ? FALLBACK_LAMBDA : options.lambda();
        }
        DMatrixRMaj phiS = GaussianKernel.withWidth(sigma).fromSquaredDistances(dSource);
        DMatrixRMaj phiT = GaussianKernel.withWidth(sigma).fromSquaredDistances(dTarget);
        double[] theta = solve(phiS, phiT, alpha, lambda);
        double[] weights = new double[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int l = 0; l < b; l++) {
                s += theta[l] * phiS.unsafe_get(i, l);
            }
            weights[i] = s;
            any |= s > 0;
        }
        if (!any) {
            throw new IllegalArgumentException("Every fitted ratio is 0 at sigma = " + sigma + ", lambda = " + lambda
                    + ": the Gaussian kernel vanishes between the source points and every target centre; increase the "
                    + "width or check that the domains overlap");
        }
        return new Result(weights, alpha, sigma, lambda, bestScore, centres, theta);
    }

    private static double[] scale(double[] mult, double median) {
        double[] out = new double[mult.length];
        for (int i = 0; i < mult.length; i++) {
            out[i] = mult[i] * median;
        }
        return out;
    }

    /** {@code max(0, (Ĥ + λI)⁻¹ ĥ)}. */
    static double[] solve(DMatrixRMaj phiS, DMatrixRMaj phiT, double alpha, double lambda) {
        int n = phiS.numRows;
        int m = phiT.numRows;
        int b = phiS.numCols;
        DMatrixRMaj h = new DMatrixRMaj(b, b);
        CommonOps_DDRM.multTransA((1 - alpha) / n, phiS, phiS, h);
        if (alpha > 0) {
            CommonOps_DDRM.multAddTransA(alpha / m, phiT, phiT, h);
        }
        for (int l = 0; l < b; l++) {
            h.add(l, l, lambda);
        }
        DMatrixRMaj hbar = new DMatrixRMaj(b, 1);
        for (int j = 0; j < m; j++) {
            for (int l = 0; l < b; l++) {
                hbar.data[l] += phiT.unsafe_get(j, l) / m;
            }
        }
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.symmPosDef(b);
        if (!chol.setA(h)) {
            throw new IllegalStateException("The uLSIF system is not positive definite at lambda = " + lambda
                    + ": use a larger lambda");
        }
        DMatrixRMaj theta = new DMatrixRMaj(b, 1);
        chol.solve(hbar, theta);
        double[] out = new double[b];
        for (int l = 0; l < b; l++) {
            out[l] = Math.max(0, theta.data[l]);
        }
        return out;
    }

    /**
     * The closed-form leave-one-out score of {@code (σ, λ)}: pair {@code k} leaves out source row
     * {@code sRows[k]} and target row {@code tRows[k]}.
     */
    static double leaveOneOut(DMatrixRMaj phiS, DMatrixRMaj phiT, double alpha, double lambda, int[] sRows,
                              int[] tRows) {
        return leaveOneOutScores(phiS, phiT, alpha, new double[]{lambda}, sRows, tRows)[0];
    }

    /**
     * The closed-form leave-one-out scores of every {@code λ} for one width. With
     * {@code M(λ) = c_s Φ_sᵀΦ_s + c_t Φ_tᵀΦ_t + λI}, {@code c_s = (1 − α)/(n − 1)}, {@code c_t = α/(m − 1)}, the
     * system without pair {@code i} is {@code M − UUᵀ} with {@code U = [√c_s u_i, √c_t v_i]}, solved by the
     * Sherman–Morrison–Woodbury identity. One eigendecomposition {@code M(0) = QΛQᵀ} serves every {@code λ}:
     * all products with {@code M(λ)⁻¹ = Q(Λ + λI)⁻¹Qᵀ} are taken in the eigenbasis, and only the clipped
     * coefficient vectors are rotated back.
     */
    static double[] leaveOneOutScores(DMatrixRMaj phiS, DMatrixRMaj phiT, double alpha, double[] lambdas, int[] sRows,
                                      int[] tRows) {
        int n = phiS.numRows;
        int m = phiT.numRows;
        int b = phiS.numCols;
        int pairs = sRows.length;
        double cs = (1 - alpha) / Math.max(1, n - 1);
        double ct = alpha / Math.max(1, m - 1);
        double sqs = Math.sqrt(cs);
        double sqt = Math.sqrt(ct);
        DMatrixRMaj g = new DMatrixRMaj(b, b);
        CommonOps_DDRM.multTransA(cs, phiS, phiS, g);
        if (alpha > 0) {
            CommonOps_DDRM.multAddTransA(ct, phiT, phiT, g);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(b, true, true);
        if (!eig.decompose(g)) {
            throw new IllegalStateException("Eigendecomposition of the uLSIF system failed");
        }
        DMatrixRMaj q = new DMatrixRMaj(b, b);
        double[] ev = new double[b];
        for (int l = 0; l < b; l++) {
            ev[l] = Math.max(0, eig.getEigenvalue(l).getReal());
            DMatrixRMaj v = eig.getEigenVector(l);
            for (int r = 0; r < b; r++) {
                q.unsafe_set(r, l, v.get(r, 0));
            }
        }
        // Left-out source and target feature vectors, and Σ_j φ(x'_j), in the eigenbasis.
        DMatrixRMaj u = TribuoMatrices.selectRows(phiS, sRows);
        DMatrixRMaj v = TribuoMatrices.selectRows(phiT, tRows);
        DMatrixRMaj ut = new DMatrixRMaj(pairs, b);
        DMatrixRMaj vt = new DMatrixRMaj(pairs, b);
        CommonOps_DDRM.mult(u, q, ut);
        CommonOps_DDRM.mult(v, q, vt);
        double[] hSum = new double[b];
        for (int j = 0; j < m; j++) {
            for (int l = 0; l < b; l++) {
                hSum[l] += phiT.unsafe_get(j, l);
            }
        }
        double[] ht = new double[b];
        for (int l = 0; l < b; l++) {
            double s = 0;
            for (int r = 0; r < b; r++) {
                s += q.unsafe_get(r, l) * hSum[r];
            }
            ht[l] = s;
        }
        double[] scores = new double[lambdas.length];
        DMatrixRMaj qt = CommonOps_DDRM.transpose(q, null);
        DMatrixRMaj thetaRot = new DMatrixRMaj(pairs, b);
        DMatrixRMaj theta = new DMatrixRMaj(pairs, b);
        double inv = 1.0 / Math.max(1, m - 1);
        for (int li = 0; li < lambdas.length; li++) {
            double lambda = lambdas[li];
            for (int k = 0; k < pairs; k++) {
                double uP = 0;
                double uQ = 0;
                double vQ = 0;
                double uz = 0;
                double vz = 0;
                int off = k * b;
                for (int l = 0; l < b; l++) {
                    double d = 1 / (ev[l] + lambda);
                    double ul = ut.data[off + l];
                    double vl = vt.data[off + l];
                    double zl = d * (ht[l] - vl) * inv;
                    uP += ul * ul * d;
                    uQ += ul * vl * d;
                    vQ += vl * vl * d;
                    uz += ul * zl;
                    vz += vl * zl;
                }
                double c11 = 1 - cs * uP;
                double c12 = -sqs * sqt * uQ;
                double c22 = 1 - ct * vQ;
                double det = c11 * c22 - c12 * c12;
                double y1 = sqs * uz;
                double y2 = sqt * vz;
                double a1 = (c22 * y1 - c12 * y2) / det;
                double a2 = (c11 * y2 - c12 * y1) / det;
                for (int l = 0; l < b; l++) {
                    double d = 1 / (ev[l] + lambda);
                    double ul = ut.data[off + l];
                    double vl = vt.data[off + l];
                    thetaRot.data[off + l] = d * ((ht[l] - vl) * inv + sqs * a1 * ul + sqt * a2 * vl);
                }
            }
            CommonOps_DDRM.mult(thetaRot, qt, theta);
            double total = 0;
            for (int k = 0; k < pairs; k++) {
                double rs = 0;
                double rt = 0;
                int off = k * b;
                for (int l = 0; l < b; l++) {
                    double t = Math.max(0, theta.data[off + l]);
                    rs += t * u.data[off + l];
                    rt += t * v.data[off + l];
                }
                total += 0.5 * (1 - alpha) * rs * rs + 0.5 * alpha * rt * rt - rt;
            }
            scores[li] = total / pairs;
        }
        return scores;
    }
}
