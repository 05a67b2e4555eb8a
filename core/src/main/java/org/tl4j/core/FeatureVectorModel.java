package org.tl4j.core;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.provenance.ModelProvenance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link TransferModel} of feature-vector problems ({@link TransferTask}): a Tribuo {@link Model} that maps an
 * example with a fitted {@link FeatureMapping} and predicts it with an inner Tribuo model.
 * <p>
 * Its {@link ModelProvenance} records the strategy's configuration as the trainer provenance, the data the inner
 * model saw as the dataset provenance, and, as instance provenance, the task, the seed, the tl4j version, every
 * source and target dataset ({@link TransferProblem#domainProvenance()}), the mapping and the inner model's own
 * provenance ({@link ModelProvenances}). Instances are immutable.
 *
 * @param <T> output type
 */
public class FeatureVectorModel<T extends Output<T>> extends Model<T> implements TransferModel<T> {
    private static final long serialVersionUID = 1L;

    private final FeatureMapping mapping;
    private final Model<T> inner;

    /**
     * Creates a model; most strategies call {@link #of} instead.
     *
     * @param name         model name
     * @param provenance   full provenance
     * @param featureIDMap the feature map of the task's (unmapped) feature space
     * @param mapping      the fitted feature mapping
     * @param inner        the inner model, trained on mapped examples
     */
    protected FeatureVectorModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
                            FeatureMapping mapping, Model<T> inner) {
        super(name, provenance, featureIDMap, inner.getOutputIDInfo(), inner.generatesProbabilities());
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.inner = inner;
    }

    /**
     * Wraps an inner model fitted by {@code strategy} on {@code problem} with the given seed, building the
     * provenance described in the class documentation.
     *
     * @param extra further instance provenance (e.g. the chosen hyper-parameters); may be empty
     */
    public static <T extends Output<T>> FeatureVectorModel<T> of(TransferStrategy<T, ?> strategy,
                                                                 TransferProblem<T> problem, long seed,
                                                                 ImmutableFeatureMap featureIDMap,
                                                                 FeatureMapping mapping, Model<T> inner,
                                                                 Map<String, Provenance> extra) {
        ModelProvenance prov = provenance(FeatureVectorModel.class, strategy, problem, seed, mapping, inner, extra);
        return new FeatureVectorModel<>(strategy.descriptor().name() + "@" + problem.name(), prov, featureIDMap, mapping,
                inner);
    }

    /**
     * The provenance a feature-vector model of class {@code modelClass} carries; for subclasses.
     */
    protected static <T extends Output<T>> ModelProvenance provenance(Class<?> modelClass,
                                                                      TransferStrategy<T, ?> strategy,
                                                                      TransferProblem<T> problem, long seed,
                                                                      FeatureMapping mapping, Model<T> inner,
                                                                      Map<String, Provenance> extra) {
        Map<String, Provenance> more = new LinkedHashMap<>();
        more.put(MAPPING, new StringProvenance(MAPPING, mapping.describe()));
        more.put(INNER_MODEL, inner.getProvenance());
        more.putAll(extra);
        return ModelProvenances.of(modelClass, strategy, problem, seed, inner.getProvenance().getDatasetProvenance(),
                more);
    }

    @Override
    public String name() {
        return getName();
    }

    /** The fitted feature mapping. */
    public FeatureMapping mapping() {
        return mapping;
    }

    /** A copy of the inner model. */
    public Model<T> innerModel() {
        return inner.copy();
    }

    @Override
    public Prediction<T> predict(Example<T> example) {
        if (mapping.isIdentity()) {
            return inner.predict(example);
        }
        Prediction<T> p = inner.predict(mapping.apply(example));
        return new Prediction<>(p, p.getNumActiveFeatures(), example);
    }

    /** Predicts a batch, so inner models that batch (e.g. nearest neighbours) can. */
    @Override
    public List<Prediction<T>> predict(Iterable<Example<T>> examples) {
        List<Example<T>> in = new java.util.ArrayList<>();
        examples.forEach(in::add);
        if (mapping.isIdentity()) {
            return inner.predict(in);
        }
        List<Example<T>> mapped = new java.util.ArrayList<>(in.size());
        for (Example<T> e : in) {
            mapped.add(mapping.apply(e));
        }
        List<Prediction<T>> p = inner.predict(mapped);
        List<Prediction<T>> out = new java.util.ArrayList<>(p.size());
        for (int i = 0; i < p.size(); i++) {
            out.add(new Prediction<>(p.get(i), p.get(i).getNumActiveFeatures(), in.get(i)));
        }
        return out;
    }

    @Override
    public List<Prediction<T>> predict(org.tribuo.Dataset<T> examples) {
        return predict((Iterable<Example<T>>) examples);
    }

    /**
     * Predicts the target test set of a problem this model was fitted on, in the order of
     * {@link TransferProblem#targetTestTruth()}.
     *
     * @throws IllegalArgumentException if the problem is not a feature-vector task
     */
    @Override
    public List<Prediction<T>> predictTargetTest(TransferProblem<T> problem) {
        if (problem instanceof TransferTask<T> task) {
            return predict(task.targetTest().data());
        }
        throw new IllegalArgumentException(getClass().getSimpleName() + " predicts feature-vector tasks; problem '"
                + problem.name() + "' holds " + problem.dataKind());
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return mapping.isIdentity() ? inner.getTopFeatures(n) : Collections.emptyMap();
    }

    @Override
    public Optional<Excuse<T>> getExcuse(Example<T> example) {
        return mapping.isIdentity() ? inner.getExcuse(example) : Optional.empty();
    }

    @Override
    protected FeatureVectorModel<T> copy(String newName, ModelProvenance newProvenance) {
        return new FeatureVectorModel<>(newName, newProvenance, featureIDMap, mapping, inner.copy());
    }
}
