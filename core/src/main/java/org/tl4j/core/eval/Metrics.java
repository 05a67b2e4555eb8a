package org.tl4j.core.eval;

import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes target metrics from true outputs and predictions: accuracy and macro-F1 for classification
 * ({@link Label}), MSE and R² for regression ({@link Regressor}). The first metric of
 * {@link #forOutput(OutputFactory)} is the primary one.
 */
public final class Metrics {
    private Metrics() {
    }

    /**
     * The metrics reported for an output type, primary first.
     *
     * @throws IllegalArgumentException for output types without metrics
     */
    public static List<Metric> forOutput(OutputFactory<?> factory) {
        if (factory instanceof LabelFactory) {
            return List.of(Metric.ACCURACY, Metric.MACRO_F1);
        } else if (factory instanceof RegressionFactory) {
            return List.of(Metric.MSE, Metric.R2);
        }
        throw new IllegalArgumentException("No target metrics for outputs of type "
                + factory.getUnknownOutput().getClass().getSimpleName() + ": tl4j evaluates Label and Regressor outputs");
    }

    /**
     * All metrics of the output type.
     *
     * @param truth       true outputs
     * @param predictions predictions in the same order
     * @throws IllegalArgumentException if the sizes differ or the lists are empty
     */
    @SuppressWarnings("unchecked")
    public static <T extends Output<T>> Map<Metric, Double> compute(OutputFactory<T> factory, List<T> truth,
                                                                    List<Prediction<T>> predictions) {
        if (truth.size() != predictions.size()) {
            throw new IllegalArgumentException("Expected one prediction per test example: " + truth.size()
                    + " examples, " + predictions.size() + " predictions");
        }
        if (truth.isEmpty()) {
            throw new IllegalArgumentException("Cannot compute metrics on an empty test set");
        }
        List<T> predicted = new ArrayList<>(predictions.size());
        for (Prediction<T> p : predictions) {
            predicted.add(p.getOutput());
        }
        Map<Metric, Double> out = new EnumMap<>(Metric.class);
        if (factory instanceof LabelFactory) {
            List<Label> t = (List<Label>) truth;
            List<Label> p = (List<Label>) predicted;
            out.put(Metric.ACCURACY, accuracy(t, p));
            out.put(Metric.MACRO_F1, macroF1(t, p));
        } else if (factory instanceof RegressionFactory) {
            List<Regressor> t = (List<Regressor>) truth;
            List<Regressor> p = (List<Regressor>) predicted;
            out.put(Metric.MSE, mse(t, p));
            out.put(Metric.R2, r2(t, p));
        } else {
            forOutput(factory);
        }
        return out;
    }

    /** Fraction of positions where the label names agree. */
    public static double accuracy(List<Label> truth, List<Label> predicted) {
        int correct = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (truth.get(i).getLabel().equals(predicted.get(i).getLabel())) {
                correct++;
            }
        }
        return correct / (double) truth.size();
    }

    /**
     * Macro-averaged F1 over the classes occurring in the truth or the predictions; a class with no true and no
     * predicted positives cannot occur, and a class with zero precision and recall scores 0.
     */
    public static double macroF1(List<Label> truth, List<Label> predicted) {
        Set<String> classes = new LinkedHashSet<>();
        Map<String, int[]> counts = new HashMap<>(); // tp, fp, fn
        for (int i = 0; i < truth.size(); i++) {
            String t = truth.get(i).getLabel();
            String p = predicted.get(i).getLabel();
            classes.add(t);
            classes.add(p);
            if (t.equals(p)) {
                counts.computeIfAbsent(t, k -> new int[3])[0]++;
            } else {
                counts.computeIfAbsent(p, k -> new int[3])[1]++;
                counts.computeIfAbsent(t, k -> new int[3])[2]++;
            }
        }
        double sum = 0;
        for (String c : classes) {
            int[] k = counts.getOrDefault(c, new int[3]);
            int denominator = 2 * k[0] + k[1] + k[2];
            sum += denominator == 0 ? 0.0 : 2.0 * k[0] / denominator;
        }
        return sum / classes.size();
    }

    /** Mean squared error averaged over the output dimensions of the truth. */
    public static double mse(List<Regressor> truth, List<Regressor> predicted) {
        String[] dims = truth.get(0).getNames();
        double total = 0;
        for (String dim : dims) {
            double s = 0;
            for (int i = 0; i < truth.size(); i++) {
                double e = value(truth.get(i), dim) - value(predicted.get(i), dim);
                s += e * e;
            }
            total += s / truth.size();
        }
        return total / dims.length;
    }

    /**
     * R² averaged over output dimensions; a dimension whose test truth is constant contributes 0 when predicted
     * exactly and {@code -∞} otherwise, following the definition.
     */
    public static double r2(List<Regressor> truth, List<Regressor> predicted) {
        String[] dims = truth.get(0).getNames();
        double total = 0;
        for (String dim : dims) {
            double mean = 0;
            for (Regressor r : truth) {
                mean += value(r, dim);
            }
            mean /= truth.size();
            double sse = 0;
            double sst = 0;
            for (int i = 0; i < truth.size(); i++) {
                double t = value(truth.get(i), dim);
                double e = t - value(predicted.get(i), dim);
                sse += e * e;
                sst += (t - mean) * (t - mean);
            }
            total += sst == 0 ? (sse == 0 ? 0.0 : Double.NEGATIVE_INFINITY) : 1.0 - sse / sst;
        }
        return total / dims.length;
    }

    private static double value(Regressor r, String dim) {
        return r.getDimension(dim).orElseThrow(() -> new IllegalArgumentException(
                "Prediction lacks output dimension '" + dim + "'")).getValue();
    }
}
