package org.tl4j.relational.rdn;

import org.junit.jupiter.api.Test;
import org.tl4j.core.eval.RankingMetrics;
import org.tl4j.relational.data.GroundAtom;
import org.tl4j.relational.data.RelationalDataset;
import org.tl4j.relational.data.Schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RdnBoostLearnerTest {

    private static Schema inferred(RelationalDataset d) {
        List<GroundAtom> atoms = new ArrayList<>(d.facts());
        atoms.addAll(d.positives());
        return Schema.infer(atoms);
    }

    private static RdnBoostSettings settings(long seed) {
        return RdnBoostSettings.defaults(seed).withTrees(3);
    }

    @Test
    void findsTheTwoLiteralRuleAndTheGradientsAreTheHandComputedOnes() {
        RelationalDataset fam = ToyDomains.family(12, 1);
        RdnBoostModel m = new RdnBoostLearner(settings(1)).fit(fam, inferred(fam));
        RelationalRegressionTree first = m.trees().get(0);
        RelationalRegressionTree.Split root = assertInstanceOf(RelationalRegressionTree.Split.class, first.root());
        Set<String> used = root.test().stream().map(Literal::toString).collect(Collectors.toSet());
        assertEquals(Set.of("parent(A,B)", "male(A)"), used, "father(A,B) :- parent(A,B), male(A): " + first);
        // A perfect split of 0/1 labels at potential 0: gradients are +-1/2 on each side, so are the leaves.
        assertEquals(0.5, ((RelationalRegressionTree.Leaf) root.ifTrue()).value(), 0.0);
        assertEquals(-0.5, ((RelationalRegressionTree.Leaf) root.ifFalse()).value(), 0.0);
        // The second tree fits y - sigma(+-1/2): 1 - 1/(1 + e^-0.5) = 0.377540668798145...
        RelationalRegressionTree.Split second = (RelationalRegressionTree.Split) m.trees().get(1).root();
        double step = 1 - 1 / (1 + Math.exp(-0.5));
        assertEquals(step, ((RelationalRegressionTree.Leaf) second.ifTrue()).value(), 1e-15);
        assertEquals(-step, ((RelationalRegressionTree.Leaf) second.ifFalse()).value(), 1e-15);
        double[] p = m.probabilities(fam);
        double expected = 1 / (1 + Math.exp(-(0.5 + step + ((RelationalRegressionTree.Leaf)
                ((RelationalRegressionTree.Split) m.trees().get(2).root()).ifTrue()).value())));
        assertEquals(expected, p[0], 1e-12, "P = sigma(sum of the three leaves)");
    }

    @Test
    void findsARuleThroughANewVariableAndGeneralisesToAnotherWorld() {
        RelationalDataset train = ToyDomains.university(30, 3);
        RelationalDataset test = ToyDomains.university(30, 4);
        RdnBoostModel m = new RdnBoostLearner(RdnBoostSettings.defaults(3)).fit(train, inferred(train));
        String all = m.toString();
        assertTrue(all.contains("publication(C,A), publication(C,B)") || all.contains("publication(C,B), "
                + "publication(C,A)"), "co-publication through a new variable C is found:\n" + all);
        double auc = RankingMetrics.aucRoc(m.probabilities(test), test.labels());
        assertTrue(auc > 0.95, "the rule carries to an unseen world: AUC " + auc);
    }

    @Test
    void treesRespectDepthAndLeafLimits() {
        RelationalDataset train = ToyDomains.university(40, 5);
        RdnBoostSettings s = new RdnBoostSettings(5, 2, 3, 2, 2.0, 10, 1, 0.0, 5);
        RdnBoostModel m = new RdnBoostLearner(s).fit(train, inferred(train));
        for (RelationalRegressionTree t : m.trees()) {
            assertTrue(t.depth() <= 2, t.toString());
            assertTrue(t.leaves() <= 3, t.toString());
        }
    }

    @Test
    void sameSeedSameBitsAndTheSeedDrivesTheNegativeSample() {
        RelationalDataset train = ToyDomains.university(40, 6);
        RelationalDataset test = ToyDomains.university(30, 7);
        Schema schema = inferred(train);
        RdnBoostSettings s = new RdnBoostSettings(4, 3, 8, 2, 1.0, 10, 1, 0.0025, 11);
        RdnBoostModel a = new RdnBoostLearner(s).fit(train, schema);
        RdnBoostModel b = new RdnBoostLearner(s).fit(train, schema);
        assertEquals(a.trees(), b.trees());
        assertArrayEquals(a.probabilities(test), b.probabilities(test));
        RdnBoostModel c = new RdnBoostLearner(s.withSeed(12)).fit(train, schema);
        assertNotEquals(a.description().get("train.note.1"), c.description().get("train.note.1"),
                "another seed draws other negatives");
    }

    @Test
    void theTargetAndItsRecursionCopyNeverAppearInBodies() {
        RelationalDataset fam = ToyDomains.family(10, 2);
        List<GroundAtom> facts = new ArrayList<>(fam.facts());
        for (GroundAtom p : fam.positives()) {
            facts.add(new GroundAtom("recursion_father", p.args()));
        }
        RelationalDataset leaky = new RelationalDataset("leaky", "father", facts, fam.positives(), fam.negatives(),
                List.of());
        RdnBoostModel m = new RdnBoostLearner(settings(2)).fit(leaky, inferred(leaky));
        assertTrue(!m.toString().contains("recursion_father"), m.toString());
        assertEquals(Arrays.asList("male", "parent"), Arrays.asList(m.description().get("body-predicates")
                .split(",")));
    }

    @Test
    void aSchemaThatDisagreesWithTheExamplesIsRejected() {
        RelationalDataset fam = ToyDomains.family(5, 2);
        Schema wrong = Schema.infer(List.of(GroundAtom.of("father", "a"), GroundAtom.of("male", "a")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RdnBoostLearner(settings(1)).fit(fam, wrong));
        assertTrue(e.getMessage().contains("2 arguments"), e.getMessage());
    }

    @Test
    void invalidSettingsNameTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RdnBoostSettings(0, 3, 8, 2, 2, 10, 1, 0, 1));
        assertTrue(e.getMessage().contains("trees"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RdnBoostSettings(10, 3, 8, 3, 2, 10, 1, 0, 1));
        assertTrue(e.getMessage().contains("maxLiteralsPerNode"), e.getMessage());
    }
}
