package org.tl4j.instance.kmm;

import org.tl4j.instance.kernel.SymmetricOperator;

import java.util.Arrays;

/**
 * Sequential minimal optimisation for the box-and-slab program of {@link BoxSumQuadraticProgram},
 * <pre>
 *   minimise ½ xᵀQx − cᵀx   subject to   0 ≤ x_i ≤ u,   lo ≤ Σ_i x_i ≤ hi,
 * </pre>
 * in the style of LIBSVM's decomposition method with working sets of one or two variables chosen by second-order
 * information (Fan, Chen &amp; Lin, <i>Working set selection using second order information for training support
 * vector machines</i>, JMLR 6, 2005), adapted to a slab instead of an equality constraint.
 * <p>
 * The gradient {@code g = Qx − c} is kept up to date. Each step considers three moves and takes the one that lowers
 * the objective most, each by the exact one-dimensional Newton step clipped to the box and the slab:
 * <ul>
 *   <li>raise one coordinate {@code i} (possible while {@code Σx < hi}), with {@code i} the smallest gradient
 *       among the coordinates below {@code u};</li>
 *   <li>lower one coordinate {@code j} (possible while {@code Σx > lo}), with {@code j} the largest gradient among
 *       the coordinates above 0;</li>
 *   <li>raise {@code i} and lower {@code j} by the same amount (keeps the sum, so it also works with the sum on a
 *       bound): {@code i} as above (the first-order choice of the maximal violating pair) and {@code j} maximising
 *       the second-order gain {@code (g_j − g_i)² / (Q_ii + Q_jj − 2Q_ij)} among the coordinates above 0 with
 *       {@code g_j > g_i} (Fan et al.'s WSS 2; a non-positive curvature is replaced by a small {@code τ}).</li>
 * </ul>
 * A step touches one or two columns of {@code Q}, so it costs {@code O(n)} where columns are stored
 * ({@link SymmetricOperator#hasCheapColumns()}).
 * <p>
 * Stopping is certified exactly as in GPCG: every {@code n} steps the Frank–Wolfe duality gap
 * {@link BoxSumQuadraticProgram#frankWolfeGap} is computed from the maintained gradient; when it meets
 * {@code tolerance · max(|f|, scale)}, the gradient is recomputed from scratch by one product (removing the rounding
 * accumulated by the updates) and the gap is checked again, so the reported gap belongs to the returned point. One
 * <i>iteration</i> of the budget is {@code n} steps, the work of about one product with {@code Q}.
 */
final class SequentialMinimalOptimisation {

    /** Curvature used for a pair whose curvature {@code Q_ii + Q_jj − 2Q_ij} is not positive (as in LIBSVM). */
    private static final double TAU = 1e-12;

    private SequentialMinimalOptimisation() {
    }

