package org.tl4j.core.selection;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.learn.LogisticRegression;
import org.tl4j.core.learn.Seeds;

import java.util.Arrays;

/**
 * Discriminative density-ratio estimation: a probabilistic classifier learns to tell target from source points and
 * its odds give the importance weight, {@code w(x) = p_t(x)/p_s(x) = P(target|x) / P(source|x)} under equal class
 * priors (Bickel, Brückner &amp; Scheffer, <i>Discriminative learning for differing training and test
 * distributions</i>, ICML 2007; the domain discriminator of Deep Embedded Validation, You et al., ICML 2019).
 * <p>
 * The classifier is binary L2-regularised {@link LogisticRegression}, minimising
 * {@code Σ_k v_k log(1 + exp(−y_k (βᵀz_k + b))) / Σ_k v_k + ½λ‖β‖²} with the two samples weighted to equal total
 * mass ({@code v_k}), on the given features standardised with the weighted training mean and standard deviation
 * ({@code z_k}) or, with {@code quadratic}, on the features and their squares (exact for Gaussian domains with
 * diagonal covariances, whose log-ratio is quadratic). {@code λ} is chosen by stratified k-fold
 * cross-validation of the balanced domain log-loss, which needs no task labels. Probabilities are clipped to
 * {@code [1e-12, 1 − 1e-12]}.
 */
public final class DomainClassifierWeigher implements ImportanceWeigher {

    /** {@code λ} used when a sample is too small to cross-validate. */
    public static final double FALLBACK_LAMBDA = 1e-2;

    private final Options options;

    /** A weigher with {@link Options#defaults()}. */
    public DomainClassifierWeigher() {
        this(Options.defaults());
    }

    /** A weigher with the given settings. */
    public DomainClassifierWeigher(Options options) {
        this.options = options;
    }

    /**
     * Settings.
     *
     * @param lambdas       penalty candidates (tried from the largest, each warm-starting the next)
     * @param folds         cross-validation folds {@code ≥ 2}
     * @param quadratic     whether squared features are added
     * @param tolerance     gradient tolerance of each fit
     * @param maxIterations L-BFGS budget of each fit
     */
    public record Options(double[] lambdas, int folds, boolean quadratic, double tolerance, int maxIterations) {
        /** Validates and copies. */
        public Options {
            if (lambdas.length == 0) {
                throw new IllegalArgumentException("At least one lambda candidate is needed");
            }
            lambdas = lambdas.clone();
            for (double l : lambdas) {
                if (!(l > 0) || Double.isInfinite(l)) {
                    throw new IllegalArgumentException("Invalid lambda candidate: " + l + " (must be finite and > 0)");
                }
            }
            if (folds < 2) {
                throw new IllegalArgumentException("Invalid number of folds: " + folds + " (must be >= 2)");
            }
            if (!(tolerance > 0) || maxIterations < 1) {
                throw new IllegalArgumentException("Invalid tolerance " + tolerance + " or iteration budget " + maxIterations);
            }
        }

        /** The candidates (a copy). */
        @Override
        public double[] lambdas() {
            return lambdas.clone();
        }

        /** {@code λ ∈ {1, 10⁻¹, 10⁻², 10⁻³}}, 3 folds, linear features. */
        public static Options defaults() {
            return new Options(new double[]{1, 1e-1, 1e-2, 1e-3}, 3, false, 1e-5, 5000);
        }

        /** The same settings with or without squared features. */
        public Options withQuadratic(boolean q) {
            return new Options(lambdas, folds, q, tolerance, maxIterations);
        }
    }

    /**
     * A fit.
     *
     * @param weights one weight per source row
     * @param lambda  the chosen penalty
     * @param cvLoss  the held-out balanced log-loss of each candidate (empty when not cross-validated)
     * @param model   the classifier fitted on all points (class 1 = target), on the standardised features
     */
    public record Result(double[] weights, double lambda, double[] cvLoss, LogisticRegression.Fitted model) {
        /** A copy of the weights. */
        @Override
        public double[] weights() {
            return weights.clone();
        }
    }

    @Override
    public double[] weights(DMatrixRMaj source, DMatrixRMaj target, long seed) {
        return fit(source, target, options, seed).weights();
    }

