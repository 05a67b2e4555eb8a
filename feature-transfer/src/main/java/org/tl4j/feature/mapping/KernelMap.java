package org.tl4j.feature.mapping;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.feature.linalg.Kernel;

import java.util.Objects;

/**
 * A kernel expansion {@code z = Σᵢ αᵢ k(xᵢ, x̃)} over stored reference samples {@code xᵢ}: the out-of-sample
 * map of a kernelised TCA/JDA/BDA embedding (the {@code n×k} coefficients are the dual solution). Like
 * {@link LinearMap} it can scale the input and the output to unit length. Immutable; arrays are copied in.
 *
 * @see LinearMap
 */
public final class KernelMap implements VectorMap {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final Kernel kernel;
    private final int n;
    private final int d;
    private final int k;
    private final double[] reference;
    private final double[] coefficients;
    private final boolean normaliseInput;
    private final boolean normaliseOutput;

    /**
     * @param name            a short name, e.g. {@code TCA}
     * @param kernel          the kernel
     * @param reference       the {@code n×d} reference samples, already in the form inputs take after
     *                        {@code normaliseInput}; copied
     * @param coefficients    the {@code n×k} expansion coefficients; copied
     * @param normaliseInput  whether inputs are scaled to unit length before the kernel is evaluated
     * @param normaliseOutput whether outputs are scaled to unit length
     */
    public KernelMap(String name, Kernel kernel, DMatrixRMaj reference, DMatrixRMaj coefficients,
                     boolean normaliseInput, boolean normaliseOutput) {
        this.name = Objects.requireNonNull(name, "name");
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        if (reference.numRows != coefficients.numRows) {
            throw new IllegalArgumentException(name + ": " + reference.numRows + " reference samples but "
                    + coefficients.numRows + " coefficient rows");
        }
        this.n = reference.numRows;
        this.d = reference.numCols;
        this.k = coefficients.numCols;
        this.reference = java.util.Arrays.copyOf(reference.data, n * d);
        this.coefficients = java.util.Arrays.copyOf(coefficients.data, n * k);
        for (double v : this.coefficients) {
            if (!Double.isFinite(v)) {
                throw new ArithmeticException(name + ": the kernel coefficients hold " + v);
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

    /** The kernel. */
    public Kernel kernel() {
        return kernel;
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
        double[] z = new double[k];
        double[] ref = new double[d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(reference, i * d, ref, 0, d);
            double kv = kernel.apply(ref, in);
            int row = i * k;
            for (int c = 0; c < k; c++) {
                z[c] += kv * coefficients[row + c];
            }
        }
        if (normaliseOutput) {
            VectorMap.normalise(z);
        }
        return z;
    }

    @Override
    public String describe() {
        return name + "(" + kernel + " expansion over " + n + " samples, " + d + " -> " + k
                + (normaliseInput ? ", unit-length input" : "") + (normaliseOutput ? ", unit-length output" : "") + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
