package org.tl4j.core;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableDataset;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.List;
import java.util.Objects;

/**
 * A named, immutable sample from one domain: a deep copy of a Tribuo dataset.
 * <p>
 * Examples in an unlabelled domain carry {@link OutputFactory#getUnknownOutput()}. The examples returned by
 * {@link #data()} are the domain's own: strategies must not mutate them (copy with {@link Example#copy()} to
 * change weights or features); the contract test kit checks this for every strategy.
 *
 * @param <T> the output type
 */
public final class Domain<T extends Output<T>> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final ImmutableDataset<T> data;
    private final boolean labelled;

    private Domain(String name, ImmutableDataset<T> data) {
        this.name = requireName(name);
        this.data = data;
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
        MutableDataset<T> ds = new MutableDataset<>(provenance, factory);
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
            ds.add(new ArrayExample<>(outputs.get(i), names, x[i].clone()));
        }
        return new Domain<>(name, immutableCopy(ds));
    }

    /** The same examples with every output replaced by the unknown output (a deep copy). */
    public Domain<T> withoutLabels() {
        T unknown = data.getOutputFactory().getUnknownOutput();
        MutableDataset<T> ds = new MutableDataset<>(data.getSourceProvenance(), data.getOutputFactory());
        for (Example<T> e : data) {
            String[] names = new String[e.size()];
            double[] values = new double[e.size()];
            int i = 0;
            for (var f : e) {
                names[i] = f.getName();
                values[i++] = f.getValue();
            }
            // Built in one go: ArrayExample.add re-sorts after every feature.
            ArrayExample<T> copy = new ArrayExample<>(unknown, names, values, e.getMetadata());
            copy.setWeight(e.getWeight());
            ds.add(copy);
        }
        return new Domain<>(name, immutableCopy(ds));
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
