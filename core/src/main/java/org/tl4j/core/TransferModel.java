package org.tl4j.core;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.provenance.ModelProvenance;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fitted transfer model: a Tribuo {@link Model} that maps an example with a fitted {@link FeatureMapping} and
 * predicts it with an inner Tribuo model.
 * <p>
 * Its {@link ModelProvenance} records the strategy's configuration as the trainer provenance, the data the inner
 * model saw as the dataset provenance, and, as instance provenance, the task, the seed, every source and target
 * dataset ({@link TransferProblem#domainProvenance()}), the mapping and the inner model's own provenance.
 * Instances are immutable.
 * <p>
 * Kinds of problem other than {@link TransferTask} subclass this and override
 * {@link #predictTargetTest(TransferProblem)}.
 *
 * @param <T> output type
 */
public class TransferModel<T extends Output<T>> extends Model<T> {
    private static final long serialVersionUID = 1L;

    /** Instance-provenance key of the task name. */
    public static final String TASK = "task";
    /** Instance-provenance key of the seed. */
    public static final String SEED = "seed";
    /** Instance-provenance key of the feature mapping's description. */
    public static final String MAPPING = "feature-mapping";
    /** Instance-provenance key of the inner model's provenance. */
    public static final String INNER_MODEL = "inner-model";

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
    protected TransferModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
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
    public static <T extends Output<T>> TransferModel<T> of(TransferStrategy<T, ?> strategy, TransferProblem<T> problem,
                                                            long seed, ImmutableFeatureMap featureIDMap,
                                                            FeatureMapping mapping, Model<T> inner,
                                                            Map<String, Provenance> extra) {
        ModelProvenance prov = provenance(TransferModel.class, strategy, problem, seed, mapping, inner, extra);
        return new TransferModel<>(strategy.descriptor().name() + "@" + problem.name(), prov, featureIDMap, mapping,
                inner);
    }

    /**
     * The provenance a transfer model of class {@code modelClass} carries; for subclasses.
     */
    protected static <T extends Output<T>> ModelProvenance provenance(Class<?> modelClass,
                                                                      TransferStrategy<T, ?> strategy,
                                                                      TransferProblem<T> problem, long seed,
                                                                      FeatureMapping mapping, Model<T> inner,
                                                                      Map<String, Provenance> extra) {
        Map<String, Provenance> instance = new LinkedHashMap<>();
        instance.put(TASK, new StringProvenance(TASK, problem.name()));
        instance.put(SEED, new LongProvenance(SEED, seed));
        instance.putAll(problem.domainProvenance());
        instance.put(MAPPING, new StringProvenance(MAPPING, mapping.describe()));
        instance.put(INNER_MODEL, inner.getProvenance());
        instance.putAll(extra);
        return new ModelProvenance(modelClass.getName(), OffsetDateTime.now(),
                inner.getProvenance().getDatasetProvenance(), strategy.getProvenance(), instance);
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
     * @throws UnsupportedOperationException if this model cannot read problems of that kind
     */
    public List<Prediction<T>> predictTargetTest(TransferProblem<T> problem) {
        if (problem instanceof TransferTask<T> task) {
            return predict(task.targetTest().data());
        }
        throw new UnsupportedOperationException(getClass().getSimpleName() + " predicts feature-vector tasks; problem '"
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
    protected TransferModel<T> copy(String newName, ModelProvenance newProvenance) {
        return new TransferModel<>(newName, newProvenance, featureIDMap, mapping, inner.copy());
    }
}
