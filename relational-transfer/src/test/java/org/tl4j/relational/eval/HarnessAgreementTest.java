package org.tl4j.relational.eval;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.contract.SharedData;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.Evaluator;
import org.tl4j.core.eval.RunRecord;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.relational.problem.RelationalPair;
import org.tl4j.relational.problem.RelationalSuite;
import org.tl4j.relational.problem.RelationalTransferProblem.Options;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code relational} suite through the harness gives, fold by fold, the numbers of the evidence runner
 * ({@link RelationalEvidence}): the same problems, learners, seeds and metrics, reached through the strategies, the
 * registry and {@code Metrics} instead of direct calls, and the same mappings. IMDB → UW-CSE in the default suite, the
 * other five pairs in the slow one. Tolerance 1e-12: only the order of a few floating-point sums may differ.
 */
class HarnessAgreementTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void theSuiteReproducesTheEvidenceRunnerOnImdbToUwcse() {
        agree("imdb->uwcse");
    }

    @Tag("slow")
    @ParameterizedTest
    @ValueSource(strings = {"uwcse->imdb", "imdb->cora", "cora->imdb", "yeast->twitter", "twitter->yeast"})
    void theSuiteReproducesTheEvidenceRunnerOnTheOtherPairs(String name) {
        agree(name);
    }

    private static void agree(String name) {
        RelationalPair pair = RelationalPair.parse(name);
        Path data = SharedData.require(RelationalSuite.DATA + "/" + pair.targetDataset()).getParent();
        SharedData.require(RelationalSuite.DATA + "/" + pair.sourceDataset());
        RelationalEvidence.PairResult direct = RelationalEvidence.runPair(data, pair, Options.treeBoostler(),
                new PrintStream(OutputStream.nullOutputStream()));
        RelationalSuite suite = new RelationalSuite();
        SuiteContext context = new SuiteContext(SharedData.root(), Map.of("pairs", pair.name()));
        EvaluationReport r = Evaluator.builder(RelationalSuite.NAME, StrategyRegistry.load())
                .strategies(suite.defaultStrategies()).seeds(direct.folds().size()).discrepancies(false).build()
                .run(seed -> suite.tasks(context, seed));
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        List<String> order = List.of("rdn-boost", "mapped-source", "treeboostler-no-revision", "treeboostler");
        List<String> metrics = List.of("auc_roc", "auc_pr", "cll");
        int compared = 0;
        for (RunRecord run : r.runs()) {
            RelationalEvidence.FoldResult f = direct.folds().get((int) run.seed());
            int method = order.indexOf(run.strategy());
            for (int k = 0; k < metrics.size(); k++) {
                assertEquals(f.metrics()[method][k], run.metrics().get(metrics.get(k)), TOLERANCE,
                        run.strategy() + " " + metrics.get(k) + " on fold " + f.fold());
                compared++;
            }
            if (method > 0) {
                assertEquals("mapping " + String.join("; ", f.mapping()), run.summary().split("; revision")[0]);
            }
        }
        assertEquals(direct.folds().size() * order.size() * metrics.size(), compared);
    }
}
