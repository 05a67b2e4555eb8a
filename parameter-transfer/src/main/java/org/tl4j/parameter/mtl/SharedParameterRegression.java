package org.tl4j.parameter.mtl;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.List;

/**
 * Regularised multi-task linear regression with shared parameters (Evgeniou &amp; Pontil, <i>Regularized
 * multi-task learning</i>, KDD 2004), solved in closed form. Task {@code t}'s weights are {@code w_t = w₀ + v_t}
 * (a shared part and a task-specific deviation), each task has its own unpenalised intercept {@code b_t}, and
 * <pre>
 *   J = Σ_t Σ_i s_ti (y_ti − b_t − (w₀ + v_t)·x_ti)²  +  λ₀ ‖w₀‖²  +  λ_v Σ_t ‖v_t‖²
 * </pre>
 * is minimised ({@code s_ti} example weights). Evgeniou and Pontil's {@code λ₁/T} and {@code λ₂} are {@code λ_v} and
 * {@code λ₀}; a large {@code λ_v} forces every task onto the shared model (pooling), a small one frees each task
 * (separate fits), and their ratio sets how strongly tasks are pulled together.
 * <p>
 * <b>Closed form.</b> Centring each task's inputs and outputs with its weighted means removes {@code b_t}. With
 * {@code A_t = X_tᵀS_tX_t} and {@code c_t = X_tᵀS_ty_t} on centred data, setting the gradient to zero gives
 * {@code (A_t + λ_vI) v_t = c_t − A_t w₀} and {@code λ₀ w₀ = λ_v Σ_t v_t}; eliminating {@code v_t},
 * <pre>
 *   (λ₀ I + Σ_t M_t A_t) w₀ = Σ_t M_t c_t,     M_t = λ_v (A_t + λ_v I)⁻¹,
 *   v_t = (A_t + λ_v I)⁻¹ (c_t − A_t w₀),
 * </pre>
 * one {@code d×d} Cholesky factorisation per task plus one for {@code w₀} (instead of the {@code d(T+1)} stacked
 * normal equations; both give the same minimiser, which the tests check). {@code λ_v > 0} is required;
 * {@code λ₀ = 0} is allowed when {@code Σ_t M_t A_t} is non-singular.
 *
 * @see SharedParameterLogistic
 */
public final class SharedParameterRegression {

    private SharedParameterRegression() {
    }

    /**
     * The fitted tasks.
     *
     * @param shared     {@code w₀}
     * @param deviations {@code v_t}, one row per task
     * @param intercepts {@code b_t}
     */
    public record Fitted(double[] shared, double[][] deviations, double[] intercepts) {
        /** Task {@code t}'s weights {@code w₀ + v_t}. */
        public double[] weights(int t) {
            double[] w = shared.clone();
            for (int j = 0; j < w.length; j++) {
                w[j] += deviations[t][j];
            }
            return w;
        }
    }

