package org.tl4j.feature.mapping;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.Domain;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.TransferTask;
import org.tl4j.core.matrix.TribuoMatrices;
import org.tribuo.Example;
import org.tribuo.Output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The numeric view of a {@link TransferTask} that feature-transfer algorithms work on: the labelled source rows
 * (all source domains stacked in order), the labelled target training rows and the unlabelled target rows, in the
 * task's feature order. The target test set is never read. Getters return copies.
 *
 * @param <T> output type
 */
public final class TaskMatrices<T extends Output<T>> {
    private final FeatureSpace space;
    private final DMatrixRMaj source;
    private final List<T> sourceOutputs;
    private final DMatrixRMaj targetLabelled;
    private final List<T> targetOutputs;
    private final DMatrixRMaj targetUnlabelled;

    private TaskMatrices(FeatureSpace space, DMatrixRMaj source, List<T> sourceOutputs, DMatrixRMaj targetLabelled,
                         List<T> targetOutputs, DMatrixRMaj targetUnlabelled) {
        this.space = space;
        this.source = source;
        this.sourceOutputs = Collections.unmodifiableList(sourceOutputs);
        this.targetLabelled = targetLabelled;
        this.targetOutputs = Collections.unmodifiableList(targetOutputs);
        this.targetUnlabelled = targetUnlabelled;
    }

    /** Reads the task's training data (not its test set). */
    public static <T extends Output<T>> TaskMatrices<T> of(TransferTask<T> task) {
        FeatureSpace space = task.featureSpace();
        DMatrixRMaj src = TribuoMatrices.stack(task.sources(), space);
        List<T> srcOut = new ArrayList<>(src.numRows);
        for (Domain<T> d : task.sources()) {
            outputs(d, srcOut);
        }
        DMatrixRMaj tl = TribuoMatrices.features(task.targetTrain(), space);
        List<T> tlOut = new ArrayList<>(tl.numRows);
        outputs(task.targetTrain(), tlOut);
        DMatrixRMaj tu = TribuoMatrices.features(task.targetUnlabelled(), space);
        return new TaskMatrices<>(space, src, srcOut, tl, tlOut, tu);
    }

    private static <T extends Output<T>> void outputs(Domain<T> d, List<T> out) {
        for (Example<T> e : d.data()) {
            out.add(e.getOutput());
        }
    }

    /** The feature space (column order). */
    public FeatureSpace space() {
        return space;
    }

    /** Number of features. */
    public int dimension() {
        return space.size();
    }

    /** The source rows, all source domains stacked. */
    public DMatrixRMaj source() {
        return source.copy();
    }

    /** The source outputs, one per source row. */
    public List<T> sourceOutputs() {
        return sourceOutputs;
    }

    /** The labelled target training rows (possibly none). */
    public DMatrixRMaj targetLabelled() {
        return targetLabelled.copy();
    }

    /** The outputs of the labelled target rows. */
    public List<T> targetOutputs() {
        return targetOutputs;
    }

    /** The unlabelled target rows (possibly none). */
    public DMatrixRMaj targetUnlabelled() {
        return targetUnlabelled.copy();
    }

    /** Every target row available for training: the labelled rows, then the unlabelled rows. */
    public DMatrixRMaj target() {
        return stackRows(targetLabelled, targetUnlabelled);
    }

    /** Number of source rows. */
    public int sourceSize() {
        return source.numRows;
    }

    /** Number of target rows available for training. */
    public int targetSize() {
        return targetLabelled.numRows + targetUnlabelled.numRows;
    }

    /** Number of labelled target rows. */
    public int targetLabelledSize() {
        return targetLabelled.numRows;
    }

    /** The rows of {@code a} then those of {@code b}. */
    public static DMatrixRMaj stackRows(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows > 0 && b.numRows > 0 && a.numCols != b.numCols) {
            throw new IllegalArgumentException("Cannot stack rows of " + a.numCols + " and " + b.numCols + " columns");
        }
        int cols = a.numRows > 0 ? a.numCols : b.numCols;
        DMatrixRMaj out = new DMatrixRMaj(a.numRows + b.numRows, cols);
        System.arraycopy(a.data, 0, out.data, 0, a.numRows * cols);
        System.arraycopy(b.data, 0, out.data, a.numRows * cols, b.numRows * cols);
        return out;
    }

    /** Rows {@code [from, to)} of {@code m} as a new matrix. */
    public static DMatrixRMaj rows(DMatrixRMaj m, int from, int to) {
        DMatrixRMaj out = new DMatrixRMaj(to - from, m.numCols);
        System.arraycopy(m.data, from * m.numCols, out.data, 0, (to - from) * m.numCols);
        return out;
    }
}
