package org.tl4j.core.eval;

import org.tl4j.core.TransferProblem;

import java.util.Objects;

/**
 * One fit the harness schedules: a strategy on a problem with a seed, judged on the given metrics.
 *
 * @param problem  the problem (the seed's draw of a suite's task)
 * @param strategy the registered strategy's name
 * @param seed     the seed of the draw and of the fit
 * @param metrics  the metrics to compute, primary first
 */
public record FitJob(TransferProblem<?> problem, String strategy, long seed, java.util.List<Metric> metrics) {
    /** Validates and copies. */
    public FitJob {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(strategy, "strategy");
        metrics = java.util.List.copyOf(metrics);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("A fit of '" + strategy + "' on '" + problem.name()
                    + "' needs at least one metric");
        }
    }

    /** The run's identity: task, strategy, seed ({@link RunRecord#key}). */
    public String key() {
        return RunRecord.key(problem.name(), strategy, seed);
    }

    /** A label for progress lines. */
    public String label() {
        return problem.name() + " / " + strategy + " / seed " + seed;
    }
}
