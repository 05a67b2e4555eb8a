package org.tl4j.relational.strategy;

import org.tl4j.core.BaselineRole;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.relational.problem.RelationalTransferProblem;
import org.tl4j.relational.rdn.RdnBoostLearner;
import org.tl4j.relational.rdn.RdnBoostModel;
import org.tribuo.classification.Label;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * {@code rdn-boost}, the {@linkplain BaselineRole#TARGET_ONLY target-only} baseline of relational problems: a boosted
 * relational dependency network learned from scratch on the target training world (RDN-Boost: Natarajan, Khot,
 * Kersting, Gutmann &amp; Shavlik, MLJ 86(1), 2012; "RDN-B" in TreeBoostler's tables), with the same budget as the
 * transfer strategies ({@link AbstractRelationalStrategy}). The seed draws the training negatives.
 */
public final class RdnBoostStrategy extends AbstractRelationalStrategy {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("rdn-boost", null,
            EnumSet.of(Setting.INDUCTIVE), "relational-transfer", RelationalTransferProblem.DATA_KIND,
            "No source: RDN-Boost (boosted relational regression trees) learned on the target training world only",
            BaselineRole.TARGET_ONLY);

    /** A strategy with TreeBoostler's settings. */
    public RdnBoostStrategy() {
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected TransferModel<Label> fitProblem(RelationalTransferProblem problem, long seed) {
        RdnBoostModel m = new RdnBoostLearner(rdnSettings(seed)).fit(problem.targetTrain(), problem.targetSchema());
        return RelationalTransferModel.of(this, problem, seed, m, List.of(), "", Map.of());
    }

    /** Registers {@code rdn-boost}. */
    public static final class Provider extends RelationalStrategyProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, RdnBoostStrategy::new);
        }
    }
}
