package org.tl4j.instance.ulsif;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.Approach;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferTask;
import org.tribuo.Output;
import org.tribuo.Trainer;

/**
 * RuLSIF as a strategy: the {@link ULsif} relative density-ratio estimates
 * {@code p_t/(α p_t + (1 − α) p_s)}, bounded by {@code 1/α}, weight the inner learner (Yamada et al., NIPS 2011).
 * The relative ratio is a smoothed importance weight: robust where the source density is small, at the price of
 * a bias towards 1.
 *
 * @see ULsif
 */
public final class RuLsifStrategy<T extends Output<T>> extends LsifStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("rulsif", Approach.INSTANCE, SETTINGS,
            "instance-transfer", TransferTask.DATA_KIND,
            "RuLSIF (Yamada et al. 2011): relative density ratio p_t/(a p_t + (1-a) p_s), bounded by 1/a");

    @Config(description = "Relative parameter alpha in [0, 1): the weights estimate p_t/(alpha p_t + (1-alpha) p_s)")
    private double alpha = 0.1;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private RuLsifStrategy() {
    }

    /** The strategy with default settings and the given inner learner. */
    public RuLsifStrategy(Trainer<T> inner) {
        super(inner);
    }

    @Override
    public void postConfig() {
        if (!(alpha >= 0 && alpha < 1)) {
            throw new PropertyException("", "alpha", "Invalid alpha: " + alpha + " (must be in [0, 1))");
        }
        super.postConfig();
    }

    @Override
    double alpha() {
        return alpha;
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Provides {@code rulsif}. */
    /** Registers the strategy. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.anyOf(RuLsifStrategy::new));
        }
    }
}
