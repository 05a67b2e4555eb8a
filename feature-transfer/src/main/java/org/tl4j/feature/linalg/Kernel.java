package org.tl4j.feature.linalg;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.kernel.GaussianKernel;
import org.tl4j.core.matrix.DenseProducts;

import java.io.Serializable;

/**
 * A positive semi-definite kernel on feature vectors: linear {@code k(x,y) = xᵀy} or Gaussian (RBF)
 * {@code k(x,y) = exp(−γ‖x−y‖²)} (the parameterisation of the TCA/JDA code). The RBF kernel is core's shared
 * {@link GaussianKernel} made {@link GaussianKernel#withGamma with γ}: the same definition, the same floating-point
 * computation (squared distances from one dense product, coordinate differences for a single pair) and so the same
 * bits the published reproductions were measured with. Immutable.
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
        if (kind == Kind.RBF) {
            GaussianKernel.withGamma(gamma);
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
        if (kind == Kind.RBF) {
            return GaussianKernel.withGamma(gamma).value(x, y);
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** The {@code n×m} kernel matrix between the rows of {@code a} ({@code n×d}) and {@code b} ({@code m×d}). */
    public DMatrixRMaj matrix(DMatrixRMaj a, DMatrixRMaj b) {
        if (kind == Kind.RBF) {
            return GaussianKernel.withGamma(gamma).matrix(a, b);
        }
        return DenseProducts.multTransB(a, b, a == b);
    }

    /** The symmetric {@code n×n} kernel matrix of the rows of {@code a}. */
    public DMatrixRMaj gram(DMatrixRMaj a) {
        if (kind == Kind.RBF) {
            return GaussianKernel.withGamma(gamma).symmetricMatrix(a);
        }
        return DenseProducts.multTransB(a, a, true);
    }

    @Override
    public String toString() {
        return kind == Kind.LINEAR ? "linear" : "rbf(gamma=" + gamma + ")";
    }
}