    /**
     * Fits the domain classifier and returns the weights of the source rows.
     *
     * @throws IllegalArgumentException on empty samples or mismatched dimensions
     */
    public static Result fit(DMatrixRMaj source, DMatrixRMaj target, Options options, long seed) {
        int n = source.numRows;
        int m = target.numRows;
        if (n == 0 || m == 0) {
            throw new IllegalArgumentException("A domain classifier needs both samples: " + n + " source and " + m
                    + " target points");
        }
        if (source.numCols != target.numCols) {
            throw new IllegalArgumentException("Source has " + source.numCols + " features, target " + target.numCols);
        }
        DMatrixRMaj x = features(source, target, options.quadratic());
        boolean[] isTarget = new boolean[n + m];
        double[] v = new double[n + m];
        for (int i = 0; i < n + m; i++) {
            isTarget[i] = i >= n;
            v[i] = i >= n ? 0.5 / m : 0.5 / n;
        }
        double[] lambdas = options.lambdas();
        Arrays.sort(lambdas);
        double lambda;
        double[] cvLoss = new double[0];
        int folds = Math.min(options.folds(), Math.min(n, m));
        if (lambdas.length == 1) {
            lambda = lambdas[0];
        } else if (folds < 2) {
            lambda = FALLBACK_LAMBDA;
        } else {
            int[] fold = new int[n + m];
            assignFolds(fold, 0, n, folds, Seeds.derive(seed, "domain-folds-source"));
            assignFolds(fold, n, m, folds, Seeds.derive(seed, "domain-folds-target"));
            cvLoss = new double[lambdas.length];
            for (int r = 0; r < folds; r++) {
                int train = 0;
                for (int f : fold) {
                    train += f != r ? 1 : 0;
                }
                DMatrixRMaj xt = new DMatrixRMaj(train, x.numCols);
                boolean[] yt = new boolean[train];
                double[] vt = new double[train];
                int k = 0;
                for (int i = 0; i < n + m; i++) {
                    if (fold[i] != r) {
                        System.arraycopy(x.data, i * x.numCols, xt.data, k * x.numCols, x.numCols);
                        yt[k] = isTarget[i];
                        vt[k] = v[i];
                        k++;
                    }
                }
                Standardiser z = Standardiser.of(xt, vt);
                DMatrixRMaj zt = z.apply(xt);
                DMatrixRMaj zx = z.apply(x);
                LogisticRegression.Fitted warm = null;
                for (int c = lambdas.length - 1; c >= 0; c--) {
                    warm = classifier(zt, yt, vt, lambdas[c], options, warm);
                    double[] f = warm.logOdds(zx);
                    double loss = 0;
                    double mass = 0;
                    for (int i = 0; i < n + m; i++) {
                        if (fold[i] == r) {
                            loss += v[i] * LogisticRegression.logLoss(isTarget[i] ? f[i] : -f[i]);
                            mass += v[i];
                        }
                    }
                    cvLoss[c] += loss / mass / folds;
                }
            }
            int best = 0;
            for (int c = 1; c < lambdas.length; c++) {
                if (cvLoss[c] < cvLoss[best]) {
                    best = c;
                }
            }
            lambda = lambdas[best];
        }
        DMatrixRMaj zx = Standardiser.of(x, v).apply(x);
        LogisticRegression.Fitted model = classifier(zx, isTarget, v, lambda, options, null);
        double[] f = model.logOdds(zx);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double p = Math.min(1 - 1e-12, Math.max(1e-12, LogisticRegression.sigmoid(f[i])));
            w[i] = p / (1 - p);
        }
        return new Result(w, lambda, cvLoss, model);
    }

    /**
     * Binary logistic regression of target (class 1) against source: {@code C = 1 / Σv} turns the objective into
     * the weighted mean log-loss plus {@code ½λ‖β‖²}.
     */
    private static LogisticRegression.Fitted classifier(DMatrixRMaj z, boolean[] isTarget, double[] v, double lambda,
                                                        Options options, LogisticRegression.Fitted warm) {
        int[] y = new int[isTarget.length];
        double vSum = 0;
        for (int i = 0; i < y.length; i++) {
            y[i] = isTarget[i] ? 1 : 0;
            vSum += v[i];
        }
        LogisticRegression.Options o = new LogisticRegression.Options(1 / vSum, lambda, null,
                LogisticRegression.Binary.LOGISTIC, options.tolerance(), options.maxIterations());
        return LogisticRegression.fit(z, y, 2, v, o, warm);
    }

    /** Feature-wise standardisation with weighted means and standard deviations (1 for constant features). */
    private record Standardiser(double[] mean, double[] scale) {
        static Standardiser of(DMatrixRMaj x, double[] v) {
            int n = x.numRows;
            int d = x.numCols;
            double vSum = 0;
            for (double e : v) {
                vSum += e;
            }
            double[] mean = new double[d];
            double[] scale = new double[d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    mean[j] += v[i] / vSum * x.unsafe_get(i, j);
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    double c = x.unsafe_get(i, j) - mean[j];
                    scale[j] += v[i] / vSum * c * c;
                }
            }
            for (int j = 0; j < d; j++) {
                scale[j] = scale[j] > 1e-24 ? Math.sqrt(scale[j]) : 1;
            }
            return new Standardiser(mean, scale);
        }

        DMatrixRMaj apply(DMatrixRMaj x) {
            int d = x.numCols;
            DMatrixRMaj z = new DMatrixRMaj(x.numRows, d);
            for (int i = 0; i < x.numRows; i++) {
                for (int j = 0; j < d; j++) {
                    z.data[i * d + j] = (x.data[i * d + j] - mean[j]) / scale[j];
                }
            }
            return z;
        }
    }

    /** The stacked samples, with squared features appended when {@code quadratic}. */
    private static DMatrixRMaj features(DMatrixRMaj source, DMatrixRMaj target, boolean quadratic) {
        int d = source.numCols;
        int cols = quadratic ? 2 * d : d;
        DMatrixRMaj x = new DMatrixRMaj(source.numRows + target.numRows, cols);
        int row = 0;
        for (DMatrixRMaj s : new DMatrixRMaj[]{source, target}) {
            for (int i = 0; i < s.numRows; i++, row++) {
                for (int j = 0; j < d; j++) {
                    double val = s.unsafe_get(i, j);
                    if (!Double.isFinite(val)) {
                        throw new IllegalArgumentException((s == source ? "source" : "target") + " row " + i
                                + " column " + j + " is " + val + ": remove or impute non-finite values");
                    }
                    x.unsafe_set(row, j, val);
                    if (quadratic) {
                        x.unsafe_set(row, d + j, val * val);
                    }
                }
            }
        }
        return x;
    }

    private static void assignFolds(int[] fold, int offset, int count, int folds, long seed) {
        System.arraycopy(Seeds.folds(count, folds, seed), 0, fold, offset, count);
    }
}
