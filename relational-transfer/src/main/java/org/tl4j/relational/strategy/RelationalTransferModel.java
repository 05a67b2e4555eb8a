package org.tl4j.relational.strategy;

import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tl4j.core.ModelProvenances;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.data.FileDataProvenance;
import org.tl4j.relational.data.GroundAtom;
import org.tl4j.relational.data.RelationalDataset;
import org.tl4j.relational.problem.RelationalTransferProblem;
import org.tl4j.relational.rdn.RelationalModel;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.ModelProvenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted relational model as the harness sees it: a {@link RelationalModel} of the target predicate (RDN-Boost,
 * the mapped source model, or TreeBoostler's transferred one) that answers the test queries of a
 * {@link RelationalTransferProblem} with the probability that each is true.
 * <p>
 * Each prediction has probability scores for both labels, {@code "true"} with P(query) and {@code "false"} with
 * 1 − P(query), and predicts {@code "true"} when P(query) ≥ 0.5. Its example carries no features (a query is
 * answered from the test world's facts, not from a feature vector) and no label; its metadata hold the query atom
 * under {@value #QUERY}. The provenance is that of every {@link TransferModel} ({@link ModelProvenances}) with the
 * target training data as a {@link FileDataProvenance} (its name, content digest and sampling note), plus the
 * target fold ({@value #FOLD}), the content digests of the source and target worlds ({@value #SOURCE_DIGEST},
 * {@value #TARGET_TRAIN_DIGEST}), the predicate mapping where there is one ({@value #PREDICATE_MAPPING}) and the
 * model's own description ({@value #DESCRIPTION}: method, settings, seed, data, timings). Immutable.
 */
public final class RelationalTransferModel implements TransferModel<Label> {
    /** Metadata key of a prediction's query atom. */
    public static final String QUERY = "query";
    /** Instance-provenance key of the target training fold. */
    public static final String FOLD = "fold";
    /** Instance-provenance key of the source world's content digest. */
    public static final String SOURCE_DIGEST = "source.sha256";
    /** Instance-provenance key of the target training world's content digest. */
    public static final String TARGET_TRAIN_DIGEST = "target-train.sha256";
    /** Instance-provenance key of the predicate mapping, its lines joined by {@code "; "}. */
    public static final String PREDICATE_MAPPING = "predicate-mapping";
    /** Instance-provenance key of the relational model's description. */
    public static final String DESCRIPTION = "relational-model";

    private final String name;
    private final RelationalModel model;
    private final ModelProvenance provenance;
    private final String summary;

    private RelationalTransferModel(String name, RelationalModel model, ModelProvenance provenance, String summary) {
        this.name = name;
        this.model = model;
        this.provenance = provenance;
        this.summary = summary;
    }

    /**
     * Wraps a fitted relational model.
     *
     * @param strategy the strategy that fitted it
     * @param problem  the problem it was fitted on
     * @param seed     the fit's seed
     * @param model    the fitted model of the problem's target predicate
     * @param mapping  the predicate mapping as lines (empty for a model without source knowledge)
     * @param summary  the one-line summary shown in the results (deterministic under the seed)
     * @param extra    further instance provenance, e.g. whether the source model was learned in this fit
     */
    static RelationalTransferModel of(TransferStrategy<Label, ?> strategy, RelationalTransferProblem problem,
                                      long seed, RelationalModel model, List<String> mapping, String summary,
                                      Map<String, String> extra) {
        if (!model.target().equals(problem.targetTrain().target())) {
            throw new IllegalArgumentException("A model of '" + model.target() + "' does not answer '"
                    + problem.targetTrain().target() + "'");
        }
        RelationalDataset train = problem.targetTrain();
        FileDataProvenance data = new FileDataProvenance(train.name(), train.digest(), "facts, positives and "
                + "negatives of " + train.target(), String.join("; ", train.notes()), new LabelFactory());
        Map<String, Provenance> instance = new LinkedHashMap<>();
        instance.put(FOLD, new IntProvenance(FOLD, problem.fold()));
        instance.put(SOURCE_DIGEST, new StringProvenance(SOURCE_DIGEST, problem.source().digest()));
        instance.put(TARGET_TRAIN_DIGEST, new StringProvenance(TARGET_TRAIN_DIGEST, train.digest()));
        if (!mapping.isEmpty()) {
            instance.put(PREDICATE_MAPPING, new StringProvenance(PREDICATE_MAPPING, String.join("; ", mapping)));
        }
        extra.forEach((k, v) -> instance.put(k, new StringProvenance(k, v)));
        Map<String, StringProvenance> description = new LinkedHashMap<>();
        model.description().forEach((k, v) -> description.put(k, new StringProvenance(k, v)));
        instance.put(DESCRIPTION, new MapProvenance<>(description));
        ModelProvenance prov = ModelProvenances.of(RelationalTransferModel.class, strategy, problem, seed,
                ModelProvenances.trainingData(data, train.positives().size() + train.negatives().size(), 0, 2),
                instance);
        return new RelationalTransferModel(strategy.descriptor().name() + "@" + problem.name(), model, prov,
                summary);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ModelProvenance getProvenance() {
        return provenance;
    }

    @Override
    public String summary() {
        return summary;
    }

    /** The relational model (its trees, its description). */
    public RelationalModel model() {
        return model;
    }

    /**
     * Predicts the test queries of a {@link RelationalTransferProblem}, in the order of its
     * {@link RelationalTransferProblem#testQueries()}, from its test world's facts.
     *
     * @throws IllegalArgumentException if the problem is of another kind or asks about another predicate
     */
    @Override
    public List<Prediction<Label>> predictTargetTest(TransferProblem<Label> problem) {
        if (!(problem instanceof RelationalTransferProblem p)) {
            throw new IllegalArgumentException("A relational model predicts relational problems; problem '"
                    + problem.name() + "' holds " + problem.dataKind());
        }
        double[] prob = p.testProbabilities(model);
        List<GroundAtom> queries = p.testQueries();
        List<Prediction<Label>> out = new ArrayList<>(prob.length);
        for (int i = 0; i < prob.length; i++) {
            out.add(prediction(queries.get(i), prob[i]));
        }
        return out;
    }

    /** The prediction for one query of probability {@code p}. */
    static Prediction<Label> prediction(GroundAtom query, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalStateException("Probability " + p + " for " + query + " is not in [0, 1]");
        }
        Label yes = new Label(RelationalTransferProblem.TRUE.getLabel(), p);
        Label no = new Label(RelationalTransferProblem.FALSE.getLabel(), 1 - p);
        Map<String, Label> scores = new LinkedHashMap<>();
        scores.put(yes.getLabel(), yes);
        scores.put(no.getLabel(), no);
        ArrayExample<Label> example = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL,
                Map.<String, Object>of(QUERY, query.toString()));
        return new Prediction<>(p >= 0.5 ? yes : no, scores, 0, example, true);
    }

    @Override
    public String toString() {
        return "RelationalTransferModel(" + name + (summary.isEmpty() ? "" : ", " + summary) + ")";
    }
}
