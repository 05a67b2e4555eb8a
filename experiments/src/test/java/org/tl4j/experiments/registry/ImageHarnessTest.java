package org.tl4j.experiments.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.backbone.TinyImages;
import org.tl4j.core.BaselineRole;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.Evaluator;
import org.tl4j.core.eval.Metrics;
import org.tl4j.core.eval.SummaryRow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Image problems run through the same harness as every kind: {@code pretrained-embedding} beside the image kind's
 * target-only baseline ({@code pixels}), with the negative transfer gap and its verdict, on generated images.
 */
class ImageHarnessTest {

    @TempDir
    static Path dir;

    @Test
    void pretrainedEmbeddingIsComparedWithThePixelsBaseline() throws IOException {
        PretrainedSource net = TinyImages.source(dir);
        PretrainedSource random = net.randomlyInitialised(0);
        EvaluationReport r = Evaluator.builder("tiny-images", StrategyRegistry.load())
                .strategies(List.of("pretrained-embedding")).seeds(3)
                .options("*", Map.of("threads", "1", "batchSize", "4")).build()
                .run(seed -> List.of(rename(TinyImages.task(seed, net), "net"),
                        rename(TinyImages.task(seed, random), "random")));
        assertEquals(Map.of(BaselineRole.TARGET_ONLY, "pixels"), r.baselines().get("net"));
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        for (String task : List.of("net", "random")) {
            SummaryRow s = r.summary(task, "pretrained-embedding", Metrics.ACCURACY).orElseThrow();
            SummaryRow pixels = r.summary(task, "pixels", Metrics.ACCURACY).orElseThrow();
            assertEquals(pixels.mean(), s.targetOnlyMean(), 1e-12, "target-only column holds the pixels baseline");
            assertEquals(3, s.test().n(), "paired gaps over three seeds");
            assertFalse(Double.isNaN(s.test().meanGap()));
        }
        assertTrue(r.skipped().getOrDefault("net", Map.of()).isEmpty(), "nothing requested was skipped");
        assertTrue(r.discrepancies().isEmpty(), "image problems have no feature space to measure");
    }

    private static ImageTransferTask rename(ImageTransferTask t, String name) {
        return new ImageTransferTask(name, t.description(), t.source(), t.images(), t.targetName(), t.train(), t.test());
    }
}
