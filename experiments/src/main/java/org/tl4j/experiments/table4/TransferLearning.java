package org.tl4j.experiments.table4;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.tl4j.core.eval.ProgressListener;
import org.tl4j.core.learn.Seeds;
import org.tl4j.deep.train.LearningRate;
import org.tl4j.deep.train.SoftmaxTrainer;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.EmbeddingPipeline;
import org.tl4j.backbone.ImageEmbedder;
import org.tl4j.backbone.ImageSource;
import org.tl4j.backbone.PretrainedSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Table 4's transfer side, end to end: one ONNX Runtime pass of a backbone over every LFW image (the embedding
 * pipeline, no cache: decoding, crop, normalisation and inference are all timed), then the same softmax layer the
 * traditional side trains (linear with bias over the identities) trained on the frozen embeddings of the training
 * images — the white paper's "train a single classification layer on the feature vectors".
 */
final class TransferLearning {

    /**
     * Settings of the classifier on embeddings.
     *
     * @param epochs    passes over the training embeddings
     * @param batchSize embeddings per step
     * @param rate      Adam's learning rate
     */
    record HeadSettings(int epochs, int batchSize, float rate) {
        /** Validates the settings. */
        HeadSettings {
            if (epochs < 1 || batchSize < 1 || !(rate > 0)) {
                throw new IllegalArgumentException("Invalid classifier settings: " + epochs + " epochs, batch "
                        + batchSize + ", rate " + rate);
            }
        }

        /** Adam, learning rate 0.01, batches of 256, 30 epochs. */
        static HeadSettings defaults() {
            return new HeadSettings(30, 256, 0.01f);
        }
    }

    /**
     * What was measured.
     *
     * @param embedSeconds   wall time of embedding every image
     * @param images         images embedded
     * @param trainSeconds   wall time of training the classifier
     * @param accuracy       top-1 test accuracy
     * @param backbone       the backbone's description
     * @param cpuSeconds     process CPU time of both parts
     * @param load           one-minute load average after them
     */
    record Result(double embedSeconds, int images, double trainSeconds, double accuracy, String backbone,
                  double cpuSeconds, double load) {
        double totalSeconds() {
            return embedSeconds + trainSeconds;
        }
    }

    private TransferLearning() {
    }

    static Result run(ImageSource images, List<String> allKeys, IdentitySplit split, PretrainedSource source,
                      EmbedderSettings settings, HeadSettings head, long seed, ProgressListener progress)
            throws IOException {
        long t0 = System.nanoTime();
        double c0 = CpuClock.processSeconds();
        EmbeddingPipeline.Result r;
        String backbone;
        try (ImageEmbedder embedder = ImageEmbedder.open(source, settings.withCache(null))) {
            r = embedder.embed(images, allKeys, progress);
            backbone = embedder.describeBackbone();
        }
        progress.finish();
        double embedSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        double acc = trainAndScore(r.embeddings(), r.dim(), split, head, seed);
        double trainSeconds = (System.nanoTime() - t1) / 1e9;
        return new Result(embedSeconds, allKeys.size(), trainSeconds, acc, backbone, CpuClock.processSeconds() - c0,
                CpuClock.load());
    }

    /** Trains the softmax layer on the training embeddings; returns its test accuracy. */
    static double trainAndScore(Map<String, float[]> emb, int dim, IdentitySplit split, HeadSettings head, long seed) {
        float[] x = stack(emb, split.train(), dim);
        int n = split.train().size();
        int[] y = labels(split.train());
        var settings = new SoftmaxTrainer.Settings(head.batchSize(), head.batchSize(), 0f,
                LearningRate.constant(head.rate()), 0.9f, 0.999f, 1e-8f);
        try (SoftmaxTrainer t = new SoftmaxTrainer(null, new long[]{1, dim}, split.classes(), settings, seed)) {
            UniformRandomProvider rng = Seeds.rng(Seeds.derive(seed, "table4-head"));
            int[] order = PermutationSampler.natural(n);
            for (int e = 0; e < head.epochs(); e++) {
                PermutationSampler.shuffle(rng, order);
                for (int s = 0; s < n; s += head.batchSize()) {
                    int k = Math.min(head.batchSize(), n - s);
                    int from = s;
                    t.step(k, (start, kk, xb, yb) -> {
                        for (int i = 0; i < kk; i++) {
                            int idx = order[from + start + i];
                            System.arraycopy(x, idx * dim, xb, i * dim, dim);
                            yb[i] = y[idx];
                        }
                    });
                }
            }
            float[] xt = stack(emb, split.test(), dim);
            int[] p = t.predict(xt, split.test().size());
            int correct = 0;
            for (int i = 0; i < p.length; i++) {
                correct += p[i] == split.test().get(i).label() ? 1 : 0;
            }
            return (double) correct / p.length;
        }
    }

    private static float[] stack(Map<String, float[]> emb, List<IdentitySplit.Example> ex, int dim) {
        float[] x = new float[ex.size() * dim];
        for (int i = 0; i < ex.size(); i++) {
            float[] v = emb.get(ex.get(i).key());
            if (v == null) {
                throw new IllegalStateException("No embedding for " + ex.get(i).key());
            }
            System.arraycopy(v, 0, x, i * dim, dim);
        }
        return x;
    }

    private static int[] labels(List<IdentitySplit.Example> ex) {
        int[] y = new int[ex.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = ex.get(i).label();
        }
        return y;
    }

    /** Every key of the split, train then test. */
    static List<String> keys(IdentitySplit split) {
        List<String> k = new ArrayList<>();
        split.train().forEach(e -> k.add(e.key()));
        split.test().forEach(e -> k.add(e.key()));
        return k;
    }
}
