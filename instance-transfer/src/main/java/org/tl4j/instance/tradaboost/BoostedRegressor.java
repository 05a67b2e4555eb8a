package org.tl4j.instance.tradaboost;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.regression.Regressor;
import org.tribuo.provenance.ModelProvenance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weighted median of regressors, per output dimension (the combination rule of AdaBoost.R2, Drucker 1997, and
 * of the TrAdaBoost.R2 family, with weights {@code ln(1/β_t)}). Immutable.
 *
 * @see TrAdaBoostR2Strategy
 * @see TwoStageTrAdaBoostR2Strategy
 */
public final class BoostedRegressor extends Model<Regressor> {
    private static final long serialVersionUID = 1L;

    private final List<Model<Regressor>> members;
    private final double[] weights;

    BoostedRegressor(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
                     ImmutableOutputInfo<Regressor> outputIDInfo, List<Model<Regressor>> members, double[] weights) {
        super(name, provenance, featureIDMap, outputIDInfo, false);
        if (members.isEmpty() || members.size() != weights.length) {
            throw new IllegalArgumentException("Expected one weight per member, found " + members.size()
                    + " members and " + weights.length + " weights");
        }
        this.members = List.copyOf(members);
        this.weights = weights.clone();
    }

    /** The member weights (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    /** Number of members. */
    public int size() {
        return members.size();
    }

    @Override
    public Prediction<Regressor> predict(Example<Regressor> example) {
        return predict(List.of(example)).get(0);
    }

    @Override
    public List<Prediction<Regressor>> predict(Iterable<Example<Regressor>> examples) {
        List<Example<Regressor>> in = new ArrayList<>();
        examples.forEach(in::add);
        List<List<Prediction<Regressor>>> byMember = new ArrayList<>();
        for (Model<Regressor> m : members) {
            byMember.add(m.predict(in));
        }
        List<Prediction<Regressor>> out = new ArrayList<>(in.size());
        double[] values = new double[members.size()];
        for (int i = 0; i < in.size(); i++) {
            Regressor first = byMember.get(0).get(i).getOutput();
            String[] names = first.getNames();
            double[] median = new double[names.length];
            for (int k = 0; k < names.length; k++) {
                for (int t = 0; t < members.size(); t++) {
                    values[t] = byMember.get(t).get(i).getOutput().getDimension(names[k]).orElseThrow().getValue();
                }
                median[k] = BoostingWeights.weightedMedian(values, weights);
            }
            out.add(new Prediction<>(new Regressor(names, median), in.get(i).size(), in.get(i)));
        }
        return out;
    }

    @Override
    public List<Prediction<Regressor>> predict(org.tribuo.Dataset<Regressor> examples) {
        return predict((Iterable<Example<Regressor>>) examples);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Collections.emptyMap();
    }

    @Override
    public Optional<Excuse<Regressor>> getExcuse(Example<Regressor> example) {
        return Optional.empty();
    }

    @Override
    protected BoostedRegressor copy(String newName, ModelProvenance newProvenance) {
        List<Model<Regressor>> copies = new ArrayList<>();
        for (Model<Regressor> m : members) {
            copies.add(m.copy());
        }
        return new BoostedRegressor(newName, newProvenance, featureIDMap, outputIDInfo, copies, weights);
    }
}
