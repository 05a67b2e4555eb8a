package org.tl4j.core.eval;

import java.util.Locale;

/**
 * A target-task metric. Each one defines an error ({@code 1 − value} for scores where higher is better, the value
 * itself for losses) so that the negative transfer gap is defined uniformly.
 */
public enum Metric {
    /** Fraction of test examples classified correctly. */
    ACCURACY("accuracy", true),
    /** Unweighted mean over classes of the F1 score (classes seen in the truth or the predictions). */
    MACRO_F1("macro_f1", true),
    /** Mean squared error, averaged over output dimensions. */
    MSE("mse", false),
    /** Coefficient of determination {@code 1 − SSE/SST} on the test set, averaged over output dimensions. */
    R2("r2", true);

    private final String label;
    private final boolean higherIsBetter;

    Metric(String label, boolean higherIsBetter) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    /** The column name, e.g. {@code macro_f1}. */
    public String label() {
        return label;
    }

    /** Whether larger values are better. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The error associated with a value: {@code 1 − value} for scores, the value for losses. */
    public double error(double value) {
        return higherIsBetter ? 1.0 - value : value;
    }

    /** Parses a label or constant name. */
    public static Metric parse(String text) {
        for (Metric m : values()) {
            if (m.label.equalsIgnoreCase(text) || m.name().equalsIgnoreCase(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown metric '" + text + "': expected one of accuracy, macro_f1, mse, r2");
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
