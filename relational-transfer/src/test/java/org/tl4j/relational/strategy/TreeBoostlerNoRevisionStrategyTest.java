package org.tl4j.relational.strategy;

import org.junit.jupiter.api.Test;
import org.tl4j.core.Approach;
import org.tl4j.core.StrategyOptions;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.contract.Predictions;
import org.tl4j.relational.problem.RelationalTransferProblem;
import org.tl4j.relational.rdn.RdnBoostLearner;
import org.tl4j.relational.rdn.RdnBoostSettings;
import org.tl4j.relational.transfer.TreeBoostler;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TreeBoostlerNoRevisionStrategyTest extends RelationalStrategyContract {

    @Override
    protected TransferStrategy<Label, RelationalTransferProblem> strategy() {
        return new TreeBoostlerNoRevisionStrategy();
    }

    @Test
    void isTreeBoostlersParameterLearnedModel() {
        assertEquals(Approach.RELATIONAL_KNOWLEDGE, TreeBoostlerNoRevisionStrategy.DESCRIPTOR.approach());
        RelationalTransferProblem p = problem(40);
        var direct = new TreeBoostler(TreeBoostler.Settings.defaults(4)).fit(
                new RdnBoostLearner(RdnBoostSettings.defaults(0)).fit(p.source(), p.sourceSchema()),
                p.sourceSchema(), p.targetTrain(), p.targetSchema());
        assertArrayEquals(p.testProbabilities(direct.parameterLearned()),
                p.testProbabilities(relational(strategy().fit(p, 4)).model()), 0.0);
    }

    @Test
    void equalsTreeBoostlerWithoutRevision() {
        RelationalTransferProblem p = problem(41);
        TreeBoostlerStrategy off = new TreeBoostlerStrategy();
        StrategyOptions.apply(off, Map.of("revise", "false"), new LabelFactory());
        assertEquals(Predictions.fingerprint(strategy().fit(p, 6).predictTargetTest(p)),
                Predictions.fingerprint(off.fit(p, 6).predictTargetTest(p)));
    }
}
