package org.tl4j.relational.strategy;

import com.oracle.labs.mlrg.olcut.config.Config;
import org.tl4j.core.Approach;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.relational.problem.RelationalTransferProblem;
import org.tl4j.relational.rdn.RelationalModel;
import org.tl4j.relational.transfer.TreeBoostler;
import org.tl4j.relational.transfer.TreeBoostlerModel;

import java.util.EnumSet;

/**
 * {@code treeboostler}: relational-knowledge transfer by mapping and revising boosted relational dependency networks
 * (R. Azevedo Santos, A. Paes, G. Zaverucha, Machine Learning 109, 2020; the mapping-then-revision scheme of TAMAR,
 * Mihalkova, Huynh &amp; Mooney, AAAI 2007; {@link TreeBoostler}). The source model's predicates are mapped onto
 * the target's as the target examples reach its nodes, its leaves are relearned, then impure or unreached nodes are
 * pruned and the trees regrown; the revision is kept when it raises the training conditional log-likelihood.
 * Options: {@code revise} (true; false gives {@code treeboostler-no-revision}), {@code pruneVariance} (0.0025), and
 * those of {@link AbstractMappingStrategy} and {@link AbstractRelationalStrategy}. The summary gives the mapping and
 * whether the revision was kept (the training CLL before and after it are in the model's description).
 */
public final class TreeBoostlerStrategy extends AbstractMappingStrategy {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("treeboostler",
            Approach.RELATIONAL_KNOWLEDGE, EnumSet.of(Setting.INDUCTIVE), "relational-transfer",
            RelationalTransferProblem.DATA_KIND, "TreeBoostler (Azevedo Santos et al., MLJ 2020): source RDN-Boost "
            + "trees mapped onto the target's predicates, leaf values relearned, then pruned and regrown");

    @Config(description = "Revise the mapped trees (prune impure or unreached nodes, regrow) after parameter learning")
    private boolean revise = true;

    @Config(description = "Gradient variance at or above which revision counts a leaf as impure")
    private double pruneVariance = TreeBoostler.Settings.defaults(0).pruneVariance();

    /** A strategy with TreeBoostler's settings. */
    public TreeBoostlerStrategy() {
    }

    @Override
    public void postConfig() {
        super.postConfig();
        treeBoostlerSettings(0);
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected boolean revise() {
        return revise;
    }

    @Override
    protected double pruneVariance() {
        return pruneVariance;
    }

    @Override
    protected RelationalModel chosen(TreeBoostlerModel fit) {
        return fit;
    }

    @Override
    protected String summaryDetail(TreeBoostlerModel fit) {
        if (!revise) {
            return "no revision";
        }
        return fit.revisionAccepted() ? "revision kept" : "revision not kept";
    }

    /** Registers {@code treeboostler}. */
    public static final class Provider extends RelationalStrategyProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, TreeBoostlerStrategy::new);
        }
    }
}
