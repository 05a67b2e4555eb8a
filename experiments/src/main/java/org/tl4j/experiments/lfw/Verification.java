package org.tl4j.experiments.lfw;

import org.tl4j.core.math.SampleStatistics;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;
import org.tribuo.util.Util;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Face verification accuracy by the protocol of FaceNet's LFW validation (D. Sandberg's {@code validate_on_lfw},
 * after F. Schroff et al., <i>FaceNet</i>, CVPR 2015, and LFW's View 2 protocol): for each of the K folds, the
 * distance threshold is chosen on the other K−1 folds and applied to the held-out fold; a pair is declared "same
 * person" when its distance is below the threshold.
 * <ul>
 *   <li><b>Accuracy</b>: the threshold maximising training accuracy; candidates are the smallest distance (accept
 *   nothing), the midpoints between consecutive distinct training distances and just above the largest (accept
 *   everything) — the exact optimum rather than FaceNet's grid of steps of 0.01; ties go to the smallest threshold,
 *   as {@code argmax} over an ascending grid does. Reported: mean and standard deviation over folds (population
 *   standard deviation, as {@code numpy.std}).</li>
 *   <li><b>VAL@FAR</b>: the threshold is the largest one whose false-accept rate on the training folds stays at or
 *   below the target (FaceNet interpolates the training FAR curve instead); reported: the held-out validation rate
 *   (true-accept rate), mean ± standard deviation, and the mean held-out FAR.</li>
 *   <li><b>ROC, AUC and EER</b> over all pairs pooled (no threshold fitting): the exact empirical ROC with the
 *   score {@code −distance} and one point per distinct distance (tied pairs form one step), from (0, 0) to (1, 1),
 *   and its area by the trapezoid rule (equal to the Mann–Whitney statistic with ties counted half) — both from
 *   Tribuo's {@link LabelEvaluationUtil#generateROCCurve} and {@link Util#auc}, the definitions the rest of tl4j
 *   uses; and the equal error rate where the false-accept rate equals the false-reject rate, interpolated linearly
 *   along that ROC.</li>
 * </ul>
 * Means and standard deviations over folds are {@link SampleStatistics}'s.
 */
public final class Verification {

    /**
     * The protocol's results.
     *
     * @param foldAccuracy  held-out accuracy per fold
     * @param foldThreshold threshold chosen for each fold
     * @param accuracy      mean held-out accuracy
     * @param accuracyStd   population standard deviation over folds
     * @param farTarget     the target false-accept rate
     * @param foldVal       held-out validation rate per fold at the FAR threshold
     * @param foldFar       held-out false-accept rate per fold at that threshold
     * @param val           mean validation rate
     * @param valStd        its population standard deviation
     * @param far           mean held-out false-accept rate
     * @param auc           area under the pooled ROC curve
     * @param eer           equal error rate of the pooled ROC curve
     * @param rocFpr        the ROC's false-accept rates, ascending from 0 to 1
     * @param rocTpr        its true-accept rates
     */
    public record Result(double[] foldAccuracy, double[] foldThreshold, double accuracy, double accuracyStd,
                         double farTarget, double[] foldVal, double[] foldFar, double val, double valStd, double far,
                         double auc, double eer, double[] rocFpr, double[] rocTpr) {
        /** Number of folds. */
        public int folds() {
            return foldAccuracy.length;
        }
    }

    private Verification() {
    }

