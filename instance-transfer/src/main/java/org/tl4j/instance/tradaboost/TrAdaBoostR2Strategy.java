package org.tl4j.instance.tradaboost;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.Approach;
import org.tl4j.core.FeatureMapping;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferTask;
import org.tl4j.core.learn.Seeds;
import org.tl4j.instance.WeightUse;
import org.tl4j.instance.WeightedFits;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TrAdaBoost.R2 (Pardoe &amp; Stone, <i>Boosting for regression transfer</i>, ICML 2010): TrAdaBoost for regression
 * with the adjusted errors of AdaBoost.R2 (Drucker, ICML 1997). In round {@code t}, with residuals over all
 * {@code n + m} training rows and {@code D_t} their largest size, the adjusted error {@code e_i ∈ [0, 1]} is
 * {@code |r_i|/D_t} (linear loss; square and exponential are options); {@code ε_t} is the weighted adjusted error on
 * the target rows, {@code β_t = ε_t/(1 − ε_t)}; source weights are multiplied by {@code β^e_i} with
 * {@code β = 1/(1 + √(2 ln n / N))}, target weights by {@code β_t^−e_i}; the prediction is the weighted median of
 * rounds {@code ⌈N/2⌉..N} with weights {@code ln(1/β_t)}. {@code ε_t ≥ ½} and {@code ε_t = 0} are handled as in
 * {@link TrAdaBoostStrategy}. Pardoe &amp; Stone show that this direct adaptation lets source weights collapse too
 * quickly; {@link TwoStageTrAdaBoostR2Strategy} is their remedy.
 *
 * @see TwoStageTrAdaBoostR2Strategy
 * @see TrAdaBoostStrategy
 */
public final class TrAdaBoostR2Strategy extends BoostingStrategy<Regressor> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("tradaboost-r2", Approach.INSTANCE,
            SETTINGS, "instance-transfer", TransferTask.DATA_KIND,
            "TrAdaBoost.R2 (Pardoe & Stone 2010): TrAdaBoost for regression with AdaBoost.R2 adjusted errors");

    @Config(description = "Boosting rounds N (the median uses rounds ceil(N/2)..N)")
    private int rounds = 30;

    @Config(description = "Adjusted-error loss: linear, square or exponential")
    private BoostingWeights.Loss loss = BoostingWeights.Loss.LINEAR;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private TrAdaBoostR2Strategy() {
    }

    /** TrAdaBoost.R2 with 30 rounds, linear loss and the given inner learner. */
    public TrAdaBoostR2Strategy(Trainer<Regressor> inner) {
        super(inner);
    }

    @Override
    public void postConfig() {
        super.postConfig();
        if (rounds < 1) {
            throw new PropertyException("", "rounds", "Invalid rounds: " + rounds + " (must be >= 1)");
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
    protected TransferModel<Regressor> fitTask(TransferTask<Regressor> task, long seed) {
        MutableDataset<Regressor> data = combined(task);
        int n = task.sourceSize();
        int m = task.targetTrain().size();
        List<Example<Regressor>> rows = new ArrayList<>(n + m);
        data.forEach(rows::add);
        double[][] y = RegressionBoosting.outputs(data);
        WeightUse use = use();
        double beta = BoostingWeights.sourceBeta(n, rounds);
        double[] w = new double[n + m];
        Arrays.fill(w, 1.0);
        int firstVoter = (rounds + 1) / 2 - 1;
        List<Model<Regressor>> members = new ArrayList<>();
        double[] weights = new double[rounds - firstVoter];
        double[] errors = new double[rounds];
        int atChance = 0;
        for (int t = 0; t < rounds; t++) {
            Model<Regressor> h = WeightedFits.train(inner, use, "tradaboost-r2 round " + (t + 1), data, w,
                    Seeds.derive(seed, "round", t));
            double[] e = BoostingWeights.adjustedErrors(RegressionBoosting.residuals(h, rows, y), loss);
            errors[t] = BoostingWeights.weightedError(w, e, n, n + m);
            if (errors[t] >= 0.5) {
                atChance++;
            }
            double bt = BoostingWeights.roundBeta(errors[t]);
            double sum = 0;
            for (int i = 0; i < n + m; i++) {
                w[i] *= i < n ? Math.pow(beta, e[i]) : Math.pow(bt, -e[i]);
                sum += w[i];
            }
            for (int i = 0; i < n + m; i++) {
                w[i] *= (n + m) / sum;
            }
            if (t >= firstVoter) {
                members.add(h);
                weights[t - firstVoter] = BoostingWeights.voteWeight(bt);
            }
        }
        if (Arrays.stream(weights).sum() == 0) {
            Arrays.fill(weights, 0);
            weights[weights.length - 1] = 1; // every voting round at chance: the last one decides
        }
        Map<String, Provenance> extra = new LinkedHashMap<>();
        extra.put("tradaboost-r2.source-beta", new DoubleProvenance("tradaboost-r2.source-beta", beta));
        extra.put("tradaboost-r2.target-errors", new StringProvenance("tradaboost-r2.target-errors", Arrays.toString(errors)));
        extra.put("tradaboost-r2.rounds-at-chance", new IntProvenance("tradaboost-r2.rounds-at-chance", atChance));
        extra.put("tradaboost-r2.weight-use", new StringProvenance("tradaboost-r2.weight-use", use.name()));
        BoostedRegressor ensemble = new BoostedRegressor("tradaboost-r2", ensembleProvenance(BoostedRegressor.class,
                data, Map.of()), task.featureMap(), data.getOutputIDInfo(), members, weights);
        return model(task, seed, FeatureMapping.identity(), ensemble, extra);
    }

    /** Provides {@code tradaboost-r2}. */
    /** Registers the strategy. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.regression(TrAdaBoostR2Strategy::new));
        }
    }
}
