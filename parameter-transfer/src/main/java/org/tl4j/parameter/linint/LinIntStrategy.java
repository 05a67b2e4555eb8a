package org.tl4j.parameter.linint;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tl4j.core.Approach;
import org.tl4j.core.Datasets;
import org.tl4j.core.FeatureMapping;
import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferTask;
import org.tl4j.core.learn.Seeds;
import org.tl4j.parameter.LinearTransferStrategy;
import org.tl4j.parameter.TargetCrossValidation;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.Regressor;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hypothesis transfer by linear interpolation (ADAPT's {@code LinInt}; the "output interpolation" baseline of
 * Daumé III, <i>Frustratingly easy domain adaptation</i>, ACL 2007): a source model and a target model are fitted
 * separately with the inner learner, and the prediction is {@code α·f_source(x) + (1 − α)·f_target(x)} —
 * probabilities for classes, values for regression ({@link InterpolatedModel}). {@code α = 1} is the source model,
 * {@code α = 0} the target-only model.
 * <p>
 * {@code α} is given ({@code alpha ∈ [0, 1]}) or chosen on target validation data ({@code alpha = -1}): ADAPT
 * holds out one part of the target; with the few labelled target examples of transfer problems this strategy uses
 * every example once, by {@link TargetCrossValidation}: in each fold a target model is trained on the other folds,
 * and the held-out loss (log-loss of the mixed probabilities, squared error of the mixed values) of every
 * {@code α ∈ {0, 0.01, …, 1}} is summed over all held-out examples; the final target model is then trained on the
 * whole labelled target. A fold whose training part the inner learner cannot fit (e.g. one class only) can only be
 * scored by the source model ({@code α = 1}). Any inner learner applies; classification needs one that gives
 * probabilities.
 *
 * @see org.tl4j.parameter.regular.RegularTransferStrategy
 */
