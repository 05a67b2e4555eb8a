package org.tl4j.relational.strategy;

import org.tl4j.core.BaselineRole;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.relational.problem.RelationalTransferProblem;
import org.tl4j.relational.rdn.RelationalModel;
import org.tl4j.relational.transfer.MappedSourceModel;
import org.tl4j.relational.transfer.TreeBoostlerModel;

import java.util.EnumSet;

/**
 * {@code mapped-source}, the {@linkplain BaselineRole#SOURCE_ONLY source-only} baseline of relational problems: the
 * source model read in the target's vocabulary through the predicate mapping TreeBoostler's search chooses on the
 * target training data, with its source leaf values — no parameter learning, no revision ({@link MappedSourceModel}).
 * All it takes from the target is the mapping, so its gap to {@code rdn-boost} says how much the source's knowledge
 * is worth as it stands. Never revises.
 */
public final class MappedSourceStrategy extends AbstractMappingStrategy {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("mapped-source", null,
            EnumSet.of(Setting.INDUCTIVE), "relational-transfer", RelationalTransferProblem.DATA_KIND,
            "Source knowledge only: the source RDN-Boost model under TreeBoostler's predicate mapping, source leaf "
                    + "values, no revision", BaselineRole.SOURCE_ONLY);

    /** A strategy with TreeBoostler's settings. */
    public MappedSourceStrategy() {
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected boolean revise() {
        return false;
    }

    @Override
    protected RelationalModel chosen(TreeBoostlerModel fit) {
        return fit.mappedSource();
    }

    /** Registers {@code mapped-source}. */
    public static final class Provider extends RelationalStrategyProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, MappedSourceStrategy::new);
        }
    }
}
