package org.tl4j.relational.rdn;

import org.tl4j.relational.data.RelationalDataset;
import org.tl4j.relational.data.Schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Learns a boosted relational dependency network for one target predicate from scratch (RDN-Boost: Natarajan,
 * Khot, Kersting, Gutmann &amp; Shavlik, "Gradient-based boosting for statistical relational learning: the
 * relational dependency network case", MLJ 86(1), 2012; BoostSRL): functional-gradient boosting
 * ({@link Boosting}) of relational regression trees ({@link TreeGrower}). Settings hold everything; each
 * {@link #fit} is deterministic under the settings' seed.
 *
 * @see org.tl4j.relational.transfer.TreeBoostler
 */
public final class RdnBoostLearner {
    private final RdnBoostSettings settings;

    /** A learner with these settings. */
    public RdnBoostLearner(RdnBoostSettings settings) {
        this.settings = settings;
    }

    /** The settings. */
    public RdnBoostSettings settings() {
        return settings;
    }

    /**
     * Fits a model.
     *
     * @param train  facts and labelled examples of the target predicate
     * @param schema typed predicates (declared by modes or inferred) including the target
     * @throws IllegalArgumentException if the schema lacks the target or gives it another arity
     */
    public RdnBoostModel fit(RelationalDataset train, Schema schema) {
        long start = System.nanoTime();
        var head = schema.signature(train.target());
        if (head.arity() != train.targetArity()) {
            throw new IllegalArgumentException("The schema gives " + head + " but the examples of '" + train.target()
                    + "' have " + train.targetArity() + " arguments");
        }
        TrainingSet ts = TrainingSet.of(train, settings.negativesPerPositive(), settings.seed());
        LanguageBias bias = LanguageBias.forTarget(schema, train.target());
        TreeGrower grower = new TreeGrower(ts.data().store(), bias, settings, train.target(), head.argTypes());
        Boosting.Result r = Boosting.run(ts.labels(), settings.trees(),
                (m, g) -> grower.grow(ts.heads(), g, ts.labels()));
        long ms = (System.nanoTime() - start) / 1_000_000;
        Map<String, String> d = new LinkedHashMap<>();
        d.put("method", "rdn-boost");
        d.put("reference", "Natarajan, Khot, Kersting, Gutmann & Shavlik, MLJ 86(1) 2012");
        d.put("target", head.toString());
        settings.asMap().forEach((k, v) -> d.put("settings." + k, v));
        d.put("schema", schema.hasModes() ? "modes" : "inferred from shared constants");
        d.put("body-predicates", String.join(",", bias.bodyPredicates()));
        describeData(d, "train", ts);
        d.put("fit-ms", Long.toString(ms));
        return new RdnBoostModel(train.target(), head.arity(), r.trees(), d);
    }

    /** Adds a training set's name, sizes and provenance notes under a prefix. */
    public static void describeData(Map<String, String> d, String prefix, TrainingSet ts) {
        d.put(prefix + ".data", ts.data().name());
        d.put(prefix + ".positives", Integer.toString(ts.data().positives().size()));
        d.put(prefix + ".negatives", Integer.toString(ts.data().negatives().size()));
        d.put(prefix + ".facts", Integer.toString(ts.data().facts().size()));
        int i = 0;
        for (String note : ts.data().notes()) {
            d.put(prefix + ".note." + i++, note);
        }
    }
}
