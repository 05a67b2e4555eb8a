package org.tl4j.core.eval;

import org.tl4j.core.NamedProviders;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The built-in {@link Metric}s and the defaults per output type.
 * <p>
 * Classification ({@link Label}): {@link #ACCURACY}, {@link #MACRO_F1} (the default pair, primary first), and the
 * score-based {@link #AUC_ROC}, {@link #AVERAGE_PRECISION} (step-wise area under the precision–recall curve, as
 * scikit-learn's {@code average_precision_score}), {@link #AUC_PR} (area under the precision–recall curve with the
 * interpolation of Davis &amp; Goadrich, ICML 2006, as the relational-learning literature reports it),
 * {@link #LOG_LOSS} and {@link #CLL} (mean conditional log-likelihood of the true class, {@code −log_loss}). The
 * ranking metrics are computed for one positive class when a problem names it ({@link #aucRoc(String)},
 * {@link #aucPr(String)}, {@link #averagePrecision(String)}) and otherwise averaged one-vs-rest over the classes
 * of the test truth that have both positive and negative examples (for two classes and AUC-ROC this equals the
 * binary value). Regression ({@link Regressor}): {@link #MSE}, {@link #R2}.
 * <p>
 * The ranking and likelihood computations are {@link RankingMetrics}' (checked against Tribuo's
 * {@code LabelEvaluationUtil} where it computes the same thing).
 */
public final class Metrics {
    private Metrics() {
    }

    /** Fraction of test examples classified correctly. */
    public static final Metric ACCURACY = new Builtin("accuracy", "fraction of test examples classified correctly",
            Kind.CLASSIFICATION, true, "") {
        @Override
        double value(List<?> truth, List<? extends Prediction<?>> predictions) {
            return accuracy(labels(truth), predicted(predictions));
        }
    };

    /** Unweighted mean over classes of the F1 score (classes seen in the truth or the predictions). */
    public static final Metric MACRO_F1 = new Builtin("macro_f1", "unweighted mean over classes of the F1 score",
            Kind.CLASSIFICATION, true, "") {
        @Override
        double value(List<?> truth, List<? extends Prediction<?>> predictions) {
            return macroF1(labels(truth), predicted(predictions));
        }
    };

    /** Mean squared error, averaged over output dimensions. */
    public static final Metric MSE = new Builtin("mse", "mean squared error, averaged over output dimensions",
            Kind.REGRESSION, false, "") {
        @Override
        double value(List<?> truth, List<? extends Prediction<?>> predictions) {
            return mse(regressors(truth), predictedRegressors(predictions));
        }
    };

    /** Coefficient of determination {@code 1 − SSE/SST}, averaged over output dimensions. */
    public static final Metric R2 = new Builtin("r2", "coefficient of determination 1 - SSE/SST, averaged over "
            + "output dimensions", Kind.REGRESSION, true, "") {
        @Override
        double value(List<?> truth, List<? extends Prediction<?>> predictions) {
            return r2(regressors(truth), predictedRegressors(predictions));
        }
    };

    /** Area under the ROC curve, one-vs-rest averaged over classes. */
    public static final Metric AUC_ROC = aucRoc(null);
    /** Average precision (step-wise area under the precision–recall curve), one-vs-rest averaged. */
    public static final Metric AVERAGE_PRECISION = averagePrecision(null);
    /** Area under the precision–recall curve with Davis–Goadrich interpolation, one-vs-rest averaged. */
    public static final Metric AUC_PR = aucPr(null);

    /**
     * Mean negative log-probability of the true class (natural logarithm; a probability of exactly 0 counts as
     * {@link RankingMetrics#CLL_EPSILON}, BoostSRL's rule).
     */
    public static final Metric LOG_LOSS = new Builtin("log_loss", "mean negative log-probability of the true class",
            Kind.CLASSIFICATION, false, "class probabilities") {
        @Override
        double value(List<?> truth, List<? extends Prediction<?>> predictions) {
            double[] p = trueClassProbabilities(labels(truth), predictions);
            return p == null ? Double.NaN : -meanLog(p);
        }
    };

    /**
     * Mean conditional log-likelihood of the true class (natural logarithm, {@link RankingMetrics}' rule for a
     * probability of exactly 0); {@code −log_loss}. Higher is better; its error is {@code −value}.
     */
    public static final Metric CLL = new Builtin("cll", "mean conditional log-likelihood of the true class",
            Kind.CLASSIFICATION, true, "class probabilities") {
        @Override
        double value(List<?> truth, List<? extends Prediction<?>> predictions) {
            double[] p = trueClassProbabilities(labels(truth), predictions);
            return p == null ? Double.NaN : meanLog(p);
        }

        @Override
        public double error(double value) {
            return -value;
        }
    };

    private static final List<Metric> BUILT_IN = List.of(ACCURACY, MACRO_F1, MSE, R2, AUC_ROC, AUC_PR,
            AVERAGE_PRECISION, LOG_LOSS, CLL);

    /** The built-in metrics. */
    public static List<Metric> builtIn() {
        return BUILT_IN;
    }

    /**
     * AUC-ROC for the positive class {@code positive}, or one-vs-rest averaged when {@code null}. Ties in the scores
     * count one half (the Mann–Whitney statistic).
     */
    public static Metric aucRoc(String positive) {
        return new Ranking("auc_roc", "area under the ROC curve", positive) {
            @Override
            double rank(boolean[] y, double[] s) {
                return RankingMetrics.aucRoc(s, y);
            }
        };
    }

    /** Average precision (as scikit-learn's {@code average_precision_score}) for {@code positive}, or one-vs-rest. */
    public static Metric averagePrecision(String positive) {
        return new Ranking("average_precision", "average precision (step-wise area under the precision-recall curve)",
                positive) {
            @Override
            double rank(boolean[] y, double[] s) {
                return RankingMetrics.averagePrecision(s, y);
            }
        };
    }

    /** Area under the precision–recall curve, Davis–Goadrich interpolation, for {@code positive} or one-vs-rest. */
    public static Metric aucPr(String positive) {
        return new Ranking("auc_pr", "area under the precision-recall curve (Davis-Goadrich interpolation)",
                positive) {
            @Override
            double rank(boolean[] y, double[] s) {
                return RankingMetrics.aucPr(s, y);
            }
        };
    }

    /**
     * The metrics reported for an output type by default, primary first: accuracy and macro-F1 for
     * classification, MSE and R² for regression.
     *
     * @throws IllegalArgumentException for output types without default metrics
     */
    public static List<Metric> defaultFor(OutputFactory<?> factory) {
        if (factory instanceof LabelFactory) {
            return List.of(ACCURACY, MACRO_F1);
        } else if (factory instanceof RegressionFactory) {
            return List.of(MSE, R2);
        }
        throw new IllegalArgumentException("No default metrics for outputs of type "
                + factory.getUnknownOutput().getClass().getSimpleName() + ": declare the problem's metrics "
                + "(TransferProblem.metrics())");
    }

    /**
     * The built-in metric called {@code name} (case-insensitive; {@code auc_roc:CLASS} names a positive class for
     * the ranking metrics).
     *
     * @throws IllegalArgumentException for an unknown name, listing the closest known ones
     */
    public static Metric named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        int colon = n.indexOf(':');
        if (colon > 0) {
            String base = n.substring(0, colon);
            String positive = name.trim().substring(colon + 1);
            if (positive.isEmpty()) {
                throw new IllegalArgumentException("Metric '" + name + "' names no positive class after ':'");
            }
            return switch (base) {
                case "auc_roc" -> aucRoc(positive);
                case "auc_pr" -> aucPr(positive);
                case "average_precision" -> averagePrecision(positive);
                default -> throw new IllegalArgumentException("Metric '" + base + "' takes no positive class; "
                        + "only auc_roc, auc_pr and average_precision do");
            };
        }
        for (Metric m : BUILT_IN) {
            if (m.name().equals(n)) {
                return m;
            }
        }
        List<String> names = new ArrayList<>();
        for (Metric m : BUILT_IN) {
            names.add(m.name());
        }
        List<String> close = NamedProviders.closest(n, names);
        throw new IllegalArgumentException("Unknown metric '" + name + "'"
                + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)")
                + "; known: " + String.join(", ", names));
    }

    /**
     * The values of {@code metrics}, in order. A metric that does not apply to the output type is an error; one
     * whose needs the predictions do not meet gives {@link Double#NaN}.
     *
     * @throws IllegalArgumentException if the sizes differ or the lists are empty
     */
    public static <T extends Output<T>> Map<Metric, Double> compute(List<Metric> metrics, OutputFactory<T> factory,
                                                                    List<T> truth, List<Prediction<T>> predictions) {
        Map<Metric, Double> out = new LinkedHashMap<>();
        for (Metric m : metrics) {
            out.put(m, m.compute(factory, truth, predictions));
        }
        return out;
    }

    /** The default metrics of the output type ({@link #defaultFor(OutputFactory)}). */
    public static <T extends Output<T>> Map<Metric, Double> compute(OutputFactory<T> factory, List<T> truth,
                                                                    List<Prediction<T>> predictions) {
        return compute(defaultFor(factory), factory, truth, predictions);
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

    /**
     * The probability each prediction gives the true class, or {@code null} when a prediction carries no
     * probabilities (e.g. nearest neighbours, SVMs).
     */
    private static double[] trueClassProbabilities(List<Label> truth, List<? extends Prediction<?>> predictions) {
        double[] p = new double[truth.size()];
        for (int i = 0; i < p.length; i++) {
            Prediction<?> pr = predictions.get(i);
            if (!pr.hasProbabilities()) {
                return null;
            }
            Output<?> o = pr.getOutputScores().get(truth.get(i).getLabel());
            p[i] = o == null ? 0.0 : ((Label) o).getScore();
        }
        return p;
    }

    /** Mean log-probability of the true class: the conditional log-likelihood with every example positive. */
    private static double meanLog(double[] p) {
        boolean[] truth = new boolean[p.length];
        java.util.Arrays.fill(truth, true);
        return RankingMetrics.conditionalLogLikelihood(p, truth);
    }

    @SuppressWarnings("unchecked")
    private static List<Label> labels(List<?> truth) {
        return (List<Label>) truth;
    }

    @SuppressWarnings("unchecked")
    private static List<Regressor> regressors(List<?> truth) {
        return (List<Regressor>) truth;
    }

    private static List<Label> predicted(List<? extends Prediction<?>> predictions) {
        List<Label> out = new ArrayList<>(predictions.size());
        for (Prediction<?> p : predictions) {
            out.add((Label) p.getOutput());
        }
        return out;
    }

    private static List<Regressor> predictedRegressors(List<? extends Prediction<?>> predictions) {
        List<Regressor> out = new ArrayList<>(predictions.size());
        for (Prediction<?> p : predictions) {
            out.add((Regressor) p.getOutput());
        }
        return out;
    }

    /** Output types a built-in metric measures. */
    private enum Kind {
        CLASSIFICATION, REGRESSION;

        boolean accepts(OutputFactory<?> f) {
            return this == CLASSIFICATION ? f instanceof LabelFactory : f instanceof RegressionFactory;
        }
    }

    /** A built-in metric: equality by name, checks shared by all. */
    private abstract static class Builtin implements Metric {
        private final String name;
        private final String description;
        private final Kind kind;
        private final boolean higherIsBetter;
        private final String needs;

        Builtin(String name, String description, Kind kind, boolean higherIsBetter, String needs) {
            this.name = name;
            this.description = description;
            this.kind = kind;
            this.higherIsBetter = higherIsBetter;
            this.needs = needs;
        }

        abstract double value(List<?> truth, List<? extends Prediction<?>> predictions);

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public boolean higherIsBetter() {
            return higherIsBetter;
        }

        @Override
        public double error(double value) {
            return higherIsBetter ? 1.0 - value : value;
        }

        @Override
        public boolean appliesTo(OutputFactory<?> factory) {
            return kind.accepts(factory);
        }

        @Override
        public String needs() {
            return needs;
        }

        @Override
        public <T extends Output<T>> double compute(OutputFactory<T> factory, List<T> truth,
                                                    List<Prediction<T>> predictions) {
            Objects.requireNonNull(factory, "factory");
            if (!appliesTo(factory)) {
                throw new IllegalArgumentException("Metric '" + name + "' measures "
                        + (kind == Kind.CLASSIFICATION ? "class labels" : "regression outputs") + ", not outputs of type "
                        + factory.getUnknownOutput().getClass().getSimpleName());
            }
            if (truth.size() != predictions.size()) {
                throw new IllegalArgumentException("Expected one prediction per test example: " + truth.size()
                        + " examples, " + predictions.size() + " predictions");
            }
            if (truth.isEmpty()) {
                throw new IllegalArgumentException("Cannot compute metric '" + name + "' on an empty test set");
            }
            return value(truth, predictions);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Metric m && m.name().equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A ranking metric over class scores, for one positive class or one-vs-rest averaged. */
    private abstract static class Ranking extends Builtin {
        private final String positive;

        Ranking(String name, String description, String positive) {
            super(name, positive == null ? description + ", one-vs-rest average over classes"
                    : description + " for class '" + positive + "'", Kind.CLASSIFICATION, true, "class scores");
            this.positive = positive;
        }

        abstract double rank(boolean[] y, double[] scores);

        @Override
        double value(List<?> truth, List<? extends Prediction<?>> predictions) {
            List<Label> t = labels(truth);
            for (Prediction<?> p : predictions) {
                if (p.getOutputScores().isEmpty()) {
                    return Double.NaN;
                }
            }
            Set<String> classes = new TreeSet<>();
            if (positive != null) {
                classes.add(positive);
            } else {
                for (Label l : t) {
                    classes.add(l.getLabel());
                }
            }
            double sum = 0;
            int used = 0;
            for (String c : classes) {
                boolean[] y = new boolean[t.size()];
                double[] s = new double[t.size()];
                int pos = 0;
                for (int i = 0; i < y.length; i++) {
                    y[i] = t.get(i).getLabel().equals(c);
                    pos += y[i] ? 1 : 0;
                    Output<?> o = predictions.get(i).getOutputScores().get(c);
                    // A class the model gives no score ranks below every scored one.
                    s[i] = o == null ? -Double.MAX_VALUE : ((Label) o).getScore();
                }
                if (pos == 0 || pos == y.length) {
                    if (positive != null) {
                        throw new IllegalArgumentException("Metric '" + name() + "' for class '" + positive
                                + "' needs test examples of that class and of others; the test set has "
                                + (pos == 0 ? "none of it" : "only it"));
                    }
                    continue;
                }
                sum += rank(y, s);
                used++;
            }
            return used == 0 ? Double.NaN : sum / used;
        }
    }
}
