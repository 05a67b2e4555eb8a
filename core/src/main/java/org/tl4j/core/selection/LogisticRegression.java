package org.tl4j.core.selection;

import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * Binary L2-regularised logistic regression on EJML matrices, solved to a gradient tolerance by L-BFGS (Liu &amp;
 * Nocedal, Math. Program. 1989) with a backtracking Armijo line search: the probabilistic classifier behind
 * discriminative density-ratio estimation.
 * <p>
 * It minimises {@code Σ_k v_k log(1 + exp(−y_k (βᵀz_k + b))) / Σ_k v_k + ½λ‖β‖²} with {@code y_k = ±1}, example
 * weights {@code v_k} and features {@code z_k} standardised with the training mean and standard deviation (the
 * intercept is not penalised). The objective is strictly convex for {@code λ > 0}, so the minimiser is unique;
 * a fit that does not reach the tolerance is an error, not a silent result.
 */
public final class LogisticRegression {

    private static final int HISTORY = 10;

    private LogisticRegression() {
    }

    /**
     * A fitted model (immutable).
     *
     * @param mean      feature means used for standardisation
     * @param scale     feature standard deviations (1 for constant features)
     * @param coef      coefficients on standardised features
     * @param intercept intercept
     * @param iterations L-BFGS iterations used
     */
    public record Model(double[] mean, double[] scale, double[] coef, double intercept, int iterations) {
        /** Copies the arrays. */
        public Model {
            mean = mean.clone();
            scale = scale.clone();
            coef = coef.clone();
        }

        /** The decision value {@code βᵀz + b} of every row of {@code x}. */
        public double[] decision(DMatrixRMaj x) {
            int d = coef.length;
            if (x.numCols != d) {
                throw new IllegalArgumentException("Expected " + d + " features, found " + x.numCols);
            }
            double[] out = new double[x.numRows];
            for (int i = 0; i < x.numRows; i++) {
                double s = intercept;
                int off = i * d;
                for (int j = 0; j < d; j++) {
                    s += coef[j] * (x.data[off + j] - mean[j]) / scale[j];
                }
                out[i] = s;
            }
            return out;
        }

        /** {@code P(y = +1 | x)} for every row of {@code x}. */
        public double[] probability(DMatrixRMaj x) {
            double[] f = decision(x);
            for (int i = 0; i < f.length; i++) {
                f[i] = sigmoid(f[i]);
            }
            return f;
        }
    }

