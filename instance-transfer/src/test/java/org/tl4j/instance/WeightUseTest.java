package org.tl4j.instance;

import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.junit.jupiter.api.Test;
import org.tl4j.core.StrategyOptions;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.Predictions;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.InnerLearners;
import org.tl4j.core.learn.NearestNeighbourTrainer;
import org.tl4j.instance.kmm.KmmStrategy;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How weights reach learners that honour them and learners that do not. */
class WeightUseTest {

    private static String weightUse(TransferModel<?> m) {
        return ((StringProvenance) m.getProvenance().getInstanceProvenance().getMap().get("kmm.weight-use")).getValue();
    }

    @Test
    void weightedLearnersReceiveExampleWeights() {
        TransferTask<Label> task = TinyTasks.covariateShift(1);
        assertEquals("example-weights", weightUse(new KmmStrategy<>(InnerLearners.logistic()).fit(task, 3)));
    }

    @Test
    void weightIgnoringLearnersAreRejectedWhenExampleWeightsAreDemanded() {
        KmmStrategy<Label> s = new KmmStrategy<>(InnerLearners.logistic());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrategyOptions.apply(s,
                Map.of("inner", "1nn", "weighting", "example-weights"), new LabelFactory()));
        assertTrue(e.getMessage().contains("ignores example weights") && e.getMessage().contains("weighting=resample"),
                e.getMessage());
    }

    @Test
    void weightIgnoringLearnersGetImportanceResampledData() {
        TransferTask<Label> task = TinyTasks.covariateShift(2);
        KmmStrategy<Label> s = new KmmStrategy<Label>(new NearestNeighbourTrainer<Label>(1));
        StrategyOptions.apply(s, Map.of("weighting", "resample"), new LabelFactory());
        TransferModel<Label> a = s.fit(task, 5);
        assertEquals("resample", weightUse(a));
        assertEquals(Predictions.fingerprint(a.predictTargetTest(task)),
                Predictions.fingerprint(s.fit(task, 5).predictTargetTest(task)), "resampling replays under a seed");
    }

    @Test
    void resamplingFollowsTheWeights() {
        int[] rows = InstanceWeights.resample(new double[]{0, 1, 3, 0}, 4000, 9);
        int[] counts = new int[4];
        for (int r : rows) {
            counts[r]++;
        }
        assertEquals(0, counts[0]);
        assertEquals(0, counts[3]);
        assertEquals(0.75, counts[2] / 4000.0, 0.03);
        assertArrayEquals(rows, InstanceWeights.resample(new double[]{0, 1, 3, 0}, 4000, 9));
        assertNotEquals(java.util.Arrays.toString(rows),
                java.util.Arrays.toString(InstanceWeights.resample(new double[]{0, 1, 3, 0}, 4000, 10)));
    }
}
