package org.tl4j.core.learn;

/**
 * Limited-memory BFGS for smooth unconstrained minimisation (Liu &amp; Nocedal, <i>On the limited memory BFGS method
 * for large scale optimization</i>, Math. Program. 45, 1989): the two-loop recursion over the last
 * {@value #HISTORY} curvature pairs, scaled by {@code sᵀy / yᵀy}, with a backtracking Armijo line search that falls
 * back on approximate Wolfe conditions where objective values stop resolving progress. Pairs with
 * too little curvature ({@code sᵀy ≤ 10⁻¹⁶‖s‖‖y‖}) are skipped, and a direction that is not a descent direction
 * restarts from steepest descent, so the method is safe on convex objectives without a Wolfe line search. The
 * arithmetic is sequential, so the same start gives the same bits.
 * <p>
 * This is tl4j's one definition of the optimiser: {@link LogisticRegression} (and through it the domain classifier of
 * discriminative density-ratio estimation) minimises its objective here.
 */
public final class Lbfgs {

    /** Curvature pairs kept (scipy's {@code maxcor} default). */
    public static final int HISTORY = 10;

    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 60;
    private static final double ROUNDING = 1e-12;

    private Lbfgs() {
    }

    /** A smooth objective. */
    @FunctionalInterface
    public interface Objective {
        /**
         * The value at {@code x}, writing the gradient into {@code gradient}.
         *
         * @param x        the point; must not be modified
         * @param gradient output, same length as {@code x}
         */
        double evaluate(double[] x, double[] gradient);
    }

    /**
     * The outcome.
     *
     * @param x           the last point
     * @param value       the objective there
     * @param gradientMax the largest absolute gradient entry there
     * @param iterations  iterations taken
     * @param evaluations objective evaluations
     * @param converged   whether {@code gradientMax ≤ tolerance}
     */
    public record Result(double[] x, double value, double gradientMax, int iterations, int evaluations,
                         boolean converged) {
        /** Copies the point. */
        public Result {
            x = x.clone();
        }

        /** A copy of the point. */
        @Override
        public double[] x() {
            return x.clone();
        }
    }

    /**
     * Minimises {@code f} from {@code start} until the largest absolute gradient entry is at most {@code tolerance},
     * the budget of iterations is spent, or no step along the search direction decreases the objective in floating
     * point (the rounding floor: a tolerance below what the arithmetic can resolve is then reported as not met).
     *
     * @param f             the objective
     * @param start         the starting point; not modified
     * @param tolerance     gradient tolerance {@code > 0}
     * @param maxIterations iteration budget {@code ≥ 0}
     * @return the result, with {@link Result#converged()} telling whether the tolerance was met
     * @throws IllegalArgumentException on invalid settings
     * @throws ArithmeticException      if the objective or its gradient is not finite at the start
     */
    public static Result minimise(Objective f, double[] start, double tolerance, int maxIterations) {
        if (!(tolerance > 0) || maxIterations < 0) {
            throw new IllegalArgumentException("Invalid L-BFGS settings: tolerance " + tolerance + " (must be > 0), "
                    + "iterations " + maxIterations + " (must be >= 0)");
        }
        int p = start.length;
        double[] x = start.clone();
        double[] g = new double[p];
        double fx = f.evaluate(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx) || !Double.isFinite(maxAbs(g))) {
            throw new ArithmeticException("The objective is " + fx + " at the starting point: check the data for "
                    + "extreme or non-finite values");
        }
        double[][] s = new double[HISTORY][];
        double[][] y = new double[HISTORY][];
        double[] rho = new double[HISTORY];
        double[] alpha = new double[HISTORY];
        int stored = 0;
        int head = 0;
        int it = 0;
        double[] dir = new double[p];
        double[] xNew = new double[p];
        double[] gNew = new double[p];
        while (maxAbs(g) > tolerance && it < maxIterations) {
            System.arraycopy(g, 0, dir, 0, p);
            for (int k = 0; k < stored; k++) {
                int idx = Math.floorMod(head - 1 - k, HISTORY);
                alpha[idx] = rho[idx] * dot(s[idx], dir);
                axpy(-alpha[idx], y[idx], dir);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, HISTORY);
                scale(dot(s[last], y[last]) / dot(y[last], y[last]), dir);
            }
            for (int k = stored - 1; k >= 0; k--) {
                int idx = Math.floorMod(head - 1 - k, HISTORY);
                double b = rho[idx] * dot(y[idx], dir);
                axpy(alpha[idx] - b, s[idx], dir);
            }
            scale(-1, dir);
            double slope = dot(g, dir);
            if (!(slope < 0)) {
                // Not a descent direction (rounding in the recursion): restart from steepest descent.
                for (int k = 0; k < p; k++) {
                    dir[k] = -g[k];
                }
                slope = dot(g, dir);
                stored = 0;
            }
            double step = stored == 0 ? Math.min(1, 1 / Math.max(1e-12, Math.sqrt(dot(g, g)))) : 1;
            double fNew;
            boolean accepted = false;
            for (int backtracks = 0; ; backtracks++) {
                for (int k = 0; k < p; k++) {
                    xNew[k] = x[k] + step * dir[k];
                }
                fNew = f.evaluate(xNew, gNew);
                evaluations++;
                if (fNew < fx && fNew <= fx + ARMIJO * step * slope) {
                    accepted = true;
                } else if (fNew <= fx + ROUNDING * Math.max(1, Math.abs(fx))) {
                    // At the objective's rounding floor values cannot rank points, derivatives still can: Hager and
                    // Zhang's approximate Wolfe conditions (SIAM J. Optim. 16(1), 2005), σ = 0.9, δ = 0.1.
                    double slopeNew = dot(gNew, dir);
                    accepted = slopeNew >= 0.9 * slope && slopeNew <= -0.8 * slope;
                }
                if (accepted || backtracks == MAX_BACKTRACKS) {
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                // No acceptable step at this precision: the caller sees converged == false unless the gradient is
                // already within the tolerance.
                break;
            }
            double[] sk = new double[p];
            double[] yk = new double[p];
            for (int k = 0; k < p; k++) {
                sk[k] = xNew[k] - x[k];
                yk[k] = gNew[k] - g[k];
            }
            double sy = dot(sk, yk);
            if (sy > 1e-16 * Math.sqrt(dot(sk, sk) * dot(yk, yk))) {
                s[head] = sk;
                y[head] = yk;
                rho[head] = 1 / sy;
                head = (head + 1) % HISTORY;
                stored = Math.min(HISTORY, stored + 1);
            }
            System.arraycopy(xNew, 0, x, 0, p);
            System.arraycopy(gNew, 0, g, 0, p);
            fx = fNew;
            it++;
        }
        double gm = maxAbs(g);
        return new Result(x, fx, gm, it, evaluations, gm <= tolerance);
    }

    /** The largest absolute entry of {@code v} (NaN if one is NaN). */
    static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            if (Double.isNaN(e)) {
                return Double.NaN;
            }
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

    private static void scale(double a, double[] x) {
        for (int k = 0; k < x.length; k++) {
            x[k] *= a;
        }
    }
}
