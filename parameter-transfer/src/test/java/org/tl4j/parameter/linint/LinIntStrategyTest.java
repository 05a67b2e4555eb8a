package org.tl4j.parameter.linint;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.baseline.SourceOnlyStrategy;
import org.tl4j.core.baseline.TargetOnlyStrategy;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.Predictions;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.InnerLearners;
import org.tl4j.core.learn.LeastSquaresTrainer;
import org.tl4j.core.synthetic.DriftingLinearTasks;
import org.tl4j.parameter.LinearFixtures;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinIntStrategyTest {

    @Nested
    class Classification extends FeatureTaskStrategyContract<Label> {
        @Override
        protected TransferStrategy<Label, TransferTask<Label>> strategy() {
            return new LinIntStrategy<>(InnerLearners.logistic());
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
            return new LinIntStrategy<>(new LeastSquaresTrainer());
        }

        @Override
        protected TransferTask<Regressor> problem(long seed) {
            return TinyTasks.regression(seed);
        }
    }

    @Test
    void theEndsOfTheMixtureAreTheTwoBaselines() {
        TransferTask<Label> t = TinyTasks.classification(3);
        var one = new LinIntStrategy<>(InnerLearners.logistic(), 1).fit(t, 2).predictTargetTest(t);
        var source = new SourceOnlyStrategy<>(InnerLearners.logistic()).fit(t, 2).predictTargetTest(t);
        assertTrue(LinearFixtures.maxProbabilityDifference(one, source) < 1e-12);
        var zero = new LinIntStrategy<>(InnerLearners.logistic(), 0).fit(t, 2).predictTargetTest(t);
        var target = new TargetOnlyStrategy<>(InnerLearners.logistic()).fit(t, 2).predictTargetTest(t);
        assertTrue(LinearFixtures.maxProbabilityDifference(zero, target) < 1e-12);
        assertEquals(Predictions.fingerprint(zero).size(), t.targetTestTruth().size());
    }

    @Test
    void theMixingWeightFollowsHowRelatedTheTasksAre() {
        double same = 0;
        double far = 0;
        for (long seed = 0; seed < 3; seed++) {
            same += LinearFixtures.provenanceDouble(new LinIntStrategy<>(new LeastSquaresTrainer())
                    .fit(new DriftingLinearTasks(5, 0.0, 0.3, 200, 20, 100).generate(seed), seed), "alpha");
            far += LinearFixtures.provenanceDouble(new LinIntStrategy<>(new LeastSquaresTrainer())
                    .fit(new DriftingLinearTasks(5, 3.0, 0.3, 200, 20, 100).generate(seed), seed), "alpha");
        }
        assertTrue(same / 3 > 0.6, "identical tasks: mostly the source (mean alpha " + same / 3 + ")");
        assertTrue(far / 3 < 0.3, "unrelated weights: mostly the target (mean alpha " + far / 3 + ")");
    }
}
