package org.tl4j.core.learn;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.ejml.data.DMatrixRMaj;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A multinomial logistic regression fitted by {@link LogisticRegressionTrainer}: class probabilities
 * {@code softmax(W x + b)}. Immutable; predictions carry the probability of every class.
 */
public final class LogisticRegressionModel extends Model<Label> {
    private static final long serialVersionUID = 1L;

    private final LogisticRegression.Fitted fitted;
    private final String[] labels;

    LogisticRegressionModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
                            ImmutableOutputInfo<Label> outputIDInfo, LogisticRegression.Fitted fitted) {
        super(name, provenance, featureIDMap, outputIDInfo, true);
        this.fitted = fitted;
        this.labels = new String[outputIDInfo.size()];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = outputIDInfo.getOutput(r).getLabel();
        }
    }

    /**
     * A model with the given parameters, e.g. fitted outside {@link LogisticRegressionTrainer} (parameter transfer):
     * {@code fitted}'s rows follow {@code outputIDInfo}'s label ids, its columns {@code featureIDMap}'s feature ids.
     *
     * @throws IllegalArgumentException if the shapes disagree
     */
    public static LogisticRegressionModel of(String name, ModelProvenance provenance,
                                             ImmutableFeatureMap featureIDMap, ImmutableOutputInfo<Label> outputIDInfo,
                                             LogisticRegression.Fitted fitted) {
        if (fitted.classes() != outputIDInfo.size() || fitted.features() != featureIDMap.size()) {
            throw new IllegalArgumentException("The parameters are " + fitted.classes() + "x" + fitted.features()
                    + " but the model has " + outputIDInfo.size() + " labels and " + featureIDMap.size() + " features");
        }
        return new LogisticRegressionModel(name, provenance, featureIDMap, outputIDInfo, fitted);
    }

    /** The fitted parameters ({@code W} rows in label-id order, columns in feature-id order). */
    public LogisticRegression.Fitted fitted() {
        return fitted;
    }

    /** The coefficient of {@code feature} for {@code label}, or 0 if the model has either not. */
    public double coefficient(String label, String feature) {
        int f = featureIDMap.getID(feature);
        int r = outputIDInfo.getID(new Label(label));
        return f < 0 || r < 0 ? 0 : fitted.weight(r, f);
    }

    /** The intercept of {@code label}, or 0 if the model does not know it. */
    public double intercept(String label) {
        int r = outputIDInfo.getID(new Label(label));
        return r < 0 ? 0 : fitted.intercept()[r];
    }

    /** L-BFGS iterations the fit took. */
    public int iterations() {
        return fitted.iterations();
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        return predict(List.of(example)).get(0);
    }

    @Override
    public List<Prediction<Label>> predict(Iterable<Example<Label>> examples) {
        List<Example<Label>> list = new ArrayList<>();
        examples.forEach(list::add);
        int d = featureIDMap.size();
        DMatrixRMaj x = new DMatrixRMaj(list.size(), d);
        int[] used = new int[list.size()];
        for (int i = 0; i < list.size(); i++) {
            for (Feature f : list.get(i)) {
                int id = featureIDMap.getID(f.getName());
                if (id >= 0) {
                    x.data[i * d + id] = f.getValue();
                    used[i]++;
                }
            }
            if (used[i] == 0) {
                throw new IllegalArgumentException("Example " + i + " has no features this model knows ("
                        + list.get(i).size() + " features, none in the model's " + d + "-feature space)");
            }
        }
        DMatrixRMaj p = fitted.probabilities(x);
        int k = labels.length;
        List<Prediction<Label>> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Map<String, Label> scores = new LinkedHashMap<>();
            int best = 0;
            for (int c = 0; c < k; c++) {
                double pc = p.data[i * k + c];
                scores.put(labels[c], new Label(labels[c], pc));
                if (pc > p.data[i * k + best]) {
                    best = c;
                }
            }
            out.add(new Prediction<>(new Label(labels[best], p.data[i * k + best]), scores, used[i], list.get(i), true));
        }
        return out;
    }

    @Override
    public List<Prediction<Label>> predict(org.tribuo.Dataset<Label> examples) {
        return predict((Iterable<Example<Label>>) examples);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        DMatrixRMaj w = fitted.coef();
        Map<String, List<Pair<String, Double>>> m = new HashMap<>();
        for (int r = 0; r < labels.length; r++) {
            List<Pair<String, Double>> l = new ArrayList<>();
            for (int c = 0; c < w.numCols; c++) {
                l.add(new Pair<>(featureIDMap.get(c).getName(), w.unsafe_get(r, c)));
            }
            l.sort(Comparator.comparingDouble((Pair<String, Double> p) -> -Math.abs(p.getB())));
            m.put(labels[r], n < 0 || n >= l.size() ? l : new ArrayList<>(l.subList(0, n)));
        }
        return m;
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected LogisticRegressionModel copy(String newName, ModelProvenance newProvenance) {
        return new LogisticRegressionModel(newName, newProvenance, featureIDMap, outputIDInfo, fitted);
    }
}
