package org.tl4j.instance.tradaboost;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.Approach;
import org.tl4j.core.FeatureMapping;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferTask;
import org.tl4j.core.learn.Seeds;
import org.tl4j.instance.WeightUse;
import org.tl4j.instance.WeightedFits;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two-stage TrAdaBoost.R2 (Pardoe &amp; Stone, <i>Boosting for regression transfer</i>, ICML 2010, Algorithm 3).
 * <p>
 * Stage one moves weight from the source to the target in {@code S} steps: starting from uniform weights, step
 * {@code t} fits the inner learner, computes AdaBoost.R2 adjusted errors {@code e_i} on all rows and multiplies the
 * source weights by {@code β_t^e_i}, with {@code β_t} found by bisection so that the target rows hold
 * {@code m/(n+m) + t/(S−1)·(1 − m/(n+m))} of the total weight; source rows the target model fits badly lose weight
 * first. Stage two, at every step, fits AdaBoost.R2′ ({@code N} rounds of AdaBoost.R2 that never change the
 * source weights) and estimates its error by {@code F}-fold cross-validation over the labelled target rows (the
 * source rows always train). The model of the step with the lowest cross-validated error is returned, so the
 * method can fall back to (boosted) target-only learning when the source does not help.
 * <p>
 * Reading of the paper where it is terse: AdaBoost.R2′'s round error is the weighted adjusted error of the target
 * rows (the rows it reweights); cross-validation uses {@code min(F, m)} folds and needs {@code m ≥ 2} labelled
 * target examples; the cross-validated error is the mean squared error.
 *
 * @see TrAdaBoostR2Strategy
 */
