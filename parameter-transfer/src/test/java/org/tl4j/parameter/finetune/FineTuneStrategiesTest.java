package org.tl4j.parameter.finetune;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.ImageEmbedder;
import org.tl4j.backbone.ImageStrategyContract;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.backbone.OnnxGraphs;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.backbone.TinyImages;
import org.tl4j.core.StrategyOptions;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.eval.Metrics;
import org.tl4j.core.eval.ProgressListener;
import org.tl4j.deep.net.Layer;
import org.tl4j.deep.net.Network;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FineTuneStrategiesTest {

    /** Few steps keep the contract fast. */
    static final Map<String, String> QUICK = Map.of("stepsPerStage", "15", "trainBatch", "8");

    static <S extends TransferStrategy<Label, ImageTransferTask>> S quick(S s, Map<String, String> more) {
        Map<String, String> o = new java.util.HashMap<>(QUICK);
        o.putAll(more);
        StrategyOptions.apply(s, o, ImageTransferTask.LABELS);
        return s;
    }

    @Nested
    class Head extends ImageStrategyContract {
        @Override
        protected TransferStrategy<Label, ImageTransferTask> strategy() {
            return quick(new HeadFineTuneStrategy(false), Map.of("hidden", "8", "sourceSteps", "15"));
        }

        @Override
        protected ImageTransferTask problem(long seed) {
            return TinyImages.taskWithSourceImages(seed, source());
        }
    }

    @Nested
    class HeadProgressive extends ImageStrategyContract {
        @Override
        protected TransferStrategy<Label, ImageTransferTask> strategy() {
            return quick(new HeadFineTuneStrategy(true), Map.of("hidden", "8", "sourceSteps", "15"));
        }

        @Override
        protected ImageTransferTask problem(long seed) {
            return TinyImages.taskWithSourceImages(seed, source());
        }
    }

    @Nested
    class Tail extends ImageStrategyContract {
        @Override
        protected TransferStrategy<Label, ImageTransferTask> strategy() {
            return quick(new TailFineTuneStrategy(false), Map.of());
        }
    }

    @Nested
    class TailProgressive extends ImageStrategyContract {
        @Override
        protected TransferStrategy<Label, ImageTransferTask> strategy() {
            return quick(new TailFineTuneStrategy(true), Map.of());
        }
    }

    @Test
    void theHeadNeedsSourceImages(@TempDir Path dir) {
        ImageTransferTask t = TinyImages.task(1, TinyImages.source(dir));
        String why = new HeadFineTuneStrategy(false).whyNotApplicable(t);
        assertTrue(why != null && why.contains("no labelled source images"), why);
    }

    @Test
    void theFineTunedTailWrittenBackAsOnnxReproducesTheNetwork(@TempDir Path dir) throws Exception {
        PretrainedSource src = TinyConvNet.source(dir);
        ImageTransferTask task = TinyImages.task(3, src);
        TailFineTuneStrategy s = quick(new TailFineTuneStrategy(true), Map.of("exportDir",
                dir.resolve("export").toString(), "learningRate", "0.05", "trunkRate", "1"));
        FineTunedImageModel m = (FineTunedImageModel) s.fit(task, 5L);
        assertTrue(m.getProvenance().getInstanceProvenance().getMap().get("cut").toString().contains("pw_act"),
                "the automatic cut keeps the 1x1 conv, the depthwise conv and the linear conv in the tail");
        byte[] onnx = m.onnx().orElseThrow();
        try (var files = Files.list(dir.resolve("export"))) {
            assertEquals(1, files.count(), "exportDir holds the written network");
        }
        // ONNX Runtime on the written-back network, through the same pipeline as tl lfw and pretrained-embedding.
        Path written = dir.resolve("fine-tuned.onnx");
        Files.write(written, onnx);
        PretrainedSource fine = PretrainedSource.file(written, TinyConvNet.spec(), "fine-tuned");
        List<String> keys = task.testKeys();
        float[][] viaOrt = FineTunedImageModel.extract(fine, EmbedderSettings.defaults(), task.images(), keys);
        float[][] viaDjl = m.networkOutputs(FineTunedImageModel.extract(m.features(), EmbedderSettings.defaults(),
                task.images(), keys));
        double worst = 0;
        for (int i = 0; i < keys.size(); i++) {
            for (int j = 0; j < TinyConvNet.DIM; j++) {
                worst = Math.max(worst, Math.abs(viaOrt[i][j] - viaDjl[i][j]));
            }
        }
        assertTrue(worst <= 1e-4, "max |ONNX Runtime - DJL| " + worst);
        float[][] before = FineTunedImageModel.extract(src, EmbedderSettings.defaults(), task.images(), keys);
        assertFalse(java.util.Arrays.equals(before[0], viaOrt[0]), "fine-tuning changed the embedding network");
    }

    @Test
    void progressiveUnfreezingLeavesTheLowerLayersBitForBitUntilTheirStage(@TempDir Path dir) {
        Layer l = Layer.Sequence.of("t", new Layer.Linear("a", 6, true), new Layer.Prelu("pa"),
                new Layer.Linear("b", 6, true), new Layer.Relu("rb"), new Layer.Linear("c", 5, true));
        List<List<String>> units = List.of(List.of("a.weight", "a.bias", "pa.alpha"), List.of("b.weight", "b.bias"),
                List.of("c.weight", "c.bias"));
        int n = 24;
        float[] x = new float[n * 4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = (float) Math.sin(1.3 * i + j) + (j == y[i] ? 1.5f : 0f);
            }
        }
        try (Network net = Network.build(l, 1, 4)) {
            net.initialise(2);
            Map<String, float[]> start = NetworkFineTuning.values(net);
            // Progressive, two stages of three: the classifier alone, then the top unit.
            NetworkFineTuning.Result r = NetworkFineTuning.train(net, new long[]{1, 4}, units, x, y, n, 3,
                    new FineTuneSettings(10, 8, 0.05f, 1f, 0.01f, 0.001f, true), 2, 1L);
            for (String p : List.of("a.weight", "a.bias", "pa.alpha", "b.weight", "b.bias")) {
                assertArrayEquals(start.get(p), net.values(p), p + " stays frozen");
            }
            assertFalse(java.util.Arrays.equals(start.get("c.weight"), net.values("c.weight")), "the top unit moved");
            assertEquals(List.of(), r.stages().get(0).trainable(), "stage 0: the classifier alone");
            assertEquals(units.get(2), r.stages().get(1).trainable());
            NetworkFineTuning.train(net, new long[]{1, 4}, units, x, y, n, 3,
                    new FineTuneSettings(10, 8, 0.05f, 1f, 0.01f, 0.001f, false), 1, 1L);
            assertFalse(java.util.Arrays.equals(start.get("a.weight"), net.values("a.weight")),
                    "without progressive unfreezing every layer trains from the first step");
        }
    }

    @Test
    void theSameSeedGivesTheSameBits(@TempDir Path dir) {
        assertEquals(1, org.tl4j.deep.DeepEngine.activeThreads(), "libtorch runs one thread unless asked otherwise");
        ImageTransferTask t = TinyImages.taskWithSourceImages(4, TinyConvNet.source(dir));
        for (boolean tail : new boolean[]{false, true}) {
            FineTunedImageModel[] m = new FineTunedImageModel[2];
            for (int k = 0; k < 2; k++) {
                TransferStrategy<Label, ImageTransferTask> s = tail
                        ? quick(new TailFineTuneStrategy(true), Map.of("stepsPerStage", "40"))
                        : quick(new HeadFineTuneStrategy(true), Map.of("stepsPerStage", "40", "hidden", "16"));
                m[k] = (FineTunedImageModel) s.fit(t, 7L);
            }
            String name = tail ? "tail" : "head";
            assertEquals(m[0].networkValues().keySet(), m[1].networkValues().keySet());
            for (String p : m[0].networkValues().keySet()) {
                assertArrayEquals(m[0].networkValues().get(p), m[1].networkValues().get(p), name + " " + p);
            }
            List<Prediction<Label>> a = m[0].predictTargetTest(t);
            List<Prediction<Label>> b = m[1].predictTargetTest(t);
            for (int i = 0; i < a.size(); i++) {
                for (String c : m[0].labels()) {
                    assertEquals(Double.doubleToLongBits(a.get(i).getOutputScores().get(c).getScore()),
                            Double.doubleToLongBits(b.get(i).getOutputScores().get(c).getScore()),
                            name + ": score of " + c + " for test image " + i);
                }
            }
        }
    }

    @Test
    void fineTuningLearnsTheTinyTask(@TempDir Path dir) {
        ImageTransferTask t = TinyImages.taskWithSourceImages(2, TinyConvNet.source(dir));
        for (TransferStrategy<Label, ImageTransferTask> s : List.<TransferStrategy<Label, ImageTransferTask>>of(
                quick(new HeadFineTuneStrategy(true), Map.of("stepsPerStage", "120", "hidden", "16")),
                quick(new TailFineTuneStrategy(true), Map.of("stepsPerStage", "120")))) {
            TransferModel<Label> m = s.fit(t, 1L);
            List<Prediction<Label>> p = m.predictTargetTest(t);
            double acc = Metrics.accuracy(t.targetTestTruth(), p.stream().map(Prediction::getOutput).toList());
            assertTrue(acc >= 0.75, s.descriptor().name() + " accuracy " + acc);
        }
    }
}
