package org.tl4j.feature.deep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferStrategy;
import org.tl4j.backbone.ImageStrategyContract;
import org.tl4j.backbone.TinyImages;
import org.tl4j.core.learn.InnerLearners;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tl4j.backbone.BackboneOptions;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.EmbeddingSpec;
import org.tl4j.backbone.ImageTransferModel;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.backbone.PretrainedSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code pretrained-embedding} under the image strategy contract (a tiny generated ONNX model and generated images,
 * no shared data needed), plus its own behaviour.
 */
class PretrainedEmbeddingStrategyTest extends ImageStrategyContract {

    static EmbeddingSpec spec() {
        return TinyImages.spec();
    }

    @Override
    protected TransferStrategy<Label, ImageTransferTask> strategy() {
        return new PretrainedEmbeddingStrategy(InnerLearners.logistic(),
                EmbedderSettings.defaults().withBackbone(BackboneOptions.defaults().withThreads(1)).withBatchSize(4));
    }

    @Test
    void classifiesTheGeneratedClasses() {
        ImageTransferTask t = problem(7);
        List<Prediction<Label>> p = strategy().fit(t, 1).predictTargetTest(t);
        int correct = 0;
        for (int i = 0; i < p.size(); i++) {
            correct += p.get(i).getOutput().getLabel().equals(t.targetTestTruth().get(i).getLabel()) ? 1 : 0;
        }
        assertTrue(correct >= 10, "gradient directions are separable in the linear embedding: " + correct + "/12");
    }

    @Test
    void modelRecordsTheSourceAndTrainingTime() {
        ImageTransferTask t = problem(8);
        TransferModel<Label> m = strategy().fit(t, 1);
        ImageTransferModel im = (ImageTransferModel) m;
        assertEquals(source().sha256(), im.source().sha256());
        assertTrue(im.innerTrainSeconds() >= 0);
        String embedding = m.getProvenance().getInstanceProvenance().getMap().get("embedding").toString();
        assertTrue(embedding.contains("tiny-linear"), embedding);
    }

    @Test
    void randomControlAndPixelsFitTheSameTask() throws IOException {
        ImageTransferTask t = problem(10);
        for (PretrainedSource s : List.of(source().randomlyInitialised(1), PretrainedSource.pixels(spec(), 8))) {
            ImageTransferTask ts = t.withSource(s);
            assertEquals(12, strategy().fit(ts, 1).predictTargetTest(ts).size(), s.name());
        }
    }

    @Test
    void flipAveragingChangesTheCacheKeyAndStillClassifies(@TempDir Path cache) {
        ImageTransferTask t = problem(11);
        EmbedderSettings s = EmbedderSettings.defaults().withBackbone(BackboneOptions.defaults().withThreads(1))
                .withCache(cache);
        new PretrainedEmbeddingStrategy(InnerLearners.logistic(), s).fit(t, 1);
        new PretrainedEmbeddingStrategy(InnerLearners.logistic(), s.withFlip(true)).fit(t, 1);
        try (var files = Files.list(cache)) {
            assertEquals(2, files.count(), "flip-averaged embeddings are cached apart");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
