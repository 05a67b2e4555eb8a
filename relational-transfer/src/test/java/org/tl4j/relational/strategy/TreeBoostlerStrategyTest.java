package org.tl4j.relational.strategy;

import org.junit.jupiter.api.Test;
import org.tl4j.core.Approach;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferStrategy;
import org.tl4j.relational.problem.RelationalTransferProblem;
import org.tl4j.relational.rdn.RdnBoostLearner;
import org.tl4j.relational.rdn.RdnBoostSettings;
import org.tl4j.relational.synthetic.SyntheticRelationalDomains;
import org.tl4j.relational.transfer.TreeBoostler;
import org.tl4j.relational.transfer.TreeBoostlerModel;
import org.tribuo.classification.Label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreeBoostlerStrategyTest extends RelationalStrategyContract {

    @Override
    protected TransferStrategy<Label, RelationalTransferProblem> strategy() {
        return new TreeBoostlerStrategy();
    }

    @Test
    void transfersAsTreeBoostlerDoesAndSaysWhetherRevisionWasKept() {
        assertEquals(Approach.RELATIONAL_KNOWLEDGE, TreeBoostlerStrategy.DESCRIPTOR.approach());
        RelationalTransferProblem p = problem(50);
        TransferModel<Label> m = strategy().fit(p, 8);
        TreeBoostlerModel direct = new TreeBoostler(TreeBoostler.Settings.defaults(8)).fit(
                new RdnBoostLearner(RdnBoostSettings.defaults(0)).fit(p.source(), p.sourceSchema()),
                p.sourceSchema(), p.targetTrain(), p.targetSchema());
        assertArrayEquals(p.testProbabilities(direct), p.testProbabilities(relational(m).model()), 0.0);
        assertEquals("mapping " + String.join("; ", direct.mapping().lines(p.sourceSchema())) + "; revision "
                + (direct.revisionAccepted() ? "kept" : "not kept"), m.summary());
        assertEquals(Boolean.toString(direct.revisionAccepted()),
                relational(m).model().description().get("revision.accepted"));
    }

    @Test
    void findsTheKnownMappingOfTheSyntheticPair() {
        for (long seed = 0; seed < 3; seed++) {
            RelationalTransferProblem p = SyntheticRelationalDomains.problem(true, 200, 30, 60, seed);
            String summary = strategy().fit(p, seed).summary();
            for (String line : new String[] {"supervisor(A) -> lead(A)", "novice(A) -> junior(A)",
                    "coauthor(A,B) -> credit(B,A)"}) {
                assertTrue(summary.contains(line), "seed " + seed + ": " + summary);
            }
        }
    }
}
