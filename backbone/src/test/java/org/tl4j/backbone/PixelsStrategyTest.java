package org.tl4j.backbone;

import org.junit.jupiter.api.Test;
import org.tl4j.core.BaselineRole;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.learn.InnerLearners;
import org.tribuo.classification.Label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The no-source image baseline under the image contract, and its role. */
class PixelsStrategyTest extends ImageStrategyContract {

    @Override
    protected TransferStrategy<Label, ImageTransferTask> strategy() {
        return new PixelsStrategy(InnerLearners.logistic(),
                EmbedderSettings.defaults().withBackbone(BackboneOptions.defaults().withThreads(1)).withBatchSize(4));
    }

    @Test
    void isTheTargetOnlyBaselineOfImageProblems() {
        StrategyRegistry r = StrategyRegistry.load();
        assertEquals("pixels", r.baseline(BaselineRole.TARGET_ONLY, problem(1)).orElseThrow());
        assertTrue(r.baseline(BaselineRole.SOURCE_ONLY, problem(1)).isEmpty(),
                "no source-only baseline: the source network has another task");
    }

    @Test
    void embedsPixelsNotTheSourceNetwork() {
        ImageTransferTask t = problem(2);
        TransferModel<Label> m = strategy().fit(t, seed());
        ImageTransferModel im = (ImageTransferModel) m;
        assertEquals(PretrainedSource.Kind.NONE, im.source().kind());
        assertEquals(PixelsStrategy.SIZE * PixelsStrategy.SIZE, im.featureSpace().size());
    }
}
