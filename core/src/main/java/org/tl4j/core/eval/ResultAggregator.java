package org.tl4j.core.eval;

import org.tl4j.core.BaselineRole;
import org.tl4j.core.math.SampleStatistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns runs into the rows of {@code results.csv} and the per task × strategy × metric summary: every run's value
 * beside the values of the task's reference baselines on the same seed, the negative transfer gap
 * {@code error(strategy) − error(target-only)} per seed, and the paired {@link NegativeTransferTest} over seeds.
 */
final class ResultAggregator {
    private final String suite;
    private final double alpha;
    private final PublishedValues published;

    ResultAggregator(String suite, double alpha, PublishedValues published) {
        this.suite = suite;
        this.alpha = alpha;
        this.published = published;
    }

    /**
     * @param runs      every run, in the order they were scheduled
     * @param metrics   task → metrics, primary first
     * @param baselines task → role → the baseline's strategy name
     * @param rows      receives one row per run and metric
     * @param summary   receives one row per task, strategy and metric
     */
    void aggregate(List<RunRecord> runs, Map<String, List<Metric>> metrics,
                   Map<String, Map<BaselineRole, String>> baselines, List<ResultRow> rows, List<SummaryRow> summary) {
        Map<String, RunRecord> byKey = new HashMap<>();
        Map<String, Map<String, List<RunRecord>>> grouped = new LinkedHashMap<>();
        for (RunRecord r : runs) {
            byKey.put(r.key(), r);
            grouped.computeIfAbsent(r.task(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.strategy(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, Map<String, List<RunRecord>>> te : grouped.entrySet()) {
            String task = te.getKey();
            Map<BaselineRole, String> roles = baselines.getOrDefault(task, Map.of());
            String targetOnlyName = roles.get(BaselineRole.TARGET_ONLY);
            String sourceOnlyName = roles.get(BaselineRole.SOURCE_ONLY);
            for (Map.Entry<String, List<RunRecord>> se : te.getValue().entrySet()) {
                String strategy = se.getKey();
                List<RunRecord> rs = se.getValue();
                for (Metric metric : metrics.get(task)) {
                    int k = rs.size();
                    double[] values = new double[k];
                    double[] targetOnly = new double[k];
                    double[] sourceOnly = new double[k];
                    double[] gaps = new double[k];
                    for (int i = 0; i < k; i++) {
                        RunRecord r = rs.get(i);
                        values[i] = r.value(metric);
                        targetOnly[i] = value(byKey, task, targetOnlyName, r.seed(), metric);
                        sourceOnly[i] = value(byKey, task, sourceOnlyName, r.seed(), metric);
                        gaps[i] = metric.error(values[i]) - metric.error(targetOnly[i]);
                    }
                    NegativeTransferTest.Result test = NegativeTransferTest.decide(gaps, alpha);
                    double pub = published.lookup(task, strategy, metric).orElse(Double.NaN);
                    long fitSum = 0;
                    int failures = 0;
                    for (int i = 0; i < k; i++) {
                        RunRecord r = rs.get(i);
                        fitSum += r.fitMillis();
                        if (r.failed()) {
                            failures++;
                        }
                        rows.add(new ResultRow(suite, task, strategy, r.approach(), r.seed(), metric, values[i],
                                targetOnly[i], sourceOnly[i], gaps[i], test.verdict(), r.fitMillis(), pub, r.error()));
                    }
                    summary.add(new SummaryRow(task, strategy, rs.get(0).approach(), metric, SampleStatistics.countFinite(values),
                            SampleStatistics.mean(values), SampleStatistics.sampleSd(values), SampleStatistics.mean(targetOnly),
                            SampleStatistics.mean(sourceOnly), test, fitSum / (double) k,
                            pub, failures));
                }
            }
        }
    }

    private static double value(Map<String, RunRecord> byKey, String task, String strategy, long seed, Metric m) {
        if (strategy == null) {
            return Double.NaN;
        }
        RunRecord r = byKey.get(RunRecord.key(task, strategy, seed));
        return r == null ? Double.NaN : r.value(m);
    }
}
