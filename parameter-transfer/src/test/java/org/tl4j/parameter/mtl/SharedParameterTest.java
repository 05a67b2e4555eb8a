package org.tl4j.parameter.mtl;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.InnerLearners;
import org.tl4j.core.learn.LeastSquaresTrainer;
import org.tl4j.core.learn.LogisticRegression;
import org.tl4j.core.learn.Seeds;
import org.tl4j.parameter.GradientCheck;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedParameterTest {

    @Nested
    class Classification extends FeatureTaskStrategyContract<Label> {
        @Override
        protected TransferStrategy<Label, TransferTask<Label>> strategy() {
            return new SharedParameterStrategy<>(InnerLearners.logistic());
        }

        @Override
        protected TransferTask<Label> problem(long seed) {
            return TinyTasks.classification(seed);
        }
    }

    @Nested
    class Regression extends FeatureTaskStrategyContract<Regressor> {
        @Override
        protected TransferStrategy<Regressor, TransferTask<Regressor>> strategy() {
            return new SharedParameterStrategy<>(new LeastSquaresTrainer());
        }

        @Override
        protected TransferTask<Regressor> problem(long seed) {
            return TinyTasks.regression(seed);
        }
    }

    private static DMatrixRMaj gaussian(int n, int d, UniformRandomProvider rng) {
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
        }
        return x;
    }

    @Test
    void closedFormSolvesTheStackedNormalEquations() {
        UniformRandomProvider rng = Seeds.rng(11);
        int d = 4;
        List<DMatrixRMaj> x = List.of(gaussian(30, d, rng), gaussian(12, d, rng));
        double[][] y = new double[2][];
        for (int t = 0; t < 2; t++) {
            y[t] = new double[x.get(t).numRows];
            for (int i = 0; i < y[t].length; i++) {
                y[t][i] = x.get(t).get(i, 0) - 2 * x.get(t).get(i, 1) + 0.5 * t * x.get(t).get(i, 2) + 1 + t
                        + 0.1 * rng.nextDouble();
            }
        }
        double l0 = 0.7;
        double lv = 2.5;
        SharedParameterRegression.Fitted f = SharedParameterRegression.fit(x, List.of(y[0], y[1]), null, l0, lv);
        // The same problem stacked: unknowns (w0, v1, v2, b1, b2), rows [x, x, 0, 1, 0] and [x, 0, x, 0, 1];
        // penalties l0 on w0, lv on v1 and v2, none on the intercepts.
        int p = 3 * d + 2;
        DMatrixRMaj a = new DMatrixRMaj(p, p);
        DMatrixRMaj b = new DMatrixRMaj(p, 1);
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < x.get(t).numRows; i++) {
                double[] z = new double[p];
                for (int j = 0; j < d; j++) {
                    z[j] = x.get(t).get(i, j);
                    z[(t + 1) * d + j] = x.get(t).get(i, j);
                }
                z[3 * d + t] = 1;
                for (int r = 0; r < p; r++) {
                    b.data[r] += z[r] * y[t][i];
                    for (int c = 0; c < p; c++) {
                        a.data[r * p + c] += z[r] * z[c];
                    }
                }
            }
        }
        for (int j = 0; j < d; j++) {
            a.add(j, j, l0);
            a.add(d + j, d + j, lv);
            a.add(2 * d + j, 2 * d + j, lv);
        }
        DMatrixRMaj sol = new DMatrixRMaj(p, 1);
        assertTrue(CommonOps_DDRM.solve(a, b, sol));
        for (int j = 0; j < d; j++) {
            assertEquals(sol.get(j), f.shared()[j], 1e-9, "w0");
            assertEquals(sol.get(d + j), f.deviations()[0][j], 1e-9, "v1");
            assertEquals(sol.get(2 * d + j), f.deviations()[1][j], 1e-9, "v2");
        }
        assertEquals(sol.get(3 * d), f.intercepts()[0], 1e-9);
        assertEquals(sol.get(3 * d + 1), f.intercepts()[1], 1e-9);
    }

    @Test
    void aHugeTaskPenaltyTiesTheTasksTogether() {
        UniformRandomProvider rng = Seeds.rng(3);
        List<DMatrixRMaj> x = List.of(gaussian(40, 3, rng), gaussian(10, 3, rng));
        List<double[]> y = List.of(new double[40], new double[10]);
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < y.get(t).length; i++) {
                y.get(t)[i] = (t + 1) * x.get(t).get(i, 0) + rng.nextDouble();
            }
        }
        SharedParameterRegression.Fitted f = SharedParameterRegression.fit(x, y, null, 0, 1e12);
        for (int j = 0; j < 3; j++) {
            assertEquals(f.weights(0)[j], f.weights(1)[j], 1e-8);
        }
    }

    @Test
    void logisticObjectiveGradientMatchesFiniteDifferences() {
        UniformRandomProvider rng = Seeds.rng(5);
        List<DMatrixRMaj> x = List.of(gaussian(15, 3, rng), gaussian(6, 3, rng));
        List<int[]> y = List.of(new int[15], new int[6]);
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < y.get(t).length; i++) {
                y.get(t)[i] = rng.nextInt(3);
            }
        }
        List<double[]> w = List.of(new double[15], new double[6]);
        for (double[] a : w) {
            for (int i = 0; i < a.length; i++) {
                a[i] = 0.5 + rng.nextDouble();
            }
        }
        for (int classes : new int[]{2, 3}) {
            List<int[]> yy = y.stream().map(a -> java.util.Arrays.stream(a).map(v -> v % classes).toArray()).toList();
            var f = SharedParameterLogistic.objective(x, yy, w, classes, LogisticRegression.Options.defaults().withC(2),
                    0.3, 1.7);
            double[] theta = new double[3 * classes * 3 + 2 * classes];
            for (int k = 0; k < theta.length; k++) {
                theta[k] = rng.nextDouble() - 0.5;
            }
            double err = GradientCheck.maxRelativeError(f, theta, 1e-6);
            assertTrue(err < 1e-6, classes + " classes: largest gradient error " + err);
        }
    }

    @Test
    void logisticTasksMergeUnderAHugeTaskPenalty() {
        TransferTask<Label> t = TinyTasks.classification(4);
        var m = new SharedParameterStrategy<>(InnerLearners.logistic(), 1e6, 1).fit(t, 1);
        var pooled = new org.tl4j.core.baseline.PooledStrategy<>(InnerLearners.logistic()).fit(t, 1);
        // Not identical (the tasks keep their own intercepts) but the same classifier almost everywhere.
        var a = m.predictTargetTest(t);
        var b = pooled.predictTargetTest(t);
        int agree = 0;
        for (int i = 0; i < a.size(); i++) {
            agree += a.get(i).getOutput().getLabel().equals(b.get(i).getOutput().getLabel()) ? 1 : 0;
        }
        assertTrue(agree >= a.size() - 3, agree + " of " + a.size());
    }
}