    /**
     * Runs the protocol.
     *
     * @param distance  distance of each pair (smaller means more alike); not modified
     * @param same      whether each pair shows one person
     * @param fold      each pair's fold, {@code 0..K−1} with {@code K ≥ 2}
     * @param farTarget target false-accept rate for VAL@FAR, in (0, 1)
     * @throws IllegalArgumentException if lengths differ, a distance is not finite, folds are not {@code 0..K−1},
     *                                  or some fold's training folds lack matched or mismatched pairs
     */
    public static Result evaluate(double[] distance, boolean[] same, int[] fold, double farTarget) {
        int n = distance.length;
        if (same.length != n || fold.length != n) {
            throw new IllegalArgumentException("Expected one distance, label and fold per pair, found " + n + ", "
                    + same.length + " and " + fold.length);
        }
        if (!(farTarget > 0 && farTarget < 1)) {
            throw new IllegalArgumentException("Invalid FAR target: " + farTarget + " (must be in (0, 1))");
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(distance[i])) {
                throw new IllegalArgumentException("Distance of pair " + i + " is " + distance[i] + ": every distance "
                        + "must be finite");
            }
            if (fold[i] < 0) {
                throw new IllegalArgumentException("Pair " + i + " has fold " + fold[i] + ": folds are 0..K-1");
            }
            k = Math.max(k, fold[i] + 1);
        }
        if (k < 2) {
            throw new IllegalArgumentException("The protocol needs at least 2 folds, found " + k);
        }
        double[] acc = new double[k];
        double[] thr = new double[k];
        double[] val = new double[k];
        double[] far = new double[k];
        for (int f = 0; f < k; f++) {
            boolean[] train = new boolean[n];
            int nTest = 0;
            for (int i = 0; i < n; i++) {
                train[i] = fold[i] != f;
                nTest += train[i] ? 0 : 1;
            }
            if (nTest == 0) {
                throw new IllegalArgumentException("Fold " + f + " holds no pairs: folds must be numbered 0.." + (k - 1)
                        + " without gaps");
            }
            thr[f] = accuracyThreshold(distance, same, train);
            acc[f] = accuracy(distance, same, train, false, thr[f]);
            double t = farThreshold(distance, same, train, farTarget);
            double[] vf = rates(distance, same, train, false, t);
            val[f] = vf[0];
            far[f] = vf[1];
        }
        LabelEvaluationUtil.ROC roc = roc(distance, same);
        return new Result(acc, thr, SampleStatistics.mean(acc), SampleStatistics.populationSd(acc), farTarget, val,
                far, SampleStatistics.mean(val), SampleStatistics.populationSd(val), SampleStatistics.mean(far),
                Util.auc(roc.fpr, roc.tpr), eer(roc.fpr, roc.tpr), roc.fpr, roc.tpr);
    }

    /**
     * The threshold maximising accuracy on the pairs where {@code use} is true (see the class documentation).
     */
    static double accuracyThreshold(double[] d, boolean[] same, boolean[] use) {
        Integer[] idx = indices(d, use);
        if (idx.length == 0) {
            throw new IllegalArgumentException("No pairs to choose a threshold on");
        }
        int nDiff = 0;
        for (int i : idx) {
            nDiff += same[i] ? 0 : 1;
        }
        int correct = nDiff;
        int best = correct;
        double bestT = d[idx[0]];
        int j = 0;
        while (j < idx.length) {
            double v = d[idx[j]];
            int g = j;
            while (g < idx.length && d[idx[g]] == v) {
                correct += same[idx[g]] ? 1 : -1;
                g++;
            }
            if (correct > best) {
                best = correct;
                bestT = g < idx.length ? (v + d[idx[g]]) / 2 : Math.nextUp(v);
            }
            j = g;
        }
        return bestT;
    }

    /**
     * The largest threshold whose false-accept rate on the pairs where {@code use} is true is at most
     * {@code target}.
     *
     * @throws IllegalArgumentException if those pairs include no mismatched pair
     */
    static double farThreshold(double[] d, boolean[] same, boolean[] use, double target) {
        List<Double> neg = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            if (use[i] && !same[i]) {
                neg.add(d[i]);
            }
        }
        if (neg.isEmpty()) {
            throw new IllegalArgumentException("The training folds hold no mismatched pairs: VAL@FAR is undefined");
        }
        neg.sort(Comparator.naturalOrder());
        int allowed = (int) Math.floor(target * neg.size() + 1e-9);
        return allowed >= neg.size() ? Math.nextUp(neg.get(neg.size() - 1)) : neg.get(allowed);
    }

    /** Accuracy on the pairs where {@code use == flag}, accepting distances below {@code t}. */
    static double accuracy(double[] d, boolean[] same, boolean[] use, boolean flag, double t) {
        int n = 0;
        int correct = 0;
        for (int i = 0; i < d.length; i++) {
            if (use[i] == flag) {
                n++;
                correct += (d[i] < t) == same[i] ? 1 : 0;
            }
        }
        return (double) correct / n;
    }

    /** {true-accept rate, false-accept rate} on the pairs where {@code use == flag}. */
    private static double[] rates(double[] d, boolean[] same, boolean[] use, boolean flag, double t) {
        int ps = 0;
        int pd = 0;
        int ta = 0;
        int fa = 0;
        for (int i = 0; i < d.length; i++) {
            if (use[i] != flag) {
                continue;
            }
            boolean accept = d[i] < t;
            if (same[i]) {
                ps++;
                ta += accept ? 1 : 0;
            } else {
                pd++;
                fa += accept ? 1 : 0;
            }
        }
        return new double[]{ps == 0 ? Double.NaN : (double) ta / ps, pd == 0 ? Double.NaN : (double) fa / pd};
    }

    /**
     * The empirical ROC over all pairs, scored by {@code −distance}: false- and true-accept rates from (0, 0) to
     * (1, 1), one point per distinct distance (Tribuo's {@link LabelEvaluationUtil#generateROCCurve}).
     *
     * @throws IllegalArgumentException unless there are matched and mismatched pairs
     */
    static LabelEvaluationUtil.ROC roc(double[] d, boolean[] same) {
        int pos = 0;
        for (boolean s : same) {
            pos += s ? 1 : 0;
        }
        int neg = d.length - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("A ROC needs matched and mismatched pairs, found " + pos + " and " + neg);
        }
        double[] score = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            score[i] = -d[i];
        }
        return LabelEvaluationUtil.generateROCCurve(same, score);
    }

    /** The equal error rate: where the false-accept rate equals the false-reject rate {@code 1 − tpr}. */
    static double eer(double[] fpr, double[] tpr) {
        for (int i = 1; i < fpr.length; i++) {
            double g0 = fpr[i - 1] - (1 - tpr[i - 1]);
            double g1 = fpr[i] - (1 - tpr[i]);
            if (g0 <= 0 && g1 >= 0) {
                double lambda = g1 == g0 ? 0 : -g0 / (g1 - g0);
                return fpr[i - 1] + lambda * (fpr[i] - fpr[i - 1]);
            }
        }
        return Double.NaN;
    }

    private static Integer[] indices(double[] d, boolean[] use) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            if (use[i]) {
                l.add(i);
            }
        }
        Integer[] idx = l.toArray(new Integer[0]);
        Arrays.sort(idx, Comparator.comparingDouble(i -> d[i]));
        return idx;
    }
}
