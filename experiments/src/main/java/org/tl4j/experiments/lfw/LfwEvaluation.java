package org.tl4j.experiments.lfw;

import org.tl4j.core.eval.ProgressListener;
import org.tl4j.core.learn.InnerLearners;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.EmbeddingPipeline;
import org.tl4j.backbone.ImageEmbedder;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.backbone.PretrainedSource;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tl4j.datasets.lfw.LfwDataset;
import org.tl4j.datasets.lfw.LfwPairs;
import org.tl4j.datasets.lfw.LfwFormatException;
import org.tl4j.datasets.lfw.LfwIdentities;

/**
 * Runs both LFW protocols for one source: embeds the images once (through the embedding cache), then verification
 * on the pairs ({@link Verification}) and identity classification ({@link IdentityClassification}) with each
 * inner learner.
 */
public final class LfwEvaluation {

    /**
     * Settings of a run.
     *
     * @param settings       how images are embedded (alignment, threads, batch, cache)
     * @param minImages      classification: people with at least this many images
     * @param trainPerPerson classification: training images per person
     * @param seed           seed of the split and the classifiers
     * @param farTarget      VAL@FAR target
     * @param allImages      embed every image of LFW (as the white paper's forward pass over the data set), not only
     *                       those the protocols use
     * @param learners       inner learner names ({@link InnerLearners}), e.g. {@code logistic}, {@code linear-svm}
     */
    public record Options(EmbedderSettings settings, int minImages, int trainPerPerson, long seed, double farTarget,
                          boolean allImages, List<String> learners) {
        /** Validates the values. */
        public Options {
            Objects.requireNonNull(settings, "settings");
            learners = List.copyOf(learners);
            if (minImages < 2) {
                throw new IllegalArgumentException("Invalid min-images: " + minImages + " (must be at least 2)");
            }
            for (String l : learners) {
                InnerLearners.named(l, new LabelFactory());
            }
        }
    }

    /**
     * One source's results.
     *
     * @param source         the source
     * @param aligned        whether faces were aligned
     * @param dim            embedding size
     * @param verification   verification results
     * @param classification one result per learner
     * @param embedding      embedding counts and timing
     * @param backbone       how the backbone ran
     * @param totalSeconds   wall time of embedding and both protocols
     * @param noFaceKeys     images where alignment found no face
     */
    public record Row(PretrainedSource source, boolean aligned, int dim, Verification.Result verification,
                      List<IdentityClassification.Result> classification, EmbeddingPipeline.Stats embedding,
                      String backbone, double totalSeconds, List<String> noFaceKeys) {
        /** The row's label, e.g. {@code mobilefacenet-512d+align}. */
        public String label() {
            return source.name() + (aligned ? "+align" : "");
        }
    }

    private LfwEvaluation() {
    }

    /**
     * Checks that every image the pairs name is in the data set.
     *
     * @throws LfwFormatException naming the first pair line whose image is missing
     */
    public static void checkPairs(LfwDataset data, LfwPairs pairs, String pairsFile) {
        Set<String> listed = new java.util.HashSet<>();
        for (List<String> l : data.imagesByPerson().values()) {
            listed.addAll(l);
        }
        for (LfwPairs.Pair p : pairs.pairs()) {
            for (String k : List.of(p.keyA(), p.keyB())) {
                if (!listed.contains(k)) {
                    throw new LfwFormatException(pairsFile, p.line(), "names image " + k + ", which is not in "
                            + data.path().getFileName() + " (" + data.imageCount() + " images): is this the pair list "
                            + "of this data set?");
                }
            }
        }
    }

    /** The image keys a run embeds. */
    public static List<String> keysToEmbed(LfwDataset data, LfwPairs pairs, LfwIdentities.Split split,
                                           boolean allImages) {
        Set<String> keys = new LinkedHashSet<>();
        if (allImages) {
            for (List<String> l : data.imagesByPerson().values()) {
                keys.addAll(l);
            }
        } else {
            keys.addAll(pairs.imageKeys());
            split.train().forEach(i -> keys.add(i.key()));
            split.test().forEach(i -> keys.add(i.key()));
        }
        return new ArrayList<>(keys);
    }

    /** Runs both protocols for {@code source}. */
    public static Row run(LfwDataset data, LfwPairs pairs, PretrainedSource source, Options o, ProgressListener progress)
            throws IOException {
        long t0 = System.nanoTime();
        LfwIdentities.Split split = LfwIdentities.split(data, o.minImages(), o.trainPerPerson(),
                o.seed());
        List<String> keys = keysToEmbed(data, pairs, split, o.allImages());
        EmbeddingPipeline.Result r;
        String backbone;
        try (ImageEmbedder e = ImageEmbedder.open(source, o.settings())) {
            r = e.embed(data.images(), keys, progress);
            backbone = e.describeBackbone();
        }
        Verification.Result v = verify(pairs.pairs(), r.embeddings(), o.farTarget());
        List<IdentityClassification.Result> cls = new ArrayList<>();
        ImageTransferTask task = LfwIdentities.task(data, split, o.minImages(), source);
        for (String l : o.learners()) {
            cls.add(IdentityClassification.run(task, l, InnerLearners.<Label>named(l, new LabelFactory()), o.settings(),
                    o.seed()));
        }
        return new Row(source, o.settings().align(), r.dim(), v, cls, r.stats(), backbone,
                (System.nanoTime() - t0) / 1e9, r.noFaceKeys());
    }

    /** The verification protocol on squared Euclidean distances between the pairs' embeddings. */
    public static Verification.Result verify(LfwPairs pairs, Map<String, float[]> embeddings) {
        return verify(pairs.pairs(), embeddings, 1e-3);
    }

    /** The verification protocol on {@code pairs} (folds as numbered in them). */
    public static Verification.Result verify(List<LfwPairs.Pair> pairs, Map<String, float[]> embeddings,
                                             double farTarget) {
        int n = pairs.size();
        double[] d = new double[n];
        boolean[] same = new boolean[n];
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            LfwPairs.Pair p = pairs.get(i);
            d[i] = squaredDistance(embeddings.get(p.keyA()), embeddings.get(p.keyB()));
            same[i] = p.same();
            fold[i] = p.fold();
        }
        return Verification.evaluate(d, same, fold, farTarget);
    }

    /** {@code ‖a − b‖²} (FaceNet's distance; for unit vectors {@code 2 − 2·cos}). */
    public static double squaredDistance(float[] a, float[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException("A pair's image has no embedding");
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double t = a[i] - b[i];
            s += t * t;
        }
        return s;
    }
}
