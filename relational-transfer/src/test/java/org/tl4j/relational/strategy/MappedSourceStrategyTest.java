package org.tl4j.relational.strategy;

import org.junit.jupiter.api.Test;
import org.tl4j.core.BaselineRole;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferStrategy;
import org.tl4j.relational.problem.RelationalTransferProblem;
import org.tl4j.relational.rdn.RdnBoostLearner;
import org.tl4j.relational.rdn.RdnBoostSettings;
import org.tl4j.relational.transfer.TreeBoostler;
import org.tl4j.relational.transfer.TreeBoostlerModel;
import org.tribuo.classification.Label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappedSourceStrategyTest extends RelationalStrategyContract {

    @Override
    protected TransferStrategy<Label, RelationalTransferProblem> strategy() {
        return new MappedSourceStrategy();
    }

    @Test
    void isTheSourceOnlyBaselineOfRelationalProblems() {
        assertEquals("mapped-source", StrategyRegistry.load().baseline(BaselineRole.SOURCE_ONLY, problem(30))
                .orElseThrow());
        assertNull(MappedSourceStrategy.DESCRIPTOR.approach());
    }

    @Test
    void predictsWithTheMappedSourceTreesAndReportsTheMapping() {
        RelationalTransferProblem p = problem(31);
        TransferModel<Label> m = strategy().fit(p, 3);
        TreeBoostlerModel direct = new TreeBoostler(TreeBoostler.Settings.defaults(3)).fit(
                new RdnBoostLearner(RdnBoostSettings.defaults(0)).fit(p.source(), p.sourceSchema()),
                p.sourceSchema(), p.targetTrain(), p.targetSchema());
        assertArrayEquals(p.testProbabilities(direct.mappedSource()), p.testProbabilities(relational(m).model()),
                0.0, "source leaf values under the mapping, source model with seed 0");
        String mapping = String.join("; ", direct.mapping().lines(p.sourceSchema()));
        assertEquals("mapping " + mapping, m.summary());
        assertEquals(mapping, instanceValue(m, RelationalTransferModel.PREDICATE_MAPPING));
        assertTrue(m.summary().startsWith("mapping mentors(A,B) -> assists(A,B)"), m.summary());
    }

    @Test
    void theSourceModelIsLearnedOncePerSourceWorld() {
        RelationalTransferProblem p = problem(32);
        TransferModel<Label> first = strategy().fit(p, 1);
        TransferModel<Label> second = new TreeBoostlerStrategy().fit(p, 2);
        assertEquals("learned in this fit", instanceValue(first, "source-model"));
        assertEquals("reused (learned earlier in this JVM)", instanceValue(second, "source-model"));
    }
}
