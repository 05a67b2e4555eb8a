package org.tl4j.datasets;

import org.tl4j.core.Domain;
import org.tl4j.core.FeatureSpace;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.DataProvenance;

import java.util.ArrayList;
import java.util.List;

/**
 * A labelled sample read from a benchmark file: one example per row of {@code x}, integer class ids in
 * {@code labels}.
 *
 * @param name       domain name
 * @param x          features, one row per example
 * @param labels     class id per example
 * @param provenance where the sample came from
 */
public record LabelledSample(String name, double[][] x, int[] labels, DataProvenance provenance) {

    /** Checks the shapes. */
    public LabelledSample {
        if (x.length != labels.length) {
            throw new IllegalArgumentException("Sample '" + name + "': " + x.length + " feature rows but "
                    + labels.length + " labels");
        }
    }

    /** Number of examples. */
    public int size() {
        return labels.length;
    }

    /** Number of features. */
    public int dimension() {
        return x.length == 0 ? 0 : x[0].length;
    }

    /** The rows {@code rows} of this sample, in order, as a sample called {@code newName}. */
    public LabelledSample rows(int[] rows, String newName) {
        double[][] xs = new double[rows.length][];
        int[] ls = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            xs[i] = x[rows[i]];
            ls[i] = labels[rows[i]];
        }
        return new LabelledSample(newName, xs, ls, provenance);
    }

    /** The sample as a labelled Tribuo domain, class ids becoming labels {@code "1"}, {@code "2"}, …. */
    public Domain<Label> toDomain(FeatureSpace space) {
        List<Label> y = new ArrayList<>(labels.length);
        for (int l : labels) {
            y.add(new Label(Integer.toString(l)));
        }
        return Domain.fromArrays(name, new LabelFactory(), space, x, y, provenance);
    }
}
