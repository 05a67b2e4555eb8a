package org.tl4j.instance.kmm;

import org.tl4j.core.math.Vectors;
import org.tl4j.instance.kernel.SymmetricOperator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Solves the convex quadratic program of kernel mean matching,
 * <pre>
 *   minimise ½ xᵀQx − cᵀx   subject to   0 ≤ x_i ≤ u,   lo ≤ Σ_i x_i ≤ hi,
 * </pre>
 * with {@code Q} symmetric positive semi-definite, to a certified accuracy.
 * <p>
 * The method is gradient projection with conjugate gradients on the active face (GPCG; Moré &amp; Toraldo,
 * <i>On the solution of large quadratic programming problems with bound constraints</i>, SIAM J. Optim. 1991),
 * extended to the one sum constraint: projected gradient steps with step {@code 1/L} ({@code L} an upper estimate
 * of {@code λ_max(Q)} from power iteration, doubled if a step fails to decrease the objective) identify which
 * bounds and which sum bound are active, then conjugate gradients minimise the quadratic on that face (with the
 * sum held fixed when a sum bound is active), stopping at the first bound a step would cross. Every step keeps the
 * iterate feasible and decreases the objective. The projection onto the feasible set (a box cut by a slab) is
 * exact: it shifts all coordinates by the one multiplier that puts the clipped sum on the slab.
 * <p>
 * Convergence is certified by the Frank–Wolfe duality gap {@code g(x) = max_{s feasible} ∇f(x)ᵀ(x − s) ≥ f(x) − f*},
 * computed exactly by a continuous-knapsack step; the solver stops when
 * {@code g(x) ≤ tolerance · max(|f(x)|, scale)}, a relative gap with an absolute floor. A solution that
 * does not reach the tolerance within the iteration budget is returned with {@link Solution#converged()} false,
 * never silently.
 *
 * @see KernelMeanMatching
 */
public final class BoxSumQuadraticProgram {

    private BoxSumQuadraticProgram() {
    }

    /**
     * A solution.
     *
     * @param x          the minimiser (a copy is returned by {@link #x()})
     * @param objective  {@code ½ xᵀQx − cᵀx}
     * @param gap        the Frank–Wolfe duality gap at {@code x}, an upper bound on {@code f(x) − f*}
     * @param iterations outer iterations (gradient-projection phase plus conjugate-gradient phase) used
     * @param converged  whether the relative gap reached the tolerance
     * @param method     the solver that produced it ({@link Method#GPCG} or {@link Method#SMO}, never AUTO)
     */
    public record Solution(double[] x, double objective, double gap, int iterations, boolean converged,
                           Method method) {
        /** A copy of the minimiser. */
        @Override
        public double[] x() {
            return x.clone();
        }
    }

    /** Which solver {@link #minimise(SymmetricOperator, double[], double, double, double, double, double, int, Method)} uses. */
    public enum Method {
        /**
         * {@link #SMO} where the matrix has cheap columns ({@link SymmetricOperator#hasCheapColumns()}) and
         * {@code n ≥} {@link #SMO_MIN_SIZE}, else {@link #GPCG}. The rule comes from timings of KMM programs
         * (2 cores, both solvers in one run): SMO was 4–18 times faster from {@code n = 1,000} to {@code 4,000}
         * (and at 10,000, see the README), while below 257 variables both take tens of milliseconds and GPCG,
         * solving those directly, reaches a far smaller gap; a low-rank operator has no cheap columns, so one SMO
         * step would cost a product.
         */
        AUTO,
        /** Gradient projection with conjugate gradients on the active face, with a working set for large programs. */
        GPCG,
        /** Sequential minimal optimisation: greedy one- and two-coordinate Newton steps (needs cheap columns). */
        SMO
    }

    /**
     * Minimises the program.
     *
     * @param q             the quadratic term, {@code n × n}
     * @param c             the linear term, length {@code n}; not modified
     * @param upper         the box bound {@code u > 0}
     * @param sumLow        the lower bound of {@code Σx}
     * @param sumHigh       the upper bound of {@code Σx}, {@code ≥ sumLow}
     * @param tolerance     the relative duality gap to reach, {@code > 0}
     * @param scale         the objective magnitude below which the gap is measured absolutely, {@code > 0}
     * @param maxIterations iteration budget, {@code ≥ 1}
     * @throws IllegalArgumentException if the bounds are invalid or the feasible set is empty
     */
    public static Solution minimise(SymmetricOperator q, double[] c, double upper, double sumLow, double sumHigh,
                                    double tolerance, double scale, int maxIterations) {
        return minimise(q, c, upper, sumLow, sumHigh, tolerance, scale, maxIterations, Method.AUTO);
    }

    /** The solver {@link Method#AUTO} picks for an operator. */
    public static Method chosen(SymmetricOperator q, Method method) {
        if (method != Method.AUTO) {
            return method;
        }
        return q.hasCheapColumns() && q.size() >= SMO_MIN_SIZE ? Method.SMO : Method.GPCG;
    }

    /**
     * Minimises the program with the given solver; both stop on the same certified duality gap.
     *
     * @param method {@link Method#AUTO}, {@link Method#GPCG} or {@link Method#SMO}; SMO reads single columns of
     *               {@code q} and is slow where they cost a product ({@link SymmetricOperator#hasCheapColumns()})
     * @throws IllegalArgumentException if the bounds are invalid or the feasible set is empty
     * @see #minimise(SymmetricOperator, double[], double, double, double, double, double, int)
     */
    public static Solution minimise(SymmetricOperator q, double[] c, double upper, double sumLow, double sumHigh,
                                    double tolerance, double scale, int maxIterations, Method method) {
        int n = q.size();
        if (method == null) {
            throw new IllegalArgumentException("No solver method given: use AUTO, GPCG or SMO");
        }
        if (c.length != n) {
            throw new IllegalArgumentException("Linear term has length " + c.length + ", expected " + n);
        }
        if (n == 0) {
            throw new IllegalArgumentException("The program has no variables");
        }
        if (!(upper > 0) || Double.isInfinite(upper)) {
            throw new IllegalArgumentException("Invalid upper bound: " + upper + " (must be finite and > 0)");
        }
        if (!(sumLow <= sumHigh) || sumHigh < 0 || sumLow > n * upper) {
            throw new IllegalArgumentException("Infeasible constraints: sum in [" + sumLow + ", " + sumHigh
                    + "] with " + n + " variables in [0, " + upper + "]");
        }
        if (!(tolerance > 0) || !(scale > 0)) {
            throw new IllegalArgumentException("Invalid tolerance " + tolerance + " or scale " + scale + " (must be > 0)");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("Invalid iteration budget: " + maxIterations + " (must be >= 1)");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(c[i])) {
                throw new IllegalArgumentException("Linear term entry " + i + " is " + c[i]);
            }
        }
        double lo = Math.max(0, sumLow);
        double hi = Math.min(n * upper, sumHigh);
        if (chosen(q, method) == Method.SMO) {
            return SequentialMinimalOptimisation.solve(q, c, upper, lo, hi, tolerance, scale, maxIterations);
        }
        if (n <= DIRECT_SIZE) {
            return solveDirect(q, c, upper, lo, hi, tolerance, scale, maxIterations, null);
        }
        return solveWorkingSet(q, c, upper, lo, hi, tolerance, scale, maxIterations);
    }

    /** The smallest program {@link Method#AUTO} gives to SMO (measured: see {@link Method#AUTO}). */
    public static final int SMO_MIN_SIZE = 257;

    /** Problems up to this size are solved directly; larger ones grow a working set of candidate non-zeros. */
    static final int DIRECT_SIZE = 256;

    /**
     * The working-set strategy for large programs, whose solutions are often sparse (most source points far from
     * the target get weight 0): the program is solved on a working set with every other variable held at 0; the
     * full gradient then shows which held variables the objective wants to raise (those below the free variables'
     * gradient level), the most promising of them join the set, and the loop ends when the Frank–Wolfe gap of the
     * full program certifies the tolerance. Starts from the variables with the largest linear term.
     */
    private static Solution solveWorkingSet(SymmetricOperator q, double[] c, double upper, double lo, double hi,
                                            double tolerance, double scale, int maxIterations) {
        int n = q.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int cmp = Double.compare(c[b], c[a]);
            return cmp != 0 ? cmp : Integer.compare(a, b);
        });
        int size = (int) Math.min(n, Math.max(Math.max(DIRECT_SIZE / 2, n / 8), Math.ceil(lo / upper) + 16));
        boolean[] inSet = new boolean[n];
        int[] set = new int[n];
        for (int k = 0; k < size; k++) {
            set[k] = order[k];
            inSet[order[k]] = true;
        }
        double[] x = new double[n];
        double[] qx = new double[n];
        double[] grad = new double[n];
        int iterations = 0;
        double objective = Double.NaN;
        double gap = Double.POSITIVE_INFINITY;
        double[] warm = null;
        while (true) {
            int[] w = Arrays.copyOf(set, size);
            Arrays.sort(w);
            double[] cw = new double[size];
            for (int a = 0; a < size; a++) {
                cw[a] = c[w[a]];
            }
            if (warm != null) {
                double[] start = new double[size];
                for (int a = 0; a < size; a++) {
                    start[a] = x[w[a]];
                }
                warm = start;
            }
            Solution sub = solveDirect(q.principal(w), cw, upper, lo, Math.min(hi, size * upper), 0.5 * tolerance,
                    scale, Math.max(1, maxIterations - iterations), warm);
            iterations += sub.iterations();
            Arrays.fill(x, 0);
            double[] xw = sub.x();
            for (int a = 0; a < size; a++) {
                x[w[a]] = xw[a];
            }
            q.applyColumns(w, size, xw, qx);
            objective = objective(x, qx, c, grad);
            gap = frankWolfeGap(x, grad, upper, lo, hi);
            if (gap <= tolerance * Math.max(Math.abs(objective), scale) || iterations >= maxIterations || size == n) {
                break;
            }
            // The level the objective's gradient has on the free variables (0 when the sum constraint is slack):
            // a held variable below it would lower the objective if raised.
            double level = 0;
            int free = 0;
            double freeGrad = 0;
            for (int a = 0; a < size; a++) {
                if (xw[a] > 0 && xw[a] < upper) {
                    free++;
                    freeGrad += grad[w[a]];
                }
            }
            if (sumState(x, lo, hi) != 0 && free > 0) {
                level = freeGrad / free;
            }
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!inSet[i] && grad[i] < level) {
                    candidates.add(i);
                }
            }
            if (candidates.isEmpty()) {
                // Nothing outside wants in: the gap comes from inside the set; finish on the full program.
                Solution all = solveDirect(q, c, upper, lo, hi, tolerance, scale, Math.max(1, maxIterations - iterations), x);
                return new Solution(all.x(), all.objective(), all.gap(), iterations + all.iterations(), all.converged(),
                        Method.GPCG);
            }
            candidates.sort((a, b) -> {
                int cmp = Double.compare(grad[a], grad[b]);
                return cmp != 0 ? cmp : Integer.compare(a, b);
            });
            int add = Math.min(candidates.size(), Math.max(DIRECT_SIZE / 4, size / 2));
            for (int k = 0; k < add; k++) {
                int i = candidates.get(k);
                inSet[i] = true;
                set[size++] = i;
            }
            warm = new double[0];
        }
        boolean converged = gap <= tolerance * Math.max(Math.abs(objective), scale);
        return new Solution(x, objective, Math.max(0, gap), iterations, converged, Method.GPCG);
    }

    /** GPCG on the whole program, from {@code start} (projected) or from all ones. */
    private static Solution solveDirect(SymmetricOperator q, double[] c, double upper, double lo, double hi,
                                        double tolerance, double scale, int maxIterations, double[] start) {
        int n = q.size();
        double lipschitz = 1.1 * largestEigenvalue(q) + 1e-300;

        double[] x = new double[n];
        if (start != null && start.length == n) {
            System.arraycopy(start, 0, x, 0, n);
        } else {
            Arrays.fill(x, Math.min(upper, 1.0));
        }
        project(x, upper, lo, hi, x);
        double[] qx = new double[n];
        double[] grad = new double[n];
        double[] trial = new double[n];
        double[] qTrial = new double[n];
        double bbStep = -1;
        product(q, x, qx);
        double objective = objective(x, qx, c, grad);
        double gap = frankWolfeGap(x, grad, upper, lo, hi);
        int it = 0;
        while (gap > tolerance * Math.max(Math.abs(objective), scale) && it < maxIterations) {
            it++;
            // Gradient projection frees and fixes bounds until the face (which bounds, and whether a sum bound,
            // bind) stops changing. The Barzilai–Borwein step lets one step change many bounds; 1/L is the
            // guaranteed-descent fallback.
            long face = faceSignature(x, upper, lo, hi);
            for (int step = 0; step < PROJECTION_STEPS; step++) {
                double alpha = bbStep > 0 ? bbStep : 1 / lipschitz;
                while (true) {
                    for (int i = 0; i < n; i++) {
                        trial[i] = x[i] - alpha * grad[i];
                    }
                    project(trial, upper, lo, hi, trial);
                    product(q, trial, qTrial);
                    double f = objective(trial, qTrial, c, null);
                    double slack = 1e-13 * Math.abs(objective) + 1e-300;
                    if (f <= objective - slack || (alpha <= 1 / lipschitz && f <= objective + slack)) {
                        break;
                    }
                    if (alpha > 1 / lipschitz) {
                        alpha = Math.max(alpha / 4, 1 / lipschitz);
                    } else {
                        lipschitz *= 2; // λ_max was underestimated
                        alpha = 1 / lipschitz;
                    }
                }
                double ss = 0;
                double sy = 0;
                for (int i = 0; i < n; i++) {
                    double si = trial[i] - x[i];
                    ss += si * si;
                    sy += si * (qTrial[i] - qx[i]);
                }
                bbStep = sy > 0 ? ss / sy : -1;
                double[] swap = x;
                x = trial;
                trial = swap;
                swap = qx;
                qx = qTrial;
                qTrial = swap;
                objective = objective(x, qx, c, grad);
                long next = faceSignature(x, upper, lo, hi);
                if (next == face || ss == 0) {
                    break;
                }
                face = next;
            }
            // Conjugate gradients on the face: fast where the kernel's spectrum is spread out.
            if (faceConjugateGradients(q, x, qx, c, upper, lo, hi)) {
                objective = objective(x, qx, c, grad);
            }
            gap = frankWolfeGap(x, grad, upper, lo, hi);
        }
        return new Solution(x, objective, Math.max(0, gap), it, gap <= tolerance * Math.max(Math.abs(objective), scale),
                Method.GPCG);
    }

    /** Gradient-projection steps per outer iteration at most (fewer once the face stops changing). */
    static final int PROJECTION_STEPS = 10;

    /** {@code out = Q x}, from the columns of the non-zero entries when {@code x} is sparse. */
    static void product(SymmetricOperator q, double[] x, double[] out) {
        int n = x.length;
        int[] nz = new int[n];
        double[] values = new double[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] != 0) {
                nz[count] = i;
                values[count++] = x[i];
            }
        }
        if (count < n / 2) {
            q.applyColumns(nz, count, values, out);
        } else {
            q.apply(x, out);
        }
    }

    /** A hash of which coordinates sit at 0, inside or at {@code u}, and of which sum bound is active. */
    private static long faceSignature(double[] x, double u, double lo, double hi) {
        long h = sumState(x, lo, hi);
        for (double v : x) {
            h = 1_000_003L * h + (v <= 0 ? 0 : v >= u ? 2 : 1);
        }
        return h;
    }

    /** {@code ½ xᵀQx − cᵀx}, and the gradient {@code Qx − c} into {@code grad} when it is not null. */
    static double objective(double[] x, double[] qx, double[] c, double[] grad) {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            f += x[i] * (0.5 * qx[i] - c[i]);
            if (grad != null) {
                grad[i] = qx[i] - c[i];
            }
        }
        return f;
    }

    /** {@code -1} on the lower sum bound, {@code 1} on the upper one, {@code 0} strictly between. */
    private static int sumState(double[] x, double lo, double hi) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        double tol = 1e-9 * Math.max(1, hi);
        return s >= hi - tol ? 1 : s <= lo + tol ? -1 : 0;
    }

    /**
     * Minimises the quadratic over the current face by conjugate gradients: the free coordinates are those strictly
     * inside the box, and the sum is held fixed when a sum bound is active. A step that would leave the feasible set
     * ends the phase, either at the first bound crossed or, when that lowers the objective more, at the full step
     * projected back onto the feasible set (which fixes several coordinates at once). The phase also ends when a
     * step gains less than a quarter of the best gain so far (Moré &amp; Toraldo's rule). {@code qx} is kept equal
     * to {@code Q x}.
     *
     * @return whether {@code x} moved
     */
    private static boolean faceConjugateGradients(SymmetricOperator q, double[] x, double[] qx, double[] c, double u,
                                                  double lo, double hi) {
        int n = x.length;
        int[] free = new int[n];
        int f = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += x[i];
            if (x[i] > 0 && x[i] < u) {
                free[f++] = i;
            }
        }
        if (f == 0) {
            return false;
        }
        boolean sumFixed = sumState(x, lo, hi) != 0;
        double[] start = new double[f];
        double[] g = new double[f];
        double[] r = new double[f];
        for (int k = 0; k < f; k++) {
            start[k] = x[free[k]];
            g[k] = qx[free[k]] - c[free[k]];
            r[k] = g[k];
        }
        if (sumFixed) {
            centre(r, f);
        }
        double rr = Vectors.dot(r, r, f);
        double rr0 = rr;
        if (!(rr > 0)) {
            return false;
        }
        double[] p = new double[f];
        for (int k = 0; k < f; k++) {
            p[k] = -r[k];
        }
        double[] qp = new double[f];
        double[] qpCentred = new double[f];
        double[] step = new double[f];
        double bestGain = 0;
        boolean moved = false;
        for (int iter = 0; iter < 2 * f + 20; iter++) {
            q.applyPrincipal(free, f, p, qp);
            System.arraycopy(qp, 0, qpCentred, 0, f);
            if (sumFixed) {
                centre(qpCentred, f);
            }
            double curvature = Vectors.dot(p, qpCentred, f);
            double gp = Vectors.dot(g, p, f);
            double alphaMax = Double.POSITIVE_INFINITY;
            for (int k = 0; k < f; k++) {
                double xk = x[free[k]];
                double limit = p[k] < 0 ? -xk / p[k] : p[k] > 0 ? (u - xk) / p[k] : Double.POSITIVE_INFINITY;
                alphaMax = Math.min(alphaMax, limit);
            }
            if (!sumFixed) {
                double dp = 0;
                for (int k = 0; k < f; k++) {
                    dp += p[k];
                }
                double limit = dp > 0 ? (hi - total) / dp : dp < 0 ? (lo - total) / dp : Double.POSITIVE_INFINITY;
                alphaMax = Math.min(alphaMax, limit);
            }
            alphaMax = Math.max(0, alphaMax);
            double alpha = curvature > 0 ? rr / curvature : Double.POSITIVE_INFINITY;
            if (alpha >= alphaMax) {
                if (Double.isFinite(alpha) && f > 1
                        && projectedStep(q, x, g, free, f, p, alpha, alphaMax, gp, curvature, u, lo, hi, total, step)) {
                    for (int k = 0; k < f; k++) {
                        int i = free[k];
                        double v = x[i] + step[k];
                        x[i] = v <= 0 ? 0 : Math.min(v, u);
                    }
                    moved = true;
                } else if (alphaMax > 0) {
                    for (int k = 0; k < f; k++) {
                        int i = free[k];
                        double v = x[i] + alphaMax * p[k];
                        x[i] = v <= 0 ? 0 : Math.min(v, u);
                    }
                    moved = true;
                }
                break;
            }
            double gain = -(alpha * gp + 0.5 * alpha * alpha * curvature);
            for (int k = 0; k < f; k++) {
                int i = free[k];
                double v = x[i] + alpha * p[k];
                x[i] = v <= 0 ? 0 : Math.min(v, u);
                g[k] += alpha * qp[k];
                r[k] += alpha * qpCentred[k];
            }
            moved = true;
            total = 0;
            for (double v : x) {
                total += v;
            }
            bestGain = Math.max(bestGain, gain);
            double rrNew = Vectors.dot(r, r, f);
            if (rrNew <= 1e-24 * rr0) {
                break;
            }
            double beta = rrNew / rr;
            rr = rrNew;
            for (int k = 0; k < f; k++) {
                p[k] = -r[k] + beta * p[k];
            }
            if (sumFixed) {
                // Keep Σp = 0 exactly: rounding drift times a long step to a bound (alphaMax ~ 1/|p| once the
                // residual is tiny) would otherwise move the sum off its bound.
                centre(p, f);
            }
        }
        if (!moved) {
            return false;
        }
        // Refresh Q x from the displacement on the face: O(n·|F|) instead of a full product.
        double[] delta = new double[f];
        for (int k = 0; k < f; k++) {
            delta[k] = x[free[k]] - start[k];
        }
        double[] change = new double[n];
        q.applyColumns(free, f, delta, change);
        for (int i = 0; i < n; i++) {
            qx[i] += change[i];
        }
        return true;
    }

    /**
     * Tries the full conjugate-gradient step clipped to the box, {@code d = clip(x + αp) − x} on the face: accepted
     * (returning {@code true}, the step in {@code d}, and {@code g} updated) when it keeps the sum feasible and
     * lowers the objective more than the step {@code αMax} to the first bound.
     */
    private static boolean projectedStep(SymmetricOperator q, double[] x, double[] g, int[] free, int f, double[] p,
                                         double alpha, double alphaMax, double gp, double curvature, double u,
                                         double lo, double hi, double total, double[] d) {
        double faceSum = 0;
        double[] v = new double[f];
        for (int k = 0; k < f; k++) {
            int i = free[k];
            faceSum += x[i];
            v[k] = x[i] + alpha * p[k];
        }
        double fixed = total - faceSum;
        double faceLo = Math.max(0, lo - fixed);
        double faceHi = Math.min(f * u, hi - fixed);
        if (faceHi < faceLo) {
            return false;
        }
        // Clip to the box and, if the sum leaves the slab, shift the face onto it (an exact projection).
        project(v, u, faceLo, faceHi, v);
        for (int k = 0; k < f; k++) {
            d[k] = v[k] - x[free[k]];
        }
        double[] qd = new double[f];
        q.applyPrincipal(free, f, d, qd);
        double changeProjected = 0;
        for (int k = 0; k < f; k++) {
            changeProjected += d[k] * (g[k] + 0.5 * qd[k]);
        }
        double changeTruncated = alphaMax * gp + 0.5 * alphaMax * alphaMax * curvature;
        return changeProjected < changeTruncated;
    }

    private static void centre(double[] v, int count) {
        double m = 0;
        for (int k = 0; k < count; k++) {
            m += v[k];
        }
        m /= count;
        for (int k = 0; k < count; k++) {
            v[k] -= m;
        }
    }

    /**
     * The Euclidean projection of {@code v} onto {@code {0 ≤ x ≤ u, lo ≤ Σx ≤ hi}}: {@code x_i = clip(v_i − τ)}
     * with {@code τ = 0} when the clipped sum already lies in {@code [lo, hi]}, else the shift that puts it on the
     * violated bound. {@code out} may be {@code v}.
     */
    static void project(double[] v, double u, double lo, double hi, double[] out) {
        int n = v.length;
        double s0 = clippedSum(v, u, 0);
        double target;
        if (s0 > hi) {
            target = hi;
        } else if (s0 < lo) {
            target = lo;
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = clip(v[i], u);
            }
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double e : v) {
            max = Math.max(max, e);
            min = Math.min(min, e);
        }
        // clippedSum(τ) decreases from n·u at τ = min − u to 0 at τ = max.
        double a = min - u;
        double b = max;
        for (int k = 0; k < 200 && b - a > 1e-15 * (1 + Math.abs(a) + Math.abs(b)); k++) {
            double mid = 0.5 * (a + b);
            if (clippedSum(v, u, mid) > target) {
                a = mid;
            } else {
                b = mid;
            }
        }
        // Exact τ on the bracketed linear piece: free coordinates move one-for-one with τ.
        double tau = 0.5 * (a + b);
        double fixed = 0;
        int free = 0;
        double freeSum = 0;
        for (double e : v) {
            double z = e - tau;
            if (z >= u) {
                fixed += u;
            } else if (z > 0) {
                free++;
                freeSum += e;
            }
        }
        if (free > 0) {
            double exact = (freeSum + fixed - target) / free;
            if (exact >= a - 1e-12 * (1 + Math.abs(a)) && exact <= b + 1e-12 * (1 + Math.abs(b))) {
                tau = exact;
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = clip(v[i] - tau, u);
        }
    }

    /**
     * The Frank–Wolfe gap {@code max_s gᵀ(x − s)} over the feasible set: the minimising vertex puts {@code u} on
     * the most negative gradient entries until the sum reaches {@code clamp(u·#{g < 0}, lo, hi)}.
     */
    static double frankWolfeGap(double[] x, double[] g, double u, double lo, double hi) {
        int n = x.length;
        int negatives = 0;
        double gx = 0;
        for (int i = 0; i < n; i++) {
            if (g[i] < 0) {
                negatives++;
            }
            gx += g[i] * x[i];
        }
        double budget = Math.min(hi, Math.max(lo, negatives * u));
        // Only the values of the ceil(budget/u) smallest entries matter, not which coordinates hold them.
        double[] sorted = g.clone();
        Arrays.sort(sorted);
        double gs = 0;
        for (int k = 0; k < n && budget > 0; k++) {
            double s = Math.min(u, budget);
            gs += sorted[k] * s;
            budget -= s;
        }
        return gx - gs;
    }

    /** Power iteration for {@code λ_max(Q)} from a fixed start, so the estimate is reproducible. */
    static double largestEigenvalue(SymmetricOperator q) {
        int n = q.size();
        double[] v = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1.0 + 0.5 * Math.sin(i + 1.0);
        }
        double lambda = 0;
        for (int k = 0; k < 25; k++) {
            double norm = 0;
            for (double e : v) {
                norm += e * e;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return 0;
            }
            for (int i = 0; i < n; i++) {
                v[i] /= norm;
            }
            q.apply(v, w);
            double next = 0;
            for (int i = 0; i < n; i++) {
                next += v[i] * w[i];
            }
            double[] s = v;
            v = w;
            w = s;
            if (k > 3 && Math.abs(next - lambda) <= 1e-3 * Math.abs(next)) {
                lambda = next;
                break;
            }
            lambda = next;
        }
        return Math.max(0, lambda);
    }

    private static double clippedSum(double[] v, double u, double tau) {
        double s = 0;
        for (double e : v) {
            s += clip(e - tau, u);
        }
        return s;
    }

    private static double clip(double z, double u) {
        return z <= 0 ? 0 : Math.min(z, u);
    }
}