public final class TwoStageTrAdaBoostR2Strategy extends BoostingStrategy<Regressor> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("two-stage-tradaboost-r2",
            Approach.INSTANCE, SETTINGS, "instance-transfer", TransferTask.DATA_KIND,
            "Two-stage TrAdaBoost.R2 (Pardoe & Stone 2010): source weight annealed to the target, step chosen by target CV");

    @Config(description = "Stage-one steps S (source weight moved to the target in S-1 equal steps)")
    private int steps = 10;

    @Config(description = "AdaBoost.R2' rounds N per step")
    private int rounds = 10;

    @Config(description = "Cross-validation folds F over the labelled target examples")
    private int folds = 5;

    @Config(description = "Adjusted-error loss: linear, square or exponential")
    private BoostingWeights.Loss loss = BoostingWeights.Loss.LINEAR;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private TwoStageTrAdaBoostR2Strategy() {
    }

    /** The strategy with S = 10, N = 10, F = 5, linear loss and the given inner learner. */
    public TwoStageTrAdaBoostR2Strategy(Trainer<Regressor> inner) {
        super(inner);
    }

    @Override
    public void postConfig() {
        super.postConfig();
        if (steps < 2 || rounds < 1 || folds < 2) {
            throw new PropertyException("", "steps", "Invalid steps " + steps + ", rounds " + rounds + " or folds "
                    + folds + " (need steps >= 2, rounds >= 1, folds >= 2)");
        }
        if (loss == null) {
            throw new PropertyException("", "loss", "loss must be linear, square or exponential");
        }
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public String whyNotApplicable(TransferProblem<?> problem) {
        String why = super.whyNotApplicable(problem);
        if (why == null && ((TransferTask<?>) problem).targetTrain().size() < 2) {
            why = "strategy 'two-stage-tradaboost-r2' cross-validates over labelled target examples and needs at "
                    + "least 2; problem '" + problem.name() + "' has " + ((TransferTask<?>) problem).targetTrain().size();
        }
        return why;
    }

    @Override
    protected TransferModel<Regressor> fitTask(TransferTask<Regressor> task, long seed) {
        MutableDataset<Regressor> data = combined(task);
        int n = task.sourceSize();
        int m = task.targetTrain().size();
        List<Example<Regressor>> rows = new ArrayList<>(n + m);
        data.forEach(rows::add);
        double[][] y = RegressionBoosting.outputs(data);
        WeightUse use = use();
        int f = Math.min(folds, m);
        int[] fold = new int[m];
        int[] perm = PermutationSampler.natural(m);
        PermutationSampler.shuffle(Seeds.rng(Seeds.derive(seed, "target-folds")), perm);
        for (int k = 0; k < m; k++) {
            fold[perm[k]] = k % f;
        }
        double[] w = new double[n + m];
        Arrays.fill(w, 1.0 / (n + m));
        double[] cvError = new double[steps];
        RegressionBoosting.Ensemble best = null;
        int bestStep = -1;
        for (int t = 1; t <= steps; t++) {
            long stepSeed = Seeds.derive(seed, "step", t);
            cvError[t - 1] = crossValidate(rows, y, n, m, w, fold, f, use, Seeds.derive(stepSeed, "cv"), task.outputFactory());
            if (best == null || cvError[t - 1] < cvError[bestStep - 1]) {
                best = RegressionBoosting.adaBoostR2Prime(inner, use, rows, data, y, n, w, rounds, loss,
                        Seeds.derive(stepSeed, "model"));
                bestStep = t;
            }
            if (t < steps) {
                Model<Regressor> h = WeightedFits.train(inner, use, "two-stage step " + t, data, w,
                        Seeds.derive(stepSeed, "reweight"));
                double[] e = BoostingWeights.adjustedErrors(RegressionBoosting.residuals(h, rows, y), loss);
                double share = (double) m / (n + m) + (double) t / (steps - 1) * (1 - (double) m / (n + m));
                reweightSource(w, e, n, share);
            }
        }
        Map<String, Provenance> extra = new LinkedHashMap<>();
        extra.put("two-stage-tradaboost-r2.cv-errors", new StringProvenance("two-stage-tradaboost-r2.cv-errors",
                Arrays.toString(cvError)));
        extra.put("two-stage-tradaboost-r2.chosen-step", new IntProvenance("two-stage-tradaboost-r2.chosen-step", bestStep));
        extra.put("two-stage-tradaboost-r2.weight-use", new StringProvenance("two-stage-tradaboost-r2.weight-use", use.name()));
        BoostedRegressor ensemble = new BoostedRegressor("two-stage-tradaboost-r2",
                ensembleProvenance(BoostedRegressor.class, data, Map.of()), task.featureMap(), data.getOutputIDInfo(),
                best.members(), best.weights());
        return model(task, seed, FeatureMapping.identity(), ensemble, extra);
    }

    /**
     * Multiplies the source weights by {@code β^e_i}, with {@code β ∈ [0, 1]} found by bisection, so that the
     * target rows end with fraction {@code share} of the total weight (when source rows with {@code e_i = 0} alone
     * hold more than the source's share, all source rows are then scaled down alike); renormalises to sum 1.
     */
    static void reweightSource(double[] w, double[] e, int n, double share) {
        double target = 0;
        for (int i = n; i < w.length; i++) {
            target += w[i];
        }
        double wantSource = target * (1 - share) / share;
        if (share >= 1 - 1e-12) {
            Arrays.fill(w, 0, n, 0.0);
        } else {
            double lo = 0;
            double hi = 1;
            if (sourceMass(w, e, n, 1) > wantSource) {
                for (int k = 0; k < 100; k++) {
                    double mid = 0.5 * (lo + hi);
                    if (sourceMass(w, e, n, mid) > wantSource) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                double beta = 0.5 * (lo + hi);
                for (int i = 0; i < n; i++) {
                    w[i] *= Math.pow(beta, e[i]);
                }
                // Rows fitted exactly (e_i = 0) keep their weight for every β; if they alone exceed the source
                // share, scale all source rows down alike so that the share is still met.
                double left = sourceMass(w, e, n, 1);
                if (left > wantSource) {
                    for (int i = 0; i < n; i++) {
                        w[i] *= wantSource / left;
                    }
                }
            }
        }
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
    }

    private static double sourceMass(double[] w, double[] e, int n, double beta) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += w[i] * Math.pow(beta, e[i]);
        }
        return s;
    }

    /** Mean squared error of AdaBoost.R2′ over the target rows, each predicted by the fit without its fold. */
    private double crossValidate(List<Example<Regressor>> rows, double[][] y, int n, int m, double[] w, int[] fold,
                                 int folds, WeightUse use, long seed, OutputFactory<Regressor> factory) {
        double sse = 0;
        int count = 0;
        for (int r = 0; r < folds; r++) {
            MutableDataset<Regressor> train = new MutableDataset<>(
                    new SimpleDataSourceProvenance("two-stage fold " + r, factory), factory);
            List<Example<Regressor>> trainRows = new ArrayList<>();
            List<Double> trainW = new ArrayList<>();
            List<double[]> trainY = new ArrayList<>();
            List<Example<Regressor>> held = new ArrayList<>();
            List<double[]> heldY = new ArrayList<>();
            for (int i = 0; i < n + m; i++) {
                if (i >= n && fold[i - n] == r) {
                    held.add(rows.get(i));
                    heldY.add(y[i]);
                } else {
                    Example<Regressor> c = rows.get(i).copy();
                    train.add(c);
                    trainRows.add(c);
                    trainW.add(w[i]);
                    trainY.add(y[i]);
                }
            }
            double[] tw = new double[trainW.size()];
            for (int k = 0; k < tw.length; k++) {
                tw[k] = trainW.get(k);
            }
            RegressionBoosting.Ensemble e = RegressionBoosting.adaBoostR2Prime(inner, use, trainRows, train,
                    trainY.toArray(new double[0][]), n, tw, rounds, loss, Seeds.derive(seed, "fold", r));
            BoostedRegressor model = new BoostedRegressor("fold", ensembleProvenance(BoostedRegressor.class, train,
                    Map.of()), train.getFeatureIDMap(), train.getOutputIDInfo(), e.members(), e.weights());
            List<Prediction<Regressor>> p = model.predict(held);
            for (int k = 0; k < held.size(); k++) {
                double[] v = p.get(k).getOutput().getValues();
                for (int d = 0; d < v.length; d++) {
                    double diff = heldY.get(k)[d] - v[d];
                    sse += diff * diff;
                }
                count++;
            }
        }
        return sse / count;
    }

    /** Provides {@code two-stage-tradaboost-r2}. */
    /** Registers the strategy. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.regression(TwoStageTrAdaBoostR2Strategy::new));
        }
    }
}
