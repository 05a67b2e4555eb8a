package org.tl4j.core.eval;

import org.tl4j.core.BaselineRole;
import org.tl4j.core.StrategyDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything an evaluation produced: the raw runs, one row per run and metric with its baselines and negative
 * transfer gap, the summary over seeds with the negative-transfer verdicts, and the domain discrepancies.
 *
 * @param suite         suite name
 * @param seeds         the seeds, in order
 * @param alpha         significance level of the negative-transfer test
 * @param tasks         task name → description, in evaluation order
 * @param strategies    descriptors of the strategies that ran, in order
 * @param runs          raw runs
 * @param rows          per-run, per-metric rows
 * @param summary       per task × strategy × metric summary
 * @param discrepancies domain discrepancies per task, seed and source
 * @param skipped       task name → strategy name → why it was not run on that task (it does not apply), so that
 *                      nothing leaves a report silently
 * @param baselines     task name → role → the name of the baseline that played it (empty where the problem's kind
 *                      registers none: the negative transfer gap is then n/a)
 * @param metrics       task name → its metrics, primary first
 * @param executor      where the fits ran, e.g. {@code local (2 threads)}
 */
public record EvaluationReport(String suite, List<Long> seeds, double alpha, Map<String, String> tasks,
                               List<StrategyDescriptor> strategies, List<RunRecord> runs, List<ResultRow> rows,
                               List<SummaryRow> summary, List<DiscrepancyRecord> discrepancies,
                               Map<String, Map<String, String>> skipped, Map<String, Map<BaselineRole, String>> baselines,
                               Map<String, List<Metric>> metrics, String executor) {

    /** The runs that failed. */
    public List<RunRecord> failures() {
        List<RunRecord> out = new ArrayList<>();
        for (RunRecord r : runs) {
            if (r.failed()) {
                out.add(r);
            }
        }
        return out;
    }

    /** The summary row of a task, strategy and metric. */
    public java.util.Optional<SummaryRow> summary(String task, String strategy, Metric metric) {
        for (SummaryRow s : summary) {
            if (s.task().equals(task) && s.strategy().equals(strategy) && s.metric().equals(metric)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
