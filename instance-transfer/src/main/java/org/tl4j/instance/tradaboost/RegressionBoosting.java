package org.tl4j.instance.tradaboost;

import org.tl4j.core.learn.Seeds;
import org.tl4j.instance.WeightUse;
import org.tl4j.instance.WeightedFits;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.List;

/**
 * Regression helpers of the TrAdaBoost.R2 family: residuals of a model on its training rows and AdaBoost.R2′,
 * the AdaBoost.R2 of Drucker (ICML 1997) in which the source rows' weights are never changed (Pardoe &amp; Stone,
 * ICML 2010).
 */
final class RegressionBoosting {
    private RegressionBoosting() {
    }

    /** The output values of every example (the Euclidean norm is used for residuals of several dimensions). */
    static double[][] outputs(Dataset<Regressor> data) {
        double[][] y = new double[data.size()][];
        int i = 0;
        for (Example<Regressor> e : data) {
            y[i++] = e.getOutput().getValues();
        }
        return y;
    }

    /** Residual size {@code ‖y_i − h(x_i)‖} of every row (the absolute residual for one output dimension). */
    static double[] residuals(Model<Regressor> h, List<Example<Regressor>> rows, double[][] y) {
        List<Prediction<Regressor>> p = h.predict(rows);
        double[] r = new double[rows.size()];
        for (int i = 0; i < r.length; i++) {
            double[] v = p.get(i).getOutput().getValues();
            double s = 0;
            for (int k = 0; k < v.length; k++) {
                double d = y[i][k] - v[k];
                s += d * d;
            }
            r[i] = Math.sqrt(s);
        }
        return r;
    }

    /**
     * One AdaBoost.R2′ weight update: target rows ({@code n..}) are multiplied by {@code β^(1 − e_i)} and divided by
     * {@code Z}, which keeps their total, so the source share chosen in stage 1 holds in every round and boosting
     * only moves weight among the target rows; source rows are untouched.
     *
     * @return false when every target weight underflowed to 0 (nothing left to boost)
     */
    static boolean reweightTarget(double[] w, double[] e, int n, double beta) {
        double before = 0;
        for (int i = n; i < w.length; i++) {
            before += w[i];
        }
        double after = 0;
        for (int i = n; i < w.length; i++) {
            w[i] *= Math.pow(beta, 1 - e[i]);
            after += w[i];
        }
        if (!(after > 0)) {
            return false;
        }
        double z = before / after;
        for (int i = n; i < w.length; i++) {
            w[i] *= z;
        }
        return true;
    }

    /** An ensemble: members and their median weights. */
    record Ensemble(List<Model<Regressor>> members, double[] weights) {
    }

    /**
     * AdaBoost.R2′: {@code rounds} rounds of AdaBoost.R2 on all rows with the weights of rows {@code 0..n−1} held
     * fixed. The round error {@code L̄} is the weighted adjusted error of the target rows (the rows whose weights
     * boosting changes); target weights are multiplied by {@code β_k^(1 − e_i)} and divided by {@code Z_k}, which
     * keeps their total (so the source share chosen in stage 1 holds in every round); boosting stops when
     * {@code L̄ ≥ ½} (keeping the first round if it is the one that stops).
     */
    static Ensemble adaBoostR2Prime(Trainer<Regressor> inner, WeightUse use, List<Example<Regressor>> rows,
                                    Dataset<Regressor> data, double[][] y, int n, double[] start, int rounds,
                                    BoostingWeights.Loss loss, long seed) {
        int total = rows.size();
        double[] w = start.clone();
        List<Model<Regressor>> members = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int k = 0; k < rounds; k++) {
            Model<Regressor> h = WeightedFits.train(inner, use, "adaboost.r2' round " + (k + 1), data, w,
                    Seeds.derive(seed, "adaboost-r2", k));
            double[] e = BoostingWeights.adjustedErrors(residuals(h, rows, y), loss);
            double err = BoostingWeights.weightedError(w, e, n, total);
            if (err >= 0.5) {
                if (members.isEmpty()) {
                    members.add(h);
                    weights.add(1.0);
                }
                break;
            }
            double bk = Math.max(BoostingWeights.MIN_ERROR, err) / (1 - Math.max(BoostingWeights.MIN_ERROR, err));
            members.add(h);
            weights.add(BoostingWeights.voteWeight(bk));
            if (!reweightTarget(w, e, n, bk)) {
                break; // every target weight underflowed: nothing left to boost
            }
        }
        double[] wa = new double[weights.size()];
        for (int k = 0; k < wa.length; k++) {
            wa[k] = weights.get(k);
        }
        return new Ensemble(members, wa);
    }
}
