package org.tl4j.core.eval;

/**
 * Mean and spread over seeds of one strategy's metric on one task, with the negative-transfer decision.
 *
 * @param task            task name
 * @param strategy        strategy name
 * @param approach        approach label
 * @param metric          metric
 * @param n               seeds with a value
 * @param mean            mean value
 * @param std             sample standard deviation (NaN with one seed)
 * @param targetOnlyMean  mean of {@code target-only} (NaN where it does not apply)
 * @param sourceOnlyMean  mean of {@code source-only} (NaN where it does not apply)
 * @param test            the paired negative-transfer test over seeds
 * @param meanFitMillis   mean fit time
 * @param published       published value, NaN when none
 * @param failures        seeds whose fit failed
 */
public record SummaryRow(String task, String strategy, String approach, Metric metric, int n, double mean,
                         double std, double targetOnlyMean, double sourceOnlyMean, NegativeTransferTest.Result test,
                         double meanFitMillis, double published, int failures) {

    /** The verdict of the negative-transfer test. */
    public NegativeTransferTest.Verdict verdict() {
        return test.verdict();
    }
}
