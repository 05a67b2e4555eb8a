package org.tl4j.parameter;

import org.tl4j.core.learn.Seeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Chooses a transfer strength (a penalty weight, a mixing weight, a number of fine-tuning steps) by K-fold
 * cross-validation on the labelled target data — the only labelled data of the target task, so the only honest
 * judge of how much the source should count (test labels are never read). Folds are deterministic: for regression
 * {@link Seeds#folds}; for classification stratified, each class's rows in the order of
 * {@link Seeds#permutation} (one stream per class) dealt to the folds in turn, so every fold sees every class that
 * has at least K rows. Each fold's scorer returns the summed held-out loss of every candidate at once (a fine-tuning
 * path is scored in one run); the candidate with the smallest total wins, ties going to the first in grid order.
 */
public final class TargetCrossValidation {

    /** Folds used when the target has enough rows. */
    public static final int DEFAULT_FOLDS = 5;

    private TargetCrossValidation() {
    }

    /** Scores every candidate on one fold. */
    @FunctionalInterface
    public interface FoldScorer {
        /**
         * The summed held-out loss of each candidate when trained on rows {@code train} and judged on {@code test}
         * ({@code +∞} for a candidate that cannot be fitted on this fold, e.g. a singular system).
         */
        double[] heldOutLoss(int[] train, int[] test);
    }

    /**
     * The outcome.
     *
     * @param best      index of the chosen candidate
     * @param meanLoss  mean held-out loss per row of every candidate
     * @param folds     folds used
     */
    public record Selection(int best, double[] meanLoss, int folds) {
        /** Copies. */
        public Selection {
            meanLoss = meanLoss.clone();
        }

        /** A copy of the losses. */
        @Override
        public double[] meanLoss() {
            return meanLoss.clone();
        }

        /** The losses as {@code label=loss} pairs, for provenance. */
        public String describe(double[] grid) {
            StringJoiner j = new StringJoiner(", ", folds + "-fold CV on the labelled target: ", "");
            for (int i = 0; i < grid.length; i++) {
                j.add(String.format(Locale.ROOT, "%g=%.6g", grid[i], meanLoss[i]));
            }
            return j.toString();
        }
    }

    /**
     * The fold of each of the target's rows.
     *
     * @param labels class ids of the rows, or {@code null} for regression (no stratification)
     * @param k      folds, at least 2 and at most the number of rows
     */
    public static int[] folds(int[] labels, int n, int k, long seed) {
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("Cross-validation needs 2 <= folds <= rows; given " + k + " folds for "
                    + n + " rows");
        }
        if (labels == null) {
            return Seeds.folds(n, k, seed);
        }
        int classes = Arrays.stream(labels).max().orElse(0) + 1;
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            members.get(labels[i]).add(i);
        }
        int[] fold = new int[n];
        int dealt = 0;
        for (int c = 0; c < classes; c++) {
            List<Integer> m = members.get(c);
            int[] perm = Seeds.permutation(m.size(), Seeds.derive(seed, "cv-class", c));
            for (int p : perm) {
                fold[m.get(p)] = dealt++ % k;
            }
        }
        return fold;
    }

    /**
     * Runs the cross-validation.
     *
     * @param candidates number of candidates the scorer scores
     * @param labels     class ids of the target rows, or {@code null} for regression
     * @param n          target rows
     * @param k          requested folds; fewer when the target has fewer rows (at least 2 rows are needed)
     * @throws IllegalArgumentException with fewer than two target rows
     */
    public static Selection select(int candidates, int[] labels, int n, int k, long seed, FoldScorer scorer) {
        if (n < 2) {
            throw new IllegalArgumentException("Choosing the transfer strength by cross-validation needs at least 2 "
                    + "labelled target examples, found " + n + ": give the strength explicitly");
        }
        int folds = Math.min(k, n);
        int[] fold = folds(labels, n, folds, seed);
        double[] total = new double[candidates];
        for (int f = 0; f < folds; f++) {
            int[] train = rowsWhere(fold, f, false);
            int[] test = rowsWhere(fold, f, true);
            double[] loss = scorer.heldOutLoss(train, test);
            if (loss.length != candidates) {
                throw new IllegalStateException("The scorer returned " + loss.length + " losses for " + candidates
                        + " candidates");
            }
            for (int c = 0; c < candidates; c++) {
                total[c] += Double.isNaN(loss[c]) ? Double.POSITIVE_INFINITY : loss[c];
            }
        }
        int best = -1;
        for (int c = 0; c < candidates; c++) {
            total[c] /= n;
            if (total[c] < Double.POSITIVE_INFINITY && (best < 0 || total[c] < total[best])) {
                best = c;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("No candidate could be fitted on every cross-validation fold of the "
                    + n + " labelled target examples");
        }
        return new Selection(best, total, folds);
    }

    private static int[] rowsWhere(int[] fold, int f, boolean equal) {
        int c = 0;
        for (int v : fold) {
            if ((v == f) == equal) {
                c++;
            }
        }
        int[] out = new int[c];
        int j = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == f) == equal) {
                out[j++] = i;
            }
        }
        return out;
    }

    /** The grid {@code 10^from}, {@code 10^(from+½)}, …, {@code 10^to} (half-decades). */
    public static double[] halfDecades(int from, int to) {
        double[] g = new double[2 * (to - from) + 1];
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.pow(10, from + 0.5 * i);
        }
        return g;
    }

    /** The mean negative log-probability contribution of a true-class probability, floored as tl4j's log-loss. */
    public static double logLoss(double trueClassProbability) {
        return -Math.log(Math.max(trueClassProbability, org.tl4j.core.eval.RankingMetrics.CLL_EPSILON));
    }
}
