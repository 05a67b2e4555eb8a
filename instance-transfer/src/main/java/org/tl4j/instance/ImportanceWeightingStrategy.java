package org.tl4j.instance;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.AbstractTransferStrategy;
import org.tl4j.core.Datasets;
import org.tl4j.core.Domain;
import org.tl4j.core.FeatureMapping;
import org.tl4j.core.Setting;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferTask;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.matrix.TribuoMatrices;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.WeightedExamples;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Base class of the importance-weighting strategies: it estimates one weight per source example from the source
 * and target features (never the target test set), scales the weights to mean 1, and trains the inner learner on
 * the weighted sources plus any labelled target examples.
 * <p>
 * Several source domains are pooled into one source sample, so the weights estimate {@code p_t(x)/p_S(x)} with
 * {@code p_S} the mixture of the sources in proportion to their sizes, which is the importance weight for training
 * on their union; the model's provenance records the mean weight each source received. The target sample is the
 * labelled target training features together with the unlabelled target features.
 * <p>
 * The inner learner should honour example weights ({@code logistic}, {@code logistic-sgd}, {@code linear-svm-sgd}, {@code least-squares},
 * {@code ridge:<λ>}); for learners that ignore them ({@code 1nn}, {@code knn:<k>}) the weights are applied by
 * importance resampling (see {@link WeightUse}).
 *
 * @param <T> output type
 */
public abstract class ImportanceWeightingStrategy<T extends Output<T>> extends AbstractTransferStrategy<T> {
    /** The settings every weighting strategy supports. */
    protected static final Set<Setting> SETTINGS = EnumSet.of(Setting.INDUCTIVE, Setting.TRANSDUCTIVE);

    @Config(description = "How weights reach the inner learner: auto (example weights if the learner honours them, "
            + "else importance resampling), example-weights (reject learners that ignore weights), resample")
    protected WeightUse weighting = WeightUse.AUTO;

    @Config(description = "Weight of each labelled target example, relative to the mean source weight of 1")
    protected double targetWeight = 1.0;

    /** For OLCUT configuration. */
    protected ImportanceWeightingStrategy() {
    }

    /** A strategy with the given inner learner. */
    protected ImportanceWeightingStrategy(Trainer<T> inner) {
        super(inner);
    }

    /**
     * Weights for the source rows.
     *
     * @param source every source example's features, sources stacked in task order; not to be modified
     * @param target the target training features (labelled and unlabelled); not to be modified
     * @param seed   seed for the estimator's random choices
     */
    protected abstract Estimate estimate(DMatrixRMaj source, DMatrixRMaj target, long seed);

    /**
     * Estimated weights with the provenance of how they were obtained (chosen widths, regularisation, solver
     * statistics).
     *
     * @param weights    one non-negative weight per source row
     * @param provenance entries added to the model's instance provenance, keys prefixed by the strategy name
     */
    public record Estimate(double[] weights, Map<String, Provenance> provenance) {
    }

    @Override
    public void postConfig() {
        if (!(targetWeight >= 0) || Double.isInfinite(targetWeight)) {
            throw new PropertyException("", "targetWeight", "Invalid targetWeight: " + targetWeight
                    + " (must be finite and >= 0)");
        }
        if (weighting == null) {
            throw new PropertyException("", "weighting", "weighting must be one of auto, example-weights, resample");
        }
        if (weighting == WeightUse.EXAMPLE_WEIGHTS && inner != null && !(inner instanceof WeightedExamples)) {
            throw new PropertyException("", "weighting",
                    WeightedFits.ignoresWeights(descriptor().name(), inner.getClass().getSimpleName()));
        }
    }

    @Override
    public String whyNotApplicable(TransferProblem<?> problem) {
        String why = super.whyNotApplicable(problem);
        if (why != null) {
            return why;
        }
        TransferTask<?> task = (TransferTask<?>) problem;
        if (!task.sourcesLabelled()) {
            return "strategy '" + descriptor().name() + "' needs labelled source domains; problem '" + problem.name()
                    + "' has unlabelled sources";
        }
        if (task.targetTrain().isEmpty() && task.targetUnlabelled().isEmpty()) {
            return "strategy '" + descriptor().name() + "' estimates importance weights from target features, but "
                    + "problem '" + problem.name() + "' has neither labelled nor unlabelled target training data: "
                    + "pass the target's features as unlabelled data";
        }
        return null;
    }

