package org.tl4j.feature.mapping;

import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Objects;

/**
 * An affine map {@code z = Aᵀ(x̃ − c)}, optionally with the input scaled to unit length first
 * ({@code x̃ = x/‖x‖}, as the JDA/BDA code normalises every sample) and the output scaled to unit length after
 * (as the JDA code normalises every embedded sample before 1-NN). PCA, TCA/JDA/BDA with a linear or primal kernel,
 * GFK (a square root of the kernel matrix) and the target side of Subspace Alignment are such maps.
 * Immutable; the arrays are copied in and never exposed.
 *
 * @see KernelMap
 */
public final class LinearMap implements VectorMap {
    private static final long serialVersionUID = 1L;

    private final int d;
    private final int k;
    private final double[] matrix;
    private final double[] offset;
    private final boolean normaliseInput;
    private final boolean normaliseOutput;
    private final String name;

    /**
     * @param name            a short name for descriptions, e.g. {@code PCA}
     * @param projection      the {@code d×k} matrix {@code A}, one output per column; copied
     * @param offset          the vector {@code c} subtracted from the input, or {@code null} for none; copied
     * @param normaliseInput  whether inputs are scaled to unit length first
     * @param normaliseOutput whether outputs are scaled to unit length
     * @throws IllegalArgumentException if the offset length differs from {@code d} or a value is not finite
     */
    public LinearMap(String name, DMatrixRMaj projection, double[] offset, boolean normaliseInput,
                     boolean normaliseOutput) {
        this.name = Objects.requireNonNull(name, "name");
        this.d = projection.numRows;
        this.k = projection.numCols;
        this.matrix = projection.data.length == d * k ? projection.data.clone() : Arrays.copyOf(projection.data, d * k);
        if (offset != null && offset.length != d) {
            throw new IllegalArgumentException(name + ": offset has " + offset.length + " entries, expected " + d);
        }
        this.offset = offset == null ? null : offset.clone();
        for (double v : matrix) {
            if (!Double.isFinite(v)) {
                throw new ArithmeticException(name + ": the projection holds " + v);
            }
        }
        this.normaliseInput = normaliseInput;
        this.normaliseOutput = normaliseOutput;
    }

    @Override
    public int inputDimension() {
        return d;
    }

    @Override
    public int outputDimension() {
        return k;
    }

    /** A copy of the {@code d×k} projection matrix. */
    public DMatrixRMaj projection() {
        return DMatrixRMaj.wrap(d, k, matrix.clone());
    }

    /** A copy of the offset, or {@code null}. */
    public double[] offset() {
        return offset == null ? null : offset.clone();
    }

    /** Whether inputs are scaled to unit length. */
    public boolean normalisesInput() {
        return normaliseInput;
    }

    /** Whether outputs are scaled to unit length. */
    public boolean normalisesOutput() {
        return normaliseOutput;
    }

    @Override
    public double[] apply(double[] x) {
        if (x.length != d) {
            throw new IllegalArgumentException(name + " maps vectors of " + d + " features, found " + x.length);
        }
        double[] in = x.clone();
        if (normaliseInput) {
            VectorMap.normalise(in);
        }
        if (offset != null) {
            for (int j = 0; j < d; j++) {
                in[j] -= offset[j];
            }
        }
        double[] z = new double[k];
        for (int j = 0; j < d; j++) {
            double v = in[j];
            if (v != 0) {
                int row = j * k;
                for (int c = 0; c < k; c++) {
                    z[c] += v * matrix[row + c];
                }
            }
        }
        if (normaliseOutput) {
            VectorMap.normalise(z);
        }
        return z;
    }

    @Override
    public String describe() {
        return name + "(linear " + d + " -> " + k + (normaliseInput ? ", unit-length input" : "")
                + (offset != null ? ", centred" : "") + (normaliseOutput ? ", unit-length output" : "") + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
