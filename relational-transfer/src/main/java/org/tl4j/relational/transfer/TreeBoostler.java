package org.tl4j.relational.transfer;

import org.tl4j.core.eval.RankingMetrics;
import org.tl4j.relational.data.PredicateSignature;
import org.tl4j.relational.data.RelationalDataset;
import org.tl4j.relational.data.Schema;
import org.tl4j.relational.rdn.Boosting;
import org.tl4j.relational.rdn.Guide;
import org.tl4j.relational.rdn.LanguageBias;
import org.tl4j.relational.rdn.RdnBoostLearner;
import org.tl4j.relational.rdn.RdnBoostModel;
import org.tl4j.relational.rdn.RdnBoostSettings;
import org.tl4j.relational.rdn.RelationalRegressionTree;
import org.tl4j.relational.rdn.TrainingSet;
import org.tl4j.relational.rdn.TreeGrower;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TreeBoostler: transfers a boosted RDN learned in a source domain to a target domain by mapping its predicates and
 * revising its trees (R. Azevedo Santos, A. Paes, G. Zaverucha, "Transfer learning by mapping and revising boosted
 * relational dependency networks", Machine Learning 109, 2020; the mapping-then-revision scheme of TAMAR,
 * Mihalkova, Huynh &amp; Mooney, AAAI 2007).
 * <ol>
 *   <li><b>Mapping and parameter learning</b> ("TreeBoostler*" in the paper): the source trees are refitted one by
 *   one by functional-gradient boosting on the target examples, keeping their structure; the predicates of each
 *   node are mapped when the node is first reached ({@link MappingSearch}) and each leaf takes the mean gradient of
 *   the target examples reaching it.</li>
 *   <li><b>Revision</b>: every refitted tree is pruned bottom-up — a node one of whose branches no example reached
 *   is replaced by its other branch; a node whose two children are leaves (or became leaves) whose gradients both
 *   vary by at least {@code pruneVariance} (0.0025, TreeBoostler's threshold) becomes a leaf — and the pruned trees
 *   are refitted again with every leaf free to grow new nodes by the usual search (RDN-Boost's depth, clause and literal limits).
 *   If pruning leaves every tree a bare leaf, the unpruned trees are expanded instead (as TreeBoostler does).</li>
 *   <li>The revised model is kept if its conditional log-likelihood on the target training examples is higher than
 *   that of the parameter-learned one (one revision round, TreeBoostler's published setting).</li>
 * </ol>
 * Deterministic under the settings' seed (the target negative sample).
 */
public final class TreeBoostler {

    /**
     * Settings.
     *
     * @param target                the target-side boosting settings (tree limits for revision, negative sampling,
     *                              seed); the number of trees is the source model's
     * @param searchArgPermutations whether source arguments may be reordered when mapped (TreeBoostler: yes)
     * @param allowSameTargetMap    whether two source predicates may map onto one target predicate (TreeBoostler's
     *                              published experiments: no)
     * @param revise                whether to revise after parameter learning
     * @param pruneVariance         the gradient variance at or above which a leaf counts as impure
     */
    public record Settings(RdnBoostSettings target, boolean searchArgPermutations, boolean allowSameTargetMap,
                           boolean revise, double pruneVariance) {
        /** Validates. */
        public Settings {
            if (!(pruneVariance >= 0)) {
                throw new IllegalArgumentException("Invalid pruneVariance: " + pruneVariance);
            }
        }

        /** TreeBoostler's published settings on top of {@link RdnBoostSettings#defaults}. */
        public static Settings defaults(long seed) {
            return new Settings(RdnBoostSettings.defaults(seed), true, false, true, 0.0025);
        }

        /** A copy with another seed. */
        public Settings withSeed(long seed) {
            return new Settings(target.withSeed(seed), searchArgPermutations, allowSameTargetMap, revise,
                    pruneVariance);
        }
    }

    private final Settings settings;

    /** A learner with these settings. */
    public TreeBoostler(Settings settings) {
        this.settings = settings;
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    /**
     * Transfers a source model.
     *
     * @param source       the model learned on the source domain
     * @param sourceSchema the source's typed predicates
     * @param targetTrain  the target training facts and examples
     * @param targetSchema the target's typed predicates, including its target predicate
     * @throws IllegalArgumentException if the two targets cannot be mapped onto each other consistently
     */
    public TreeBoostlerModel fit(RdnBoostModel source, Schema sourceSchema, RelationalDataset targetTrain,
                                 Schema targetSchema) {
        long start = System.nanoTime();
        String target = targetTrain.target();
        PredicateSignature head = targetSchema.signature(target);
        if (head.arity() != targetTrain.targetArity()) {
            throw new IllegalArgumentException("The schema gives " + head + " but the examples of '" + target
                    + "' have " + targetTrain.targetArity() + " arguments");
        }
        RdnBoostSettings rs = settings.target.withTrees(source.trees().size());
        TrainingSet ts = TrainingSet.of(targetTrain, rs.negativesPerPositive(), rs.seed());
        LanguageBias bias = LanguageBias.forTarget(targetSchema, target);
        TreeGrower grower = new TreeGrower(ts.data().store(), bias, rs, target, head.argTypes());

        MappingSearch search = new MappingSearch(sourceSchema, targetSchema, source.target(), target,
                bias.bodyPredicates(), settings.searchArgPermutations, settings.allowSameTargetMap);
        Boosting.Result fitted = Boosting.run(ts.labels(), rs.trees(), (m, g) -> grower.growGuided(ts.heads(), g,
                ts.labels(), source.trees().get(m).root(), search, null, false));
        LinkedHashSet<String> sourceBody = new LinkedHashSet<>();
        for (RelationalRegressionTree t : source.trees()) {
            sourceBody.addAll(t.predicates());
        }
        PredicateMapping mapping = search.result(sourceBody);
        double cllParameters = cll(fitted.potentials(), ts.labels());
        long mapped = System.nanoTime();

        Map<String, String> d = new LinkedHashMap<>();
        d.put("reference", "Azevedo Santos, Paes & Zaverucha, MLJ 109 (2020); after Mihalkova, Huynh & Mooney,"
                + " AAAI 2007");
        d.put("target", head.toString());
        settings.target.asMap().forEach((k, v) -> d.put("settings." + k, v));
        d.put("settings.searchArgPermutations", Boolean.toString(settings.searchArgPermutations));
        d.put("settings.allowSameTargetMap", Boolean.toString(settings.allowSameTargetMap));
        d.put("settings.revise", Boolean.toString(settings.revise));
        d.put("settings.pruneVariance", Double.toString(settings.pruneVariance));
        int i = 0;
        for (String line : mapping.lines(sourceSchema)) {
            d.put("mapping." + i++, line);
        }
        d.put("mapping.assignments-scored", Long.toString(search.assignmentsScored()));
        RdnBoostLearner.describeData(d, "train", ts);
        source.description().forEach((k, v) -> d.put("source." + k, v));

        Map<String, String> dp = new LinkedHashMap<>(d);
        dp.put("method", "treeboostler-parameters");
        dp.put("train-cll", format(cllParameters));
        dp.put("fit-ms", Long.toString((mapped - start) / 1_000_000));
        RdnBoostModel parameterLearned = new RdnBoostModel(target, head.arity(), fitted.trees(), moveFirst(dp,
                "method"));

        RdnBoostModel finalModel = parameterLearned;
        boolean accepted = false;
        double cllRevised = Double.NaN;
        long revised = mapped;
        if (settings.revise) {
            List<RelationalRegressionTree.Node> templates = new ArrayList<>();
            boolean allLeaves = true;
            for (RelationalRegressionTree t : fitted.trees()) {
                RelationalRegressionTree.Node p = prune(t.root(), settings.pruneVariance);
                templates.add(p);
                allLeaves &= p instanceof RelationalRegressionTree.Leaf;
            }
            if (allLeaves) {
                templates.clear();
                for (RelationalRegressionTree t : fitted.trees()) {
                    templates.add(t.root());
                }
            }
            Guide identity = Guide.identity();
            Boosting.Result rev = Boosting.run(ts.labels(), rs.trees(), (m, g) -> grower.growGuided(ts.heads(), g,
                    ts.labels(), templates.get(m), identity, null, true));
            cllRevised = cll(rev.potentials(), ts.labels());
            revised = System.nanoTime();
            accepted = cllRevised > cllParameters;
            Map<String, String> dr = new LinkedHashMap<>(d);
            dr.put("method", "treeboostler");
            dr.put("revision.pruned-to-leaves", Boolean.toString(allLeaves));
            dr.put("revision.train-cll-parameters", format(cllParameters));
            dr.put("revision.train-cll-revised", format(cllRevised));
            dr.put("revision.accepted", Boolean.toString(accepted));
            dr.put("mapping-ms", Long.toString((mapped - start) / 1_000_000));
            dr.put("revision-ms", Long.toString((revised - mapped) / 1_000_000));
            dr.put("fit-ms", Long.toString((revised - start) / 1_000_000));
            finalModel = new RdnBoostModel(target, head.arity(), accepted ? rev.trees() : fitted.trees(),
                    moveFirst(dr, "method"));
        }
        Map<String, String> ds = new LinkedHashMap<>();
        ds.put("mapping.found-by", "TreeBoostler's search during parameter learning on " + ts.data().name());
        MappedSourceModel mappedSource = MappedSourceModel.of(source, targetSchema, mapping, ds);
        return new TreeBoostlerModel(finalModel, parameterLearned, mappedSource, mapping, accepted, cllParameters,
                cllRevised, (mapped - start) / 1_000_000, (revised - mapped) / 1_000_000);
    }

    /**
     * TreeBoostler's pruning of a refitted tree (see the class comment). Children are pruned first, so a node
     * whose subtrees collapse into impure leaves collapses in turn.
     */
    public static RelationalRegressionTree.Node prune(RelationalRegressionTree.Node n, double impure) {
        if (!(n instanceof RelationalRegressionTree.Split s)) {
            return n;
        }
        RelationalRegressionTree.Node t = prune(s.ifTrue(), impure);
        RelationalRegressionTree.Node f = prune(s.ifFalse(), impure);
        if (t.examples() == 0) {
            return f;
        }
        if (f.examples() == 0) {
            return t;
        }
        if (t instanceof RelationalRegressionTree.Leaf lt && f instanceof RelationalRegressionTree.Leaf lf
                && lt.variance() >= impure && lf.variance() >= impure) {
            // The collapsed leaf carries the pooled statistics of both branches, so its parent can collapse too.
            int nt = lt.examples();
            int nf = lf.examples();
            int total = nt + nf;
            double mean = (nt * lt.value() + nf * lf.value()) / total;
            double second = (nt * (lt.variance() + lt.value() * lt.value())
                    + nf * (lf.variance() + lf.value() * lf.value())) / total;
            return new RelationalRegressionTree.Leaf(mean, total, Math.max(0, second - mean * mean));
        }
        return new RelationalRegressionTree.Split(s.test(), s.width(), t, f, s.examples());
    }

    private static double cll(double[] potentials, boolean[] labels) {
        double[] p = new double[potentials.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Boosting.sigmoid(potentials[i]);
        }
        return RankingMetrics.conditionalLogLikelihood(p, labels);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    private static Map<String, String> moveFirst(Map<String, String> m, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(key, m.get(key));
        m.forEach(out::putIfAbsent);
        return out;
    }
}
