package org.tl4j.core.baseline;

import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.learn.InnerLearners;
import org.tribuo.OutputFactory;

/**
 * Service providers of the three feature-vector baselines ({@code target-only}, {@code source-only},
 * {@code pooled}, each registered with its {@link org.tl4j.core.BaselineRole}), created with the output type's
 * default inner learner ({@link InnerLearners#defaultFor(OutputFactory)}).
 */
public final class BaselineProviders {
    private BaselineProviders() {
    }

    /** Provides {@code source-only}. */
    public static final class SourceOnly extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public SourceOnly() {
            super(SourceOnlyStrategy.DESCRIPTOR, Outputs.anyOf(SourceOnlyStrategy::new));
        }
    }

    /** Provides {@code target-only}. */
    public static final class TargetOnly extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public TargetOnly() {
            super(TargetOnlyStrategy.DESCRIPTOR, Outputs.anyOf(TargetOnlyStrategy::new));
        }
    }

    /** Provides {@code pooled}. */
    public static final class Pooled extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Pooled() {
            super(PooledStrategy.DESCRIPTOR, Outputs.anyOf(PooledStrategy::new));
        }
    }
}
