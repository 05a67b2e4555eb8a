package org.tl4j.core.learn;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.matrix.DenseProducts;

import java.util.Arrays;
import java.util.Objects;

/**
 * Multinomial (softmax) logistic regression with an L2 penalty towards a prior mean, solved to a gradient tolerance
 * by {@link Lbfgs}: the classifier of {@link LogisticRegressionTrainer}, of the domain classifier behind
 * discriminative density-ratio estimation, and the building block of regularised parameter transfer.
 * <p>
 * With {@code K} classes, weights {@code W} ({@code K×d}, one row per class) and intercepts {@code b} it minimises
 * <pre>
 *   F(W, b) = C · Σ_i v_i · (−log softmax(W x_i + b)_{y_i})  +  ½ λ ‖W − W₀‖²_F
 * </pre>
 * over raw features {@code x_i} with example weights {@code v_i}; the intercepts are not penalised. With
 * {@code λ = 1} and {@code W₀ = 0} this is scikit-learn's {@code LogisticRegression(C=C, solver='lbfgs')} for
 * {@code K ≥ 3} classes (its multinomial objective, {@code C Σ_i s_i ℓ_i + ½‖W‖²}, sample weights {@code s_i}),
 * so at convergence both give the same model. A prior mean {@code W₀ ≠ 0} (the coefficients of a source model)
 * gives the regularised transfer of Chelba &amp; Acero (<i>Adaptation of maximum entropy capitalizer: little data
 * can help a lot</i>, Computer Speech &amp; Language 20(4), 2006), which ADAPT calls RegularTransferLC.
 * <p>
 * <b>Two classes.</b> The softmax is unchanged when the same vector is added to every row, so the loss depends only
 * on the log-odds vector {@code β = w₁ − w₀}; for a fixed {@code β} the penalty is smallest with the rows placed
 * symmetrically, and the symmetric two-row model is binary logistic regression with the penalty
 * {@code ¼λ‖β − β₀‖²}, {@code β₀ = W₀[1] − W₀[0]}. That is scikit-learn's {@code multi_class='multinomial'} for two
 * classes ({@link Binary#MULTINOMIAL}, which keeps {@code coef_ = w₁ = β/2}). Its default for two classes (and
 * since 1.5 its only one) is binary logistic regression with {@code ½λ‖β − β₀‖²} ({@link Binary#LOGISTIC}, the
 * default here), obtained from the same symmetric parametrisation with the penalty doubled, so there is one
 * objective and one optimiser for every {@code K}.
 * <p>
 * The objective is strictly convex in {@code W} for {@code λ > 0}; {@link Lbfgs} minimises {@code F / (C Σ_i v_i)}
 * (mean loss plus penalty, scikit-learn's scaling) until its largest absolute gradient entry is at most the
 * tolerance. Not reaching the tolerance within the budget is an error, never a silent result. The intercepts'
 * sum keeps its starting value (the objective does not depend on it), zero from a cold start.
 *
 * @see LogisticRegressionTrainer
 */
public final class LogisticRegression {

    private LogisticRegression() {
    }

    /** How two classes are modelled (see the class comment). */
    public enum Binary {
        /** Binary logistic regression, penalty {@code ½λ‖β − β₀‖²} on the log-odds (scikit-learn's default). */
        LOGISTIC,
        /** The symmetric two-row softmax, penalty {@code ½λ(‖w₀ − a₀‖² + ‖w₁ − a₁‖²)} (scikit-learn's multinomial). */
        MULTINOMIAL
    }

