package org.tl4j.core.selection;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.Domain;
import org.tl4j.core.FeatureVectorModel;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.matrix.TribuoMatrices;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Chooses among configurations of a transfer strategy without target labels: each candidate's target risk is
 * estimated from labelled source data and unlabelled target data only. The target test set's labels are never read
 * (its features are not used either, unless a transductive task passes them as unlabelled target data).
 * <ul>
 *   <li>{@link Criterion#IWCV}, importance-weighted cross-validation (Sugiyama, Krauledat &amp; Müller,
 *   <i>Covariate shift adaptation by importance weighted cross validation</i>, JMLR 8, 2007): k-fold
 *   cross-validation over the labelled source examples, each held-out loss weighted by the importance
 *   {@code w(x) = p_t(x)/p_s(x)}; unbiased for the target risk under covariate shift.</li>
 *   <li>{@link Criterion#DEV}, Deep Embedded Validation (You, Wang, Long &amp; Jordan, <i>Towards accurate model
 *   selection in deep unsupervised domain adaptation</i>, ICML 2019): the same weighted held-out losses
 *   {@code L_i = w_i ℓ_i} with the control variate {@code w} (known mean 1) to cut their variance,
 *   {@code R = mean(L) + η mean(w) − η} with {@code η = −Cov(L, w)/Var(w)}. The paper computes {@code w} with a
 *   domain discriminator on learned features; here it comes from any {@link ImportanceWeigher} on the task's
 *   features (default {@link DomainClassifierWeigher}).</li>
 *   <li>{@link Criterion#REVERSE_VALIDATION} (Zhong, Fan, Yang, Verscheure &amp; Ren, <i>Cross validation framework
 *   to choose amongst models and datasets for transfer learning</i>, ECML PKDD 2010): for each source fold, the
 *   candidate fitted without the fold labels the target data; the same candidate is then fitted in reverse, from
 *   the pseudo-labelled target to the held-out source fold, and its error there is the score. It needs candidates
 *   that can learn from an unlabelled target (transductive setting).</li>
 * </ul>
 * Losses are 0–1 for classification and squared error for regression. Every fit is seeded from the selection's
 * seed, so a selection replays exactly.
 */
public final class LabelFreeSelection {

    /** Folds used when none are given. */
    public static final int DEFAULT_FOLDS = 5;

    private LabelFreeSelection() {
    }

    /** The selection criterion. */
    public enum Criterion {
        /** Importance-weighted cross-validation (Sugiyama et al. 2007). */
        IWCV,
        /** Deep Embedded Validation (You et al. 2019). */
        DEV,
        /** Reverse validation (Zhong et al. 2010). */
        REVERSE_VALIDATION;

        /** The command-line name, e.g. {@code reverse-validation}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Parses a label or constant name. */
        public static Criterion parse(String text) {
            for (Criterion c : values()) {
                if (c.label().equalsIgnoreCase(text.trim()) || c.name().equalsIgnoreCase(text.trim())
                        || (c == REVERSE_VALIDATION && text.trim().equalsIgnoreCase("rv"))) {
                    return c;
                }
            }
            throw new IllegalArgumentException("Unknown selection criterion '" + text
                    + "': expected iwcv, dev or reverse-validation");
        }
    }

    /**
     * A configuration to compare.
     *
     * @param label    how the configuration is reported, e.g. {@code B=10,sigma=0}
     * @param strategy the configured strategy
     */
    public record Candidate<T extends Output<T>>(String label, TransferStrategy<T, TransferTask<T>> strategy) {
        /** Validates. */
        public Candidate {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(strategy, "strategy");
        }
    }

    /**
     * The estimated target risk of one candidate.
     *
     * @param label  the candidate's label
     * @param risk   the estimate ({@code +∞} when a fit failed)
     * @param error  the failure message, or {@code null}
     */
    public record Score(String label, double risk, String error) {
    }

    /**
     * The outcome.
     *
     * @param criterion the criterion used
     * @param scores    one score per candidate, in candidate order
     * @param best      index of the candidate with the lowest estimated risk (the first on ties)
     */
    public record Result(Criterion criterion, List<Score> scores, int best) {
        /** Copies the scores. */
        public Result {
            scores = List.copyOf(scores);
        }

        /** The chosen candidate's score. */
        public Score chosen() {
            return scores.get(best);
        }
    }

