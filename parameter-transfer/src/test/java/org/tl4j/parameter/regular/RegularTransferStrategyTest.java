package org.tl4j.parameter.regular;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tl4j.core.FeatureVectorModel;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.baseline.SourceOnlyStrategy;
import org.tl4j.core.baseline.TargetOnlyStrategy;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.InnerLearners;
import org.tl4j.core.learn.LeastSquaresModel;
import org.tl4j.core.learn.LeastSquaresTrainer;
import org.tl4j.core.learn.LogisticRegression;
import org.tl4j.core.learn.LogisticRegressionModel;
import org.tl4j.core.learn.LogisticRegressionTrainer;
import org.tl4j.core.synthetic.DriftingLinearTasks;
import org.tl4j.core.synthetic.GaussianCovariateShift;
import org.tl4j.parameter.LinearFixtures;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegularTransferStrategyTest {

    @Nested
    class Classification extends FeatureTaskStrategyContract<Label> {
        @Override
        protected TransferStrategy<Label, TransferTask<Label>> strategy() {
            return new RegularTransferStrategy<>(InnerLearners.logistic());
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
            return new RegularTransferStrategy<>(new LeastSquaresTrainer());
        }

        @Override
        protected TransferTask<Regressor> problem(long seed) {
            return TinyTasks.regression(seed);
        }
    }

    private static final DriftingLinearTasks DRIFT = new DriftingLinearTasks(5, 0.5, 0.3, 200, 20, 200);

    @Test
    void infiniteLambdaKeepsTheSourceWeights() {
        TransferTask<Regressor> t = DRIFT.generate(3);
        LeastSquaresModel source = (LeastSquaresModel) ((FeatureVectorModel<Regressor>) new SourceOnlyStrategy<>(
                new LeastSquaresTrainer()).fit(t, 1)).innerModel();
        LeastSquaresModel m = (LeastSquaresModel) ((FeatureVectorModel<Regressor>) new RegularTransferStrategy<>(
                new LeastSquaresTrainer(), 1e10).fit(t, 1)).innerModel();
        for (String f : t.featureSpace().names()) {
            assertEquals(source.coefficient("y", f), m.coefficient("y", f), 1e-6, f);
        }
        TransferTask<Label> c = TinyTasks.covariateShift(2);
        LogisticRegressionModel cs = (LogisticRegressionModel) ((FeatureVectorModel<Label>) new SourceOnlyStrategy<>(
                InnerLearners.logistic()).fit(c, 1)).innerModel();
        LogisticRegressionModel cm = (LogisticRegressionModel) ((FeatureVectorModel<Label>) new RegularTransferStrategy<>(
                InnerLearners.logistic(), 1e10).fit(c, 1)).innerModel();
        for (String label : new String[]{"0", "1"}) {
            for (String f : c.featureSpace().names()) {
                assertEquals(cs.coefficient(label, f), cm.coefficient(label, f), 1e-5, label + "/" + f);
            }
        }
    }

    @Test
    void zeroLambdaIsTheTargetOnlyFit() {
        TransferTask<Regressor> t = DRIFT.generate(4);
        var a = new RegularTransferStrategy<>(new LeastSquaresTrainer(), 0).fit(t, 1).predictTargetTest(t);
        var b = new TargetOnlyStrategy<>(new LeastSquaresTrainer()).fit(t, 1).predictTargetTest(t);
        assertTrue(LinearFixtures.maxDifference(a, b) < 1e-9, "regression: lambda = 0 is ordinary least squares");
        // Classes: with lambda = 0 the prior vanishes; the unpenalised target-only logistic regression (a task whose
        // labelled target data are not separable, so the optimum exists).
        TransferTask<Label> c = new GaussianCovariateShift(GaussianCovariateShift.Boundary.LINEAR, 2, 1.0, 1.0, 0.6,
                0.3, 80, 60, 0, 200).generate(5);
        LogisticRegressionTrainer unpenalised = LogisticRegressionTrainer.of(1, 0, LogisticRegression.Binary.LOGISTIC,
                1e-8, 20_000);
        var pa = new RegularTransferStrategy<>(unpenalised, 0).fit(c, 1).predictTargetTest(c);
        var pb = new TargetOnlyStrategy<>(unpenalised).fit(c, 1).predictTargetTest(c);
        assertTrue(LinearFixtures.maxProbabilityDifference(pa, pb) < 1e-5);
    }

    @Test
    void crossValidationTransfersMoreWhenTheTasksAgree() {
        double same = 0;
        double far = 0;
        for (long seed = 0; seed < 3; seed++) {
            same += Math.log10(LinearFixtures.provenanceDouble(new RegularTransferStrategy<>(new LeastSquaresTrainer())
                    .fit(new DriftingLinearTasks(5, 0.0, 0.3, 200, 20, 100).generate(seed), seed), "lambda"));
            far += Math.log10(LinearFixtures.provenanceDouble(new RegularTransferStrategy<>(new LeastSquaresTrainer(), -1)
                    .fit(new DriftingLinearTasks(5, 3.0, 0.3, 200, 20, 100).generate(seed), seed), "lambda") + 1e-3);
        }
        assertTrue(same / 3 >= 2, "identical tasks: a strong prior (mean log10 lambda " + same / 3 + ")");
        assertTrue(far / 3 <= 0, "unrelated weights: a weak prior (mean log10 lambda " + far / 3 + ")");
    }

    @Test
    void beatsTargetOnlyOnASmallTargetWithLittleDrift() {
        DriftingLinearTasks g = new DriftingLinearTasks(10, 0.1, 0.5, 400, 15, 500);
        double transfer = 0;
        double target = 0;
        for (long seed = 0; seed < 5; seed++) {
            TransferTask<Regressor> t = g.generate(seed);
            transfer += LinearFixtures.mse(new RegularTransferStrategy<>(new LeastSquaresTrainer()).fit(t, seed), t);
            target += LinearFixtures.mse(new TargetOnlyStrategy<>(new LeastSquaresTrainer()).fit(t, seed), t);
        }
        assertTrue(transfer < 0.5 * target, "MSE " + transfer / 5 + " vs target-only " + target / 5);
    }
}