    /**
     * Settings.
     *
     * @param c             inverse regularisation strength {@code C > 0} (scikit-learn's {@code C})
     * @param lambda        penalty weight {@code λ ≥ 0} of {@code ½λ‖W − W₀‖²}; with {@code λ = 0} a minimum
     *                      exists only if no class is linearly separable from the others
     * @param prior         the prior mean {@code W₀} ({@code K×d}), or {@code null} for zero; not modified
     * @param binary        how two classes are modelled
     * @param tolerance     largest absolute gradient entry of {@code F / (C Σv)} accepted at the solution
     * @param maxIterations L-BFGS iteration budget
     */
    public record Options(double c, double lambda, DMatrixRMaj prior, Binary binary, double tolerance,
                          int maxIterations) {
        /** Validates and copies. */
        public Options {
            if (!(c > 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("Invalid C: " + c + " (must be finite and > 0)");
            }
            if (!(lambda >= 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("Invalid penalty weight lambda: " + lambda + " (must be finite and >= 0)");
            }
            Objects.requireNonNull(binary, "binary");
            if (!(tolerance > 0) || maxIterations < 1) {
                throw new IllegalArgumentException("Invalid tolerance " + tolerance + " or iteration budget "
                        + maxIterations + " (both must be positive)");
            }
            prior = prior == null ? null : prior.copy();
        }

        /** A copy of the prior mean, or {@code null}. */
        @Override
        public DMatrixRMaj prior() {
            return prior == null ? null : prior.copy();
        }

        /** scikit-learn's defaults: {@code C = 1}, {@code λ = 1}, no prior, binary logistic for two classes. */
        public static Options defaults() {
            return new Options(1, 1, null, Binary.LOGISTIC, 1e-6, 20_000);
        }

        /** The same settings with inverse regularisation strength {@code c}. */
        public Options withC(double c) {
            return new Options(c, lambda, prior, binary, tolerance, maxIterations);
        }

        /** The same settings with the penalty {@code ½λ‖W − prior‖²} ({@code prior} may be {@code null}). */
        public Options withPrior(DMatrixRMaj prior, double lambda) {
            return new Options(c, lambda, prior, binary, tolerance, maxIterations);
        }

        /** The same settings with another two-class model. */
        public Options withBinary(Binary binary) {
            return new Options(c, lambda, prior, binary, tolerance, maxIterations);
        }

        /** The same settings with another tolerance and budget. */
        public Options withTolerance(double tolerance, int maxIterations) {
            return new Options(c, lambda, prior, binary, tolerance, maxIterations);
        }
    }

    /**
     * A fitted model (immutable).
     *
     * @param coef        {@code W}, {@code K×d}, one row per class
     * @param intercept   {@code b}, one per class
     * @param iterations  L-BFGS iterations used
     * @param gradientMax the largest absolute gradient entry of {@code F / (C Σv)} at the solution
     * @param objective   {@code F / (C Σv)} at the solution
     */
    public record Fitted(DMatrixRMaj coef, double[] intercept, int iterations, double gradientMax, double objective)
            implements java.io.Serializable {
        /** Checks shapes and copies. */
        public Fitted {
            if (coef.numRows != intercept.length) {
                throw new IllegalArgumentException(coef.numRows + " coefficient rows but " + intercept.length + " intercepts");
            }
            coef = coef.copy();
            intercept = intercept.clone();
        }

        /** A copy of {@code W}. */
        @Override
        public DMatrixRMaj coef() {
            return coef.copy();
        }

        /** A copy of {@code b}. */
        @Override
        public double[] intercept() {
            return intercept.clone();
        }

        /** The coefficient of feature {@code feature} in the row of class {@code cls}. */
        public double weight(int cls, int feature) {
            return coef.get(cls, feature);
        }

        /** Number of classes {@code K}. */
        public int classes() {
            return coef.numRows;
        }

        /** Number of features {@code d}. */
        public int features() {
            return coef.numCols;
        }

        /** The scores {@code W x + b} of every row of {@code x} ({@code n×K}). */
        public DMatrixRMaj decision(DMatrixRMaj x) {
            if (x.numCols != coef.numCols) {
                throw new IllegalArgumentException("Expected " + coef.numCols + " features, found " + x.numCols);
            }
            DMatrixRMaj z = DenseProducts.multTransB(x, coef, false);
            int k = coef.numRows;
            for (int i = 0; i < x.numRows; i++) {
                for (int c = 0; c < k; c++) {
                    z.data[i * k + c] += intercept[c];
                }
            }
            return z;
        }

        /** Class probabilities of every row of {@code x} ({@code n×K}, rows sum to 1). */
        public DMatrixRMaj probabilities(DMatrixRMaj x) {
            DMatrixRMaj z = decision(x);
            for (int i = 0; i < z.numRows; i++) {
                softmaxInPlace(z.data, i * z.numCols, z.numCols);
            }
            return z;
        }

        /**
         * The log-odds {@code (w₁ − w₀)ᵀx + b₁ − b₀} of class 1 against class 0 for every row of {@code x}.
         *
         * @throws IllegalStateException if the model does not have two classes
         */
        public double[] logOdds(DMatrixRMaj x) {
            if (coef.numRows != 2) {
                throw new IllegalStateException("Log-odds need a two-class model, this one has " + coef.numRows + " classes");
            }
            DMatrixRMaj z = decision(x);
            double[] out = new double[x.numRows];
            for (int i = 0; i < out.length; i++) {
                out[i] = z.data[2 * i + 1] - z.data[2 * i];
            }
            return out;
        }
    }

    /**
     * Fits the model.
     *
     * @param x       {@code n×d} features; not modified
     * @param y       class index of each row, in {@code [0, classes)}
     * @param classes number of classes {@code K ≥ 2}
     * @param weights non-negative example weights, or {@code null} for ones
     * @param options settings
     * @param start   a model to start from (warm start; same shape), or {@code null} to start at {@code W₀}, zero
     *                intercepts
     * @throws IllegalArgumentException on invalid arguments (shapes, labels, weights, non-finite features)
     * @throws IllegalStateException    if the tolerance is not reached within the budget
     */
    public static Fitted fit(DMatrixRMaj x, int[] y, int classes, double[] weights, Options options, Fitted start) {
        int d = x.numCols;
        if (start != null && (start.classes() != classes || start.features() != d)) {
            throw new IllegalArgumentException("The warm start has " + start.classes() + " classes and "
                    + start.features() + " features, the data " + classes + " and " + d);
        }
        Problem p = prepare(x, y, classes, weights, options);
        SoftmaxObjective f = p.objective;
        int used = p.used;
        DMatrixRMaj prior = options.prior;
        double[] theta = new double[classes * d + classes];
        if (start != null) {
            System.arraycopy(start.coef.data, 0, theta, 0, classes * d);
            System.arraycopy(start.intercept, 0, theta, classes * d, classes);
        } else if (prior != null) {
            System.arraycopy(prior.data, 0, theta, 0, classes * d);
        }
        Lbfgs.Result r = Lbfgs.minimise(f, theta, options.tolerance, options.maxIterations);
        if (!r.converged()) {
            throw new IllegalStateException("Logistic regression did not converge: after " + r.iterations()
                    + " L-BFGS iterations the largest gradient entry is " + r.gradientMax() + " (tolerance "
                    + options.tolerance + ", C " + options.c + ", lambda " + options.lambda + ", " + used
                    + " examples, " + d + " features, " + classes + " classes); raise the iteration budget or the "
                    + "tolerance, lower C, or standardise the features");
        }
        double[] sol = r.x();
        DMatrixRMaj coef = DMatrixRMaj.wrap(classes, d, Arrays.copyOf(sol, classes * d));
        double[] intercept = Arrays.copyOfRange(sol, classes * d, classes * d + classes);
        return new Fitted(coef, intercept, r.iterations(), r.gradientMax(), r.value());
    }

    /**
     * The objective {@link #fit} minimises, {@code F / (C Σv)} (mean weighted loss plus {@code ½ μ ‖W − W₀‖²},
     * {@code μ = λ / (C Σv)}, doubled for {@link Binary#LOGISTIC} with two classes), as a function of
     * {@code θ = (W row-major, b)} of length {@code K·d + K}: for optimisers other than {@link #fit}'s (e.g. the
     * early-stopped gradient descent of a warm-started fine-tune). The same validation as {@link #fit}.
     *
     * @throws IllegalArgumentException on invalid arguments
     */
    public static Lbfgs.Objective objective(DMatrixRMaj x, int[] y, int classes, double[] weights, Options options) {
        return prepare(x, y, classes, weights, options).objective;
    }

    /** The validated problem: the rows with positive weight, their normalised weights and the objective. */
    private record Problem(SoftmaxObjective objective, int used) {
    }

    private static Problem prepare(DMatrixRMaj x, int[] y, int classes, double[] weights, Options options) {
        int n = x.numRows;
        int d = x.numCols;
        if (classes < 2) {
            throw new IllegalArgumentException("Logistic regression needs at least two classes, found " + classes);
        }
        if (y.length != n || (weights != null && weights.length != n)) {
            throw new IllegalArgumentException("Expected " + n + " labels and weights, found " + y.length + " and "
                    + (weights == null ? "none" : weights.length));
        }
        DMatrixRMaj prior = options.prior;
        if (prior != null && (prior.numRows != classes || prior.numCols != d)) {
            throw new IllegalArgumentException("The prior mean is " + prior.numRows + "x" + prior.numCols
                    + " but the model is " + classes + "x" + d + " (classes x features)");
        }
        int used = 0;
        double wSum = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("Weight " + i + " is " + w + " (must be finite and >= 0)");
            }
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException("Label " + i + " is " + y[i] + ", outside [0, " + classes + ")");
            }
            if (w > 0) {
                used++;
                wSum += w;
            }
        }
        if (!(wSum > 0)) {
            throw new IllegalArgumentException("Logistic regression needs positive total example weight");
        }
        // Zero-weight rows do not enter the objective: keep only the others, transposed for the gradient product.
        DMatrixRMaj xs = new DMatrixRMaj(used, d);
        int[] ys = new int[used];
        double[] vs = new double[used];
        for (int i = 0, r = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            if (w > 0) {
                for (int j = 0; j < d; j++) {
                    double v = x.data[i * d + j];
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("Row " + i + " column " + j + " is " + v
                                + ": remove or impute non-finite values");
                    }
                    xs.data[r * d + j] = v;
                }
                ys[r] = y[i];
                vs[r] = w / wSum;
                r++;
            }
        }
        double penaltyFactor = options.lambda / (options.c * wSum)
                * (classes == 2 && options.binary == Binary.LOGISTIC ? 2 : 1);
        return new Problem(new SoftmaxObjective(xs, DenseProducts.transpose(xs), ys, vs, classes,
                prior == null ? null : prior.data, penaltyFactor), used);
    }

    /** {@code log(1 + exp(−t))}, stable for large {@code |t|}: the binary log-loss of a margin {@code t}. */
    public static double logLoss(double t) {
        return t > 0 ? Math.log1p(Math.exp(-t)) : -t + Math.log1p(Math.exp(t));
    }

    /** The logistic function {@code 1 / (1 + exp(−t))}, stable for large {@code |t|}. */
    public static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }

    /** Replaces {@code z[off .. off+k)} by its softmax; returns the log-sum-exp of the original values. */
    static double softmaxInPlace(double[] z, int off, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, z[off + c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            double e = Math.exp(z[off + c] - max);
            z[off + c] = e;
            sum += e;
        }
        for (int c = 0; c < k; c++) {
            z[off + c] /= sum;
        }
        return max + Math.log(sum);
    }

    /**
     * {@code F / (C Σv)} as a function of {@code θ = (W row-major, b)}: mean weighted softmax loss plus
     * {@code ½ μ ‖W − W₀‖²}, {@code μ = λ / (C Σv)} (doubled for binary logistic).
     */
    static final class SoftmaxObjective implements Lbfgs.Objective {
        private final DMatrixRMaj x;
        private final DMatrixRMaj xt;
        private final int[] y;
        private final double[] v;
        private final int k;
        private final double[] prior;
        private final double mu;

        SoftmaxObjective(DMatrixRMaj x, DMatrixRMaj xt, int[] y, double[] v, int k, double[] prior, double mu) {
            this.x = x;
            this.xt = xt;
            this.y = y;
            this.v = v;
            this.k = k;
            this.prior = prior;
            this.mu = mu;
        }

        @Override
        public double evaluate(double[] theta, double[] grad) {
            int n = x.numRows;
            int d = x.numCols;
            DMatrixRMaj w = DMatrixRMaj.wrap(k, d, Arrays.copyOf(theta, k * d));
            DMatrixRMaj z = DenseProducts.multTransB(x, w, false);
            double f = 0;
            // Residuals r_ic = v_i (p_ic − [y_i = c]), stored transposed (K×n) for the gradient product.
            DMatrixRMaj rt = new DMatrixRMaj(k, n);
            double[] gb = new double[k];
            for (int i = 0; i < n; i++) {
                int off = i * k;
                for (int c = 0; c < k; c++) {
                    z.data[off + c] += theta[k * d + c];
                }
                double zy = z.data[off + y[i]];
                double lse = softmaxInPlace(z.data, off, k);
                f += v[i] * (lse - zy);
                for (int c = 0; c < k; c++) {
                    double r = v[i] * (z.data[off + c] - (c == y[i] ? 1 : 0));
                    rt.data[c * n + i] = r;
                    gb[c] += r;
                }
            }
            DMatrixRMaj gw = DenseProducts.multTransB(rt, xt, false);
            double pen = 0;
            for (int j = 0; j < k * d; j++) {
                double delta = theta[j] - (prior == null ? 0 : prior[j]);
                pen += delta * delta;
                grad[j] = gw.data[j] + mu * delta;
            }
            System.arraycopy(gb, 0, grad, k * d, k);
            return f + 0.5 * mu * pen;
        }
    }
}
