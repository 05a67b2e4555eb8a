package org.tl4j.instance.kmm;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;
import org.tl4j.core.kernel.GaussianKernel;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.math.Vectors;
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
            DMatrixRMaj k = GaussianKernel.withWidth(0.8).symmetricMatrix(xs);
            double[] kappa = GaussianKernel.withWidth(0.8).rowSums(xs, xt);
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
        DMatrixRMaj k = GaussianKernel.withWidth(1.0).symmetricMatrix(xs);
        double[] c = GaussianKernel.withWidth(1.0).rowSums(xs, xt);
        for (int i = 0; i < c.length; i++) {
            c[i] *= 200 / 150.0;
        }
        BoxSumQuadraticProgram.Solution s = BoxSumQuadraticProgram.minimise(SymmetricOperator.dense(k), c, 1000, 20,
                380, 1e-12, 1, 2);
        assertTrue(!s.converged() && s.gap() > 0 && s.iterations() == 2, "gap " + s.gap() + " after " + s.iterations());
    }

    /** One random program of the agreement test, and which constraint it is built to make active. */
    private record Program(String name, DMatrixRMaj k, double ridge, double[] c, double upper, double lo, double hi) {
    }

    /**
     * Random small programs: a slack sum, an active lower and upper sum bound, every weight at its upper bound,
     * duplicated points with no ridge (a singular matrix), one variable, and a two-point program.
     */
    private static java.util.List<Program> randomPrograms(long seed) {
        return randomPrograms(seed, new int[]{1, 2, 7, 40, 200});
    }

    private static java.util.List<Program> randomPrograms(long seed, int[] sizes) {
        UniformRandomProvider rng = Seeds.rng(100 + seed);
        java.util.List<Program> out = new java.util.ArrayList<>();
        for (int n : sizes) {
            int d = 1 + rng.nextInt(4);
            DMatrixRMaj xs = new DMatrixRMaj(n, d);
            for (int i = 0; i < xs.data.length; i++) {
                xs.data[i] = 2 * rng.nextDouble();
            }
            DMatrixRMaj xt = new DMatrixRMaj(n, d);
            for (int i = 0; i < xt.data.length; i++) {
                xt.data[i] = 0.6 + rng.nextDouble();
            }
            double sigma = 0.3 + rng.nextDouble();
            DMatrixRMaj k = GaussianKernel.withWidth(sigma).symmetricMatrix(xs);
            double[] kappa = GaussianKernel.withWidth(sigma).rowSums(xs, xt);
            double[] small = kappa.clone();
            double[] large = kappa.clone();
            for (int i = 0; i < n; i++) {
                small[i] *= 0.05;
                large[i] *= 20;
            }
            out.add(new Program("slack n=" + n, k, 0.01, kappa, 1000, 0.2 * n, 1.8 * n));
            out.add(new Program("lower sum bound n=" + n, k, 0.01, small, 1000, 0.8 * n, 1.2 * n));
            out.add(new Program("upper sum bound n=" + n, k, 0.01, large, 1000, 0.5 * n, 0.9 * n));
            // c_i = (Q·u1)_i + 1: the gradient at x = u·1 is −1 everywhere, so that vertex is the minimiser.
            double[] pull = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    pull[i] += 0.5 * k.get(i, j);
                }
                pull[i] += 0.5 * 0.01 + 1;
            }
            out.add(new Program("all at the upper bound n=" + n, k, 0.01, pull, 0.5, 0, 2.0 * n));
            if (n > 40) {
                continue; // the singular program below is slow for GPCG at this size (tens of seconds)
            }
            // Duplicates: every point twice, no ridge, so Q is singular and the minimiser is not unique.
            DMatrixRMaj twice = new DMatrixRMaj(2 * n, d);
            System.arraycopy(xs.data, 0, twice.data, 0, xs.data.length);
            System.arraycopy(xs.data, 0, twice.data, xs.data.length, xs.data.length);
            double[] c2 = new double[2 * n];
            for (int i = 0; i < 2 * n; i++) {
                c2[i] = kappa[i % n];
            }
            out.add(new Program("duplicates, ridge 0, n=" + 2 * n, GaussianKernel.withWidth(sigma).symmetricMatrix(twice), 0,
                    c2, 1000, 0.2 * n, 3.0 * n));
        }
        return out;
    }

    @Test
    void smoAgreesWithGpcgWithinTheCertifiedGaps() {
        for (long seed = 0; seed < 3; seed++) {
            for (Program p : randomPrograms(seed)) {
                SymmetricOperator q = SymmetricOperator.dense(p.k()).plusRidge(p.ridge());
                int n = q.size();
                double tol = 1e-9;
                BoxSumQuadraticProgram.Solution g = BoxSumQuadraticProgram.minimise(q, p.c(), p.upper(), p.lo(), p.hi(),
                        tol, 1, 200_000, BoxSumQuadraticProgram.Method.GPCG);
                BoxSumQuadraticProgram.Solution s = BoxSumQuadraticProgram.minimise(q, p.c(), p.upper(), p.lo(), p.hi(),
                        tol, 1, 200_000, BoxSumQuadraticProgram.Method.SMO);
                String what = p.name() + ", seed " + seed;
                assertEquals(BoxSumQuadraticProgram.Method.GPCG, g.method(), what);
                assertEquals(BoxSumQuadraticProgram.Method.SMO, s.method(), what);
                assertTrue(g.converged() && s.converged(), what + ": gaps " + g.gap() + ", " + s.gap());
                assertCertified(q, p, s, tol, what + " (smo)");
                assertCertified(q, p, g, tol, what + " (gpcg)");
                double slack = 1e-12 * (1 + Math.abs(g.objective()));
                assertEquals(g.objective(), s.objective(), g.gap() + s.gap() + slack, what);
                // f(x) − f* ≥ ½‖x − x*‖²_Q at the optimum of a convex quadratic, so the gaps bound the Q-distance,
                // and with a ridge δ the Euclidean distance: ‖x − y‖ ≤ (√(2g_x) + √(2g_y)) / √δ.
                double[] d = s.x();
                double[] xg = g.x();
                for (int i = 0; i < n; i++) {
                    d[i] -= xg[i];
                }
                double[] qd = new double[n];
                q.apply(d, qd);
                double qNorm = Math.sqrt(Math.max(0, Vectors.dot(d, qd)));
                double bound = Math.sqrt(2 * g.gap()) + Math.sqrt(2 * s.gap()) + 1e-6;
                assertTrue(qNorm <= bound, what + ": Q-distance " + qNorm + " > " + bound);
                if (p.ridge() > 0) {
                    double euclid = Math.sqrt(Vectors.dot(d, d));
                    assertTrue(euclid <= bound / Math.sqrt(p.ridge()), what + ": distance " + euclid);
                }
                if (p.name().startsWith("all at the upper")) {
                    for (double v : s.x()) {
                        assertEquals(p.upper(), v, 0, what);
                    }
                }
                double sum = 0;
                for (double v : s.x()) {
                    sum += v;
                }
                if (p.name().startsWith("lower sum")) {
                    assertEquals(Math.max(0, p.lo()), sum, 1e-9 * n, what + ": the lower sum bound is active");
                }
                if (p.name().startsWith("upper sum")) {
                    assertEquals(p.hi(), sum, 1e-9 * n, what + ": the upper sum bound is active");
                }
            }
        }
    }

    @Test
    void smoCertifiesLargerProgramsWithActiveBounds() {
        for (Program p : randomPrograms(7, new int[]{600})) {
            SymmetricOperator q = SymmetricOperator.dense(p.k()).plusRidge(p.ridge());
            BoxSumQuadraticProgram.Solution s = BoxSumQuadraticProgram.minimise(q, p.c(), p.upper(), p.lo(), p.hi(),
                    1e-8, 1, 100_000, BoxSumQuadraticProgram.Method.SMO);
            assertTrue(s.converged(), p.name() + ": gap " + s.gap());
            assertCertified(q, p, s, 1e-8, p.name());
        }
    }

    /** Feasible, and the reported gap is the Frank–Wolfe gap of the returned point, recomputed here. */
    private static void assertCertified(SymmetricOperator q, Program p, BoxSumQuadraticProgram.Solution s,
                                        double tol, String what) {
        int n = q.size();
        double[] x = s.x();
        double sum = 0;
        for (double v : x) {
            assertTrue(v >= 0 && v <= p.upper(), what + ": box " + v);
            sum += v;
        }
        assertTrue(sum >= p.lo() - 1e-9 * n && sum <= p.hi() + 1e-9 * n, what + ": sum " + sum);
        double[] grad = new double[n];
        q.apply(x, grad);
        double f = 0;
        for (int i = 0; i < n; i++) {
            f += x[i] * (0.5 * grad[i] - p.c()[i]);
            grad[i] -= p.c()[i];
        }
        double lo = Math.max(0, p.lo());
        double hi = Math.min(n * p.upper(), p.hi());
        double gap = BoxSumQuadraticProgram.frankWolfeGap(x, grad, p.upper(), lo, hi);
        assertEquals(f, s.objective(), 1e-9 * (1 + Math.abs(f)), what + ": objective");
        assertEquals(gap, s.gap(), 1e-7 * (1 + Math.abs(f)), what + ": gap");
        if (s.converged()) {
            assertTrue(gap <= tol * Math.max(Math.abs(f), 1) + 1e-9 * (1 + Math.abs(f)) * 1e-3,
                    what + ": converged with gap " + gap);
        }
    }

    @Test
    void smoNeverClaimsConvergenceItHasNotCertified() {
        DMatrixRMaj xs = org.tl4j.instance.Samples.gaussian(300, 2, 0, 1, 3);
        DMatrixRMaj xt = org.tl4j.instance.Samples.gaussian(200, 2, 1, 0.6, 4);
        DMatrixRMaj k = GaussianKernel.withWidth(1.0).symmetricMatrix(xs);
        double[] c = GaussianKernel.withWidth(1.0).rowSums(xs, xt);
        for (int i = 0; i < c.length; i++) {
            c[i] *= 300 / 200.0;
        }
        SymmetricOperator q = SymmetricOperator.dense(k);
        for (int budget : new int[]{1, 2, 5, 20}) {
            for (double tol : new double[]{1e-3, 1e-8, 1e-14}) {
                BoxSumQuadraticProgram.Solution s = BoxSumQuadraticProgram.minimise(q, c, 1000, 30, 570, tol, 1,
                        budget, BoxSumQuadraticProgram.Method.SMO);
                String what = "budget " + budget + ", tolerance " + tol + ": gap " + s.gap() + ", objective "
                        + s.objective();
                assertTrue(s.iterations() <= budget, what);
                assertEquals(s.gap() <= tol * Math.max(Math.abs(s.objective()), 1), s.converged(), what);
                assertCertified(q, new Program("budget", k, 0, c, 1000, 30, 570), s, tol, what);
            }
        }
        BoxSumQuadraticProgram.Solution tight = BoxSumQuadraticProgram.minimise(q, c, 1000, 30, 570, 1e-15, 1, 2,
                BoxSumQuadraticProgram.Method.SMO);
        assertTrue(!tight.converged() && tight.gap() > 0, "gap " + tight.gap());
    }

    @Test
    void autoPicksSmoForStoredMatricesAndGpcgForProducts() {
        int big = BoxSumQuadraticProgram.SMO_MIN_SIZE;
        SymmetricOperator large = SymmetricOperator.dense(org.ejml.dense.row.CommonOps_DDRM.identity(big));
        assertEquals(BoxSumQuadraticProgram.Method.SMO,
                BoxSumQuadraticProgram.chosen(large.plusRidge(0.01), BoxSumQuadraticProgram.Method.AUTO));
        SymmetricOperator dense = SymmetricOperator.dense(new DMatrixRMaj(new double[][]{{1, 0}, {0, 1}}));
        assertEquals(BoxSumQuadraticProgram.Method.GPCG,
                BoxSumQuadraticProgram.chosen(dense.plusRidge(0.01), BoxSumQuadraticProgram.Method.AUTO),
                "small programs stay with GPCG");
        SymmetricOperator lowRank = SymmetricOperator.lowRank(new DMatrixRMaj(new double[][]{{1, 0}, {0, 1}}));
        assertEquals(BoxSumQuadraticProgram.Method.GPCG,
                BoxSumQuadraticProgram.chosen(lowRank.plusRidge(0.01), BoxSumQuadraticProgram.Method.AUTO));
        assertEquals(BoxSumQuadraticProgram.Method.GPCG,
                BoxSumQuadraticProgram.chosen(dense, BoxSumQuadraticProgram.Method.GPCG));
    }
}
