package org.tl4j.core.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One fit of one strategy on one task with one seed: the metrics on the target test set, or the error that stopped
 * it.
 *
 * @param suite     suite name
 * @param task      task name
 * @param strategy  strategy name
 * @param approach  the strategy's approach label ({@code baseline} for baselines)
 * @param seed      seed of the task draw and the fit
 * @param metrics   metric values by {@linkplain Metric#name() metric name}, in the problem's metric order (empty when
 *                  failed)
 * @param fitMillis wall-clock milliseconds of the fit
 * @param error     {@code null}, or the failure message
 * @param summary   the fitted model's one-line {@linkplain org.tl4j.core.TransferModel#summary() summary}, empty when
 *                  it gives none or the fit failed; {@code null} counts as empty and line breaks become spaces
 */
public record RunRecord(String suite, String task, String strategy, String approach, long seed,
                        Map<String, Double> metrics, long fitMillis, String error, String summary) {

    /** Copies the metric map; makes the summary one line. */
    public RunRecord {
        Objects.requireNonNull(suite);
        Objects.requireNonNull(task);
        Objects.requireNonNull(strategy);
        Objects.requireNonNull(approach);
        Map<String, Double> m = new LinkedHashMap<>(metrics);
        metrics = Collections.unmodifiableMap(m);
        summary = summary == null ? "" : summary.strip().replaceAll("\\R+", " ");
    }

    /** A run without a model summary. */
    public RunRecord(String suite, String task, String strategy, String approach, long seed,
                     Map<String, Double> metrics, long fitMillis, String error) {
        this(suite, task, strategy, approach, seed, metrics, fitMillis, error, "");
    }

    /** Whether the fit failed. */
    public boolean failed() {
        return error != null;
    }

    /** The value of {@code metric}, NaN if absent. */
    public double value(Metric metric) {
        Double v = metrics.get(metric.name());
        return v == null ? Double.NaN : v;
    }

    /** The identity of the run within a suite: task, strategy and seed. */
    public String key() {
        return key(task, strategy, seed);
    }

    /** The identity of a run. */
    public static String key(String task, String strategy, long seed) {
        return task + '\u0000' + strategy + '\u0000' + seed;
    }
}
