package org.tl4j.relational.strategy;

import org.junit.jupiter.api.Test;
import org.tl4j.core.BaselineRole;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferStrategy;
import org.tl4j.relational.problem.RelationalTransferProblem;
import org.tl4j.relational.rdn.RdnBoostLearner;
import org.tl4j.relational.rdn.RdnBoostSettings;
import org.tribuo.classification.Label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RdnBoostStrategyTest extends RelationalStrategyContract {

    @Override
    protected TransferStrategy<Label, RelationalTransferProblem> strategy() {
        return new RdnBoostStrategy();
    }

    @Test
    void isTheTargetOnlyBaselineOfRelationalProblems() {
        RelationalTransferProblem p = problem(20);
        assertEquals("rdn-boost", StrategyRegistry.load().baseline(BaselineRole.TARGET_ONLY, p).orElseThrow());
        assertNull(RdnBoostStrategy.DESCRIPTOR.approach());
    }

    @Test
    void learnsRdnBoostOnTheTargetAloneWithTheSeed() {
        RelationalTransferProblem p = problem(21);
        TransferModel<Label> m = strategy().fit(p, 5);
        double[] direct = p.testProbabilities(new RdnBoostLearner(RdnBoostSettings.defaults(5))
                .fit(p.targetTrain(), p.targetSchema()));
        assertArrayEquals(direct, p.testProbabilities(relational(m).model()), 0.0);
        assertEquals("", m.summary(), "no source, nothing to report beside the metrics");
        assertNull(instanceValue(m, RelationalTransferModel.PREDICATE_MAPPING));
    }
}
