package org.tl4j.core.eval;

import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;

import java.util.List;

/**
 * A target-task metric: it knows its name, whether larger values are better, the error it contributes to the
 * negative transfer gap, which outputs it measures, and how to compute itself from the true outputs and the
 * predictions — including their scores, so ranking metrics (AUC-ROC, AUC-PR) and probabilistic ones (log-loss,
 * conditional log-likelihood) are metrics like the others.
 * <p>
 * The type is open: {@link Metrics} holds the built-in ones (accuracy, macro-F1, MSE, R², AUC-ROC, AUC-PR, average precision, log-loss, CLL); a {@link org.tl4j.core.TransferProblem} declares
 * the metrics it is judged on ({@link org.tl4j.core.TransferProblem#metrics()}, by default
 * {@link Metrics#defaultFor(OutputFactory)}), and any implementation of this interface may be declared. Two metrics
 * are the same metric when their names are equal; names appear in the {@code metric} column of
 * {@code results.csv} and {@code runs.csv}.
 */
public interface Metric {

    /** The stable column name, lower case, e.g. {@code macro_f1} or {@code auc_roc}. */
    String name();

    /** One line for reports. */
    String description();

    /** Whether larger values are better. */
    boolean higherIsBetter();

    /**
     * The error associated with a value, the quantity whose difference is the negative transfer gap: {@code 1 − value}
     * for scores bounded by 1, the value for losses, {@code −value} for log-likelihoods. Implementations choose.
     */
    double error(double value);

    /** Whether this metric measures outputs of {@code factory}'s type. */
    boolean appliesTo(OutputFactory<?> factory);

    /**
     * The metric's value.
     *
     * @param factory     the output factory of the problem
     * @param truth       true outputs, in test order
     * @param predictions predictions in the same order, with their scores
     * @return the value, or {@link Double#NaN} when the predictions lack what the metric needs (scores or
     *         probabilities — see {@link #needs()}); reports show it as n/a with the reason
     * @throws IllegalArgumentException if the sizes differ, the lists are empty or the outputs are of another type
     */
    <T extends Output<T>> double compute(OutputFactory<T> factory, List<T> truth, List<Prediction<T>> predictions);

    /**
     * What the metric needs beyond the predicted outputs: {@code ""} for nothing, otherwise a short phrase for reports
     * (e.g. {@code "class probabilities"}); a prediction without it gives {@link Double#NaN}.
     */
    default String needs() {
        return "";
    }
}
