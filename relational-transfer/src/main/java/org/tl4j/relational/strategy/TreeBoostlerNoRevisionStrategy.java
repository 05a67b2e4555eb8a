package org.tl4j.relational.strategy;

import org.tl4j.core.Approach;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.relational.problem.RelationalTransferProblem;
import org.tl4j.relational.rdn.RelationalModel;
import org.tl4j.relational.transfer.TreeBoostlerModel;

import java.util.EnumSet;

/**
 * {@code treeboostler-no-revision}, "TreeBoostler*" in the paper (Azevedo Santos, Paes &amp; Zaverucha, MLJ 2020):
 * the source trees mapped onto the target's predicates and refitted there by functional-gradient boosting, their
 * structure kept — mapping and parameter learning, no revision. Beside {@code treeboostler} it shows what the
 * revision adds.
 */
public final class TreeBoostlerNoRevisionStrategy extends AbstractMappingStrategy {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("treeboostler-no-revision",
            Approach.RELATIONAL_KNOWLEDGE, EnumSet.of(Setting.INDUCTIVE), "relational-transfer",
            RelationalTransferProblem.DATA_KIND, "TreeBoostler* (Azevedo Santos et al., MLJ 2020): source RDN-Boost "
            + "trees mapped onto the target's predicates, leaf values relearned, no revision");

    /** A strategy with TreeBoostler's settings. */
    public TreeBoostlerNoRevisionStrategy() {
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
        return fit.parameterLearned();
    }

    /** Registers {@code treeboostler-no-revision}. */
    public static final class Provider extends RelationalStrategyProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, TreeBoostlerNoRevisionStrategy::new);
        }
    }
}
