package org.tl4j.instance.kmm;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;
import org.tl4j.core.learn.Seeds;
import org.tl4j.instance.kernel.GaussianKernel;
import org.tl4j.instance.kernel.SymmetricOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The KMM quadratic program against ojAlgo's active-set convex solver, and its projection and certificate. */
class BoxSumQuadraticProgramTest {

    /** Objective agreement with the reference solver, relative to its magnitude. */
    private static final double OBJECTIVE_TOLERANCE = 1e-6;

    @Test
    void matchesOjAlgoOnSmallKernelMeanMatchingProblems() {
        for (long seed = 0; seed < 4; seed++) {
            UniformRandomProvider rng = Seeds.rng(seed);
            int n = 40;
            int m = 30;
            DMatrixRMaj xs = new DMatrixRMaj(n, 3);
            DMatrixRMaj xt = new DMatrixRMaj(m, 3);
            for (int i = 0; i < xs.data.length; i++) {
                xs.data[i] = rng.nextDouble() * 2;
            }
            for (int i = 0; i < xt.data.length; i++) {
                xt.data[i] = 0.7 + rng.nextDouble();
            }
            DMatrixRMaj k = GaussianKernel.symmetricMatrix(xs, 0.8);
            double[] kappa = GaussianKernel.rowSums(xs, xt, 0.8);
            for (int i = 0; i < n; i++) {
                kappa[i] *= (double) n / m;
            }
            double upper = seed % 2 == 0 ? 1000 : 3;
            double eps = seed < 2 ? 0.1 : 0.5;
            BoxSumQuadraticProgram.Solution s = BoxSumQuadraticProgram.minimise(SymmetricOperator.dense(k), kappa,
                    upper, n * (1 - eps), n * (1 + eps), 1e-10, 1, 100_000);
            assertTrue(s.converged(), "converged, gap " + s.gap());
            double reference = ojAlgo(k, kappa, upper, n * (1 - eps), n * (1 + eps));
            assertEquals(reference, s.objective(), OBJECTIVE_TOLERANCE * Math.abs(reference), "seed " + seed);
            double sum = 0;
            for (double v : s.x()) {
                assertTrue(v >= 0 && v <= upper, "box: " + v);
                sum += v;
            }
            assertTrue(sum >= n * (1 - eps) - 1e-9 && sum <= n * (1 + eps) + 1e-9, "sum " + sum);
        }
    }

    private static double ojAlgo(DMatrixRMaj k, double[] kappa, double upper, double lo, double hi) {
        int n = kappa.length;
        R064Store q = R064Store.FACTORY.make(n, n);
        R064Store c = R064Store.FACTORY.make(n, 1);
        for (int i = 0; i < n; i++) {
            c.set(i, 0, kappa[i]);
            for (int j = 0; j < n; j++) {
                q.set(i, j, k.get(i, j));
            }
        }
        R064Store a = R064Store.FACTORY.make(2 * n + 2, n);
        R064Store b = R064Store.FACTORY.make(2 * n + 2, 1);
        for (int i = 0; i < n; i++) {
            a.set(0, i, 1);
            a.set(1, i, -1);
            a.set(2 + i, i, 1);
            b.set(2 + i, 0, upper);
            a.set(2 + n + i, i, -1);
        }
        b.set(0, 0, hi);
        b.set(1, 0, -lo);
        Optimisation.Result r = ConvexSolver.newBuilder().objective(q, c).inequalities(a, b).build().solve();
        assertTrue(r.getState().isOptimal(), "reference solver state " + r.getState());
        double f = 0;
        for (int i = 0; i < n; i++) {
            double qx = 0;
            for (int j = 0; j < n; j++) {
                qx += k.get(i, j) * r.doubleValue(j);
            }
            f += r.doubleValue(i) * (0.5 * qx - kappa[i]);
        }
        return f;
    }

    @Test
    void projectionIsFeasibleAndNoFartherThanAnyFeasiblePoint() {
        UniformRandomProvider rng = Seeds.rng(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 12;
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = 6 * rng.nextDouble() - 2;
            }
            double u = 2;
            double lo = 5;
            double hi = 9;
            double[] p = new double[n];
            BoxSumQuadraticProgram.project(v, u, lo, hi, p);
            double sum = 0;
            for (double e : p) {
                assertTrue(e >= 0 && e <= u);
                sum += e;
            }
            assertTrue(sum >= lo - 1e-9 && sum <= hi + 1e-9, "sum " + sum);
            double best = dist(v, p);
            for (int k = 0; k < 200; k++) {
                double[] r = new double[n];
                double s = 0;
                for (int i = 0; i < n; i++) {
                    r[i] = u * rng.nextDouble();
                    s += r[i];
                }
                if (s >= lo && s <= hi) {
                    assertTrue(dist(v, r) >= best - 1e-9, "a feasible point is closer than the projection");
                }
            }
        }
    }

    private static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }

    @Test
    void frankWolfeGapIsZeroAtAVertexOptimumAndPositiveElsewhere() {
        double[] g = {-3, 1, 2};
        assertEquals(0, BoxSumQuadraticProgram.frankWolfeGap(new double[]{1, 0, 0}, g, 1, 1, 1), 1e-12);
        assertTrue(BoxSumQuadraticProgram.frankWolfeGap(new double[]{0, 1, 0}, g, 1, 1, 1) > 0);
    }

    @Test
    void infeasibleConstraintsAreReported() {
        SymmetricOperator q = SymmetricOperator.dense(new DMatrixRMaj(new double[][]{{1, 0}, {0, 1}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoxSumQuadraticProgram.minimise(q, new double[]{1, 1}, 1, 5, 6, 1e-6, 1, 100));
        assertTrue(e.getMessage().contains("Infeasible"), e.getMessage());
    }

    @Test
    void anExhaustedBudgetIsReportedNotHidden() {
        // Low-dimensional data make the kernel nearly singular: two iterations cannot certify a 1e-12 gap.
        DMatrixRMaj xs = org.tl4j.instance.Samples.gaussian(200, 2, 0, 1, 3);
        DMatrixRMaj xt = org.tl4j.instance.Samples.gaussian(150, 2, 1, 0.6, 4);
        DMatrixRMaj k = GaussianKernel.symmetricMatrix(xs, 1.0);
        double[] c = GaussianKernel.rowSums(xs, xt, 1.0);
        for (int i = 0; i < c.length; i++) {
            c[i] *= 200 / 150.0;
        }
        BoxSumQuadraticProgram.Solution s = BoxSumQuadraticProgram.minimise(SymmetricOperator.dense(k), c, 1000, 20,
                380, 1e-12, 1, 2);
        assertTrue(!s.converged() && s.gap() > 0 && s.iterations() == 2, "gap " + s.gap() + " after " + s.iterations());
    }
}
