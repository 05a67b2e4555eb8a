package org.tl4j.experiments.table4;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.EmbeddingPipeline;
import org.tl4j.backbone.ImageEmbedder;
import org.tl4j.backbone.ImageSource;
import org.tl4j.backbone.OnnxBackbone;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.core.eval.ProgressListener;
import org.tl4j.core.learn.LogisticRegression;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Table 4's transfer side, end to end: one ONNX Runtime pass of a backbone over every LFW image (the embedding
 * pipeline, no cache: decoding, crop, normalisation and inference are all timed), then a classifier trained on the
 * frozen, L2-normalised embeddings — the white paper's "train a single classification layer on the feature vectors".
 * The classifier is tl4j's default learner, multinomial logistic regression solved to convergence by L-BFGS
 * ({@link LogisticRegression}, scikit-learn's {@code C = 1}) with balanced class weights
 * ({@link #balanced(int[], int)}), over the people with at least
 * {@link ClassifierSettings#minImages()} images ({@link IdentitySplit#restrict(int)}), as FaceNet's
 * {@code classifier.py} keeps the people with enough images.
 */
final class TransferLearning {

    /**
     * Settings of the classifier on embeddings.
     *
     * @param minImages the people scored: those with at least this many images ({@code ≥ 2})
     * @param c         inverse regularisation strength of the logistic regression
     */
    record ClassifierSettings(int minImages, double c) {
        /** Validates the settings. */
        ClassifierSettings {
            if (minImages < 2 || !(c > 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("Invalid classifier settings: people with " + minImages
                        + " or more images (must be >= 2), C " + c + " (must be finite and > 0)");
            }
        }

        /** People with 10 or more images (158 of LFW's), {@code C = 1}. */
        static ClassifierSettings defaults() {
            return new ClassifierSettings(10, 1.0);
        }
    }

    /**
     * The classifier's outcome.
     *
     * @param accuracy   top-1 accuracy on the test images of the people scored
     * @param classes    people scored (classes)
     * @param train      training embeddings
     * @param test       test embeddings
     * @param iterations L-BFGS iterations to convergence
     */
    record Scored(double accuracy, int classes, int train, int test, int iterations) {
    }

    /**
     * What was measured.
     *
     * @param embedSeconds   wall time of embedding every image
     * @param images         images embedded
     * @param trainSeconds   wall time of training the classifier
     * @param scored         the classifier's outcome
     * @param backbone       the backbone's description
     * @param cpuSeconds     process CPU time of both parts
     * @param load           one-minute load average after them
     */
    record Result(double embedSeconds, int images, double trainSeconds, Scored scored, String backbone,
                  double cpuSeconds, double load) {
        double totalSeconds() {
            return embedSeconds + trainSeconds;
        }

        double accuracy() {
            return scored.accuracy();
        }
    }

    private TransferLearning() {
    }

    static Result run(ImageSource images, List<String> allKeys, IdentitySplit split, PretrainedSource source,
                      EmbedderSettings settings, ClassifierSettings classifier, ProgressListener progress)
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
        Scored scored = trainAndScore(r.embeddings(), r.dim(), split, classifier);
        double trainSeconds = (System.nanoTime() - t1) / 1e9;
        return new Result(embedSeconds, allKeys.size(), trainSeconds, scored, backbone,
                CpuClock.processSeconds() - c0, CpuClock.load());
    }

    /**
     * Trains the logistic regression (balanced class weights) on the L2-normalised embeddings of the training images
     * of the people with at least {@code minImages} images, and scores it on their test images.
     */
    static Scored trainAndScore(Map<String, float[]> emb, int dim, IdentitySplit split, ClassifierSettings classifier) {
        IdentitySplit scored = split.restrict(classifier.minImages());
        DMatrixRMaj x = stack(emb, scored.train(), dim);
        int[] y = labels(scored.train());
        LogisticRegression.Fitted f = LogisticRegression.fit(x, y, scored.classes(), balanced(y, scored.classes()),
                LogisticRegression.Options.defaults().withC(classifier.c()), null);
        DMatrixRMaj z = f.decision(stack(emb, scored.test(), dim));
        int correct = 0;
        for (int i = 0; i < z.numRows; i++) {
            int best = 0;
            for (int c = 1; c < z.numCols; c++) {
                if (z.get(i, c) > z.get(i, best)) {
                    best = c;
                }
            }
            correct += best == scored.test().get(i).label() ? 1 : 0;
        }
        return new Scored((double) correct / z.numRows, scored.classes(), scored.train().size(),
                scored.test().size(), f.iterations());
    }

    /** The embeddings of {@code ex}, one L2-normalised row each. */
    private static DMatrixRMaj stack(Map<String, float[]> emb, List<IdentitySplit.Example> ex, int dim) {
        DMatrixRMaj x = new DMatrixRMaj(ex.size(), dim);
        for (int i = 0; i < ex.size(); i++) {
            float[] v = emb.get(ex.get(i).key());
            if (v == null) {
                throw new IllegalStateException("No embedding for " + ex.get(i).key());
            }
            if (v.length != dim) {
                throw new IllegalStateException("Embedding of " + ex.get(i).key() + " has " + v.length
                        + " values, expected " + dim);
            }
            float[] u = v.clone();
            OnnxBackbone.l2Normalise(u);
            for (int j = 0; j < dim; j++) {
                x.data[i * dim + j] = u[j];
            }
        }
        return x;
    }

    /**
     * scikit-learn's {@code class_weight='balanced'}: example weight {@code n / (K · n_c)} for an example of class
     * {@code c}, so every class carries the same total weight. The test set holds one image per person while the
     * training images are dominated by a few people (George W. Bush has 529 of them, most people 9 to 20): without
     * these weights the unpenalised intercepts favour the frequent people over what the embeddings say.
     */
    static double[] balanced(int[] y, int classes) {
        int[] count = new int[classes];
        for (int c : y) {
            count[c]++;
        }
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            w[i] = (double) y.length / ((double) classes * count[y[i]]);
        }
        return w;
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
