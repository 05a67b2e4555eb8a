package org.tl4j.relational.transfer;

import org.junit.jupiter.api.Test;
import org.tl4j.core.eval.RankingMetrics;
import org.tl4j.relational.data.RelationalDataset;
import org.tl4j.relational.data.Schema;
import org.tl4j.relational.rdn.Literal;
import org.tl4j.relational.rdn.RdnBoostLearner;
import org.tl4j.relational.rdn.RdnBoostModel;
import org.tl4j.relational.rdn.RdnBoostSettings;
import org.tl4j.relational.rdn.RelationalRegressionTree;
import org.tl4j.relational.rdn.RelationalRegressionTree.Leaf;
import org.tl4j.relational.rdn.RelationalRegressionTree.Split;
import org.tl4j.relational.synthetic.SyntheticRelationalDomains;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreeBoostlerTest {
    private static final int SEEDS = 3;

    @Test
    void findsTheKnownMappingOfTheSyntheticPair() {
        Schema ss = SyntheticRelationalDomains.sourceSchema();
        Schema ts = SyntheticRelationalDomains.targetSchema();
        for (long s = 0; s < SEEDS; s++) {
            RdnBoostModel source = new RdnBoostLearner(RdnBoostSettings.defaults(s))
                    .fit(SyntheticRelationalDomains.source(200, s), ss);
            TreeBoostlerModel tb = new TreeBoostler(TreeBoostler.Settings.defaults(s))
                    .fit(source, ss, SyntheticRelationalDomains.target(30, 1000 + s), ts);
            for (var e : SyntheticRelationalDomains.correctMapping().entrySet()) {
                assertEquals(e.getValue(), tb.mapping().translation(e.getKey()).map(Object::toString).orElse("none"),
                        "seed " + s + ": " + e.getKey() + " in " + tb.mapping());
            }
            assertEquals("mentors", tb.mapping().sourceHead());
            assertEquals("assists", tb.mapping().targetHead());
        }
    }

    @Test
    void aRelatedSourceHelpsAndAnUnrelatedOneDoesNot() {
        Schema ss = SyntheticRelationalDomains.sourceSchema();
        Schema us = SyntheticRelationalDomains.unrelatedSchema();
        Schema ts = SyntheticRelationalDomains.targetSchema();
        double scratch = 0;
        double related = 0;
        double unrelatedMapped = 0;
        for (long s = 0; s < SEEDS; s++) {
            RelationalDataset train = SyntheticRelationalDomains.target(30, 1000 + s);
            RelationalDataset test = SyntheticRelationalDomains.target(200, 2000 + s);
            scratch += auc(new RdnBoostLearner(RdnBoostSettings.defaults(s)).fit(train, ts).probabilities(test), test);
            RdnBoostModel src = new RdnBoostLearner(RdnBoostSettings.defaults(s))
                    .fit(SyntheticRelationalDomains.source(200, s), ss);
            related += auc(new TreeBoostler(TreeBoostler.Settings.defaults(s)).fit(src, ss, train, ts)
                    .mappedSource().probabilities(test), test);
            RdnBoostModel unrelated = new RdnBoostLearner(RdnBoostSettings.defaults(s))
                    .fit(SyntheticRelationalDomains.unrelatedSource(200, s), us);
            TreeBoostlerModel u = new TreeBoostler(TreeBoostler.Settings.defaults(s)).fit(unrelated, us, train, ts);
            assertTrue(u.mapping().dropped().contains("neighbour") || u.mapping().unreached().contains("neighbour"),
                    "the shop's person-person relation has no image in the studio: " + u.mapping());
            unrelatedMapped += auc(u.mappedSource().probabilities(test), test);
        }
        scratch /= SEEDS;
        related /= SEEDS;
        unrelatedMapped /= SEEDS;
        assertTrue(related > scratch + 0.02, "the mapped related source beats learning from 30 people: " + related
                + " vs " + scratch);
        assertTrue(unrelatedMapped < scratch - 0.02, "the mapped unrelated source is negative transfer: "
                + unrelatedMapped + " vs " + scratch);
    }

    @Test
    void sameSeedSameBits() {
        Schema ss = SyntheticRelationalDomains.sourceSchema();
        Schema ts = SyntheticRelationalDomains.targetSchema();
        RdnBoostModel src = new RdnBoostLearner(RdnBoostSettings.defaults(4))
                .fit(SyntheticRelationalDomains.source(120, 4), ss);
        RelationalDataset train = SyntheticRelationalDomains.target(30, 5);
        RelationalDataset test = SyntheticRelationalDomains.target(60, 6);
        TreeBoostlerModel a = new TreeBoostler(TreeBoostler.Settings.defaults(9)).fit(src, ss, train, ts);
        TreeBoostlerModel b = new TreeBoostler(TreeBoostler.Settings.defaults(9)).fit(src, ss, train, ts);
        assertEquals(a.mapping(), b.mapping());
        assertEquals(a.model().trees(), b.model().trees());
        assertArrayEquals(a.probabilities(test), b.probabilities(test));
        assertArrayEquals(a.mappedSource().probabilities(test), b.mappedSource().probabilities(test));
    }

    @Test
    void pruningCollapsesImpureLeafPairsAndDropsBranchesNoExampleReached() {
        Literal p = new Literal("p", 0);
        Literal q = new Literal("q", 1);
        // q splits into two impure leaves (variance 0.2, 0.1 >= 0.0025): it becomes one leaf with pooled statistics.
        Split inner = new Split(List.of(q), 2, new Leaf(0.4, 3, 0.2), new Leaf(-0.2, 1, 0.1), 4);
        Split root = new Split(List.of(p), 2, inner, new Leaf(-0.5, 6, 0.0), 10);
        RelationalRegressionTree.Node pruned = TreeBoostler.prune(root, 0.0025);
        Split r = assertInstanceOf(Split.class, pruned);
        Leaf merged = assertInstanceOf(Leaf.class, r.ifTrue());
        assertEquals(4, merged.examples());
        assertEquals(0.25, merged.value(), 1e-12);
        // pooled variance: E[g^2] - E[g]^2 = (3 (0.2 + 0.16) + (0.1 + 0.04)) / 4 - 0.0625
        assertEquals((3 * 0.36 + 0.14) / 4 - 0.0625, merged.variance(), 1e-12);
        // The root's children: a leaf of variance 0.2575 and a pure one (0.0) — kept.
        assertEquals(List.of(p), r.test());
        // A pure leaf keeps its node; a branch with no example is cut away.
        Split pure = new Split(List.of(q), 2, new Leaf(0.5, 3, 0.0), new Leaf(-0.2, 2, 0.1), 5);
        assertInstanceOf(Split.class, TreeBoostler.prune(pure, 0.0025));
        Split empty = new Split(List.of(q), 2, new Leaf(0.0, 0, 0.0), new Leaf(-0.2, 2, 0.1), 2);
        assertEquals(new Leaf(-0.2, 2, 0.1), TreeBoostler.prune(empty, 0.0025));
    }

    private static double auc(double[] p, RelationalDataset test) {
        return RankingMetrics.aucRoc(p, test.labels());
    }
}
