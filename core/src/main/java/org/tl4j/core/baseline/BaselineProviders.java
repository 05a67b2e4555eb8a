package org.tl4j.core.baseline;

import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferStrategyProvider;
import org.tl4j.core.learn.InnerLearners;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.RegressionFactory;

/**
 * Service providers of the three baselines, each created with the output type's default inner learner
 * ({@link InnerLearners#defaultFor(OutputFactory)}).
 */
public final class BaselineProviders {
    private BaselineProviders() {
    }

    private static boolean hasDefaultLearner(OutputFactory<?> f) {
        return f instanceof LabelFactory || f instanceof RegressionFactory;
    }

    /** Provides {@code source-only}. */
    public static final class SourceOnly implements TransferStrategyProvider {
        @Override
        public StrategyDescriptor descriptor() {
            return SourceOnlyStrategy.DESCRIPTOR;
        }

        @Override
        public boolean supports(OutputFactory<?> outputFactory) {
            return hasDefaultLearner(outputFactory);
        }

        @Override
        public <T extends Output<T>> TransferStrategy<T, ?> create(OutputFactory<T> outputFactory) {
            return new SourceOnlyStrategy<>(InnerLearners.defaultFor(outputFactory));
        }
    }

    /** Provides {@code target-only}. */
    public static final class TargetOnly implements TransferStrategyProvider {
        @Override
        public StrategyDescriptor descriptor() {
            return TargetOnlyStrategy.DESCRIPTOR;
        }

        @Override
        public boolean supports(OutputFactory<?> outputFactory) {
            return hasDefaultLearner(outputFactory);
        }

        @Override
        public <T extends Output<T>> TransferStrategy<T, ?> create(OutputFactory<T> outputFactory) {
            return new TargetOnlyStrategy<>(InnerLearners.defaultFor(outputFactory));
        }
    }

    /** Provides {@code pooled}. */
    public static final class Pooled implements TransferStrategyProvider {
        @Override
        public StrategyDescriptor descriptor() {
            return PooledStrategy.DESCRIPTOR;
        }

        @Override
        public boolean supports(OutputFactory<?> outputFactory) {
            return hasDefaultLearner(outputFactory);
        }

        @Override
        public <T extends Output<T>> TransferStrategy<T, ?> create(OutputFactory<T> outputFactory) {
            return new PooledStrategy<>(InnerLearners.defaultFor(outputFactory));
        }
    }
}