public final class LinIntStrategy<T extends Output<T>> extends LinearTransferStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("lin-int", Approach.PARAMETER,
            EnumSet.of(Setting.INDUCTIVE), "parameter-transfer", TransferTask.DATA_KIND,
            "Source and target models' outputs mixed linearly, the weight chosen on target validation data "
                    + "(ADAPT's LinInt)");

    /** The mixing weights cross-validation chooses from. */
    public static final double[] ALPHA_GRID = alphaGrid();

    @Config(description = "Weight of the source model's output in [0, 1]; -1 chooses it by cross-validation on the "
            + "labelled target")
    private double alpha = -1;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private LinIntStrategy() {
    }

    /** The strategy with {@code inner}, {@code α} by cross-validation. */
    public LinIntStrategy(Trainer<T> inner) {
        super(inner);
    }

    /** The strategy with {@code inner} and a fixed {@code alpha} ({@code -1}: cross-validation). */
    public LinIntStrategy(Trainer<T> inner, double alpha) {
        super(inner);
        this.alpha = alpha;
        postConfig();
    }

    @Override
    public void postConfig() {
        super.postConfig();
        if (!(alpha >= 0 && alpha <= 1) && alpha != -1) {
            throw new PropertyException("", "alpha", "Invalid alpha: " + alpha + " (a value in [0, 1], or -1 to "
                    + "choose it by cross-validation)");
        }
    }

    @Override
    protected boolean needsLinearInner() {
        return false;
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected TransferModel<T> fitTask(TransferTask<T> task, long seed) {
        MutableDataset<T> sources = Datasets.union("sources", task.outputFactory(), task.sources());
        Model<T> source = trainInner(sources, Seeds.derive(seed, "source"));
        List<Example<T>> target = new ArrayList<>();
        task.targetTrain().data().forEach(target::add);
        Map<String, Provenance> extra = new LinkedHashMap<>();
        double chosen = alpha;
        if (alpha < 0) {
            boolean classes = task.targetTrain().data().getExample(0).getOutput() instanceof Label;
            int[] labels = null;
            if (classes) {
                List<String> names = new ArrayList<>();
                labels = new int[target.size()];
                for (int i = 0; i < target.size(); i++) {
                    String l = ((Label) target.get(i).getOutput()).getLabel();
                    int id = names.indexOf(l);
                    if (id < 0) {
                        names.add(l);
                        id = names.size() - 1;
                    }
                    labels[i] = id;
                }
            }
            List<Prediction<T>> fromSource = source.predict(target);
            TargetCrossValidation.Selection sel = TargetCrossValidation.select(ALPHA_GRID.length, labels,
                    target.size(), folds, Seeds.derive(seed, "cv"), (train, test) -> {
                        double[] loss = new double[ALPHA_GRID.length];
                        List<Example<T>> held = new ArrayList<>();
                        for (int i : test) {
                            held.add(target.get(i));
                        }
                        List<Prediction<T>> fromTarget;
                        try {
                            fromTarget = trainInner(subset(task, target, train), Seeds.derive(seed, "fold", train.length
                                    + 31L * test[0])).predict(held);
                        } catch (RuntimeException cannotFit) {
                            fromTarget = null;
                        }
                        for (int g = 0; g < ALPHA_GRID.length; g++) {
                            if (fromTarget == null && ALPHA_GRID[g] < 1) {
                                loss[g] = Double.POSITIVE_INFINITY;
                                continue;
                            }
                            for (int j = 0; j < test.length; j++) {
                                Example<T> e = held.get(j);
                                Prediction<T> s = fromSource.get(test[j]);
                                Prediction<T> mixed = fromTarget == null ? s
                                        : InterpolatedModel.mix(s, fromTarget.get(j), ALPHA_GRID[g], e);
                                loss[g] += loss(mixed, e.getOutput());
                            }
                        }
                        return loss;
                    });
            chosen = ALPHA_GRID[sel.best()];
            extra.put("alpha-selection", new StringProvenance("alpha-selection", sel.describe(ALPHA_GRID)));
        }
        Model<T> targetModel = trainInner(Datasets.union("target", task.outputFactory(), List.of(task.targetTrain())),
                Seeds.derive(seed, "target"));
        extra.put("alpha", new DoubleProvenance("alpha", chosen));
        Map<String, Provenance> run = new LinkedHashMap<>();
        run.put("alpha", new DoubleProvenance("alpha", chosen));
        run.put("source-model", source.getProvenance());
        run.put("target-model", targetModel.getProvenance());
        MutableDataset<T> pooled = Datasets.union("sources + target", task.outputFactory(),
                java.util.stream.Stream.concat(task.sources().stream(), java.util.stream.Stream.of(task.targetTrain()))
                        .toList());
        ModelProvenance prov = new ModelProvenance(InterpolatedModel.class.getName(), OffsetDateTime.now(),
                pooled.getProvenance(), inner.getProvenance(), run);
        InterpolatedModel<T> model = new InterpolatedModel<>(descriptor().name(), prov, task.featureMap(),
                pooled.getOutputIDInfo(), source, targetModel, chosen);
        return model(task, seed, FeatureMapping.identity(), model, extra);
    }

    /** The loss of one prediction: log-loss of the true class, or squared error. */
    private static <T extends Output<T>> double loss(Prediction<T> p, T truth) {
        if (truth instanceof Regressor r) {
            double[] a = ((Regressor) p.getOutput()).getValues();
            double[] b = r.getValues();
            double s = 0;
            for (int k = 0; k < a.length; k++) {
                s += (a[k] - b[k]) * (a[k] - b[k]);
            }
            return s;
        }
        T score = p.getOutputScores().get(((Label) truth).getLabel());
        return TargetCrossValidation.logLoss(score == null ? 0 : ((Label) score).getScore());
    }

    private static <T extends Output<T>> MutableDataset<T> subset(TransferTask<T> t, List<Example<T>> rows, int[] idx) {
        MutableDataset<T> d = new MutableDataset<>(new SimpleDataSourceProvenance("target fold of "
                + t.targetTrain().name(), t.outputFactory()), t.outputFactory());
        for (int i : idx) {
            d.add(rows.get(i).copy());
        }
        return d;
    }

    private static double[] alphaGrid() {
        double[] g = new double[101];
        for (int i = 0; i <= 100; i++) {
            g[i] = i / 100.0;
        }
        return g;
    }

    /** Registers {@code lin-int} (classification and regression). */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.anyOf(LinIntStrategy::new));
        }
    }
}
