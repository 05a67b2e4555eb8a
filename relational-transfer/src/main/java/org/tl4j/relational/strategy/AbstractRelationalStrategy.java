package org.tl4j.relational.strategy;

import com.oracle.labs.mlrg.olcut.config.Config;
import org.tl4j.core.AbstractStrategy;
import org.tl4j.relational.problem.RelationalTransferProblem;
import org.tl4j.relational.rdn.RdnBoostSettings;
import org.tribuo.classification.Label;

/**
 * Base class of the relational strategies: the RDN-Boost settings every one of them learns with, as OLCUT
 * {@code @Config} fields named as in {@link RdnBoostSettings} ({@code tl run -o trees=20 -o maxLeaves=4}):
 * {@code trees}, {@code maxTreeDepth}, {@code maxLeaves} (clauses per tree), {@code maxLiteralsPerNode},
 * {@code negativesPerPositive}, {@code beamWidth}, {@code minPositivesCovered}, {@code minVarianceToSplit}; with the
 * defaults of TreeBoostler's experiments ({@link RdnBoostSettings#defaults}): 10 trees, depth 3, 8 clauses per
 * tree, 2 literals per node, at most 2 training negatives per positive. Transfer strategies learn their source
 * model and revise with the same settings, so every learner of a comparison has the same budget.
 */
public abstract class AbstractRelationalStrategy extends AbstractStrategy<Label, RelationalTransferProblem> {
    private static final RdnBoostSettings DEFAULTS = RdnBoostSettings.defaults(0);

    @Config(description = "Boosted relational regression trees (BoostSRL -trees)")
    private int trees = DEFAULTS.trees();

    @Config(description = "Most interior nodes on a path from a tree's root (BoostSRL maxTreeDepth)")
    private int maxTreeDepth = DEFAULTS.maxTreeDepth();

    @Config(description = "Most leaves, i.e. clauses, per tree (BoostSRL numOfClauses)")
    private int maxLeaves = DEFAULTS.maxLeaves();

    @Config(description = "Most literals one node adds, 1 or 2 (BoostSRL nodeSize)")
    private int maxLiteralsPerNode = DEFAULTS.maxLiteralsPerNode();

    @Config(description = "Training negatives kept per positive, drawn with the seed (BoostSRL -negPosRatio; 0: all)")
    private double negativesPerPositive = DEFAULTS.negativesPerPositive();

    @Config(description = "One-literal tests extended by a second literal (beam width of the node search)")
    private int beamWidth = DEFAULTS.beamWidth();

    @Config(description = "Fewest positive examples a learned test must hold for")
    private int minPositivesCovered = DEFAULTS.minPositivesCovered();

    @Config(description = "Gradient variance at or below which a node becomes a leaf")
    private double minVarianceToSplit = DEFAULTS.minVarianceToSplit();

    /** For subclasses; the settings are the defaults until configured. */
    protected AbstractRelationalStrategy() {
        super(RelationalTransferProblem.class);
    }

    /** Validates the settings; the message names the bad one. */
    @Override
    public void postConfig() {
        rdnSettings(0);
    }

    /** The RDN-Boost settings with {@code seed} for the negative sample. */
    public RdnBoostSettings rdnSettings(long seed) {
        return new RdnBoostSettings(trees, maxTreeDepth, maxLeaves, maxLiteralsPerNode, negativesPerPositive, beamWidth,
                minPositivesCovered, minVarianceToSplit, seed);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + descriptor().name() + ", " + rdnSettings(0).asMap() + ")";
    }
}
