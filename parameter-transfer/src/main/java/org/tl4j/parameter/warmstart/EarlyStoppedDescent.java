package org.tl4j.parameter.warmstart;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.learn.Lbfgs;
import org.tl4j.core.math.Vectors;
import org.tl4j.core.matrix.DenseProducts;

import java.util.Arrays;

/**
 * Fine-tuning a linear model by gradient descent from the source model's parameters, stopped early: full-batch
 * gradient descent with the fixed step {@code 1/L} ({@code L} a Lipschitz constant of the objective's gradient) on
 * the target objective, its iterates recorded at given step counts. Stopping early is the regulariser (Yao, Rosasco
 * &amp; Caponnetto, <i>On early stopping in gradient descent learning</i>, Constructive Approximation 26, 2007): for
 * least squares the iterate after {@code t} steps from {@code w_s} equals a spectral filter of the solution that
 * plays the part of a ridge penalty {@code ~1/(t·step)} towards {@code w_s}; {@code t = 0} is the source model and,
 * for a strictly convex objective, {@code t → ∞} the target-only optimum. The fixed step (rather than core's L-BFGS,
 * whose iterates follow no regularisation path) is what makes the step count a transfer strength. Deterministic.
 */
public final class EarlyStoppedDescent {

    private EarlyStoppedDescent() {
    }

    /** Receives the iterate after {@code steps} steps (a copy it may keep). */
    @FunctionalInterface
    public interface Checkpoint {
        /**
         * @param index  the checkpoint's index
         * @param steps  steps taken
         * @param theta  the parameters after them
         */
        void reached(int index, int steps, double[] theta);
    }

    /**
     * Runs gradient descent from {@code start} with step {@code step}, reporting the iterate at every step count of
     * {@code checkpoints} (ascending, {@code 0} = the start).
     *
     * @throws IllegalArgumentException if the checkpoints are not ascending and non-negative, or the step is not
     *                                  positive
     * @throws ArithmeticException      if the objective becomes non-finite (the step is too large for it)
     */
    public static void run(Lbfgs.Objective f, double[] start, double step, int[] checkpoints, Checkpoint out) {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("Invalid step: " + step + " (must be finite and > 0)");
        }
        for (int i = 0; i < checkpoints.length; i++) {
            if (checkpoints[i] < 0 || (i > 0 && checkpoints[i] <= checkpoints[i - 1])) {
                throw new IllegalArgumentException("Checkpoints must be ascending and >= 0: "
                        + Arrays.toString(checkpoints));
            }
        }
        double[] theta = start.clone();
        double[] g = new double[theta.length];
        int done = 0;
        for (int c = 0; c < checkpoints.length; c++) {
            while (done < checkpoints[c]) {
                double v = f.evaluate(theta, g);
                if (!Double.isFinite(v)) {
                    throw new ArithmeticException("Gradient descent diverged after " + done + " steps (objective " + v
                            + ")");
                }
                for (int k = 0; k < theta.length; k++) {
                    theta[k] -= step * g[k];
                }
                done++;
            }
            out.reached(c, done, theta.clone());
        }
    }

    /**
     * The largest eigenvalue of {@code Z̃ᵀ V Z̃}, {@code Z̃ = [X, 1]} (with an intercept column) and {@code V} the
     * example weights divided by their sum: the curvature scale of a mean loss of {@code Xw + b}. Power iteration
     * from the all-ones vector to a relative change of 10⁻¹⁰ (at most 500 iterations), then raised by 1 % so that
     * {@code 1/L} stays a safe step when the iteration stops short.
     *
     * @param weights example weights, or {@code null} for ones
     */
    public static double curvature(DMatrixRMaj x, double[] weights) {
        int n = x.numRows;
        int d = x.numCols;
        DMatrixRMaj z = new DMatrixRMaj(n, d + 1);
        double wSum = 0;
        for (int i = 0; i < n; i++) {
            wSum += weights == null ? 1 : weights[i];
        }
        for (int i = 0; i < n; i++) {
            double s = Math.sqrt((weights == null ? 1 : weights[i]) / wSum);
            for (int j = 0; j < d; j++) {
                z.data[i * (d + 1) + j] = s * x.data[i * d + j];
            }
            z.data[i * (d + 1) + d] = s;
        }
        DMatrixRMaj gram = DenseProducts.multTransA(z, z);
        int m = d + 1;
        double[] v = new double[m];
        Arrays.fill(v, 1 / Math.sqrt(m));
        double lambda = 0;
        double[] next = new double[m];
        double[] row = new double[m];
        for (int it = 0; it < 500; it++) {
            for (int r = 0; r < m; r++) {
                System.arraycopy(gram.data, r * m, row, 0, m);
                next[r] = Vectors.dot(row, v, m);
            }
            double norm = Math.sqrt(Vectors.dot(next, next));
            if (norm == 0) {
                return 0;
            }
            for (int r = 0; r < m; r++) {
                v[r] = next[r] / norm;
            }
            boolean settled = Math.abs(norm - lambda) <= 1e-10 * norm;
            lambda = norm;
            if (settled) {
                break;
            }
        }
        return 1.01 * lambda;
    }
}