    /**
     * The normalised (mean 1) importance weights of the task's source examples, sources in task order, exactly as
     * {@link #fit} computes them with the same seed.
     *
     * @throws IllegalArgumentException if the strategy does not apply to the task
     */
    public double[] sourceWeights(TransferTask<T> task, long seed) {
        String why = whyNotApplicable(task);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        return InstanceWeights.normalise(rawEstimate(task, seed).weights(), descriptor().name() + " weights");
    }

    private Estimate rawEstimate(TransferTask<T> task, long seed) {
        DMatrixRMaj source = TribuoMatrices.stack(task.sources(), task.featureSpace());
        List<Domain<T>> targets = new ArrayList<>();
        for (Domain<T> d : List.of(task.targetTrain(), task.targetUnlabelled())) {
            if (!d.isEmpty()) {
                targets.add(d);
            }
        }
        DMatrixRMaj target = TribuoMatrices.stack(targets, task.featureSpace());
        Estimate e = estimate(source, target, Seeds.derive(seed, Seeds.IMPORTANCE_WEIGHTS));
        if (e.weights().length != source.numRows) {
            throw new IllegalStateException(descriptor().name() + " returned " + e.weights().length + " weights for "
                    + source.numRows + " source examples");
        }
        return e;
    }

    @Override
    protected TransferModel<T> fitTask(TransferTask<T> task, long seed) {
        WeightedFits.resolve(weighting, inner, descriptor().name());
        Estimate e = rawEstimate(task, seed);
        double[] w = InstanceWeights.normalise(e.weights(), descriptor().name() + " weights");
        String name = descriptor().name();
        MutableDataset<T> pooled = Datasets.union(name + " sources", task.outputFactory(), task.sources());
        double[] all = new double[pooled.size() + task.targetTrain().size()];
        System.arraycopy(w, 0, all, 0, w.length);
        for (int i = w.length; i < all.length; i++) {
            all[i] = targetWeight;
        }
        for (Example<T> ex : task.targetTrain().data()) {
            pooled.add(ex.copy());
        }
        Map<String, Provenance> extra = new LinkedHashMap<>(e.provenance());
        extra.putAll(summary(task, w));
        Model<T> model = trainWeighted(name, pooled, all, seed, extra);
        return model(task, seed, FeatureMapping.identity(), model, extra);
    }

    /**
     * Trains the inner learner on {@code data} with per-example {@code weights}, as example weights or by
     * importance resampling according to {@link #weighting} and the learner; records the choice in {@code extra}.
     */
    protected Model<T> trainWeighted(String label, Dataset<T> data, double[] weights, long seed,
                                     Map<String, Provenance> extra) {
        WeightUse use = WeightedFits.resolve(weighting, inner, descriptor().name());
        String key = descriptor().name() + ".weight-use";
        extra.put(key, new StringProvenance(key, use.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        return WeightedFits.train(inner, use, label, data, weights, seed);
    }

    /** Weight statistics for provenance: effective sample size, extremes and each source's mean weight. */
    private Map<String, Provenance> summary(TransferTask<T> task, double[] w) {
        Map<String, Provenance> m = new LinkedHashMap<>();
        String p = descriptor().name() + ".weights.";
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double v : w) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        m.put(p + "n", new IntProvenance(p + "n", w.length));
        m.put(p + "ess", new DoubleProvenance(p + "ess", InstanceWeights.effectiveSampleSize(w)));
        m.put(p + "max", new DoubleProvenance(p + "max", max));
        m.put(p + "min", new DoubleProvenance(p + "min", min));
        int start = 0;
        for (Domain<T> s : task.sources()) {
            double sum = 0;
            for (int i = start; i < start + s.size(); i++) {
                sum += w[i];
            }
            String k = p + "mean." + s.name();
            m.put(k, new DoubleProvenance(k, sum / s.size()));
            start += s.size();
        }
        return m;
    }
}
