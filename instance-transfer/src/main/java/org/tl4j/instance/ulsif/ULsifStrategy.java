package org.tl4j.instance.ulsif;

import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.Approach;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferTask;
import org.tribuo.Output;
import org.tribuo.Trainer;

/**
 * uLSIF as a strategy: the {@link ULsif} least-squares density-ratio estimates (relative parameter 0) weight the
 * inner learner (Kanamori, Hido &amp; Sugiyama, JMLR 2009).
 *
 * @see ULsif
 */
public final class ULsifStrategy<T extends Output<T>> extends LsifStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("ulsif", Approach.INSTANCE, SETTINGS,
            "instance-transfer", TransferTask.DATA_KIND,
            "uLSIF (Kanamori et al. 2009): closed-form least-squares density ratio, width and lambda by leave-one-out");

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private ULsifStrategy() {
    }

    /** The strategy with default settings and the given inner learner. */
    public ULsifStrategy(Trainer<T> inner) {
        super(inner);
    }

    @Override
    double alpha() {
        return 0;
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Provides {@code ulsif}. */
    /** Registers the strategy. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.anyOf(ULsifStrategy::new));
        }
    }
}
