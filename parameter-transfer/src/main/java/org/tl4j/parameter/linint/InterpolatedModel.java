package org.tl4j.parameter.linint;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The linear interpolation {@code α·f_source + (1 − α)·f_target} of two fitted models' outputs: class probabilities
 * for classification (the mixture is a distribution over the union of both models' classes; a class one model does
 * not know has probability 0 under it), values for regression. Immutable.
 *
 * @param <T> output type ({@link Label} or {@link Regressor})
 */
public final class InterpolatedModel<T extends Output<T>> extends Model<T> {
    private static final long serialVersionUID = 1L;

    private final Model<T> source;
    private final Model<T> target;
    private final double alpha;

    /**
     * @param outputs the union of both models' outputs
     * @param alpha   the source's weight in {@code [0, 1]}
     * @throws IllegalArgumentException if {@code alpha} is outside {@code [0, 1]} or a classifier gives no
     *                                  probabilities
     */
    public InterpolatedModel(String name, ModelProvenance provenance, ImmutableFeatureMap features,
                             ImmutableOutputInfo<T> outputs, Model<T> source, Model<T> target, double alpha) {
        super(name, provenance, features, outputs, source.generatesProbabilities());
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("Invalid mixing weight: " + alpha + " (must be in [0, 1])");
        }
        if (isClassifier(outputs) && !(source.generatesProbabilities() && target.generatesProbabilities())) {
            throw new IllegalArgumentException("Interpolating classifiers mixes their class probabilities; the inner "
                    + "learner gives none: use logistic or logistic-sgd");
        }
        this.source = source;
        this.target = target;
        this.alpha = alpha;
    }

    private static boolean isClassifier(ImmutableOutputInfo<?> outputs) {
        return outputs.size() > 0 && outputs.getOutput(0) instanceof Label;
    }

    /** The source model's weight {@code α}. */
    public double alpha() {
        return alpha;
    }

    @Override
    public Prediction<T> predict(Example<T> example) {
        return mix(source.predict(example), target.predict(example), alpha, example);
    }

    @Override
    public List<Prediction<T>> predict(Iterable<Example<T>> examples) {
        List<Example<T>> in = new ArrayList<>();
        examples.forEach(in::add);
        List<Prediction<T>> s = source.predict(in);
        List<Prediction<T>> t = target.predict(in);
        List<Prediction<T>> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            out.add(mix(s.get(i), t.get(i), alpha, in.get(i)));
        }
        return out;
    }

    /**
     * {@code a·s + (1 − a)·t} of two predictions of {@code example}: class probabilities (by label name) or
     * regression values.
     */
    @SuppressWarnings("unchecked")
    public static <T extends Output<T>> Prediction<T> mix(Prediction<T> s, Prediction<T> t, double a,
                                                          Example<T> example) {
        int used = Math.max(s.getNumActiveFeatures(), t.getNumActiveFeatures());
        if (s.getOutput() instanceof Regressor rs) {
            Regressor rt = (Regressor) t.getOutput();
            double[] v = rs.getValues().clone();
            double[] w = rt.getValues();
            for (int k = 0; k < v.length; k++) {
                v[k] = a * v[k] + (1 - a) * w[k];
            }
            return new Prediction<>((T) new Regressor(rs.getNames(), v), used, example);
        }
        Map<String, Double> p = new LinkedHashMap<>();
        for (Map.Entry<String, T> e : s.getOutputScores().entrySet()) {
            p.merge(e.getKey(), a * ((Label) e.getValue()).getScore(), Double::sum);
        }
        for (Map.Entry<String, T> e : t.getOutputScores().entrySet()) {
            p.merge(e.getKey(), (1 - a) * ((Label) e.getValue()).getScore(), Double::sum);
        }
        String best = null;
        Map<String, T> scores = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : p.entrySet()) {
            scores.put(e.getKey(), (T) new Label(e.getKey(), e.getValue()));
            if (best == null || e.getValue() > p.get(best)) {
                best = e.getKey();
            }
        }
        return new Prediction<>((T) new Label(best, p.get(best)), scores, used, example, true);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Collections.emptyMap();
    }

    @Override
    public Optional<Excuse<T>> getExcuse(Example<T> example) {
        return Optional.empty();
    }

    @Override
    protected InterpolatedModel<T> copy(String newName, ModelProvenance newProvenance) {
        return new InterpolatedModel<>(newName, newProvenance, featureIDMap, outputIDInfo, source.copy(), target.copy(),
                alpha);
    }
}
