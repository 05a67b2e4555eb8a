package org.tl4j.core.baseline;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.InnerLearners;
import org.tl4j.core.learn.LeastSquaresModel;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tl4j.core.FeatureVectorModel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The three baselines under the strategy contract, for classification and regression. */
class BaselineStrategiesTest {

    @Nested
    class SourceOnlyClassification extends FeatureTaskStrategyContract<Label> {
        @Override
        protected TransferStrategy<Label, TransferTask<Label>> strategy() {
            return new SourceOnlyStrategy<>(InnerLearners.defaultFor(new LabelFactory()));
        }

        @Override
        protected TransferTask<Label> problem(long seed) {
            return TinyTasks.classification(seed);
        }
    }

    @Nested
    class TargetOnlyClassification extends FeatureTaskStrategyContract<Label> {
        @Override
        protected TransferStrategy<Label, TransferTask<Label>> strategy() {
            return new TargetOnlyStrategy<>(InnerLearners.defaultFor(new LabelFactory()));
        }

        @Override
        protected TransferTask<Label> problem(long seed) {
            return TinyTasks.classification(seed);
        }
    }

    @Nested
    class PooledClassification extends FeatureTaskStrategyContract<Label> {
        @Override
        protected TransferStrategy<Label, TransferTask<Label>> strategy() {
            return new PooledStrategy<>(InnerLearners.defaultFor(new LabelFactory()));
        }

        @Override
        protected TransferTask<Label> problem(long seed) {
            return TinyTasks.classification(seed);
        }
    }

    @Nested
    class PooledRegression extends FeatureTaskStrategyContract<Regressor> {
        @Override
        protected TransferStrategy<Regressor, TransferTask<Regressor>> strategy() {
            return new PooledStrategy<>(InnerLearners.defaultFor(new RegressionFactory()));
        }

        @Override
        protected TransferTask<Regressor> problem(long seed) {
            return TinyTasks.regression(seed);
        }

        @Test
        void trainsLeastSquaresOnSourcePlusTargetExamples() {
            TransferTask<Regressor> t = problem(1);
            var model = assertInstanceOf(FeatureVectorModel.class, strategy().fit(t, 0));
            LeastSquaresModel inner = assertInstanceOf(LeastSquaresModel.class, model.innerModel());
            assertEquals(t.sourceSize() + t.targetTrain().size(),
                    inner.getProvenance().getDatasetProvenance().getNumExamples());
        }
    }

    @Nested
    class TargetOnlyRegression extends FeatureTaskStrategyContract<Regressor> {
        @Override
        protected TransferStrategy<Regressor, TransferTask<Regressor>> strategy() {
            return new TargetOnlyStrategy<>(InnerLearners.defaultFor(new RegressionFactory()));
        }

        @Override
        protected TransferTask<Regressor> problem(long seed) {
            return TinyTasks.regression(seed);
        }

        @Test
        void seesOnlyTheLabelledTargetExamples() {
            TransferTask<Regressor> t = problem(1);
            var model = assertInstanceOf(FeatureVectorModel.class, strategy().fit(t, 0));
            assertEquals(t.targetTrain().size(),
                    model.innerModel().getProvenance().getDatasetProvenance().getNumExamples());
        }
    }
}