    /**
     * Fits the tasks.
     *
     * @param x            each task's inputs ({@code n_t × d}); not modified
     * @param y            each task's outputs
     * @param weights      each task's example weights, or {@code null} for ones
     * @param lambdaShared {@code λ₀ ≥ 0}
     * @param lambdaTask   {@code λ_v > 0}
     * @throws IllegalArgumentException on invalid arguments
     * @throws IllegalStateException    if a system is singular (naming the fix)
     */
    public static Fitted fit(List<DMatrixRMaj> x, List<double[]> y, List<double[]> weights, double lambdaShared,
                             double lambdaTask) {
        if (!(lambdaTask > 0) || Double.isInfinite(lambdaTask)) {
            throw new IllegalArgumentException("Invalid task penalty lambda_v: " + lambdaTask + " (must be finite and > 0)");
        }
        if (!(lambdaShared >= 0) || Double.isInfinite(lambdaShared)) {
            throw new IllegalArgumentException("Invalid shared penalty lambda_0: " + lambdaShared
                    + " (must be finite and >= 0)");
        }
        int tasks = x.size();
        if (tasks == 0 || y.size() != tasks || (weights != null && weights.size() != tasks)) {
            throw new IllegalArgumentException("Expected as many output and weight arrays as tasks (" + tasks + ")");
        }
        int d = x.get(0).numCols;
        DMatrixRMaj[] a = new DMatrixRMaj[tasks];
        DMatrixRMaj[] c = new DMatrixRMaj[tasks];
        double[][] xMean = new double[tasks][];
        double[] yMean = new double[tasks];
        for (int t = 0; t < tasks; t++) {
            DMatrixRMaj xt = x.get(t);
            double[] yt = y.get(t);
            double[] wt = weights == null ? null : weights.get(t);
            int n = xt.numRows;
            if (xt.numCols != d || yt.length != n || (wt != null && wt.length != n)) {
                throw new IllegalArgumentException("Task " + t + ": " + n + "x" + xt.numCols + " inputs, " + yt.length
                        + " outputs" + (wt == null ? "" : ", " + wt.length + " weights") + "; expected " + d + " columns");
            }
            double wSum = 0;
            xMean[t] = new double[d];
            for (int i = 0; i < n; i++) {
                double w = wt == null ? 1 : wt[i];
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("Task " + t + " weight " + i + " is " + w);
                }
                wSum += w;
                for (int j = 0; j < d; j++) {
                    xMean[t][j] += w * xt.data[i * d + j];
                }
                yMean[t] += w * yt[i];
            }
            if (!(wSum > 0)) {
                throw new IllegalArgumentException("Task " + t + " has no positive example weight");
            }
            for (int j = 0; j < d; j++) {
                xMean[t][j] /= wSum;
            }
            yMean[t] /= wSum;
            DMatrixRMaj xs = new DMatrixRMaj(n, d);
            DMatrixRMaj ys = new DMatrixRMaj(n, 1);
            for (int i = 0; i < n; i++) {
                double sw = Math.sqrt(wt == null ? 1 : wt[i]);
                for (int j = 0; j < d; j++) {
                    xs.data[i * d + j] = sw * (xt.data[i * d + j] - xMean[t][j]);
                }
                ys.data[i] = sw * (yt[i] - yMean[t]);
            }
            a[t] = new DMatrixRMaj(d, d);
            CommonOps_DDRM.multTransA(xs, xs, a[t]);
            c[t] = new DMatrixRMaj(d, 1);
            CommonOps_DDRM.multTransA(xs, ys, c[t]);
        }
        // inv[t] = (A_t + λ_v I)⁻¹ applied through its Cholesky factor.
        DMatrixRMaj lhs = new DMatrixRMaj(d, d);
        DMatrixRMaj rhs = new DMatrixRMaj(d, 1);
        DMatrixRMaj[] invA = new DMatrixRMaj[tasks];
        for (int t = 0; t < tasks; t++) {
            DMatrixRMaj shifted = a[t].copy();
            for (int j = 0; j < d; j++) {
                shifted.add(j, j, lambdaTask);
            }
            LinearSolverDense<DMatrixRMaj> s = LinearSolverFactory_DDRM.symmPosDef(d);
            if (!s.setA(shifted)) {
                throw new IllegalStateException("Task " + t + ": A_t + lambda_v I is not positive definite");
            }
            invA[t] = new DMatrixRMaj(d, d);
            s.invert(invA[t]);
            DMatrixRMaj m = invA[t].copy();
            CommonOps_DDRM.scale(lambdaTask, m);
            DMatrixRMaj ma = new DMatrixRMaj(d, d);
            CommonOps_DDRM.mult(m, a[t], ma);
            CommonOps_DDRM.addEquals(lhs, ma);
            DMatrixRMaj mc = new DMatrixRMaj(d, 1);
            CommonOps_DDRM.mult(m, c[t], mc);
            CommonOps_DDRM.addEquals(rhs, mc);
        }
        for (int j = 0; j < d; j++) {
            lhs.add(j, j, lambdaShared);
        }
        // M_t A_t is symmetric (the two commute); symmetrise against rounding before the Cholesky solve.
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double v = 0.5 * (lhs.get(i, j) + lhs.get(j, i));
                lhs.set(i, j, v);
                lhs.set(j, i, v);
            }
        }
        LinearSolverDense<DMatrixRMaj> s0 = LinearSolverFactory_DDRM.symmPosDef(d);
        if (!s0.setA(lhs)) {
            throw new IllegalStateException("The shared-weight system is singular (" + d + " features, lambda_0 "
                    + lambdaShared + "): use a positive shared penalty (ridge:<lambda> as the inner learner)");
        }
        DMatrixRMaj w0 = new DMatrixRMaj(d, 1);
        s0.solve(rhs, w0);
        double[][] v = new double[tasks][];
        double[] b = new double[tasks];
        for (int t = 0; t < tasks; t++) {
            DMatrixRMaj r = c[t].copy();
            DMatrixRMaj aw = new DMatrixRMaj(d, 1);
            CommonOps_DDRM.mult(a[t], w0, aw);
            CommonOps_DDRM.subtractEquals(r, aw);
            DMatrixRMaj vt = new DMatrixRMaj(d, 1);
            CommonOps_DDRM.mult(invA[t], r, vt);
            v[t] = vt.data.clone();
            double bt = yMean[t];
            for (int j = 0; j < d; j++) {
                bt -= (w0.data[j] + v[t][j]) * xMean[t][j];
            }
            b[t] = bt;
        }
        for (double[] row : v) {
            for (double e : row) {
                if (!Double.isFinite(e)) {
                    throw new IllegalStateException("Multi-task regression produced a non-finite weight: the system is "
                            + "ill-conditioned; raise the penalties");
                }
            }
        }
        return new Fitted(w0.data.clone(), v, b);
    }
}