    /**
     * Scores every candidate on {@code task} and picks the lowest estimated risk.
     *
     * @param folds  source folds ({@code ≥ 2}; fewer when the source is smaller)
     * @param weigher the importance weights for IWCV and DEV (ignored by reverse validation)
     * @param seed   seeds the folds, the weights and every fit
     * @throws IllegalArgumentException if the task has unlabelled sources, no target training data for the weights,
     *                                  no candidates, or every candidate fails (with the first failure)
     */
    public static <T extends Output<T>> Result select(TransferTask<T> task, List<Candidate<T>> candidates,
                                                      Criterion criterion, int folds, ImportanceWeigher weigher,
                                                      long seed) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("Label-free selection needs at least one candidate");
        }
        if (folds < 2) {
            throw new IllegalArgumentException("Invalid number of folds: " + folds + " (must be >= 2)");
        }
        if (!task.sourcesLabelled()) {
            throw new IllegalArgumentException("Label-free selection validates on labelled source data, but task '"
                    + task.name() + "' has unlabelled sources");
        }
        List<Domain<T>> targets = new ArrayList<>();
        for (Domain<T> d : List.of(task.targetTrain(), task.targetUnlabelled())) {
            if (!d.isEmpty()) {
                targets.add(d);
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("Label-free selection compares the source with target features, but "
                    + "task '" + task.name() + "' has neither labelled nor unlabelled target training data");
        }
        List<Example<T>> source = new ArrayList<>();
        for (Domain<T> d : task.sources()) {
            d.data().forEach(source::add);
        }
        int n = source.size();
        int k = Math.min(folds, n);
        if (k < 2) {
            throw new IllegalArgumentException("Label-free selection needs at least 2 labelled source examples, found " + n);
        }
        int[] fold = Seeds.folds(n, k, Seeds.derive(seed, "selection-folds"));
        double[] w = null;
        if (criterion != Criterion.REVERSE_VALIDATION) {
            DMatrixRMaj xs = TribuoMatrices.stack(task.sources(), task.featureSpace());
            DMatrixRMaj xt = TribuoMatrices.stack(targets, task.featureSpace());
            w = criterionWeights(criterion, weigher.weights(xs, xt, Seeds.derive(seed, "selection-weights")));
        }
        List<Score> scores = new ArrayList<>();
        int best = -1;
        String firstError = null;
        for (int c = 0; c < candidates.size(); c++) {
            Candidate<T> cand = candidates.get(c);
            double risk;
            String error = null;
            try {
                double[] losses = new double[n];
                for (int f = 0; f < k; f++) {
                    long fitSeed = Seeds.derive(seed, "selection-fit", f);
                    foldLosses(task, source, fold, f, cand.strategy(), criterion, fitSeed, losses);
                }
                risk = switch (criterion) {
                    case IWCV -> iwcvRisk(losses, w);
                    case DEV -> devRisk(losses, w);
                    case REVERSE_VALIDATION -> mean(losses);
                };
            } catch (RuntimeException e) {
                risk = Double.POSITIVE_INFINITY;
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (firstError == null) {
                    firstError = "candidate '" + cand.label() + "': " + error;
                }
            }
            scores.add(new Score(cand.label(), risk, error));
            if (Double.isFinite(risk) && (best < 0 || risk < scores.get(best).risk())) {
                best = c;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("Label-free selection (" + criterion.label() + ") failed for every "
                    + "candidate on task '" + task.name() + "'; first failure: " + firstError);
        }
        return new Result(criterion, scores, best);
    }

    /** The losses of the held-out rows of fold {@code f}, written into {@code losses}. */
    private static <T extends Output<T>> void foldLosses(TransferTask<T> task, List<Example<T>> source, int[] fold,
                                                         int f, TransferStrategy<T, TransferTask<T>> strategy,
                                                         Criterion criterion, long seed, double[] losses) {
        OutputFactory<T> factory = task.outputFactory();
        List<Domain<T>> trainSources = new ArrayList<>();
        int offset = 0;
        for (Domain<T> d : task.sources()) {
            MutableDataset<T> kept = new MutableDataset<>(new SimpleDataSourceProvenance(d.name() + " without fold "
                    + f, factory), factory);
            int i = offset;
            for (Example<T> e : d.data()) {
                if (fold[i] != f) {
                    kept.add(e.copy());
                }
                i++;
            }
            offset += d.size();
            if (kept.size() > 0) {
                trainSources.add(Domain.of(d.name(), kept));
            }
        }
        MutableDataset<T> heldData = new MutableDataset<>(new SimpleDataSourceProvenance("held-out source fold " + f,
                factory), factory);
        List<Integer> heldRows = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            if (fold[i] == f) {
                heldData.add(source.get(i).copy());
                heldRows.add(i);
            }
        }
        Domain<T> held = Domain.of("held-out-source", heldData);
        TransferTask.Builder<T> b = TransferTask.builder(task.name() + "-fold-" + f, factory)
                .targetName(task.targetName())
                .targetTrain(task.targetTrain())
                .targetUnlabelled(task.targetUnlabelled())
                .targetTest(held)
                .featureSpace(task.featureSpace());
        trainSources.forEach(b::source);
        TransferTask<T> foldTask = b.build();
        require(strategy, foldTask);
        TransferModel<T> model = strategy.fit(foldTask, seed);
        List<T> truth = foldTask.targetTestTruth();
        if (criterion != Criterion.REVERSE_VALIDATION) {
            List<Prediction<T>> p = model.predictTargetTest(foldTask);
            for (int r = 0; r < truth.size(); r++) {
                losses[heldRows.get(r)] = loss(truth.get(r), p.get(r).getOutput());
            }
            return;
        }
        // Reverse validation: label the target with the forward model, learn back to the held-out source fold.
        MutableDataset<T> reverseSource = new MutableDataset<>(new SimpleDataSourceProvenance(
                "target labelled by the forward model, fold " + f, factory), factory);
        for (Example<T> e : task.targetTrain().data()) {
            reverseSource.add(e.copy());
        }
        List<Example<T>> unlabelled = new ArrayList<>();
        task.targetUnlabelled().data().forEach(unlabelled::add);
        if (!unlabelled.isEmpty()) {
            if (!(model instanceof FeatureVectorModel<T> vectors)) {
                throw new IllegalStateException("Reverse validation labels target features with the forward model; '"
                        + strategy.descriptor().name() + "' returned a " + model.getClass().getSimpleName());
            }
            List<Prediction<T>> pseudo = vectors.predict(unlabelled);
            String[] names = task.featureSpace().toArray();
            for (int r = 0; r < unlabelled.size(); r++) {
                double[] values = TribuoMatrices.row(TribuoMatrices.features(List.of(unlabelled.get(r)), 1,
                        task.featureSpace()), 0);
                reverseSource.add(new ArrayExample<>(pseudo.get(r).getOutput(), names, values));
            }
        }
        TransferTask<T> reverse = TransferTask.builder(task.name() + "-reverse-" + f, factory)
                .source(Domain.of(task.targetName() + "-pseudo-labelled", reverseSource))
                .targetName("held-out-source")
                .targetUnlabelled(held.withoutLabels())
                .targetTest(held)
                .featureSpace(task.featureSpace())
                .build();
        require(strategy, reverse);
        List<Prediction<T>> p = strategy.fit(reverse, Seeds.derive(seed, "reverse")).predictTargetTest(reverse);
        for (int r = 0; r < truth.size(); r++) {
            losses[heldRows.get(r)] = loss(truth.get(r), p.get(r).getOutput());
        }
    }

    private static void require(TransferStrategy<?, ?> strategy, TransferTask<?> task) {
        String why = strategy.whyNotApplicable(task);
        if (why != null) {
            throw new IllegalArgumentException("candidate cannot be validated this way: " + why);
        }
    }

    /** The 0–1 loss of a label, the squared error (summed over dimensions) of a regressor. */
    public static <T extends Output<T>> double loss(T truth, T predicted) {
        if (truth instanceof Label t && predicted instanceof Label p) {
            return t.getLabel().equals(p.getLabel()) ? 0 : 1;
        }
        if (truth instanceof Regressor t && predicted instanceof Regressor p) {
            double[] a = t.getValues();
            double[] b = p.getValues();
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                double d = a[i] - b[i];
                s += d * d;
            }
            return s;
        }
        throw new IllegalArgumentException("Label-free selection scores Label and Regressor outputs, not "
                + truth.getClass().getSimpleName());
    }

    /** IWCV: {@code (1/n) Σ w_i ℓ_i}, weights scaled to mean 1. */
    public static double iwcvRisk(double[] losses, double[] weights) {
        check(losses, weights);
        double s = 0;
        for (int i = 0; i < losses.length; i++) {
            s += weights[i] * losses[i];
        }
        return s / losses.length;
    }

    /**
     * DEV: {@code mean(L) + η mean(w) − η} with {@code L_i = w_i ℓ_i} and {@code η = −Cov(L, w)/Var(w)}
     * ({@code η = 0} when the weights are constant, which reduces DEV to the plain mean).
     */
    public static double devRisk(double[] losses, double[] weights) {
        check(losses, weights);
        int n = losses.length;
        double mw = 0;
        double ml = 0;
        for (int i = 0; i < n; i++) {
            mw += weights[i];
            ml += weights[i] * losses[i];
        }
        mw /= n;
        ml /= n;
        double cov = 0;
        double var = 0;
        for (int i = 0; i < n; i++) {
            double dw = weights[i] - mw;
            cov += (weights[i] * losses[i] - ml) * dw;
            var += dw * dw;
        }
        double eta = var > 0 ? -cov / var : 0;
        return ml + eta * mw - eta;
    }

    private static void check(double[] losses, double[] weights) {
        if (losses.length == 0 || losses.length != weights.length) {
            throw new IllegalArgumentException("Expected equally many losses and weights, found " + losses.length
                    + " and " + weights.length);
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e;
        }
        return s / v.length;
    }

    /**
     * The weights a criterion scores with: IWCV's are scaled to mean 1 (its ranking does not depend on the scale);
     * DEV's are used as estimated, because its control variate {@code η(mean(w) − 1)} is exactly the deviation of
     * the sample mean of calibrated weights ({@code E_source[w] = 1}, as the domain classifier's odds under balanced
     * priors are) from its expectation — rescaling to mean 1 would make DEV identical to IWCV.
     */
    static double[] criterionWeights(Criterion criterion, double[] raw) {
        double[] n = normalise(raw);
        return criterion == Criterion.DEV ? raw.clone() : n;
    }

    private static double[] normalise(double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException("Importance weight " + i + " is " + w[i] + " (must be finite and >= 0)");
            }
            s += w[i];
        }
        if (!(s > 0)) {
            throw new IllegalArgumentException("Every importance weight is 0: the target lies outside the source support");
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] * w.length / s;
        }
        return out;
    }
}
