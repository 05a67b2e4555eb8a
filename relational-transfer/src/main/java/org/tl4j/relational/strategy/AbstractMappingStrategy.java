package org.tl4j.relational.strategy;

import com.oracle.labs.mlrg.olcut.config.Config;
import org.tl4j.core.TransferModel;
import org.tl4j.relational.problem.RelationalTransferProblem;
import org.tl4j.relational.rdn.RelationalModel;
import org.tl4j.relational.transfer.TreeBoostler;
import org.tl4j.relational.transfer.TreeBoostlerModel;
import org.tribuo.classification.Label;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base class of the strategies that transfer the source model through a predicate mapping found by TreeBoostler's
 * search (R. Azevedo Santos, A. Paes, G. Zaverucha, "Transfer learning by mapping and revising boosted relational
 * dependency networks", Machine Learning 109, 2020): the source model is learned on the whole source world with the
 * shared RDN-Boost settings and the fixed seed {@code sourceSeed}, once per JVM ({@link SourceModels}); the fit's
 * seed draws the target training negatives. Settings of the mapping search: {@code searchArgPermutations},
 * {@code allowSameTargetMap}.
 * <p>
 * The model's {@linkplain TransferModel#summary() summary} is the mapping chosen, one {@code source -> target}
 * entry per source predicate ({@code (none)}: dropped, {@code (unreached)}: no target example reached its nodes).
 */
public abstract class AbstractMappingStrategy extends AbstractRelationalStrategy {

    @Config(description = "Seed of the source model's negative sample; fixed, so a pair's source model is learned once")
    private long sourceSeed = 0L;

    @Config(description = "Let a source predicate's arguments be reordered when it is mapped (TreeBoostler: true)")
    private boolean searchArgPermutations = true;

    @Config(description = "Let two source predicates map onto one target predicate (TreeBoostler's experiments: false)")
    private boolean allowSameTargetMap = false;

    /** For subclasses. */
    protected AbstractMappingStrategy() {
    }

    /** Whether the strategy revises the mapped trees. */
    protected abstract boolean revise();

    /** The variance at or above which revision counts a leaf as impure. */
    protected double pruneVariance() {
        return TreeBoostler.Settings.defaults(0).pruneVariance();
    }

    /** The model the strategy keeps from TreeBoostler's fit. */
    protected abstract RelationalModel chosen(TreeBoostlerModel fit);

    /** What the summary adds after the mapping (empty by default). */
    protected String summaryDetail(TreeBoostlerModel fit) {
        return "";
    }

    /** TreeBoostler's settings with this strategy's, for a fit with {@code seed}. */
    public TreeBoostler.Settings treeBoostlerSettings(long seed) {
        return new TreeBoostler.Settings(rdnSettings(seed), searchArgPermutations, allowSameTargetMap, revise(),
                pruneVariance());
    }

    @Override
    protected final TransferModel<Label> fitProblem(RelationalTransferProblem problem, long seed) {
        SourceModels.Result source = SourceModels.get(problem.source(), problem.sourceSchema(),
                rdnSettings(sourceSeed));
        TreeBoostlerModel fit = new TreeBoostler(treeBoostlerSettings(seed)).fit(source.model(),
                problem.sourceSchema(), problem.targetTrain(), problem.targetSchema());
        List<String> mapping = fit.mapping().lines(problem.sourceSchema());
        String detail = summaryDetail(fit);
        String summary = "mapping " + String.join("; ", mapping) + (detail.isEmpty() ? "" : "; " + detail);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("source-model", source.learnedNow() ? "learned in this fit" : "reused (learned earlier in this JVM)");
        extra.put("source-model.fit-ms", source.model().description().getOrDefault("fit-ms", ""));
        extra.put("mapping-ms", Long.toString(fit.mappingMillis()));
        extra.put("revision-ms", Long.toString(fit.revisionMillis()));
        return RelationalTransferModel.of(this, problem, seed, chosen(fit), mapping, summary, extra);
    }
}
