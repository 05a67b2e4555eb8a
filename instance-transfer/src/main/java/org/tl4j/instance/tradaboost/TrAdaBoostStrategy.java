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
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TrAdaBoost (Dai, Yang, Xue &amp; Yu, <i>Boosting for transfer learning</i>, ICML 2007): boosting over the union of
 * labelled source ({@code n} examples) and labelled target data ({@code m}) in which misclassified target examples
 * gain weight as in AdaBoost while misclassified source examples lose it, so source examples that contradict the
 * target fade out.
 * <p>
 * Faithful to the paper's Algorithm 1: all weights start at 1; in round {@code t} the inner learner is trained with
 * the normalised weights, {@code ε_t} is its weighted error on the target examples only (0–1 loss of the predicted
 * label, not of probabilities), {@code β_t = ε_t/(1 − ε_t)}, source weights are multiplied by
 * {@code β^[h_t(x) ≠ y]} with the fixed {@code β = 1/(1 + √(2 ln n / N))}, target weights by
 * {@code β_t^−[h_t(x) ≠ y]}; the final hypothesis is the vote of rounds {@code ⌈N/2⌉..N} with weights
 * {@code ln(1/β_t)}.
 * <p>
 * Where the paper is silent: (i) more than two classes: the indicator {@code [h(x) ≠ y]} replaces
 * {@code |h(x) − c(x)|} and the prediction is the label with the largest total vote, which for two classes is
 * Dai's rule {@code Π β_t^−h_t(x) ≥ Π β_t^−½} except on an exact tie of the two votes, which Dai gives to class 1
 * and tl4j to the lexicographically smallest label;
 * (ii) {@code ε_t ≥ ½} (no better than chance on the target, where the paper's analysis does not apply) is clipped to
 * ½, so the round gets no vote and leaves the target weights unchanged while the source update still applies; the
 * number of such rounds is recorded in provenance, and if every voting round is at chance the last round's
 * hypothesis decides; (iii) {@code ε_t = 0} is raised to {@code 10⁻¹⁰} (a finite vote); (iv) several sources are
 * pooled into the different-distribution set. Weights are renormalised every round (the rule is scale-free).
 *
 * @see TrAdaBoostR2Strategy
 * @see BoostingWeights
 */
public final class TrAdaBoostStrategy extends BoostingStrategy<Label> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("tradaboost", Approach.INSTANCE,
            SETTINGS, "instance-transfer", TransferTask.DATA_KIND,
            "TrAdaBoost (Dai et al. 2007): boosting that down-weights misclassified source and up-weights target examples");

    @Config(description = "Boosting rounds N (the vote uses rounds ceil(N/2)..N)")
    private int rounds = 30;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private TrAdaBoostStrategy() {
    }

    /** TrAdaBoost with 30 rounds and the given inner learner. */
    public TrAdaBoostStrategy(Trainer<Label> inner) {
        super(inner);
    }

    /** TrAdaBoost with {@code rounds} rounds. */
    public TrAdaBoostStrategy(Trainer<Label> inner, int rounds) {
        super(inner);
        this.rounds = rounds;
        postConfig();
    }

    @Override
    public void postConfig() {
        super.postConfig();
        if (rounds < 1) {
            throw new PropertyException("", "rounds", "Invalid rounds: " + rounds + " (must be >= 1)");
        }
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected TransferModel<Label> fitTask(TransferTask<Label> task, long seed) {
        MutableDataset<Label> data = combined(task);
        int n = task.sourceSize();
        int m = task.targetTrain().size();
        List<String> truth = new ArrayList<>(n + m);
        for (Example<Label> e : data) {
            truth.add(e.getOutput().getLabel());
        }
        WeightUse use = use();
        double beta = BoostingWeights.sourceBeta(n, rounds);
        double[] w = new double[n + m];
        Arrays.fill(w, 1.0);
        int firstVoter = (rounds + 1) / 2 - 1;
        List<Model<Label>> members = new ArrayList<>();
        double[] votes = new double[rounds - firstVoter];
        double[] errors = new double[rounds];
        int atChance = 0;
        double[] wrong = new double[n + m];
        for (int t = 0; t < rounds; t++) {
            Model<Label> h = WeightedFits.train(inner, use, "tradaboost round " + (t + 1), data, w,
                    Seeds.derive(seed, "round", t));
            List<Prediction<Label>> p = h.predict(data);
            for (int i = 0; i < n + m; i++) {
                wrong[i] = p.get(i).getOutput().getLabel().equals(truth.get(i)) ? 0 : 1;
            }
            errors[t] = BoostingWeights.weightedError(w, wrong, n, n + m);
            if (errors[t] >= 0.5) {
                atChance++;
            }
            double bt = BoostingWeights.roundBeta(errors[t]);
            double sum = 0;
            for (int i = 0; i < n + m; i++) {
                if (wrong[i] > 0) {
                    w[i] = i < n ? w[i] * beta : w[i] / bt;
                }
                sum += w[i];
            }
            for (int i = 0; i < n + m; i++) {
                w[i] *= (n + m) / sum;
            }
            if (t >= firstVoter) {
                members.add(h);
                votes[t - firstVoter] = BoostingWeights.voteWeight(bt);
            }
        }
        double sourceShare = 0;
        double total = 0;
        for (int i = 0; i < n + m; i++) {
            total += w[i];
            if (i < n) {
                sourceShare += w[i];
            }
        }
        Map<String, Provenance> extra = new LinkedHashMap<>();
        extra.put("tradaboost.source-beta", new DoubleProvenance("tradaboost.source-beta", beta));
        extra.put("tradaboost.target-errors", new StringProvenance("tradaboost.target-errors", Arrays.toString(errors)));
        extra.put("tradaboost.rounds-at-chance", new IntProvenance("tradaboost.rounds-at-chance", atChance));
        extra.put("tradaboost.final-source-weight-share",
                new DoubleProvenance("tradaboost.final-source-weight-share", sourceShare / total));
        extra.put("tradaboost.weight-use", new StringProvenance("tradaboost.weight-use", use.name()));
        BoostedClassifier ensemble = new BoostedClassifier("tradaboost", ensembleProvenance(BoostedClassifier.class,
                data, Map.of()), task.featureMap(), data.getOutputIDInfo(), members, votes);
        return model(task, seed, FeatureMapping.identity(), ensemble, extra);
    }

    /** Provides {@code tradaboost}. */
    /** Registers the strategy. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.labels(TrAdaBoostStrategy::new));
        }
    }
}
