package org.tl4j.core.eval;

import java.util.Arrays;

/**
 * Metrics of a binary scorer judged on a labelled test set: area under the ROC curve, area under the
 * precision–recall curve (Davis &amp; Goadrich interpolation), step-wise average precision, and the mean
 * conditional log-likelihood (CLL) with its negation, the log-loss.
 * <p>
 * All functions are pure: they take {@code scores} (any real numbers, higher means "more likely positive"; for
 * CLL and log-loss, probabilities of the positive value) and {@code positive} (the true labels) of equal, non-zero
 * length, never modify them, and reject non-finite scores, probabilities outside {@code [0, 1]}, mismatched lengths
 * and, for the areas, a test set without both classes, with a message naming the problem.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li><b>AUC-ROC</b> is the Mann–Whitney statistic: the probability that a random positive scores above a random
 *   negative, ties counted ½. This equals the trapezoidal area under the ROC curve through the points at every
 *   distinct score (what Tribuo's {@code LabelEvaluationUtil.binaryAUCROC} and scikit-learn's
 *   {@code roc_auc_score} compute). Mark Goadrich's AUCCalculator (used by BoostSRL and TreeBoostler) drops the
 *   leading ROC points that hold no positive and joins (0,0) straight to the first point with one; when the
 *   highest-scored examples are all negatives its value is therefore slightly larger than this one.</li>
 *   <li><b>AUC-PR</b> follows Davis &amp; Goadrich, "The relationship between precision-recall and ROC curves"
 *   (ICML 2006), as their AUCCalculator reports it with minimum recall 0 (BoostSRL's call): one PR point per
 *   distinct score (ties form one group), points with no true positive dropped; between consecutive points
 *   A and B the curve is interpolated at every intermediate true-positive count {@code TP_A + k} with
 *   {@code FP_A + k·(FP_B − FP_A)/(TP_B − TP_A)} false positives (not linearly in PR space); consecutive points
 *   are then joined by straight lines (trapezoids). <b>At recall 0</b> the curve is extended horizontally from
 *   its first point: the area between recall 0 and the recall of the first point (the highest-scored group holding
 *   a positive) is that recall times that point's precision. (AUCCalculator inserts a point at one true
 *   positive with the first point's precision when the first group holds several positives; since interpolation
 *   keeps the precision constant along that segment, the area is the same rectangle.)</li>
 *   <li><b>Average precision</b> is the step-wise sum {@code Σ (R_n − R_{n−1}) P_n} over distinct score thresholds
 *   taken from the highest, with {@code R_0 = 0} (scikit-learn's {@code average_precision_score}, Tribuo's
 *   {@code LabelEvaluationUtil.averagedPrecision}); it does not interpolate.</li>
 *   <li><b>CLL</b> is the mean over examples of {@code ln P(true value)} (natural logarithm): {@code ln p} for a
 *   positive, {@code ln(1 − p)} for a negative. As in BoostSRL's {@code ComputeAUC.getCLL}, a probability of
 *   exactly 0 for a positive is replaced by {@link #CLL_EPSILON} and one of exactly 1 for a negative by
 *   {@code 1 − CLL_EPSILON}, so one confident mistake costs {@code ln 1e-6 ≈ −13.8} rather than −∞; every
 *   other probability is used as it is. Log-loss is {@code −CLL} with the same rule.</li>
 * </ul>
 * Weighted variants weight each example (non-negative, finite weights, not all zero): AUC-ROC becomes the weighted
 * Mann–Whitney statistic, average precision uses weighted counts, CLL the weighted mean. The Davis–Goadrich area
 * interpolates in unit steps of true positives and so has no weighted form here.
 */
public final class RankingMetrics {

    /** The probability BoostSRL substitutes for a probability of exactly 0 given to the true value. */
    public static final double CLL_EPSILON = 1e-6;

    private RankingMetrics() {
    }

    /** Area under the ROC curve (Mann–Whitney, ties ½). */
    public static double aucRoc(double[] scores, boolean[] positive) {
        return aucRoc(scores, positive, null);
    }

