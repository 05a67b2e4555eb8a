package org.tl4j.parameter.warmstart;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.baseline.SourceOnlyStrategy;
import org.tl4j.core.baseline.TargetOnlyStrategy;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.InnerLearners;
import org.tl4j.core.learn.LeastSquaresTrainer;
import org.tl4j.core.learn.LogisticRegression;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.synthetic.DriftingLinearTasks;
import org.tl4j.parameter.GradientCheck;
import org.tl4j.parameter.LinearFixtures;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import static org.junit.jupiter.api.Assertions.assertTrue;

class FineTuneLinearStrategyTest {

    @Nested
    class Classification extends FeatureTaskStrategyContract<Label> {
        @Override
        protected TransferStrategy<Label, TransferTask<Label>> strategy() {
            return new FineTuneLinearStrategy<>(InnerLearners.logistic());
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
            return new FineTuneLinearStrategy<>(new LeastSquaresTrainer());
        }

        @Override
        protected TransferTask<Regressor> problem(long seed) {
            return TinyTasks.regression(seed);
        }
    }

    @Test
    void zeroStepsIsTheSourceModelAndManyStepsTheTargetOnlyModel() {
        TransferTask<Regressor> t = new DriftingLinearTasks(4, 0.8, 0.3, 100, 40, 50).generate(1);
        var zero = new FineTuneLinearStrategy<>(new LeastSquaresTrainer(), 0).fit(t, 1).predictTargetTest(t);
        var source = new SourceOnlyStrategy<>(new LeastSquaresTrainer()).fit(t, 1).predictTargetTest(t);
        assertTrue(LinearFixtures.maxDifference(zero, source) < 1e-9);
        var many = new FineTuneLinearStrategy<>(new LeastSquaresTrainer(), 20_000).fit(t, 1).predictTargetTest(t);
        var target = new TargetOnlyStrategy<>(new LeastSquaresTrainer()).fit(t, 1).predictTargetTest(t);
        assertTrue(LinearFixtures.maxDifference(many, target) < 1e-6, "difference "
                + LinearFixtures.maxDifference(many, target));
        TransferTask<Label> c = TinyTasks.classification(2);
        var cz = new FineTuneLinearStrategy<>(InnerLearners.logistic(), 0).fit(c, 1).predictTargetTest(c);
        var cs = new SourceOnlyStrategy<>(InnerLearners.logistic()).fit(c, 1).predictTargetTest(c);
        assertTrue(LinearFixtures.maxProbabilityDifference(cz, cs) < 1e-12);
        var cm = new FineTuneLinearStrategy<>(InnerLearners.logistic(), 200_000).fit(c, 1).predictTargetTest(c);
        var ct = new TargetOnlyStrategy<>(InnerLearners.logistic()).fit(c, 1).predictTargetTest(c);
        assertTrue(LinearFixtures.maxProbabilityDifference(cm, ct) < 1e-4, "difference "
                + LinearFixtures.maxProbabilityDifference(cm, ct));
    }

    @Test
    void theDescentFollowsTheLogisticObjectivesGradient() {
        UniformRandomProvider rng = Seeds.rng(9);
        DMatrixRMaj x = new DMatrixRMaj(12, 3);
        int[] y = new int[12];
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 3; j++) {
                x.set(i, j, rng.nextDouble() * 2 - 1);
            }
            y[i] = rng.nextInt(3);
        }
        var f = LogisticRegression.objective(x, y, 3, null, LogisticRegression.Options.defaults());
        double[] theta = new double[12];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = rng.nextDouble() - 0.5;
        }
        assertTrue(GradientCheck.maxRelativeError(f, theta, 1e-6) < 1e-7);
        // The step 1/L never increases the objective.
        double step = 1 / (0.5 * EarlyStoppedDescent.curvature(x, null) + 1.0 / 12);
        double[] last = {Double.POSITIVE_INFINITY};
        EarlyStoppedDescent.run(f, theta, step, new int[]{0, 1, 2, 3, 5, 8, 13, 21, 34}, (i, n, th) -> {
            double v = f.evaluate(th, new double[th.length]);
            assertTrue(v <= last[0] + 1e-15, "objective rose at step " + n);
            last[0] = v;
        });
    }
}
