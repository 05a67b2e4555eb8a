package org.tl4j.core;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableDataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.MutableFeatureMap;
import org.tribuo.MutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.VariableInfo;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A named, immutable sample from one domain: a deep copy of a Tribuo dataset.
 * <p>
 * Examples in an unlabelled domain carry {@link OutputFactory#getUnknownOutput()}. The examples returned by
 * {@link #data()} are the domain's own: strategies must not mutate them (copy with {@link Example#copy()} to
 * change weights or features); the contract test kit checks this for every strategy.
 * <p>
 * Domains built here from dense rows ({@link #fromArrays}, {@link #withoutLabels}) hold their examples in a
 * {@link DomainDataset}, whose feature and output statistics are those a Tribuo {@link MutableDataset} observing the
 * examples in order would hold, built without Tribuo's per-example re-validation; they also remember that
 * observation, so that a task's feature map starts from it ({@link #observedFeatures()}).
 *
 * @param <T> the output type
 */
public final class Domain<T extends Output<T>> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final ImmutableDataset<T> data;
    private final boolean labelled;
    /** The feature map of observing the examples in order, when known (not serialised: a cache). */
    private final transient MutableFeatureMap observed;
    /** Whether every feature value is finite, once checked (not serialised: a cache). */
    private transient volatile Boolean finite;

    private Domain(String name, ImmutableDataset<T> data) {
        this(name, data, null, null);
    }

    private Domain(String name, ImmutableDataset<T> data, MutableFeatureMap observed, Boolean finite) {
        this.name = requireName(name);
        this.data = data;
        this.observed = observed;
        this.finite = finite;
        T unknown = data.getOutputFactory().getUnknownOutput();
        boolean anyUnknown = false;
        for (Example<T> e : data) {
            if (unknown.equals(e.getOutput())) {
                anyUnknown = true;
                break;
            }
        }
        this.labelled = !anyUnknown;
    }

    /**
     * A domain holding a deep copy of {@code data}.
     *
     * @param name a short name, e.g. {@code amazon}
     * @param data the examples; copied, so later changes to {@code data} do not reach the domain
     */
    public static <T extends Output<T>> Domain<T> of(String name, Dataset<T> data) {
        Objects.requireNonNull(data, "data");
        return new Domain<>(name, immutableCopy(data));
    }

    /** A deep copy keeping {@code data}'s source provenance (Tribuo's copy would nest it one level deeper). */
    private static <T extends Output<T>> ImmutableDataset<T> immutableCopy(Dataset<T> data) {
        List<Example<T>> copies = new java.util.ArrayList<>(data.size());
        for (Example<T> e : data) {
            copies.add(e.copy());
        }
        return new ImmutableDataset<>(copies, data.getSourceProvenance(), data.getOutputFactory(),
                data.getFeatureIDMap(), data.getOutputIDInfo(), false);
    }

    /** An empty domain, e.g. the labelled target training set of a transductive task. */
    public static <T extends Output<T>> Domain<T> empty(String name, OutputFactory<T> outputFactory) {
        DataProvenance prov = new SimpleDataSourceProvenance("empty domain " + name, outputFactory);
        MutableDataset<T> ds = new MutableDataset<>(prov, outputFactory);
        return new Domain<>(name, immutableCopy(ds));
    }

    /**
     * A domain from dense arrays.
     *
     * @param name      domain name
     * @param factory   output factory
     * @param space     feature names, one per column of {@code x}
     * @param x         one row per example; not modified
     * @param outputs   one output per row, or the factory's unknown output for unlabelled rows
     * @param provenance where the data came from
     * @throws IllegalArgumentException if shapes disagree or a value is NaN or infinite (naming the row and
     *                                  feature)
     */
    public static <T extends Output<T>> Domain<T> fromArrays(String name, OutputFactory<T> factory, FeatureSpace space,
                                                             double[][] x, List<T> outputs, DataProvenance provenance) {
        if (x.length != outputs.size()) {
            throw new IllegalArgumentException("Domain '" + name + "': " + x.length + " rows of features but "
                    + outputs.size() + " outputs; pass one output per row");
        }
        String[] names = space.toArray();
        List<Example<T>> examples = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != names.length) {
                throw new IllegalArgumentException("Domain '" + name + "' row " + i + ": expected " + names.length
                        + " features, found " + x[i].length);
            }
            for (int j = 0; j < names.length; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("Domain '" + name + "' row " + i + " feature '" + names[j]
                            + "' is " + x[i][j] + ": remove or impute non-finite values before building a domain");
                }
            }
            // The constructor copies the values; a dense row has every feature once and no NaN, so it is valid.
            examples.add(new ArrayExample<>(outputs.get(i), names, x[i]));
        }
        return observing(name, examples, provenance, factory, true);
    }

    /**
     * A domain of new, valid examples (each feature at most once, no NaN), with the feature and output maps of
     * observing them in order — what a {@link MutableDataset} they were added to would hold — built in one pass.
     */
    private static <T extends Output<T>> Domain<T> observing(String name, List<Example<T>> examples,
                                                             DataProvenance provenance, OutputFactory<T> factory,
                                                             boolean finite) {
        MutableFeatureMap features = new MutableFeatureMap();
        MutableOutputInfo<T> outputs = factory.generateInfo();
        for (Example<T> e : examples) {
            outputs.observe(e.getOutput());
            for (Feature f : e) {
                features.add(f.getName(), f.getValue());
            }
        }
        DomainDataset<T> data = new DomainDataset<>(provenance, factory, new ImmutableFeatureMap(features),
                outputs.generateImmutableOutputInfo(), examples);
        return new Domain<>(name, data, features, finite ? Boolean.TRUE : null);
    }

    /** The same examples with every output replaced by the unknown output (a deep copy). */
    public Domain<T> withoutLabels() {
        T unknown = data.getOutputFactory().getUnknownOutput();
        List<Example<T>> examples = new ArrayList<>(data.size());
        for (Example<T> e : data) {
            ArrayExample<T> copy;
            if (e.getMetadata().isEmpty()) {
                // The same features in the same (sorted) order, copied without sorting them again.
                copy = new ArrayExample<>(unknown, e, e.getWeight());
            } else {
                String[] names = new String[e.size()];
                double[] values = new double[e.size()];
                int i = 0;
                for (var f : e) {
                    names[i] = f.getName();
                    values[i++] = f.getValue();
                }
                // Built in one go: ArrayExample.add re-sorts after every feature.
                copy = new ArrayExample<>(unknown, names, values, e.getMetadata());
                copy.setWeight(e.getWeight());
            }
            examples.add(copy);
        }
        if (observed != null) {
            // The same feature values in the same order: observing them again would give the same feature map.
            MutableOutputInfo<T> outputs = data.getOutputFactory().generateInfo();
            for (Example<T> e : examples) {
                outputs.observe(e.getOutput());
            }
            DomainDataset<T> same = new DomainDataset<>(data.getSourceProvenance(), data.getOutputFactory(),
                    data.getFeatureIDMap(), outputs.generateImmutableOutputInfo(), examples);
            return new Domain<>(name, same, observed, finite);
        }
        // The examples of an immutable dataset are valid (a dataset refuses NaN and repeated features).
        return observing(name, examples, data.getSourceProvenance(), data.getOutputFactory(), finite == Boolean.TRUE);
    }

    /** The domain's name. */
    public String name() {
        return name;
    }

    /** The examples (do not mutate them; see the class documentation). */
    public Dataset<T> data() {
        return data;
    }

    /** Number of examples. */
    public int size() {
        return data.size();
    }

    /** Whether the domain has no examples. */
    public boolean isEmpty() {
        return data.size() == 0;
    }

    /** Whether every example carries a known output (vacuously true when empty). */
    public boolean isLabelled() {
        return labelled;
    }

    /** Whether no example carries a known output (vacuously true when empty). */
    public boolean isUnlabelled() {
        T unknown = data.getOutputFactory().getUnknownOutput();
        for (Example<T> e : data) {
            if (!unknown.equals(e.getOutput())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A copy of the feature map of observing this domain's examples in order (what a {@link MutableDataset} holding
     * them would hold), or {@code null} when the domain does not know it (e.g. built by {@link #of} from a dataset
     * whose feature map came from elsewhere).
     */
    MutableFeatureMap observedFeatures() {
        if (observed == null) {
            return null;
        }
        MutableFeatureMap copy = new MutableFeatureMap();
        for (VariableInfo v : observed) {
            copy.put(v.copy());
        }
        return copy;
    }

    /**
     * Where the first non-finite feature value is ({@code example i feature 'f' is v}), or {@code null} when every
     * value is finite; checked once per domain.
     */
    String firstNonFinite() {
        if (finite == Boolean.TRUE) {
            return null;
        }
        int i = 0;
        for (Example<T> e : data) {
            for (Feature f : e) {
                if (!Double.isFinite(f.getValue())) {
                    return "example " + i + " feature '" + f.getName() + "' is " + f.getValue();
                }
            }
            i++;
        }
        finite = Boolean.TRUE;
        return null;
    }

    /** The Tribuo provenance of the examples. */
    public DatasetProvenance provenance() {
        return data.getProvenance();
    }

    @Override
    public String toString() {
        return "Domain(" + name + ", " + data.size() + " examples" + (labelled ? "" : ", unlabelled") + ")";
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A domain needs a non-blank name");
        }
        return name;
    }
}