    /**
     * Weighted area under the ROC curve: the weighted probability that a positive scores above a negative, ties ½.
     *
     * @param weights one non-negative weight per example, or {@code null} for unit weights
     */
    public static double aucRoc(double[] scores, boolean[] positive, double[] weights) {
        check(scores, positive, weights, "AUC-ROC");
        Groups g = Groups.of(scores, positive, weights, "AUC-ROC");
        // Walking from the highest score: each positive wins against every negative below its group, ties count ½.
        double negAbove = 0;
        double wins = 0;
        for (int k = 0; k < g.size; k++) {
            double negBelow = g.totalNeg - negAbove - g.neg[k];
            wins += g.pos[k] * (negBelow + 0.5 * g.neg[k]);
            negAbove += g.neg[k];
        }
        return wins / (g.totalPos * g.totalNeg);
    }

    /**
     * Area under the precision–recall curve with Davis &amp; Goadrich interpolation from recall 0, as Goadrich's
     * AUCCalculator reports it (see the class comment for every convention).
     */
    public static double aucPr(double[] scores, boolean[] positive) {
        check(scores, positive, null, "AUC-PR");
        Groups g = Groups.of(scores, positive, null, "AUC-PR");
        double totalPos = g.totalPos;
        // Cumulative (TP, FP) after each group of tied scores, highest first; points without a true positive dropped.
        double[] tp = new double[g.size];
        double[] fp = new double[g.size];
        int n = 0;
        double cumTp = 0;
        double cumFp = 0;
        for (int k = 0; k < g.size; k++) {
            cumTp += g.pos[k];
            cumFp += g.neg[k];
            if (cumTp > 0) {
                tp[n] = cumTp;
                fp[n] = cumFp;
                n++;
            }
        }
        double recall = tp[0] / totalPos;
        double precision = tp[0] / (tp[0] + fp[0]);
        double area = recall * precision;
        for (int k = 1; k < n; k++) {
            double dTp = tp[k] - tp[k - 1];
            double skew = (fp[k] - fp[k - 1]) / dTp;
            // Intermediate points at every whole true positive between the two, then the point itself.
            for (int step = 1; step <= dTp; step++) {
                double t = tp[k - 1] + step;
                double f = step == dTp ? fp[k] : fp[k - 1] + step * skew;
                double r = t / totalPos;
                double p = t / (t + f);
                area += (r - recall) * 0.5 * (p + precision);
                recall = r;
                precision = p;
            }
            if (dTp == 0) {
                // A group of negatives only: precision drops at constant recall, adding no area.
                precision = tp[k] / (tp[k] + fp[k]);
            }
        }
        return area;
    }

    /** Step-wise average precision over distinct thresholds (scikit-learn's {@code average_precision_score}). */
    public static double averagePrecision(double[] scores, boolean[] positive) {
        return averagePrecision(scores, positive, null);
    }

    /**
     * Weighted step-wise average precision: precision and recall from weighted counts.
     *
     * @param weights one non-negative weight per example, or {@code null} for unit weights
     */
    public static double averagePrecision(double[] scores, boolean[] positive, double[] weights) {
        check(scores, positive, weights, "average precision");
        Groups g = Groups.of(scores, positive, weights, "average precision");
        double tp = 0;
        double fp = 0;
        double previousRecall = 0;
        double ap = 0;
        for (int k = 0; k < g.size; k++) {
            tp += g.pos[k];
            fp += g.neg[k];
            double recall = tp / g.totalPos;
            if (recall > previousRecall) {
                ap += (recall - previousRecall) * (tp / (tp + fp));
                previousRecall = recall;
            }
        }
        return ap;
    }

    /**
     * Mean conditional log-likelihood {@code (1/n) Σ ln P(y_i)} of the true values under the predicted
     * probabilities of the positive value (natural log; BoostSRL's rule for probabilities of exactly 0 or 1, see the
     * class comment). Higher is better; 0 is perfect.
     */
    public static double conditionalLogLikelihood(double[] probabilities, boolean[] positive) {
        return conditionalLogLikelihood(probabilities, positive, null);
    }

