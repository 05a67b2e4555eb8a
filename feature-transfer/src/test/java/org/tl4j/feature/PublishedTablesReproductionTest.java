package org.tl4j.feature;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.contract.SharedData;
import org.tl4j.core.data.RealDataSuites;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.Evaluator;
import org.tl4j.core.eval.Metric;
import org.tl4j.core.eval.SummaryRow;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.core.suite.SuiteProvider;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole JDA table (Long et al., ICCV 2013, Table 3: NN, PCA, TCA and JDA on the 12 Office-Caltech pairs and both
 * digit directions), run exactly as {@code tl run --suite office-caltech|digits} runs it (suite preprocessing,
 * suite and protocol options, 1-NN inner learner) and compared with the published values this module ships. Slow
 * (about two minutes on two cores): run with {@code mvn verify -Pfull}.
 */
@Tag("slow")
class PublishedTablesReproductionTest {

    private static final List<String> STRATEGIES = List.of("source-only", "pca", "tca", "jda");

    private static void reproduce(SuiteProvider suite, String dataPath, int expectedRows) {
        SharedData.require(dataPath);
        Evaluator.Builder b = Evaluator.builder(suite.name(), StrategyRegistry.load()).strategies(STRATEGIES).seeds(1)
                .discrepancies(false).published(suite.published());
        suite.defaultOptions().forEach(b::options);
        EvaluationReport r = b.build().run(seed -> suite.tasks(SuiteContext.defaults(), seed));
        List<String> off = new ArrayList<>();
        int compared = 0;
        assertTrue(r.failures().isEmpty(), "failed fits: " + r.failures());
        for (SummaryRow row : r.summary()) {
            if (row.metric() != Metric.ACCURACY || Double.isNaN(row.published())) {
                continue;
            }
            compared++;
            if (Math.abs(row.mean() - row.published()) > RealData.EXACT) {
                off.add(row.task() + " " + row.strategy() + ": " + row.mean() + " vs published " + row.published());
            }
        }
        assertEquals(expectedRows, compared, "every published NN/PCA/TCA/JDA value was compared");
        assertTrue(off.isEmpty(), "differ from the published table: " + off);
    }

    @Test
    void officeCaltechTableIsReproducedExactly() {
        reproduce(new RealDataSuites.OfficeCaltechSuite(), "data/office-caltech10-surf", 12 * STRATEGIES.size());
    }

    @Test
    void digitsTableIsReproducedExactly() {
        reproduce(new RealDataSuites.DigitsSuite(), "data/digits", 2 * STRATEGIES.size());
    }
}
