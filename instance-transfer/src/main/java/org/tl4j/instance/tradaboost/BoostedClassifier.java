package org.tl4j.instance.tradaboost;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A weighted vote of classifiers: the label with the largest total weight {@code Σ_t v_t [h_t(x) = k]} wins, ties
 * going to the lexicographically smallest label. For two labels and {@code v_t = ln(1/β_t)} this is exactly the
 * final rule of TrAdaBoost. If every weight is 0 the last member decides. Scores are the vote shares. Immutable.
 *
 * @see TrAdaBoostStrategy
 */
public final class BoostedClassifier extends Model<Label> {
    private static final long serialVersionUID = 1L;

    private final List<Model<Label>> members;
    private final double[] votes;

    /**
     * @param members the voting classifiers (copied)
     * @param votes   one non-negative vote weight per member (copied)
     */
    BoostedClassifier(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
                      ImmutableOutputInfo<Label> outputIDInfo, List<Model<Label>> members, double[] votes) {
        super(name, provenance, featureIDMap, outputIDInfo, true);
        if (members.isEmpty() || members.size() != votes.length) {
            throw new IllegalArgumentException("Expected one vote per member, found " + members.size() + " members and "
                    + votes.length + " votes");
        }
        this.members = List.copyOf(members);
        this.votes = votes.clone();
    }

    /** The vote weights (a copy). */
    public double[] votes() {
        return votes.clone();
    }

    /** Number of members. */
    public int size() {
        return members.size();
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        return predict(List.of(example)).get(0);
    }

    @Override
    public List<Prediction<Label>> predict(Iterable<Example<Label>> examples) {
        List<Example<Label>> in = new ArrayList<>();
        examples.forEach(in::add);
        List<List<Prediction<Label>>> byMember = new ArrayList<>();
        for (Model<Label> m : members) {
            byMember.add(m.predict(in));
        }
        double total = 0;
        for (double v : votes) {
            total += v;
        }
        List<Prediction<Label>> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            Map<String, Double> tally = new TreeMap<>();
            if (total > 0) {
                for (int t = 0; t < members.size(); t++) {
                    if (votes[t] > 0) {
                        tally.merge(byMember.get(t).get(i).getOutput().getLabel(), votes[t], Double::sum);
                    }
                }
            } else {
                tally.put(byMember.get(members.size() - 1).get(i).getOutput().getLabel(), 1.0);
            }
            double sum = 0;
            String best = null;
            double bestVote = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, Double> e : tally.entrySet()) {
                sum += e.getValue();
                if (e.getValue() > bestVote) {
                    best = e.getKey();
                    bestVote = e.getValue();
                }
            }
            Map<String, Label> scores = new TreeMap<>();
            for (Map.Entry<String, Double> e : tally.entrySet()) {
                scores.put(e.getKey(), new Label(e.getKey(), e.getValue() / sum));
            }
            out.add(new Prediction<>(new Label(best, bestVote / sum), scores, in.get(i).size(), in.get(i), true));
        }
        return out;
    }

    @Override
    public List<Prediction<Label>> predict(org.tribuo.Dataset<Label> examples) {
        return predict((Iterable<Example<Label>>) examples);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Collections.emptyMap();
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected BoostedClassifier copy(String newName, ModelProvenance newProvenance) {
        List<Model<Label>> copies = new ArrayList<>();
        for (Model<Label> m : members) {
            copies.add(m.copy());
        }
        return new BoostedClassifier(newName, newProvenance, featureIDMap, outputIDInfo, copies, votes);
    }
}
