package org.tl4j.datasets;

import org.tl4j.core.math.SampleStatistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-domain preprocessing steps used by the domain-adaptation literature, applied to a sample matrix with one
 * example per row. Each step returns a new matrix; the input is not modified.
 * <ul>
 *   <li>{@link #ROW_SUM}: divide each example by the sum of its features (bag-of-words histograms to frequencies;
 *   the JDA/TCA code's {@code fts ./ repmat(sum(fts,2),1,m)}); an all-zero example stays zero.</li>
 *   <li>{@link #ZSCORE}: standardise each feature within the domain to mean 0 and population standard deviation 1
 *   (MATLAB's {@code zscore(X,1)}; mean and deviation are {@link SampleStatistics}'s); constant features become
 *   0.</li>
 *   <li>{@link #L2_ROWS}: scale each example to unit Euclidean norm; an all-zero example stays zero.</li>
 *   <li>{@link #NONE}: leave the values as stored.</li>
 * </ul>
 * The Office-Caltech SURF protocol of Long et al. (JDA, ICCV 2013) is {@code row-sum,zscore}.
 */
public enum Preprocessing {
    /** No change. */
    NONE,
    /** Divide each example by its feature sum. */
    ROW_SUM,
    /** Per-feature z-score within the domain (population standard deviation). */
    ZSCORE,
    /** Scale each example to unit L2 norm. */
    L2_ROWS;

    /** The step applied to {@code x} (a new matrix). */
    public double[][] apply(double[][] x) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i].clone();
        }
        switch (this) {
            case NONE -> {
            }
            case ROW_SUM -> {
                for (double[] r : y) {
                    double s = 0;
                    for (double v : r) {
                        s += v;
                    }
                    if (s != 0) {
                        for (int j = 0; j < r.length; j++) {
                            r[j] /= s;
                        }
                    }
                }
            }
            case L2_ROWS -> {
                for (double[] r : y) {
                    double s = 0;
                    for (double v : r) {
                        s += v * v;
                    }
                    if (s > 0) {
                        double n = Math.sqrt(s);
                        for (int j = 0; j < r.length; j++) {
                            r[j] /= n;
                        }
                    }
                }
            }
            case ZSCORE -> {
                if (y.length == 0) {
                    break;
                }
                int d = y[0].length;
                double[] column = new double[y.length];
                for (int j = 0; j < d; j++) {
                    for (int i = 0; i < y.length; i++) {
                        column[i] = y[i][j];
                    }
                    double m = SampleStatistics.mean(column);
                    double sd = SampleStatistics.populationSd(column);
                    for (double[] r : y) {
                        r[j] = sd == 0 ? 0 : (r[j] - m) / sd;
                    }
                }
            }
        }
        return y;
    }

    /** Applies {@code steps} in order. */
    public static double[][] apply(List<Preprocessing> steps, double[][] x) {
        double[][] y = x;
        for (Preprocessing p : steps) {
            y = p.apply(y);
        }
        return y == x ? NONE.apply(x) : y;
    }

    /** The step's name on the command line, e.g. {@code row-sum}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a comma-separated list such as {@code row-sum,zscore}.
     *
     * @throws IllegalArgumentException naming the unknown step and the valid ones
     */
    public static List<Preprocessing> parse(String text) {
        List<Preprocessing> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            Preprocessing found = null;
            for (Preprocessing v : values()) {
                if (v.label().equalsIgnoreCase(p) || v.name().equalsIgnoreCase(p)) {
                    found = v;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("Unknown preprocessing step '" + p
                        + "': expected a comma-separated list of none, row-sum, zscore, l2-rows");
            }
            if (found != NONE) {
                out.add(found);
            }
        }
        return out;
    }

    /** The list as text, e.g. {@code row-sum,zscore} ({@code none} when empty). */
    public static String describe(List<Preprocessing> steps) {
        if (steps.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (Preprocessing p : steps) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(p.label());
        }
        return sb.toString();
    }
}
