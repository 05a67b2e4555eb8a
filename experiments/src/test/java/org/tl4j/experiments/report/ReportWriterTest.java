package org.tl4j.experiments.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.Evaluator;
import org.tl4j.core.eval.Metrics;
import org.tl4j.relational.synthetic.SyntheticRelationalDomains;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void modelSummariesGoToModelsCsvAndTheModelNotes(@TempDir Path dir) throws IOException {
        EvaluationReport r = Evaluator.builder("tiny-relational", StrategyRegistry.load())
                .strategies(List.of("treeboostler")).seeds(2).build()
                .run(seed -> List.of(SyntheticRelationalDomains.problem(true, 60, 20, 30, seed)));
        ReportWriter.writeResultsCsv(r, dir.resolve("results.csv"));
        ReportWriter.writeMarkdown(r, Map.of(), dir.resolve("results.md"));
        List<String> models = Files.readAllLines(dir.resolve("models.csv"));
        assertEquals(String.join(",", ReportWriter.MODELS_HEADER), models.get(0));
        // mapped-source and treeboostler on two seeds; rdn-boost gives no summary.
        assertEquals(5, models.size(), models.toString());
        String md = Files.readString(dir.resolve("results.md"));
        for (var run : r.runs()) {
            if (!run.summary().isEmpty()) {
                assertTrue(md.contains(run.summary()), "results.md notes " + run.summary());
                assertTrue(models.stream().anyMatch(l -> l.contains(run.strategy()) && l.contains(run.summary())));
            }
        }
        String notes = md.substring(md.indexOf("Model notes:"));
        assertTrue(notes.contains("- `mapped-source`, seed"), notes);
        assertTrue(!notes.contains("`rdn-boost`"), notes);
    }

    @Test
    void aRunWithoutSummariesWritesAnEmptyModelsCsv(@TempDir Path dir) throws IOException {
        EvaluationReport r = Evaluator.builder("tiny", StrategyRegistry.load()).strategies(List.of("pooled")).seeds(1)
                .discrepancies(false).build().run(seed -> List.of(TinyTasks.classification(seed)));
        ReportWriter.writeResultsCsv(r, dir.resolve("results.csv"));
        ReportWriter.writeMarkdown(r, Map.of(), dir.resolve("results.md"));
        assertEquals(List.of(String.join(",", ReportWriter.MODELS_HEADER)),
                Files.readAllLines(dir.resolve("models.csv")));
        assertTrue(!Files.readString(dir.resolve("results.md")).contains("Model notes"));
    }
}
