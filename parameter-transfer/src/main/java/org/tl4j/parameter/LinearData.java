package org.tl4j.parameter;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.Datasets;
import org.tl4j.core.Domain;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.TransferTask;
import org.tl4j.core.matrix.TribuoMatrices;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.List;

/**
 * A feature-vector task as the matrices the linear parameter-transfer algorithms work on: one matrix per source
 * domain and one for the labelled target data, columns in the order of the task's Tribuo feature ids (so fitted
 * coefficients become Tribuo models directly), class labels as ids of one output map shared by every domain (the
 * union of the source and target classes), regression outputs as one column. Immutable after construction; the
 * arrays it hands out must not be modified.
 *
 * @param <T> output type ({@link Label} or single-output {@link Regressor})
 */
public final class LinearData<T extends Output<T>> {

    /** One domain's rows. */
    public record Block(String name, DMatrixRMaj x, int[] labels, double[] values, double[] weights) {
        /** Number of rows. */
        public int size() {
            return x.numRows;
        }
    }

    private final ImmutableFeatureMap features;
    private final FeatureSpace space;
    private final ImmutableOutputInfo<T> outputs;
    private final boolean classification;
    private final List<Block> sources;
    private final Block target;
    private final DatasetProvenance pooledProvenance;
    private final DatasetProvenance targetProvenance;
    private final DatasetProvenance sourceProvenance;

    private LinearData(TransferTask<T> task) {
        this.features = task.featureMap();
        List<String> names = new ArrayList<>(features.size());
        for (int c = 0; c < features.size(); c++) {
            names.add(features.get(c).getName());
        }
        this.space = FeatureSpace.of(names);
        this.classification = task.outputFactory() instanceof LabelFactory;
        List<Domain<T>> all = new ArrayList<>(task.sources());
        all.add(task.targetTrain());
        MutableDataset<T> pooled = Datasets.union("sources + target", task.outputFactory(), all);
        this.outputs = pooled.getOutputIDInfo();
        if (!classification && outputs.size() != 1) {
            throw new IllegalArgumentException("Linear parameter transfer predicts one regression output; task '"
                    + task.name() + "' has " + outputs.size() + " output dimensions");
        }
        this.pooledProvenance = pooled.getProvenance();
        this.targetProvenance = Datasets.union("target", task.outputFactory(), List.of(task.targetTrain())).getProvenance();
        this.sourceProvenance = Datasets.union("sources", task.outputFactory(), task.sources()).getProvenance();
        List<Block> s = new ArrayList<>();
        for (Domain<T> d : task.sources()) {
            s.add(block(d));
        }
        this.sources = List.copyOf(s);
        this.target = block(task.targetTrain());
    }

    /**
     * The matrices of {@code task}.
     *
     * @throws IllegalArgumentException for regression tasks with several output dimensions
     */
    public static <T extends Output<T>> LinearData<T> of(TransferTask<T> task) {
        return new LinearData<>(task);
    }

    private Block block(Domain<T> d) {
        DMatrixRMaj x = TribuoMatrices.features(d, space);
        int n = d.size();
        int[] labels = classification ? new int[n] : null;
        double[] values = classification ? null : new double[n];
        double[] w = new double[n];
        int i = 0;
        for (Example<T> e : d.data()) {
            if (classification) {
                labels[i] = outputs.getID(e.getOutput());
            } else {
                values[i] = ((Regressor) e.getOutput()).getValues()[0];
            }
            w[i] = e.getWeight();
            i++;
        }
        return new Block(d.name(), x, labels, values, w);
    }

    /** Whether the outputs are class labels. */
    public boolean classification() {
        return classification;
    }

    /** Number of classes (1 for regression). */
    public int classes() {
        return outputs.size();
    }

    /** Number of features. */
    public int dimension() {
        return space.size();
    }

    /** The task's feature map (column {@code c} is feature id {@code c}). */
    public ImmutableFeatureMap features() {
        return features;
    }

    /** The output map shared by every domain. */
    public ImmutableOutputInfo<T> outputs() {
        return outputs;
    }

    /** The single regression output's name. */
    public String outputName() {
        return ((Regressor) outputs.getOutput(0)).getNames()[0];
    }

    /** The source domains, in task order. */
    public List<Block> sources() {
        return sources;
    }

    /** All source rows stacked in one block. */
    public Block pooledSources() {
        return stack("sources", sources);
    }

    /** The labelled target training rows. */
    public Block target() {
        return target;
    }

    /** Provenance of the sources plus the labelled target data. */
    public DatasetProvenance pooledProvenance() {
        return pooledProvenance;
    }

    /** Provenance of the labelled target data. */
    public DatasetProvenance targetProvenance() {
        return targetProvenance;
    }

    /** Provenance of the pooled sources. */
    public DatasetProvenance sourceProvenance() {
        return sourceProvenance;
    }

    /** The rows {@code rows} of {@code b}, in order. */
    public static Block rows(Block b, int[] rows) {
        int[] l = b.labels == null ? null : new int[rows.length];
        double[] v = b.values == null ? null : new double[rows.length];
        double[] w = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (l != null) {
                l[i] = b.labels[rows[i]];
            }
            if (v != null) {
                v[i] = b.values[rows[i]];
            }
            w[i] = b.weights[rows[i]];
        }
        return new Block(b.name, TribuoMatrices.selectRows(b.x, rows), l, v, w);
    }

    /** Several blocks stacked in order. */
    public static Block stack(String name, List<Block> blocks) {
        int n = 0;
        for (Block b : blocks) {
            n += b.size();
        }
        int d = blocks.get(0).x.numCols;
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        boolean cls = blocks.get(0).labels != null;
        int[] l = cls ? new int[n] : null;
        double[] v = cls ? null : new double[n];
        double[] w = new double[n];
        int r = 0;
        for (Block b : blocks) {
            System.arraycopy(b.x.data, 0, x.data, r * d, b.size() * d);
            if (cls) {
                System.arraycopy(b.labels, 0, l, r, b.size());
            } else {
                System.arraycopy(b.values, 0, v, r, b.size());
            }
            System.arraycopy(b.weights, 0, w, r, b.size());
            r += b.size();
        }
        return new Block(name, x, l, v, w);
    }
}
