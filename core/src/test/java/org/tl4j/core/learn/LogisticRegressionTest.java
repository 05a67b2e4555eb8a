package org.tl4j.core.learn;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.tl4j.core.matrix.DenseProducts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Multinomial logistic regression: the gradient against finite differences, the solution against an independent
 * Newton solver, the binary parametrisations, example weights, the prior mean and reported failures.
 */
class LogisticRegressionTest {
    /** Central differences of a smooth objective agree with the analytic gradient to this relative error. */
    private static final double GRADIENT_CHECK = 1e-6;
    /** Two converged solvers agree on coefficients to this absolute error. */
    private static final double SOLVERS_AGREE = 1e-5;

    /** Three Gaussian classes in two dimensions, with a constant third feature. */
    private static Data blobs(int n, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        double[][] centres = {{0, 0}, {2, 1}, {-1, 2}};
        DMatrixRMaj x = new DMatrixRMaj(n, 3);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            x.set(i, 0, centres[y[i]][0] + gaussian(rng));
            x.set(i, 1, centres[y[i]][1] + gaussian(rng));
            x.set(i, 2, 3.0);
        }
        return new Data(x, y);
    }

    private static double gaussian(UniformRandomProvider rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private record Data(DMatrixRMaj x, int[] y) {
    }

    @Test
    void theGradientMatchesFiniteDifferences() {
        Data data = blobs(60, 3);
        UniformRandomProvider rng = Seeds.rng(5);
        double[] v = new double[60];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.2 + rng.nextDouble();
        }
        DMatrixRMaj prior = new DMatrixRMaj(3, 3);
        for (int j = 0; j < 9; j++) {
            prior.data[j] = rng.nextDouble() - 0.5;
        }
        LogisticRegression.SoftmaxObjective f = new LogisticRegression.SoftmaxObjective(data.x(),
                DenseProducts.transpose(data.x()), data.y(), v, 3, prior.data, 0.7);
        double[] theta = new double[12];
        for (int j = 0; j < theta.length; j++) {
            theta[j] = rng.nextDouble() * 2 - 1;
        }
        double[] g = new double[12];
        f.evaluate(theta, g);
        double h = 1e-5;
        double[] scratch = new double[12];
        for (int j = 0; j < theta.length; j++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[j] += h;
            minus[j] -= h;
            double numeric = (f.evaluate(plus, scratch) - f.evaluate(minus, scratch)) / (2 * h);
            assertEquals(numeric, g[j], GRADIENT_CHECK * Math.max(1, Math.abs(numeric)), "gradient entry " + j);
        }
    }

    @Test
    void agreesWithAnIndependentNewtonSolver() {
        Data data = blobs(90, 11);
        double c = 0.5;
        LogisticRegression.Fitted m = LogisticRegression.fit(data.x(), data.y(), 3, null,
                LogisticRegression.Options.defaults().withC(c).withTolerance(1e-9, 10_000), null);
        double[] newton = newton(data.x(), data.y(), 3, c);
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(newton[r * 3 + j], m.weight(r, j), SOLVERS_AGREE, "coefficient " + r + "," + j);
            }
        }
        // Intercepts are defined up to a common shift (the objective ignores it); both solvers keep their sum at 0.
        double[] b = m.intercept();
        for (int r = 0; r < 3; r++) {
            assertEquals(newton[9 + r], b[r], SOLVERS_AGREE, "intercept " + r);
        }
    }

    /**
     * Newton's method on {@code C Σ ℓ_i + ½‖W‖²} with the exact Hessian, the intercepts' sum fixed at 0 by solving
     * in the least-squares sense (pseudo-inverse): an independent check of the L-BFGS solution.
     */
    private static double[] newton(DMatrixRMaj x, int[] y, int k, double c) {
        int n = x.numRows;
        int d = x.numCols;
        int p = k * d + k;
        double[] theta = new double[p];
        for (int it = 0; it < 50; it++) {
            DMatrixRMaj g = new DMatrixRMaj(p, 1);
            DMatrixRMaj h = new DMatrixRMaj(p, p);
            for (int i = 0; i < n; i++) {
                double[] z = new double[k];
                for (int r = 0; r < k; r++) {
                    z[r] = theta[k * d + r];
                    for (int j = 0; j < d; j++) {
                        z[r] += theta[r * d + j] * x.get(i, j);
                    }
                }
                double max = Math.max(z[0], Math.max(z[1], z[2]));
                double sum = 0;
                for (int r = 0; r < k; r++) {
                    z[r] = Math.exp(z[r] - max);
                    sum += z[r];
                }
                double[] xi = new double[d + 1];
                for (int j = 0; j < d; j++) {
                    xi[j] = x.get(i, j);
                }
                xi[d] = 1;
                for (int r = 0; r < k; r++) {
                    double pr = z[r] / sum;
                    double res = pr - (y[i] == r ? 1 : 0);
                    for (int j = 0; j <= d; j++) {
                        g.add(index(r, j, k, d), 0, c * res * xi[j]);
                    }
                    for (int s = 0; s < k; s++) {
                        double ps = z[s] / sum;
                        double w = c * ((r == s ? pr : 0) - pr * ps);
                        for (int j = 0; j <= d; j++) {
                            for (int l = 0; l <= d; l++) {
                                h.add(index(r, j, k, d), index(s, l, k, d), w * xi[j] * xi[l]);
                            }
                        }
                    }
                }
            }
            for (int j = 0; j < k * d; j++) {
                g.add(j, 0, theta[j]);
                h.add(j, j, 1);
            }
            DMatrixRMaj hinv = new DMatrixRMaj(p, p);
            CommonOps_DDRM.pinv(h, hinv);
            DMatrixRMaj step = new DMatrixRMaj(p, 1);
            CommonOps_DDRM.mult(hinv, g, step);
            for (int j = 0; j < p; j++) {
                theta[j] -= step.get(j);
            }
        }
        return theta;
    }

    private static int index(int r, int j, int k, int d) {
        return j < d ? r * d + j : k * d + r;
    }

    @Test
    void theTwoClassSoftmaxIsBinaryLogisticWithTwiceC() {
        Data three = blobs(80, 2);
        int[] y = new int[80];
        for (int i = 0; i < y.length; i++) {
            y[i] = three.y()[i] == 1 ? 1 : 0;
        }
        LogisticRegression.Options o = LogisticRegression.Options.defaults().withTolerance(1e-9, 10_000);
        LogisticRegression.Fitted logistic = LogisticRegression.fit(three.x(), y, 2, null, o, null);
        LogisticRegression.Fitted logistic2c = LogisticRegression.fit(three.x(), y, 2, null, o.withC(2), null);
        LogisticRegression.Fitted softmax = LogisticRegression.fit(three.x(), y, 2, null,
                o.withBinary(LogisticRegression.Binary.MULTINOMIAL), null);
        assertArrayEquals(logistic2c.logOdds(three.x()), softmax.logOdds(three.x()), 1e-6);
        // The rows sit symmetrically: w₁ = −w₀ (scikit-learn keeps coef_ = w₁, half the log-odds vector).
        for (int j = 0; j < 3; j++) {
            assertEquals(-logistic.weight(0, j), logistic.weight(1, j), 1e-9);
        }
        assertTrue(norm(softmax) > norm(logistic), "the two-class softmax is the less regularised model at equal C");
    }

    private static double norm(LogisticRegression.Fitted f) {
        return Math.abs(f.weight(1, 0) - f.weight(0, 0)) + Math.abs(f.weight(1, 1) - f.weight(0, 1));
    }

    @Test
    void integerWeightsEqualRepeatedExamples() {
        Data data = blobs(30, 4);
        double[] w = new double[30];
        int total = 0;
        for (int i = 0; i < 30; i++) {
            w[i] = i % 4;
            total += (int) w[i];
        }
        DMatrixRMaj repeated = new DMatrixRMaj(total, 3);
        int[] yr = new int[total];
        for (int i = 0, r = 0; i < 30; i++) {
            for (int c = 0; c < (int) w[i]; c++, r++) {
                for (int j = 0; j < 3; j++) {
                    repeated.set(r, j, data.x().get(i, j));
                }
                yr[r] = data.y()[i];
            }
        }
        LogisticRegression.Options o = LogisticRegression.Options.defaults().withTolerance(1e-9, 10_000);
        LogisticRegression.Fitted weighted = LogisticRegression.fit(data.x(), data.y(), 3, w, o, null);
        LogisticRegression.Fitted copies = LogisticRegression.fit(repeated, yr, 3, null, o, null);
        assertArrayEquals(copies.coef().data, weighted.coef().data, SOLVERS_AGREE);
    }

    @Test
    void aStrongPriorHoldsTheModelAtThePriorMean() {
        Data data = blobs(60, 8);
        DMatrixRMaj prior = new DMatrixRMaj(new double[][]{{1, -1, 0.5}, {0, 2, 0}, {-1, 0, 0.25}});
        LogisticRegression.Fitted strong = LogisticRegression.fit(data.x(), data.y(), 3, null,
                LogisticRegression.Options.defaults().withPrior(prior, 1e5), null);
        assertArrayEquals(prior.data, strong.coef().data, 1e-3);
        LogisticRegression.Fitted none = LogisticRegression.fit(data.x(), data.y(), 3, null,
                LogisticRegression.Options.defaults().withTolerance(1e-9, 10_000), null);
        LogisticRegression.Fitted weak = LogisticRegression.fit(data.x(), data.y(), 3, null,
                LogisticRegression.Options.defaults().withPrior(prior, 1).withTolerance(1e-9, 10_000), null);
        double toPriorNone = 0;
        double toPriorWeak = 0;
        for (int j = 0; j < 9; j++) {
            toPriorNone += Math.pow(none.coef().data[j] - prior.data[j], 2);
            toPriorWeak += Math.pow(weak.coef().data[j] - prior.data[j], 2);
        }
        assertTrue(toPriorWeak < toPriorNone, "a prior mean pulls the solution towards it");
    }

    @Test
    void probabilitiesSumToOneAndTheGeneratingDirectionIsRecovered() {
        UniformRandomProvider rng = Seeds.rng(1);
        int n = 2000;
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double a = rng.nextDouble() * 4 - 2;
            double b = rng.nextDouble() * 4 - 2;
            x.set(i, 0, a);
            x.set(i, 1, b);
            y[i] = rng.nextDouble() < LogisticRegression.sigmoid(2 * a - b) ? 1 : 0;
        }
        LogisticRegression.Fitted m = LogisticRegression.fit(x, y, 2, null, LogisticRegression.Options.defaults(), null);
        assertEquals(2.0, m.weight(1, 0) - m.weight(0, 0), 0.25);
        assertEquals(-1.0, m.weight(1, 1) - m.weight(0, 1), 0.15);
        DMatrixRMaj p = m.probabilities(x);
        for (int i = 0; i < n; i++) {
            assertEquals(1.0, p.get(i, 0) + p.get(i, 1), 1e-12);
        }
    }

    @Test
    void separableDataStillConvergeUnderThePenalty() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][]{{-2}, {-1}, {1}, {2}});
        LogisticRegression.Fitted m = LogisticRegression.fit(x, new int[]{0, 0, 1, 1}, 2, null,
                LogisticRegression.Options.defaults().withC(100), null);
        assertTrue(m.logOdds(new DMatrixRMaj(new double[][]{{3}}))[0] > 0);
    }

    @Test
    void anExhaustedBudgetIsAnError() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][]{{-2, 1}, {-1, 0}, {1, 3}, {2, -1}});
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LogisticRegression.fit(x, new int[]{0, 1, 1, 0}, 2, null,
                        LogisticRegression.Options.defaults().withTolerance(1e-14, 1), null));
        assertTrue(e.getMessage().contains("did not converge"), e.getMessage());
    }

    @Test
    void badInputIsRejectedWithTheReason() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][]{{1}, {2}});
        LogisticRegression.Options o = LogisticRegression.Options.defaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(x, new int[]{0, 2}, 2, null, o, null))
                .getMessage().contains("outside [0, 2)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(x, new int[]{0, 1}, 2,
                new double[]{1, -1}, o, null)).getMessage().contains("Weight 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(x, new int[]{0, 1}, 2,
                new double[]{0, 0}, o, null)).getMessage().contains("positive total"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> o.withC(0)).getMessage().contains("Invalid C"));
    }
}
