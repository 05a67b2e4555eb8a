package org.tl4j.experiments.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.Evaluator;
import org.tl4j.core.eval.Metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What results.md says where a metric is undefined for a model, or a problem kind has no target-only baseline. */
class ReportWriterTest {

    @Test
    void aMetricAModelCannotGiveIsExplained(@TempDir Path dir) throws IOException {
        EvaluationReport r = Evaluator.builder("tiny", StrategyRegistry.load()).strategies(List.of("pooled")).seeds(2)
                .options("pooled", Map.of("inner", "linear-svm")).metrics(List.of(Metrics.ACCURACY, Metrics.LOG_LOSS))
                .discrepancies(false).build().run(seed -> List.of(TinyTasks.classification(seed)));
        Path md = dir.resolve("results.md");
        ReportWriter.writeMarkdown(r, Map.of(), md);
        String text = Files.readString(md);
        assertTrue(text.contains("`log_loss` is n/a for `pooled`: the metric needs class probabilities, which these "
                + "models do not give"), text);
        assertTrue(!text.contains("`log_loss` is n/a for `target-only`"), "logistic regression gives probabilities");
    }
}