    /**
     * Weighted mean conditional log-likelihood.
     *
     * @param weights one non-negative weight per example, or {@code null} for unit weights
     */
    public static double conditionalLogLikelihood(double[] probabilities, boolean[] positive, double[] weights) {
        check(probabilities, positive, weights, "conditional log-likelihood");
        double sum = 0;
        double total = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("conditional log-likelihood needs probabilities in [0, 1]: "
                        + "example " + i + " has " + p);
            }
            double ofTruth = positive[i] ? (p == 0 ? CLL_EPSILON : p) : (p == 1 ? CLL_EPSILON : 1 - p);
            double w = weight(weights, i);
            sum += w * Math.log(ofTruth);
            total += w;
        }
        return sum / total;
    }

    /** Log-loss (binary cross-entropy, natural log): {@code −conditionalLogLikelihood}. Lower is better. */
    public static double logLoss(double[] probabilities, boolean[] positive) {
        return -conditionalLogLikelihood(probabilities, positive, null);
    }

    /** Weighted log-loss: {@code −conditionalLogLikelihood(probabilities, positive, weights)}. */
    public static double logLoss(double[] probabilities, boolean[] positive, double[] weights) {
        return -conditionalLogLikelihood(probabilities, positive, weights);
    }

    private static void check(double[] scores, boolean[] positive, double[] weights, String metric) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(metric + " needs one label per score: " + scores.length
                    + " scores, " + positive.length + " labels");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException(metric + " needs at least one example; the test set is empty");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException(metric + " needs finite scores: example " + i + " has "
                        + scores[i]);
            }
        }
        if (weights != null) {
            if (weights.length != scores.length) {
                throw new IllegalArgumentException(metric + " needs one weight per score: " + scores.length
                        + " scores, " + weights.length + " weights");
            }
            double total = 0;
            for (int i = 0; i < weights.length; i++) {
                if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
                    throw new IllegalArgumentException(metric + " needs non-negative finite weights: example " + i
                            + " has " + weights[i]);
                }
                total += weights[i];
            }
            if (total == 0) {
                throw new IllegalArgumentException(metric + " needs a positive total weight; every weight is 0");
            }
        }
    }

    private static void requireBothClasses(double pos, double neg, String metric) {
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException(metric + " is undefined without both classes: the test set has "
                    + (pos == 0 ? "no positive" : "no negative") + " example (of non-zero weight)");
        }
    }

    private static double weight(double[] weights, int i) {
        return weights == null ? 1.0 : weights[i];
    }

    /**
     * The (weighted) positives and negatives at each distinct score, from the highest score down, with the totals.
     */
    private static final class Groups {
        final double[] pos;
        final double[] neg;
        final int size;
        final double totalPos;
        final double totalNeg;

        private Groups(double[] pos, double[] neg, int size, double totalPos, double totalNeg) {
            this.pos = pos;
            this.neg = neg;
            this.size = size;
            this.totalPos = totalPos;
            this.totalNeg = totalNeg;
        }

        static Groups of(double[] scores, boolean[] positive, double[] weights, String metric) {
            Integer[] order = new Integer[scores.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
            double[] pos = new double[scores.length];
            double[] neg = new double[scores.length];
            int size = 0;
            double totalPos = 0;
            double totalNeg = 0;
            for (int i = 0; i < order.length; i++) {
                int k = order[i];
                if (i == 0 || scores[k] != scores[order[i - 1]]) {
                    size++;
                }
                double w = weight(weights, k);
                if (positive[k]) {
                    pos[size - 1] += w;
                    totalPos += w;
                } else {
                    neg[size - 1] += w;
                    totalNeg += w;
                }
            }
            requireBothClasses(totalPos, totalNeg, metric);
            return new Groups(pos, neg, size, totalPos, totalNeg);
        }
    }
}
