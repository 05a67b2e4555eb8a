package org.tl4j.feature.deep;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.contract.TransferStrategyContract;
import org.tl4j.core.learn.InnerLearners;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tl4j.backbone.BackboneOptions;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.EmbeddingSpec;
import org.tl4j.backbone.ImageTransferModel;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.backbone.InMemoryImageSource;
import org.tl4j.backbone.LabelledImage;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.backbone.TinyOnnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code pretrained-embedding} under the strategy contract, on a tiny generated ONNX model and generated images (no
 * shared data needed), plus its own behaviour.
 */
class PretrainedEmbeddingStrategyTest extends TransferStrategyContract<Label, ImageTransferTask> {
    private static final int SIZE = 8;

    @TempDir
    static Path dir;
    private static Path model;

    @BeforeAll
    static void writeModel() throws IOException {
        model = dir.resolve("tiny-linear.onnx");
        Files.write(model, TinyOnnx.linear(SIZE, 16, true, 5, "input", "output"));
    }

    static EmbeddingSpec spec() {
        return EmbeddingSpec.builder("tiny-linear").size(SIZE, SIZE).fixedBatch(1).embeddingDim(16).build();
    }

    static PretrainedSource source() {
        try {
            return PretrainedSource.file(model, spec(), "nothing (a random linear map, for tests)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Three classes of gradient images at 16×16 (shrunk to the 8×8 input), 6 training and 4 test images each. */
    static ImageTransferTask task(long seed, PretrainedSource src) {
        try {
            Map<String, byte[]> m = new LinkedHashMap<>();
            List<LabelledImage> train = new ArrayList<>();
            List<LabelledImage> test = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < 10; i++) {
                    String key = "class" + c + "/img" + i + ".png";
                    m.put(key, TinyOnnx.patternImage(c, 16, seed * 1000 + c * 100 + i));
                    (i < 6 ? train : test).add(LabelledImage.of(key, "class" + c));
                }
            }
            return new ImageTransferTask("tiny-images", "generated gradients", src,
                    new InMemoryImageSource("tiny", m), "tiny", train, test);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected TransferStrategy<Label, ImageTransferTask> strategy() {
        return new PretrainedEmbeddingStrategy(InnerLearners.logistic(),
                EmbedderSettings.defaults().withBackbone(BackboneOptions.defaults().withThreads(1)).withBatchSize(4));
    }

    @Override
    protected ImageTransferTask problem(long seed) {
        return task(seed, source());
    }

    @Override
    protected Object snapshot(ImageTransferTask p) {
        return List.of(p.train(), p.test(), p.source().sha256(), p.domainProvenance().toString(), p.images().keys());
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
        assertTrue(m.mapping().describe().contains("tiny-linear"), m.mapping().describe());
    }

    @Test
    void aModelRefusesTasksOfAnotherSource() throws IOException {
        ImageTransferTask t = problem(9);
        TransferModel<Label> m = strategy().fit(t, 1);
        ImageTransferTask other = t.withSource(source().randomlyInitialised(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.predictTargetTest(other));
        assertTrue(e.getMessage().contains("random:tiny-linear"), e.getMessage());
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

    @Test
    void badTasksAreRejectedWithTheReason() {
        ImageTransferTask t = problem(12);
        List<LabelledImage> test = new ArrayList<>(t.test());
        test.add(t.train().get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ImageTransferTask("x", "x",
                t.source(), t.images(), "tiny", t.train(), test));
        assertTrue(e.getMessage().contains("both the training and the test set"), e.getMessage());
        List<LabelledImage> unseen = List.of(LabelledImage.of(t.test().get(0).key(), "nobody"));
        e = assertThrows(IllegalArgumentException.class, () -> new ImageTransferTask("x", "x", t.source(), t.images(),
                "tiny", t.train(), unseen));
        assertTrue(e.getMessage().contains("[nobody]"), e.getMessage());
        List<LabelledImage> missing = List.of(LabelledImage.of("nowhere.png", "class0"));
        e = assertThrows(IllegalArgumentException.class, () -> new ImageTransferTask("x", "x", t.source(), t.images(),
                "tiny", missing, t.test()));
        assertTrue(e.getMessage().contains("nowhere.png"), e.getMessage());
    }
}