    /**
     * Solves the program; arguments are validated by the caller, and {@code 0 ≤ lo ≤ hi ≤ n·u}.
     */
    static BoxSumQuadraticProgram.Solution solve(SymmetricOperator q, double[] c, double u, double lo, double hi,
                                                 double tolerance, double scale, int maxIterations) {
        int n = q.size();
        double[] x = new double[n];
        Arrays.fill(x, Math.min(u, 1.0));
        BoxSumQuadraticProgram.project(x, u, lo, hi, x);
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) {
            diag[i] = q.diagonal(i);
        }
        double[] g = new double[n];
        double sum = exactGradient(q, x, c, g);
        double[] row = new double[n];
        long maxSteps = (long) maxIterations * n;
        long steps = 0;
        int sinceCheck = n;
        double objective = Double.NaN;
        double gap = Double.POSITIVE_INFINITY;
        boolean converged = false;
        boolean exact = true; // whether g was just recomputed from x
        while (true) {
            if (sinceCheck >= n) {
                sinceCheck = 0;
                objective = objective(x, g, c);
                gap = BoxSumQuadraticProgram.frankWolfeGap(x, g, u, lo, hi);
                if (gap <= tolerance * Math.max(Math.abs(objective), scale)) {
                    if (!exact) {
                        sum = exactGradient(q, x, c, g);
                        exact = true;
                        objective = objective(x, g, c);
                        gap = BoxSumQuadraticProgram.frankWolfeGap(x, g, u, lo, hi);
                    }
                    if (gap <= tolerance * Math.max(Math.abs(objective), scale)) {
                        converged = true;
                        break;
                    }
                }
                if (steps >= maxSteps) {
                    break;
                }
            }
            // First pass: the smallest gradient that may rise, the largest that may fall.
            int up = -1;
            int down = -1;
            double gUp = Double.POSITIVE_INFINITY;
            double gDown = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                double gk = g[k];
                double xk = x[k];
                if (xk < u && gk < gUp) {
                    gUp = gk;
                    up = k;
                }
                if (xk > 0 && gk > gDown) {
                    gDown = gk;
                    down = k;
                }
            }
            double bestGain = 0;
            int move = 0; // 1: raise up, 2: lower down, 3: pair (up, partner)
            double bestStep = 0;
            // Single steps, moving the sum within the slab.
            if (up >= 0 && gUp < 0 && sum < hi) {
                double t = Math.min(newton(-gUp, diag[up]), Math.min(u - x[up], hi - sum));
                double gain = -gUp * t - 0.5 * diag[up] * t * t;
                if (t > 0 && gain > bestGain) {
                    bestGain = gain;
                    bestStep = t;
                    move = 1;
                }
            }
            if (down >= 0 && gDown > 0 && sum > lo) {
                double t = Math.min(newton(gDown, diag[down]), Math.min(x[down], sum - lo));
                double gain = gDown * t - 0.5 * diag[down] * t * t;
                if (t > 0 && gain > bestGain) {
                    bestGain = gain;
                    bestStep = t;
                    move = 2;
                }
            }
            // The pair step: up with the partner of largest second-order gain.
            int partner = -1;
            boolean haveRow = false;
            if (up >= 0 && down >= 0 && gUp < gDown) {
                q.column(up, row);
                haveRow = true;
                double dUp = diag[up];
                double bestScore = -1;
                double bestCurv = 0;
                for (int k = 0; k < n; k++) {
                    double b = g[k] - gUp;
                    if (b > 0 && x[k] > 0) {
                        double a = dUp + diag[k] - 2 * row[k];
                        if (!(a > 0)) {
                            a = TAU;
                        }
                        double score = b * b / a;
                        if (score > bestScore) {
                            bestScore = score;
                            partner = k;
                            bestCurv = a;
                        }
                    }
                }
                if (partner >= 0 && partner != up) {
                    double b = g[partner] - gUp;
                    double t = Math.min(b / bestCurv, Math.min(u - x[up], x[partner]));
                    double gain = b * t - 0.5 * bestCurv * t * t;
                    if (t > 0 && gain > bestGain) {
                        bestGain = gain;
                        bestStep = t;
                        move = 3;
                    }
                }
            }
            if (move == 0) {
                // No step lowers the objective in floating point: stop at the next check unless it was just made.
                if (sinceCheck == 0 && exact) {
                    break;
                }
                if (!exact) {
                    sum = exactGradient(q, x, c, g);
                    exact = true;
                }
                sinceCheck = n;
                continue;
            }
            // Apply the step; a step that reaches a bound puts the coordinate exactly on it, and the gradient and
            // the sum follow the changes actually made (which rounding may make differ from the step).
            double t = bestStep;
            if (move == 1 || move == 3) {
                double old = x[up];
                x[up] = t >= u - old ? u : old + t;
                double change = x[up] - old;
                if (change != 0) {
                    if (haveRow) {
                        for (int k = 0; k < n; k++) {
                            g[k] += change * row[k];
                        }
                    } else {
                        q.addColumn(up, change, g);
                    }
                }
                sum += change;
            }
            if (move == 2 || move == 3) {
                int j = move == 2 ? down : partner;
                double old = x[j];
                x[j] = t >= old ? 0 : old - t;
                double change = old - x[j];
                if (change != 0) {
                    q.addColumn(j, -change, g);
                }
                sum -= change;
            }
            exact = false;
            steps++;
            sinceCheck++;
        }
        int iterations = (int) Math.min(Integer.MAX_VALUE, (steps + n - 1) / n);
        if (!exact) {
            exactGradient(q, x, c, g);
            objective = objective(x, g, c);
            gap = BoxSumQuadraticProgram.frankWolfeGap(x, g, u, lo, hi);
            converged = gap <= tolerance * Math.max(Math.abs(objective), scale);
        }
        return new BoxSumQuadraticProgram.Solution(x, objective, Math.max(0, gap), iterations, converged,
                BoxSumQuadraticProgram.Method.SMO);
    }

    /** The unconstrained step {@code slope / curvature}, or unbounded when the curvature is not positive. */
    private static double newton(double slope, double curvature) {
        return curvature > 0 ? slope / curvature : Double.POSITIVE_INFINITY;
    }

    /** {@code g = Qx − c} by one product; returns {@code Σx}. */
    private static double exactGradient(SymmetricOperator q, double[] x, double[] c, double[] g) {
        BoxSumQuadraticProgram.product(q, x, g);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            g[i] -= c[i];
            sum += x[i];
        }
        return sum;
    }

    /** {@code ½ xᵀQx − cᵀx = ½ xᵀ(g − c)} from the gradient. */
    private static double objective(double[] x, double[] g, double[] c) {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            f += 0.5 * x[i] * (g[i] - c[i]);
        }
        return f;
    }
}
