package org.tl4j.relational.strategy;

import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.junit.jupiter.api.Test;
import org.tl4j.core.StrategyOptions;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.contract.TransferStrategyContract;
import org.tl4j.core.eval.Metric;
import org.tl4j.core.eval.Metrics;
import org.tl4j.core.eval.RankingMetrics;
import org.tl4j.relational.data.RelationalDataset;
import org.tl4j.relational.problem.RelationalTransferProblem;
import org.tl4j.relational.synthetic.SyntheticRelationalDomains;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link TransferStrategyContract} for strategies over {@link RelationalTransferProblem}s, on tiny generated
 * relational problems (the seeded synthetic lab → studio pair of {@link SyntheticRelationalDomains}; no shared data
 * needed), plus the checks of the relational kind: probability scores for both labels in the order of the test
 * queries, the problem's metrics computed from them equal to the module's ranking metrics (CLL with BoostSRL's
 * rule), the RDN-Boost options reaching the learner, and problems of another kind refused. Every relational
 * strategy's test extends it.
 */
public abstract class RelationalStrategyContract
        extends TransferStrategyContract<Label, RelationalTransferProblem> {

    @Override
    protected RelationalTransferProblem problem(long seed) {
        return SyntheticRelationalDomains.problem(true, 40, 16, 24, seed);
    }

    @Override
    protected Object snapshot(RelationalTransferProblem p) {
        return List.of(p.source().digest(), p.targetTrain().digest(), p.targetTest().digest(), p.sourceSchema(),
                p.targetSchema(), p.testQueries(), p.targetTestTruth(), p.domainProvenance().toString());
    }

    /** The same problem with every test query's truth flipped (positives and negatives swapped). */
    @Override
    protected RelationalTransferProblem withOtherTestLabels(RelationalTransferProblem p) {
        RelationalDataset t = p.targetTest();
        RelationalDataset flipped = new RelationalDataset(t.name(), t.target(), t.facts(), t.negatives(),
                t.positives(), t.notes());
        return new RelationalTransferProblem(p.name(), p.description(), p.sourceNames().get(0), p.source(),
                p.sourceSchema(), p.targetName(), p.targetTrain(), flipped, p.targetSchema(), p.fold());
    }

    /** The relational model behind a fitted model. */
    protected static RelationalTransferModel relational(TransferModel<Label> m) {
        return assertInstanceOf(RelationalTransferModel.class, m, "a relational strategy's model");
    }

    /** The value of a string entry of a model's instance provenance. */
    protected static String instanceValue(TransferModel<Label> m, String key) {
        var p = m.getProvenance().getInstanceProvenance().getMap().get(key);
        return p == null ? null : assertInstanceOf(StringProvenance.class, p, key).getValue();
    }

    @Test
    public void predictionsAreProbabilitiesOfBothLabelsInQueryOrder() {
        RelationalTransferProblem p = problem(7);
        TransferModel<Label> m = strategy().fit(p, seed());
        List<Prediction<Label>> preds = m.predictTargetTest(p);
        double[] prob = p.testProbabilities(relational(m).model());
        assertEquals(p.testQueries().size(), preds.size());
        for (int i = 0; i < preds.size(); i++) {
            Prediction<Label> pr = preds.get(i);
            assertTrue(pr.hasProbabilities(), "probabilities");
            Map<String, Label> s = pr.getOutputScores();
            assertEquals(prob[i], s.get("true").getScore(), 0.0, "P(true) of query " + i);
            assertEquals(1 - prob[i], s.get("false").getScore(), 0.0, "P(false) of query " + i);
            assertEquals(prob[i] >= 0.5 ? "true" : "false", pr.getOutput().getLabel());
            assertEquals(p.testQueries().get(i).toString(),
                    pr.getExample().getMetadataValue(RelationalTransferModel.QUERY).orElseThrow());
            assertEquals(LabelFactory.UNKNOWN_LABEL, pr.getExample().getOutput(), "the example carries no truth");
        }
    }

    @Test
    public void theProblemsMetricsAreTheModulesRankingMetrics() {
        RelationalTransferProblem p = problem(8);
        TransferModel<Label> m = strategy().fit(p, seed());
        double[] prob = p.testProbabilities(relational(m).model());
        boolean[] y = p.targetTestLabels();
        Map<Metric, Double> v = Metrics.compute(p.metrics(), p.outputFactory(), p.targetTestTruth(),
                m.predictTargetTest(p));
        List<Metric> metrics = p.metrics();
        assertEquals(List.of("auc_roc", "auc_pr", "cll"), metrics.stream().map(Metric::name).toList());
        assertEquals(RankingMetrics.aucRoc(prob, y), v.get(metrics.get(0)), 1e-12, "AUC-ROC of class true");
        assertEquals(RankingMetrics.aucPr(prob, y), v.get(metrics.get(1)), 1e-12, "AUC-PR of class true");
        assertEquals(RankingMetrics.conditionalLogLikelihood(prob, y), v.get(metrics.get(2)), 0.0,
                "CLL: the same bits as the module's rule");
    }

    @Test
    public void rdnBoostOptionsReachTheLearner() {
        TransferStrategy<Label, RelationalTransferProblem> s = strategy();
        StrategyOptions.apply(s, Map.of("trees", "3", "maxLeaves", "4"), new LabelFactory());
        RelationalTransferProblem p = problem(9);
        Map<String, String> d = relational(s.fit(p, seed())).model().description();
        // The learned model's settings (a mapped source model: its source model's, under "source.").
        String prefix = d.containsKey("settings.trees") ? "settings." : "source.settings.";
        assertEquals("3", d.get(prefix + "trees"), d.toString());
        assertEquals("4", d.get(prefix + "maxLeaves"), d.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrategyOptions.apply(strategy(), Map.of("maxLeaves", "1"), new LabelFactory()));
        assertTrue(e.getMessage().contains("maxLeaves"), e.getMessage());
    }

    @Test
    public void provenanceRecordsFoldDigestsAndTheModel() {
        RelationalTransferProblem p = problem(10);
        TransferModel<Label> m = strategy().fit(p, seed());
        var instance = m.getProvenance().getInstanceProvenance().getMap();
        assertEquals(p.targetTrain().digest(), instanceValue(m, RelationalTransferModel.TARGET_TRAIN_DIGEST));
        assertEquals(p.source().digest(), instanceValue(m, RelationalTransferModel.SOURCE_DIGEST));
        assertTrue(instance.containsKey(RelationalTransferModel.FOLD));
        assertEquals(p.targetTrain().digest(), ((org.tl4j.core.data.FileDataProvenance) m.getProvenance()
                .getDatasetProvenance().getSourceProvenance()).sha256(), "the training data's digest");
        assertTrue(instance.get(RelationalTransferModel.DESCRIPTION).toString().contains("settings.seed"));
    }

    @Test
    public void problemsOfAnotherKindAreRefused() {
        TransferStrategy<Label, RelationalTransferProblem> s = strategy();
        assertEquals(RelationalTransferProblem.class, s.problemType());
        assertEquals(RelationalTransferProblem.DATA_KIND, s.descriptor().dataKind());
        var task = TinyTasks.classification(1);
        assertTrue(s.whyNotApplicable(task).contains("relational-facts"), s.whyNotApplicable(task));
        TransferModel<Label> m = s.fit(problem(11), seed());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.predictTargetTest(task));
        assertTrue(e.getMessage().contains("relational"), e.getMessage());
    }
}
