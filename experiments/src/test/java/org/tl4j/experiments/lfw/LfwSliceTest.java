package org.tl4j.experiments.lfw;

import org.junit.jupiter.api.Test;
import org.tl4j.core.contract.SharedData;
import org.tl4j.core.eval.ProgressListener;
import org.tl4j.backbone.BackboneOptions;
import org.tl4j.backbone.DecodedImage;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.EmbeddingPipeline;
import org.tl4j.backbone.ImageDecoder;
import org.tl4j.backbone.ImageEmbedder;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.backbone.YuNetDetector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tl4j.datasets.lfw.LfwDataset;
import org.tl4j.datasets.lfw.LfwPairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI slice on real data: one fold of LFW View 2 (600 pairs, about 1,100 images) embedded with a shared
 * pretrained model, and the YuNet detector on real faces. Skips when the shared data are absent.
 */
class LfwSliceTest {
    /**
     * mobilefacenet-128d reaches 97.9 % over all ten folds (shared README, fold std about 0.7 pp); 95 % on one fold
     * with a threshold fitted on its other half leaves about three standard deviations of room.
     */
    private static final double FOLD_ACCURACY_BOUND = 0.95;
    private static final double FOLD_AUC_BOUND = 0.98;

    @Test
    void oneFoldOfPairsWithAPretrainedModelClearsTheAccuracyBound() throws IOException {
        LfwPairs pairs = LfwPairs.read(SharedData.require("data/lfw/pairs.txt"));
        Path tgz = SharedData.require("data/lfw/lfw-gray.tgz");
        Path models = SharedData.require("models/face");
        List<LfwPairs.Pair> fold = pairs.fold(0);
        Set<String> keys = new HashSet<>();
        for (LfwPairs.Pair p : fold) {
            keys.add(p.keyA());
            keys.add(p.keyB());
        }
        LfwDataset data = LfwDataset.open(tgz, keys::contains);
        assertEquals(13233, data.imageCount());
        assertEquals(5749, data.imagesByPerson().size());
        assertEquals("2693c4a0dfcd8f3470742267559819dddfbdfa09b7957f9270bc52ed4677d124", data.sha256());

        PretrainedSource src = PretrainedSource.builtIn("mobilefacenet-128d", models);
        EmbeddingPipeline.Result r;
        try (ImageEmbedder e = ImageEmbedder.open(src, EmbedderSettings.defaults()
                .withBackbone(BackboneOptions.defaults()))) {
            r = e.embed(data.images(), new ArrayList<>(new java.util.TreeSet<>(keys)), ProgressListener.NONE);
        }
        // Two-fold cross-validation inside the fold: pairs alternate between halves.
        List<LfwPairs.Pair> halves = new ArrayList<>();
        for (int i = 0; i < fold.size(); i++) {
            LfwPairs.Pair p = fold.get(i);
            halves.add(new LfwPairs.Pair(i % 2, p.same(), p.nameA(), p.numA(), p.nameB(), p.numB(), p.line()));
        }
        Verification.Result v = LfwEvaluation.verify(halves, r.embeddings(), 1e-2);
        assertTrue(v.accuracy() >= FOLD_ACCURACY_BOUND, "fold 1 accuracy " + v.accuracy());
        assertTrue(v.auc() >= FOLD_AUC_BOUND, "fold 1 AUC " + v.auc());
    }

    @Test
    void yunetFindsTheCentralFaceWithOrderedLandmarks() throws IOException {
        Path tgz = SharedData.require("data/lfw/lfw-gray.tgz");
        Path yunet = SharedData.require("models/face/yunet-2023mar.onnx");
        List<String> people = List.of("Aaron_Eckhart", "George_W_Bush", "Serena_Williams", "Tony_Blair", "Zico");
        LfwDataset data = LfwDataset.open(tgz, k -> people.contains(k.substring(0, k.indexOf('/')))
                && k.endsWith("_0001.jpg"));
        assertEquals(people.size(), data.images().keys().size());
        try (YuNetDetector d = YuNetDetector.open(yunet, BackboneOptions.defaults(), YuNetDetector.DEFAULT_SCORE,
                YuNetDetector.DEFAULT_NMS)) {
            for (String k : data.images().keys()) {
                DecodedImage img = ImageDecoder.decode(data.images().read(k), k);
                List<YuNetDetector.Face> faces = d.detect(img);
                assertFalse(faces.isEmpty(), "a face in " + k);
                YuNetDetector.Face f = faces.get(0);
                assertTrue(f.contains(124.5, 124.5), k + ": the strongest face covers the centre: " + f);
                double[] lm = f.landmarks();
                assertTrue(lm[0] < lm[2] && lm[6] < lm[8], k + ": image-left eye and mouth corner first");
                assertTrue(lm[1] < lm[5] && lm[5] < lm[7], k + ": eyes above the nose tip above the mouth");
            }
        }
    }
}
