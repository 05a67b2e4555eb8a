package org.tl4j.core.learn;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A linear regression model {@code y_j = b_j + Σ_c β_jc x_c} fitted by {@link LeastSquaresTrainer}. Immutable.
 */
public final class LeastSquaresModel extends Model<Regressor> {
    private static final long serialVersionUID = 1L;

    private final String[] dims;
    private final double[][] coef;
    private final double[] intercept;

    LeastSquaresModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
                      ImmutableOutputInfo<Regressor> outputIDInfo, String[] dims, double[][] coef, double[] intercept) {
        super(name, provenance, featureIDMap, outputIDInfo, false);
        this.dims = dims.clone();
        this.coef = new double[coef.length][];
        for (int j = 0; j < coef.length; j++) {
            this.coef[j] = coef[j].clone();
        }
        this.intercept = intercept.clone();
    }

    /**
     * A model with the given parameters, e.g. one fitted outside a Tribuo trainer (parameter transfer).
     *
     * @param dims      output dimension names, in the order of {@code coef}'s rows and {@code intercept}
     * @param coef      one row per output dimension, one column per feature id of {@code featureIDMap}; copied
     * @param intercept one per output dimension; copied
     * @throws IllegalArgumentException if the shapes disagree or a value is not finite
     */
    public static LeastSquaresModel of(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
                                       ImmutableOutputInfo<Regressor> outputIDInfo, String[] dims, double[][] coef,
                                       double[] intercept) {
        if (coef.length != dims.length || intercept.length != dims.length) {
            throw new IllegalArgumentException(dims.length + " output dimensions but " + coef.length
                    + " coefficient rows and " + intercept.length + " intercepts");
        }
        for (int j = 0; j < coef.length; j++) {
            if (coef[j].length != featureIDMap.size()) {
                throw new IllegalArgumentException("Coefficient row " + j + " has " + coef[j].length
                        + " values for " + featureIDMap.size() + " features");
            }
            for (double v : coef[j]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("Coefficient row " + j + " holds " + v);
                }
            }
            if (!Double.isFinite(intercept[j])) {
                throw new IllegalArgumentException("Intercept " + j + " is " + intercept[j]);
            }
        }
        return new LeastSquaresModel(name, provenance, featureIDMap, outputIDInfo, dims, coef, intercept);
    }

    /** The coefficient of the feature named {@code feature} for the output dimension named {@code dim}, 0 if absent. */
    public double coefficient(String dim, String feature) {
        int f = featureIDMap.getID(feature);
        int j = java.util.Arrays.asList(dims).indexOf(dim);
        return f < 0 || j < 0 ? 0 : coef[j][f];
    }

    /** Coefficient of feature {@code feature} for output dimension {@code dim} (by Tribuo feature id). */
    public double coefficient(int dim, int feature) {
        return coef[dim][feature];
    }

    /** The intercept of output dimension {@code dim}. */
    public double intercept(int dim) {
        return intercept[dim];
    }

    /** Output dimension names, in coefficient order. */
    public List<String> dimensions() {
        return List.of(dims);
    }

    @Override
    public Prediction<Regressor> predict(Example<Regressor> example) {
        double[] out = intercept.clone();
        int used = 0;
        for (Feature f : example) {
            int id = featureIDMap.getID(f.getName());
            if (id >= 0) {
                used++;
                for (int j = 0; j < dims.length; j++) {
                    out[j] += coef[j][id] * f.getValue();
                }
            }
        }
        if (used == 0) {
            throw new IllegalArgumentException("Example has no features this model knows (" + example.size()
                    + " features, none in the model's " + featureIDMap.size() + "-feature space)");
        }
        return new Prediction<>(new Regressor(dims, out), used, example);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        Map<String, List<Pair<String, Double>>> m = new HashMap<>();
        for (int j = 0; j < dims.length; j++) {
            List<Pair<String, Double>> l = new ArrayList<>();
            for (int c = 0; c < coef[j].length; c++) {
                l.add(new Pair<>(featureIDMap.get(c).getName(), coef[j][c]));
            }
            l.sort(Comparator.comparingDouble((Pair<String, Double> p) -> -Math.abs(p.getB())));
            m.put(dims[j], n < 0 || n >= l.size() ? l : new ArrayList<>(l.subList(0, n)));
        }
        return m;
    }

    @Override
    public Optional<Excuse<Regressor>> getExcuse(Example<Regressor> example) {
        return Optional.empty();
    }

    @Override
    protected LeastSquaresModel copy(String newName, ModelProvenance newProvenance) {
        return new LeastSquaresModel(newName, newProvenance, featureIDMap, outputIDInfo, dims, coef, intercept);
    }
}
