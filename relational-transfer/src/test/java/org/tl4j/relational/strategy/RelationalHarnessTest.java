package org.tl4j.relational.strategy;

import org.junit.jupiter.api.Test;
import org.tl4j.core.BaselineRole;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.Evaluator;
import org.tl4j.core.eval.Metric;
import org.tl4j.core.eval.NegativeTransferTest;
import org.tl4j.core.eval.RankingMetrics;
import org.tl4j.core.eval.RunRecord;
import org.tl4j.core.eval.SummaryRow;
import org.tl4j.relational.problem.RelationalTransferProblem;
import org.tl4j.relational.rdn.RdnBoostLearner;
import org.tl4j.relational.rdn.RdnBoostSettings;
import org.tl4j.relational.synthetic.SyntheticRelationalDomains;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The synthetic pair with a known mapping through the harness ({@link Evaluator}), as {@code tl run} runs it: the
 * relational baselines are found by role, the problems are judged on AUC-ROC, AUC-PR and CLL, TreeBoostler's
 * mapping reaches the run records, the correct mapping is found on every seed, and the mapped source model of an
 * unrelated source is flagged as negative transfer.
 */
class RelationalHarnessTest {
    private static final int SEEDS = 5;

    private static List<RelationalTransferProblem> tasks(long seed) {
        return List.of(SyntheticRelationalDomains.problem(true, 200, 30, 200, seed),
                SyntheticRelationalDomains.problem(false, 200, 30, 200, seed));
    }

    @Test
    void theKnownMappingIsFoundAndAnUnrelatedSourceIsFlagged() {
        EvaluationReport r = Evaluator.builder("relational-synthetic", StrategyRegistry.load())
                .strategies(List.of("treeboostler")).seeds(SEEDS).discrepancies(false).build()
                .run(RelationalHarnessTest::tasks);
        for (String task : List.of("lab->studio", "shop->studio")) {
            assertEquals(Map.of(BaselineRole.TARGET_ONLY, "rdn-boost", BaselineRole.SOURCE_ONLY, "mapped-source"),
                    r.baselines().get(task));
            assertEquals(List.of("auc_roc", "auc_pr", "cll"), r.metrics().get(task).stream().map(Metric::name)
                    .toList());
        }
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        int found = 0;
        for (RunRecord run : r.runs()) {
            if (run.task().equals("lab->studio") && run.strategy().equals("treeboostler")) {
                assertTrue(run.summary().startsWith("mapping mentors(A,B) -> assists(A,B)"), run.summary());
                found += run.summary().contains("supervisor(A) -> lead(A)") && run.summary().contains(
                        "novice(A) -> junior(A)") && run.summary().contains("coauthor(A,B) -> credit(B,A)") ? 1 : 0;
            }
            if (run.strategy().equals("rdn-boost")) {
                assertEquals("", run.summary());
            }
        }
        assertEquals(SEEDS, found, "the correct mapping on every seed");

        Metric auc = r.metrics().get("shop->studio").get(0);
        SummaryRow unrelated = r.summary("shop->studio", "mapped-source", auc).orElseThrow();
        assertEquals(NegativeTransferTest.Verdict.NEGATIVE, unrelated.verdict(),
                "source-only from an unrelated source: " + unrelated);
        SummaryRow related = r.summary("lab->studio", "mapped-source", auc).orElseThrow();
        assertEquals(NegativeTransferTest.Verdict.NOT_NEGATIVE, related.verdict(), related.toString());
        assertTrue(related.mean() > unrelated.mean(), related.mean() + " vs " + unrelated.mean());

        // The harness's AUC-ROC of the target-only baseline is RDN-Boost's on the same draw.
        for (long seed = 0; seed < SEEDS; seed++) {
            RelationalTransferProblem p = tasks(seed).get(0);
            double direct = RankingMetrics.aucRoc(p.testProbabilities(new RdnBoostLearner(
                    RdnBoostSettings.defaults(seed)).fit(p.targetTrain(), p.targetSchema())), p.targetTestLabels());
            long s = seed;
            RunRecord run = r.runs().stream().filter(x -> x.task().equals("lab->studio") && x.seed() == s
                    && x.strategy().equals("rdn-boost")).findFirst().orElseThrow();
            assertEquals(direct, run.value(auc), 1e-12, "seed " + seed);
        }
    }
}
