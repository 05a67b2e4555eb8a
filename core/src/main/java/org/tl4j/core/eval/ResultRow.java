package org.tl4j.core.eval;

/**
 * One line of {@code results.csv}: a run's value of one metric beside the baselines fitted on the same task draw
 * with the same seed.
 *
 * @param suite            suite name
 * @param task             task name
 * @param strategy         strategy name
 * @param approach         approach label
 * @param seed             seed
 * @param metric           the metric
 * @param value            the strategy's value
 * @param targetOnly       {@code target-only}'s value (NaN where it does not apply)
 * @param sourceOnly       {@code source-only}'s value (NaN where it does not apply)
 * @param ntg              negative transfer gap {@code error(value) − error(targetOnly)}
 * @param negativeTransfer the task × strategy × metric verdict over all seeds (repeated on each seed's row)
 * @param fitMillis        fit time in milliseconds
 * @param published        the published value for this task and strategy, NaN when none
 * @param error            the failure message, or {@code null}
 */
public record ResultRow(String suite, String task, String strategy, String approach, long seed, Metric metric,
                        double value, double targetOnly, double sourceOnly, double ntg,
                        NegativeTransferTest.Verdict negativeTransfer, long fitMillis, double published, String error) {
}
