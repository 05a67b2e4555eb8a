package org.tl4j.feature.linalg;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.matrix.DenseProducts;

import java.io.Serializable;

/**
 * A positive semi-definite kernel on feature vectors: linear {@code k(x,y) = xᵀy} or Gaussian (RBF)
 * {@code k(x,y) = exp(−γ‖x−y‖²)} (the parameterisation of the TCA/JDA code). Immutable.
 *
 * @param kind  linear or RBF
 * @param gamma the RBF inverse width {@code γ > 0}; ignored (and stored as 0) for the linear kernel
 */
public record Kernel(Kind kind, double gamma) implements Serializable {

    /** The kernel families. */
    public enum Kind {
        /** {@code xᵀy}. */
        LINEAR,
        /** {@code exp(−γ‖x−y‖²)}. */
        RBF
    }

    /** Validates {@code γ}. */
    public Kernel {
        if (kind == Kind.RBF && !(gamma > 0 && Double.isFinite(gamma))) {
            throw new IllegalArgumentException("Invalid RBF kernel width gamma: " + gamma + " (must be positive and finite)");
        }
        if (kind == Kind.LINEAR) {
            gamma = 0;
        }
    }

    /** The linear kernel. */
    public static Kernel linear() {
        return new Kernel(Kind.LINEAR, 0);
    }

    /** The Gaussian kernel with inverse width {@code gamma}. */
    public static Kernel rbf(double gamma) {
        return new Kernel(Kind.RBF, gamma);
    }

    /** {@code k(x, y)}. */
    public double apply(double[] x, double[] y) {
        if (kind == Kind.LINEAR) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += x[i] * y[i];
            }
            return s;
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double v = x[i] - y[i];
            s += v * v;
        }
        return Math.exp(-gamma * s);
    }

    /** The {@code n×m} kernel matrix between the rows of {@code a} ({@code n×d}) and {@code b} ({@code m×d}). */
    public DMatrixRMaj matrix(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj k = DenseProducts.multTransB(a, b, a == b);
        if (kind == Kind.RBF) {
            double[] na = rowNorms(a);
            double[] nb = rowNorms(b);
            for (int i = 0; i < a.numRows; i++) {
                for (int j = 0; j < b.numRows; j++) {
                    double d2 = Math.max(0, na[i] + nb[j] - 2 * k.unsafe_get(i, j));
                    k.unsafe_set(i, j, Math.exp(-gamma * d2));
                }
            }
        }
        return k;
    }

    /** The symmetric {@code n×n} kernel matrix of the rows of {@code a}. */
    public DMatrixRMaj gram(DMatrixRMaj a) {
        DMatrixRMaj k = matrix(a, a);
        for (int i = 0; i < a.numRows; i++) {
            if (kind == Kind.RBF) {
                k.unsafe_set(i, i, 1.0);
            }
            for (int j = i + 1; j < a.numRows; j++) {
                double v = 0.5 * (k.unsafe_get(i, j) + k.unsafe_get(j, i));
                k.unsafe_set(i, j, v);
                k.unsafe_set(j, i, v);
            }
        }
        return k;
    }

    private static double[] rowNorms(DMatrixRMaj m) {
        double[] out = new double[m.numRows];
        for (int i = 0; i < m.numRows; i++) {
            double s = 0;
            for (int j = 0; j < m.numCols; j++) {
                double v = m.unsafe_get(i, j);
                s += v * v;
            }
            out[i] = s;
        }
        return out;
    }

    @Override
    public String toString() {
        return kind == Kind.LINEAR ? "linear" : "rbf(gamma=" + gamma + ")";
    }
}