    /**
     * Fits the model.
     *
     * @param x             {@code N × d}; not modified
     * @param positive      the class of each row ({@code true} for {@code y = +1})
     * @param weights       non-negative example weights, or {@code null} for equal weights
     * @param lambda        L2 penalty {@code > 0}
     * @param tolerance     largest absolute gradient entry accepted at the solution
     * @param maxIterations L-BFGS iteration budget
     * @param start         a model to start from (warm start) or {@code null}
     * @throws IllegalArgumentException on invalid arguments
     * @throws IllegalStateException    if the tolerance is not reached
     */
    public static Model fit(DMatrixRMaj x, boolean[] positive, double[] weights, double lambda, double tolerance,
                            int maxIterations, Model start) {
        int n = x.numRows;
        int d = x.numCols;
        if (positive.length != n || (weights != null && weights.length != n)) {
            throw new IllegalArgumentException("Expected " + n + " labels and weights, found " + positive.length
                    + " and " + (weights == null ? "none" : weights.length));
        }
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("Invalid lambda: " + lambda + " (must be finite and > 0)");
        }
        double[] v = new double[n];
        double vSum = 0;
        for (int i = 0; i < n; i++) {
            v[i] = weights == null ? 1 : weights[i];
            if (!(v[i] >= 0) || Double.isInfinite(v[i])) {
                throw new IllegalArgumentException("Weight " + i + " is " + v[i] + " (must be finite and >= 0)");
            }
            vSum += v[i];
        }
        if (!(vSum > 0)) {
            throw new IllegalArgumentException("Logistic regression needs positive total weight");
        }
        for (int i = 0; i < n; i++) {
            v[i] /= vSum;
        }
        double[] mean = start != null ? start.mean() : new double[d];
        double[] scale = start != null ? start.scale() : new double[d];
        if (start == null) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    mean[j] += v[i] * x.unsafe_get(i, j);
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    double c = x.unsafe_get(i, j) - mean[j];
                    scale[j] += v[i] * c * c;
                }
            }
            for (int j = 0; j < d; j++) {
                scale[j] = scale[j] > 1e-24 ? Math.sqrt(scale[j]) : 1;
            }
        }
        double[] z = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i * d + j] = (x.unsafe_get(i, j) - mean[j]) / scale[j];
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = positive[i] ? 1 : -1;
        }
        // Parameters: β (d) then the intercept.
        double[] w = new double[d + 1];
        if (start != null) {
            System.arraycopy(start.coef(), 0, w, 0, d);
            w[d] = start.intercept();
        }
        Objective obj = new Objective(z, y, v, n, d, lambda);
        double[] g = new double[d + 1];
        double f = obj.value(w, g);
        double[][] s = new double[HISTORY][];
        double[][] yy = new double[HISTORY][];
        double[] rho = new double[HISTORY];
        int stored = 0;
        int head = 0;
        int it = 0;
        double[] dir = new double[d + 1];
        double[] wNew = new double[d + 1];
        double[] gNew = new double[d + 1];
        while (maxAbs(g) > tolerance && it < maxIterations) {
            // Two-loop recursion: dir = −H g.
            System.arraycopy(g, 0, dir, 0, d + 1);
            double[] a = new double[HISTORY];
            for (int k = 0; k < stored; k++) {
                int idx = Math.floorMod(head - 1 - k, HISTORY);
                a[idx] = rho[idx] * dot(s[idx], dir);
                axpy(-a[idx], yy[idx], dir);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, HISTORY);
                double gamma = dot(s[last], yy[last]) / dot(yy[last], yy[last]);
                for (int k = 0; k <= d; k++) {
                    dir[k] *= gamma;
                }
            }
            for (int k = stored - 1; k >= 0; k--) {
                int idx = Math.floorMod(head - 1 - k, HISTORY);
                double bb = rho[idx] * dot(yy[idx], dir);
                axpy(a[idx] - bb, s[idx], dir);
            }
            for (int k = 0; k <= d; k++) {
                dir[k] = -dir[k];
            }
            double slope = dot(g, dir);
            if (!(slope < 0)) {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                for (int k = 0; k <= d; k++) {
                    dir[k] = -g[k];
                }
                slope = dot(g, dir);
                stored = 0;
            }
            double step = stored == 0 ? Math.min(1, 1 / Math.max(1e-12, Math.sqrt(dot(g, g)))) : 1;
            double fNew;
            int backtracks = 0;
            while (true) {
                for (int k = 0; k <= d; k++) {
                    wNew[k] = w[k] + step * dir[k];
                }
                fNew = obj.value(wNew, gNew);
                if (fNew <= f + 1e-4 * step * slope || backtracks > 60) {
                    break;
                }
                step *= 0.5;
                backtracks++;
            }
            if (backtracks > 60) {
                break; // no decrease possible: reported below if the gradient is not small
            }
            double[] sk = new double[d + 1];
            double[] yk = new double[d + 1];
            for (int k = 0; k <= d; k++) {
                sk[k] = wNew[k] - w[k];
                yk[k] = gNew[k] - g[k];
            }
            double sy = dot(sk, yk);
            if (sy > 1e-16 * Math.sqrt(dot(sk, sk) * dot(yk, yk))) {
                s[head] = sk;
                yy[head] = yk;
                rho[head] = 1 / sy;
                head = (head + 1) % HISTORY;
                stored = Math.min(HISTORY, stored + 1);
            }
            System.arraycopy(wNew, 0, w, 0, d + 1);
            System.arraycopy(gNew, 0, g, 0, d + 1);
            f = fNew;
            it++;
        }
        if (maxAbs(g) > tolerance) {
            throw new IllegalStateException("Logistic regression did not converge: after " + it + " L-BFGS iterations "
                    + "the largest gradient entry is " + maxAbs(g) + " (tolerance " + tolerance + ", lambda "
                    + lambda + "); raise the iteration budget or lambda");
        }
        return new Model(mean, scale, Arrays.copyOf(w, d), w[d], it);
    }

    static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }

    /** {@code log(1 + exp(−t))}, stable for large {@code |t|}. */
    static double logLoss(double t) {
        return t > 0 ? Math.log1p(Math.exp(-t)) : -t + Math.log1p(Math.exp(t));
    }

    private static double maxAbs(double[] g) {
        double m = 0;
        for (double e : g) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int k = 0; k < x.length; k++) {
            y[k] += a * x[k];
        }
    }

    /** The penalised weighted log-loss and its gradient. */
    private record Objective(double[] z, double[] y, double[] v, int n, int d, double lambda) {
        double value(double[] w, double[] grad) {
            Arrays.fill(grad, 0);
            double f = 0;
            for (int i = 0; i < n; i++) {
                if (v[i] == 0) {
                    continue;
                }
                int off = i * d;
                double t = w[d];
                for (int j = 0; j < d; j++) {
                    t += w[j] * z[off + j];
                }
                double margin = y[i] * t;
                f += v[i] * logLoss(margin);
                double c = -v[i] * y[i] * sigmoid(-margin);
                for (int j = 0; j < d; j++) {
                    grad[j] += c * z[off + j];
                }
                grad[d] += c;
            }
            for (int j = 0; j < d; j++) {
                f += 0.5 * lambda * w[j] * w[j];
                grad[j] += lambda * w[j];
            }
            return f;
        }
    }
}
