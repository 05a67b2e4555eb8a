package org.tl4j.core.selection;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tl4j.core.AbstractStrategy;
import org.tl4j.core.FeatureVectorModel;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tribuo.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.logging.Logger;

/**
 * A strategy that picks one of several configurations of another strategy with {@link LabelFreeSelection} on each
 * task, then fits the chosen configuration to the whole task. It carries the candidates' registry name, so an
 * evaluation reports it under that name; the fitted model's provenance records the criterion, every candidate's
 * estimated risk and the choice. This is how the evaluation harness applies label-free model selection to any
 * feature-vector strategy ({@code tl run --select iwcv --grid kmm.bound=1,10,1000}).
 *
 * @param <T> output type
 */
public final class SelectedStrategy<T extends Output<T>> extends AbstractStrategy<T, TransferTask<T>> {
    private static final Logger logger = Logger.getLogger(SelectedStrategy.class.getName());

    /** Instance-provenance key of the criterion. */
    public static final String CRITERION = "selection.criterion";
    /** Instance-provenance key of the chosen candidate's label. */
    public static final String CHOSEN = "selection.chosen";
    /** Instance-provenance key of all candidates' estimated risks. */
    public static final String SCORES = "selection.scores";

    @Config(mandatory = true, description = "The configurations to choose among (one strategy, different options)")
    private List<TransferStrategy<T, TransferTask<T>>> candidates;

    @Config(mandatory = true, description = "A label per candidate, e.g. bound=10")
    private List<String> labels;

    @Config(description = "Selection criterion: iwcv, dev or reverse-validation")
    private LabelFreeSelection.Criterion criterion = LabelFreeSelection.Criterion.IWCV;

    @Config(description = "Source folds of the selection")
    private int folds = LabelFreeSelection.DEFAULT_FOLDS;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private SelectedStrategy() {
        super(TransferTask.class);
    }

    /**
     * @param candidates configurations of one registered strategy (all with the same descriptor)
     * @param labels     one label per candidate
     * @param criterion  the selection criterion
     * @param folds      source folds ({@code ≥ 2})
     */
    public SelectedStrategy(List<TransferStrategy<T, TransferTask<T>>> candidates, List<String> labels,
                            LabelFreeSelection.Criterion criterion, int folds) {
        super(TransferTask.class);
        this.candidates = new ArrayList<>(candidates);
        this.labels = new ArrayList<>(labels);
        this.criterion = criterion;
        this.folds = folds;
        postConfig();
    }

    @Override
    public void postConfig() {
        if (candidates == null || candidates.isEmpty()) {
            throw new PropertyException("", "candidates", "Label-free selection needs at least one candidate");
        }
        if (labels == null || labels.size() != candidates.size()) {
            throw new PropertyException("", "labels", "Expected one label per candidate: " + candidates.size()
                    + " candidates, " + (labels == null ? 0 : labels.size()) + " labels");
        }
        StrategyDescriptor first = candidates.get(0).descriptor();
        for (TransferStrategy<T, TransferTask<T>> c : candidates) {
            if (!c.descriptor().equals(first)) {
                throw new PropertyException("", "candidates", "Candidates must configure one strategy; found '"
                        + first.name() + "' and '" + c.descriptor().name() + "'");
            }
        }
        if (criterion == null) {
            throw new PropertyException("", "criterion", "criterion must be iwcv, dev or reverse-validation");
        }
        if (folds < 2) {
            throw new PropertyException("", "folds", "Invalid folds: " + folds + " (must be >= 2)");
        }
    }

    @Override
    public StrategyDescriptor descriptor() {
        return candidates.get(0).descriptor();
    }

    @Override
    public String whyNotApplicable(TransferProblem<?> problem) {
        String why = candidates.get(0).whyNotApplicable(problem);
        if (why == null && problem instanceof TransferTask<?> t) {
            if (!t.sourcesLabelled()) {
                why = "label-free selection of '" + descriptor().name() + "' needs labelled sources";
            } else if (t.targetTrain().isEmpty() && t.targetUnlabelled().isEmpty()) {
                why = "label-free selection of '" + descriptor().name() + "' needs target training features";
            }
        }
        return why;
    }

    @Override
    protected TransferModel<T> fitProblem(TransferTask<T> task, long seed) {
        List<LabelFreeSelection.Candidate<T>> cands = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            cands.add(new LabelFreeSelection.Candidate<>(labels.get(i), candidates.get(i)));
        }
        LabelFreeSelection.Result r = LabelFreeSelection.select(task, cands, criterion, folds,
                new DomainClassifierWeigher(), seed);
        TransferModel<T> fitted = candidates.get(r.best()).fit(task, seed);
        if (!(fitted instanceof FeatureVectorModel<T> chosen)) {
            throw new IllegalStateException("Label-free selection wraps feature-vector models; '" + descriptor().name()
                    + "' returned a " + fitted.getClass().getSimpleName());
        }
        StringJoiner scores = new StringJoiner("; ");
        for (LabelFreeSelection.Score s : r.scores()) {
            scores.add(s.label() + " -> " + (s.error() == null ? Double.toString(s.risk()) : "failed: " + s.error()));
        }
        logger.info(() -> "Task " + task.name() + ": " + criterion.label() + " chose " + descriptor().name() + " "
                + r.chosen().label() + " (" + scores + ")");
        Map<String, Provenance> extra = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Provenance> e : chosen.getProvenance().getInstanceProvenance().getMap().entrySet()) {
            if (!e.getKey().equals(TransferModel.TASK) && !e.getKey().equals(TransferModel.SEED)
                    && !e.getKey().equals(TransferModel.MAPPING) && !e.getKey().equals(TransferModel.TL4J_VERSION) && !e.getKey().equals(TransferModel.INNER_MODEL)
                    && !e.getKey().startsWith("source.") && !e.getKey().startsWith("target")) {
                extra.put(e.getKey(), e.getValue());
            }
        }
        extra.put(CRITERION, new StringProvenance(CRITERION, criterion.label()));
        extra.put(CHOSEN, new StringProvenance(CHOSEN, r.chosen().label()));
        extra.put(SCORES, new StringProvenance(SCORES, scores.toString()));
        return FeatureVectorModel.of(this, task, seed, task.featureMap(), chosen.mapping(), chosen.innerModel(), extra);
    }

    /** The candidates' labels. */
    public List<String> labels() {
        return List.copyOf(labels);
    }

    @Override
    public String toString() {
        return "SelectedStrategy(" + descriptor().name() + " by " + criterion.label() + " among " + labels + ")";
    }
}
