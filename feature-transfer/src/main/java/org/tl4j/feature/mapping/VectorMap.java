package org.tl4j.feature.mapping;

import org.ejml.data.DMatrixRMaj;

import java.io.Serializable;

/**
 * A fitted, immutable map from input vectors (in a task's feature order) to a learned representation: the pure
 * numeric part of a {@link org.tl4j.core.FeatureMapping}, with no Tribuo types, so algorithms and benchmarks use it
 * directly. {@link ExampleMapping} adapts it to Tribuo examples.
 *
 * @see LinearMap
 * @see KernelMap
 */
public interface VectorMap extends Serializable {

    /** Length of the input vectors. */
    int inputDimension();

    /** Length of the output vectors. */
    int outputDimension();

    /**
     * Maps one vector.
     *
     * @param x input of length {@link #inputDimension()}; not modified
     * @return a new output vector
     */
    double[] apply(double[] x);

    /** Maps each row of {@code x} (not modified) into the rows of a new matrix. */
    default DMatrixRMaj applyRows(DMatrixRMaj x) {
        if (x.numCols != inputDimension()) {
            throw new IllegalArgumentException("Expected rows of " + inputDimension() + " features, found " + x.numCols);
        }
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, outputDimension());
        double[] row = new double[x.numCols];
        for (int i = 0; i < x.numRows; i++) {
            System.arraycopy(x.data, i * x.numCols, row, 0, x.numCols);
            System.arraycopy(apply(row), 0, out.data, i * out.numCols, out.numCols);
        }
        return out;
    }

    /** A short description for provenance, e.g. {@code linear(800 -> 100, L2 in, L2 out)}. */
    String describe();

    /** Scales {@code v} in place to unit Euclidean length; a zero vector stays zero. */
    static void normalise(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        if (s > 0) {
            double inv = 1.0 / Math.sqrt(s);
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
    }
}
