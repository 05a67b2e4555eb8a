package org.tl4j.core;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.List;
import java.util.StringJoiner;

/**
 * Builds the training sets strategies hand to inner learners. Every method deep-copies examples, so weights or
 * features changed on the result never reach a task's domains.
 */
public final class Datasets {
    private Datasets() {
    }

    /**
     * The union of {@code domains}, examples copied with their weights: what adding the copies one by one to a new
     * {@link MutableDataset} gives, built without observing again a domain that remembers its observation.
     *
     * @param label what the union is, recorded in its provenance (e.g. {@code pooled})
     * @throws IllegalArgumentException if the union is empty
     */
    public static <T extends Output<T>> MutableDataset<T> union(String label, OutputFactory<T> factory,
                                                               List<Domain<T>> domains) {
        StringJoiner names = new StringJoiner(" + ", label + ": ", "");
        for (Domain<T> d : domains) {
            names.add(d.name() + "(" + d.size() + ")");
        }
        MutableDataset<T> out = new UnionDataset<>(new SimpleDataSourceProvenance(names.toString(), factory), factory,
                domains);
        if (out.size() == 0) {
            throw new IllegalArgumentException(names + " is empty: nothing to train on");
        }
        return out;
    }

    /**
     * A copy of {@code data} whose example {@code i} has weight {@code weights[i]}.
     *
     * @param weights one finite, non-negative weight per example; not modified
     * @throws IllegalArgumentException on a length mismatch or an invalid weight (naming its index)
     */
    public static <T extends Output<T>> MutableDataset<T> reweighted(String label, Dataset<T> data, double[] weights) {
        if (weights.length != data.size()) {
            throw new IllegalArgumentException("Expected " + data.size() + " weights, found " + weights.length);
        }
        MutableDataset<T> out = new MutableDataset<>(
                new SimpleDataSourceProvenance(label + " (reweighted " + data.getSourceDescription() + ")",
                        data.getOutputFactory()), data.getOutputFactory());
        int i = 0;
        for (Example<T> e : data) {
            double w = weights[i];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("Weight " + i + " is " + w + ": weights must be finite and >= 0");
            }
            Example<T> c = e.copy();
            c.setWeight((float) w);
            out.add(c);
            i++;
        }
        return out;
    }
}
