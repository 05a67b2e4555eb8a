package org.tl4j.backbone;

import org.tl4j.core.eval.ProgressListener;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Embeds images with a {@link PretrainedSource} end to end: the preprocessing (crop or alignment), the embedding
 * cache for this source, spec and preprocessing, and the {@link EmbeddingPipeline}. The backbone opens only when
 * some image is not cached yet. Must be closed.
 */
public final class ImageEmbedder implements AutoCloseable {
    private final PretrainedSource source;
    private final EmbedderSettings settings;
    private final YuNetDetector detector;
    private final Preprocessor preprocessor;
    private Backbone backbone;

    private ImageEmbedder(PretrainedSource source, EmbedderSettings settings, YuNetDetector detector) {
        this.source = source;
        this.settings = settings;
        this.detector = detector;
        this.preprocessor = detector == null ? Preprocessor.cropping(source.spec())
                : Preprocessor.aligning(source.spec(), detector, settings.choice());
    }

    /**
     * An embedder; opens the detector when {@code settings} ask for alignment.
     *
     * @throws IllegalArgumentException if alignment is on and the detector model is missing or invalid
     */
    public static ImageEmbedder open(PretrainedSource source, EmbedderSettings settings) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(settings, "settings");
        YuNetDetector d = settings.align() ? YuNetDetector.open(settings.detectorPath(), settings.backbone(),
                settings.detectionScore(), YuNetDetector.DEFAULT_NMS) : null;
        return new ImageEmbedder(source, settings, d);
    }

    /** The source. */
    public PretrainedSource source() {
        return source;
    }

    /** The preprocessing. */
    public Preprocessor preprocessor() {
        return preprocessor;
    }

    /** The settings. */
    public EmbedderSettings settings() {
        return settings;
    }

    /** A description of the backbone (how it batches, once opened). */
    public synchronized String describeBackbone() {
        return backbone != null ? backbone.describe() : source.toString();
    }

    /**
     * Embeds {@code keys} of {@code images}.
     *
     * @param progress one step per cache chunk
     */
    public EmbeddingPipeline.Result embed(ImageSource images, List<String> keys, ProgressListener progress)
            throws IOException {
        EmbeddingCache cache = settings.cachePath() == null ? null
                : EmbeddingCache.open(settings.cachePath(), sha256(), source.spec(), preprocessor.key());
        return EmbeddingPipeline.builder(new Lazy(), preprocessor).batchSize(settings.batchSize())
                .decodeThreads(settings.decodeThreads()).inferenceThreads(settings.inferenceThreads()).cache(cache).progress(progress).build().embed(images, keys);
    }

    /** The checksum of the embedding computation (the source's, or its flip-averaged variant's). */
    public String sha256() {
        return settings.flip() ? FlipAveragedBackbone.flippedSha(source.sha256()) : source.sha256();
    }

    private synchronized Backbone backbone() throws IOException {
        if (backbone == null) {
            Backbone b = source.open(settings.backbone());
            backbone = settings.flip() ? new FlipAveragedBackbone(b) : b;
        }
        return backbone;
    }

    @Override
    public synchronized void close() {
        if (backbone != null) {
            backbone.close();
            backbone = null;
        }
        if (detector != null) {
            detector.close();
        }
    }

    /** Opens the backbone on the first batch, so fully cached runs never load the model. */
    private final class Lazy implements Backbone {
        @Override
        public EmbeddingSpec spec() {
            return source.spec();
        }

        @Override
        public String sha256() {
            return ImageEmbedder.this.sha256();
        }

        @Override
        public String describe() {
            return describeBackbone();
        }

        @Override
        public float[][] embed(float[] input, int n) {
            try {
                return backbone().embed(input, n);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            // the embedder owns the backbone
        }
    }
}
