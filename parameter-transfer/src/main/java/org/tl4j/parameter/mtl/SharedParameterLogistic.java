package org.tl4j.parameter.mtl;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.learn.Lbfgs;
import org.tl4j.core.learn.LogisticRegression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Regularised multi-task multinomial logistic regression with shared parameters (Evgeniou &amp; Pontil, KDD 2004,
 * with the softmax loss): task {@code t}'s weights are {@code W_t = W₀ + V_t} ({@code K×d}), each task has its own
 * unpenalised intercepts {@code b_t}, and
 * <pre>
 *   J = C Σ_t Σ_i s_ti ℓ_softmax((W₀ + V_t) x_ti + b_t, y_ti)  +  ½ λ₀ ‖W₀‖²  +  ½ λ_v Σ_t ‖V_t‖²
 * </pre>
 * is minimised by core's {@link Lbfgs} over {@code θ = (W₀, V_1 … V_T, b_1 … b_T)}. Each task's loss and its
 * gradient with respect to {@code (W_t, b_t)} come from core's {@link LogisticRegression#objective} (the one
 * definition of the softmax loss); by the chain rule {@code ∂J/∂W₀ = Σ_t ∂J/∂W_t + λ₀W₀} and
 * {@code ∂J/∂V_t = ∂J/∂W_t + λ_vV_t}. As in core, two classes with {@link LogisticRegression.Binary#LOGISTIC}
 * double the penalties (binary logistic regression on the log-odds), and L-BFGS runs on {@code J / (C Σs)} to the
 * inner learner's gradient tolerance; not converging is an error.
 *
 * @see SharedParameterRegression
 */
public final class SharedParameterLogistic {

    private SharedParameterLogistic() {
    }

    /**
     * The fitted tasks.
     *
     * @param shared     {@code W₀} ({@code K×d})
     * @param tasks      each task's model {@code (W₀ + V_t, b_t)}
     * @param iterations L-BFGS iterations
     * @param theta      the solution vector (for warm starts)
     */
    public record Fitted(DMatrixRMaj shared, List<LogisticRegression.Fitted> tasks, int iterations, double[] theta) {
    }

    /**
     * The objective {@code J / (C Σs)} over {@code θ = (W₀, V_1 … V_T, b_1 … b_T)}, for optimisers and gradient
     * checks.
     *
     * @param options the base settings ({@code C}, two-class model; its penalty and prior are not used)
     */
    public static Lbfgs.Objective objective(List<DMatrixRMaj> x, List<int[]> y, List<double[]> weights, int classes,
                                            LogisticRegression.Options options, double lambdaShared,
                                            double lambdaTask) {
        int tasks = x.size();
        int d = x.get(0).numCols;
        int p = classes * d;
        LogisticRegression.Options unpenalised = options.withPrior(null, 0);
        List<Lbfgs.Objective> f = new ArrayList<>();
        double[] share = new double[tasks];
        double total = 0;
        for (int t = 0; t < tasks; t++) {
            f.add(LogisticRegression.objective(x.get(t), y.get(t), classes, weights == null ? null : weights.get(t),
                    unpenalised));
            double s = 0;
            for (int i = 0; i < x.get(t).numRows; i++) {
                s += weights == null ? 1 : weights.get(t)[i];
            }
            share[t] = s;
            total += s;
        }
        double twice = classes == 2 && options.binary() == LogisticRegression.Binary.LOGISTIC ? 2 : 1;
        double mu0 = twice * lambdaShared / (options.c() * total);
        double muV = twice * lambdaTask / (options.c() * total);
        for (int t = 0; t < tasks; t++) {
            share[t] /= total;
        }
        return (theta, grad) -> {
            Arrays.fill(grad, 0);
            double value = 0;
            double[] thetaT = new double[p + classes];
            double[] g = new double[p + classes];
            int biasOffset = (tasks + 1) * p;
            for (int t = 0; t < tasks; t++) {
                int vOff = (t + 1) * p;
                for (int j = 0; j < p; j++) {
                    thetaT[j] = theta[j] + theta[vOff + j];
                }
                System.arraycopy(theta, biasOffset + t * classes, thetaT, p, classes);
                value += share[t] * f.get(t).evaluate(thetaT, g);
                for (int j = 0; j < p; j++) {
                    double gj = share[t] * g[j];
                    grad[j] += gj;
                    grad[vOff + j] += gj;
                }
                for (int c = 0; c < classes; c++) {
                    grad[biasOffset + t * classes + c] = share[t] * g[p + c];
                }
            }
            double pen0 = 0;
            double penV = 0;
            for (int j = 0; j < p; j++) {
                pen0 += theta[j] * theta[j];
                grad[j] += mu0 * theta[j];
            }
            for (int j = p; j < biasOffset; j++) {
                penV += theta[j] * theta[j];
                grad[j] += muV * theta[j];
            }
            return value + 0.5 * (mu0 * pen0 + muV * penV);
        };
    }

    /**
     * Fits the tasks.
     *
     * @param x            each task's inputs; not modified
     * @param y            each task's class ids in {@code [0, classes)}
     * @param weights      each task's example weights, or {@code null}
     * @param options      {@code C}, the two-class model, tolerance and budget (penalty and prior unused)
     * @param lambdaShared {@code λ₀ ≥ 0}
     * @param lambdaTask   {@code λ_v > 0}
     * @param start        a previous solution's {@code theta} (same tasks and shapes) or {@code null} (zeros)
     * @throws IllegalStateException if L-BFGS does not reach the tolerance
     */
    public static Fitted fit(List<DMatrixRMaj> x, List<int[]> y, List<double[]> weights, int classes,
                             LogisticRegression.Options options, double lambdaShared, double lambdaTask,
                             double[] start) {
        if (!(lambdaTask > 0) || !(lambdaShared >= 0) || Double.isInfinite(lambdaTask)
                || Double.isInfinite(lambdaShared)) {
            throw new IllegalArgumentException("Invalid penalties lambda_0 " + lambdaShared + " (>= 0) and lambda_v "
                    + lambdaTask + " (> 0)");
        }
        int tasks = x.size();
        int d = x.get(0).numCols;
        int p = classes * d;
        int size = (tasks + 1) * p + tasks * classes;
        if (start != null && start.length != size) {
            throw new IllegalArgumentException("The warm start has " + start.length + " values, expected " + size);
        }
        Lbfgs.Objective f = objective(x, y, weights, classes, options, lambdaShared, lambdaTask);
        Lbfgs.Result r = Lbfgs.minimise(f, start == null ? new double[size] : start, options.tolerance(),
                options.maxIterations());
        if (!r.converged()) {
            throw new IllegalStateException("Multi-task logistic regression did not converge: after " + r.iterations()
                    + " L-BFGS iterations the largest gradient entry is " + r.gradientMax() + " (tolerance "
                    + options.tolerance() + "); raise the penalties or the inner learner's tolerance");
        }
        double[] th = r.x();
        List<LogisticRegression.Fitted> models = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            double[] w = new double[p];
            for (int j = 0; j < p; j++) {
                w[j] = th[j] + th[(t + 1) * p + j];
            }
            double[] b = Arrays.copyOfRange(th, (tasks + 1) * p + t * classes, (tasks + 1) * p + (t + 1) * classes);
            models.add(new LogisticRegression.Fitted(DMatrixRMaj.wrap(classes, d, w), b, r.iterations(),
                    r.gradientMax(), r.value()));
        }
        return new Fitted(DMatrixRMaj.wrap(classes, d, Arrays.copyOf(th, p)), models, r.iterations(), th);
    }
}
