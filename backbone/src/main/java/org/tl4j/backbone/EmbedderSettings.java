package org.tl4j.backbone;

import org.tl4j.core.suite.SuiteContext;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How an {@link ImageEmbedder} runs: ONNX Runtime options, alignment (detector model, threshold, face choice),
 * batch size, decoding threads and the embedding-cache folder.
 *
 * @param backbone       ONNX Runtime options
 * @param align          align faces with the YuNet detector (otherwise the spec's fixed crop)
 * @param detectorModel  the YuNet model file; empty for {@code models/face/yunet-2023mar.onnx} under the shared data
 *                       root ({@link SuiteContext#defaults()})
 * @param choice         which detected face to align
 * @param detectionScore minimum detection score in (0, 1)
 * @param batchSize      images per backbone run
 * @param decodeThreads  background threads preparing batches ahead of inference; 0 prepares each batch on the
 *                       inference thread just before running it ({@link EmbeddingPipeline}, the default)
 * @param cacheDir       embedding-cache root folder; empty for no cache
 * @param flip           sum each image's embedding with its mirror image's ({@link FlipAveragedBackbone})
 * @param inferenceThreads batches embedded at once ({@link EmbeddingPipeline.Builder#inferenceThreads}); with one
 *                       intra-op thread per backbone and one batch per core, batches run in parallel
 */
public record EmbedderSettings(BackboneOptions backbone, boolean align, String detectorModel,
                               Preprocessor.FaceChoice choice, double detectionScore, int batchSize,
                               int decodeThreads, String cacheDir, boolean flip, int inferenceThreads)
        implements Serializable {

    /** The YuNet model's path under the shared data root. */
    public static final String DEFAULT_DETECTOR = "models/face/yunet-2023mar.onnx";

    /** Validates the values. */
    public EmbedderSettings {
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(detectorModel, "detectorModel");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(cacheDir, "cacheDir");
        if (!(detectionScore > 0 && detectionScore < 1)) {
            throw new IllegalArgumentException("Invalid detection score threshold: " + detectionScore
                    + " (must be in (0, 1))");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("Invalid batch size: " + batchSize + " (must be at least 1)");
        }
        if (decodeThreads < 0) {
            throw new IllegalArgumentException("Invalid decode thread count: " + decodeThreads + " (must be at least 0;"
                    + " 0 prepares each batch on the inference thread)");
        }
        if (inferenceThreads < 1) {
            throw new IllegalArgumentException("Invalid inference thread count: " + inferenceThreads
                    + " (must be at least 1)");
        }
    }

    /** Default backbone options, no alignment, batch 32, batches prepared on the inference thread, no cache. */
    public static EmbedderSettings defaults() {
        return new EmbedderSettings(BackboneOptions.defaults(), false, "", Preprocessor.FaceChoice.COVERING_CENTRE,
                YuNetDetector.DEFAULT_SCORE, 32, EmbeddingPipeline.DEFAULT_DECODE_THREADS, "", false, 1);
    }

    /** With alignment on or off. */
    public EmbedderSettings withAlign(boolean on) {
        return new EmbedderSettings(backbone, on, detectorModel, choice, detectionScore, batchSize, decodeThreads,
                cacheDir, flip, inferenceThreads);
    }

    /** With this detector model. */
    public EmbedderSettings withDetector(Path model) {
        return new EmbedderSettings(backbone, align, model.toString(), choice, detectionScore, batchSize,
                decodeThreads, cacheDir, flip, inferenceThreads);
    }

    /** With this batch size. */
    public EmbedderSettings withBatchSize(int n) {
        return new EmbedderSettings(backbone, align, detectorModel, choice, detectionScore, n, decodeThreads, cacheDir, flip, inferenceThreads);
    }

    /** With this cache root ({@code null} for none). */
    public EmbedderSettings withCache(Path dir) {
        return new EmbedderSettings(backbone, align, detectorModel, choice, detectionScore, batchSize, decodeThreads,
                dir == null ? "" : dir.toString(), flip, inferenceThreads);
    }

    /** With these backbone options. */
    public EmbedderSettings withBackbone(BackboneOptions o) {
        return new EmbedderSettings(o, align, detectorModel, choice, detectionScore, batchSize, decodeThreads, cacheDir, flip, inferenceThreads);
    }

    /** With this many decoding threads. */
    public EmbedderSettings withDecodeThreads(int n) {
        return new EmbedderSettings(backbone, align, detectorModel, choice, detectionScore, batchSize, n, cacheDir, flip, inferenceThreads);
    }

    /** With this many batches embedded at once. */
    public EmbedderSettings withInferenceThreads(int n) {
        return new EmbedderSettings(backbone, align, detectorModel, choice, detectionScore, batchSize, decodeThreads,
                cacheDir, flip, n);
    }

    /** With test-time flip averaging on or off. */
    public EmbedderSettings withFlip(boolean on) {
        return new EmbedderSettings(backbone, align, detectorModel, choice, detectionScore, batchSize, decodeThreads,
                cacheDir, on, inferenceThreads);
    }

    /** The detector model path actually used. */
    public Path detectorPath() {
        return detectorModel.isEmpty() ? SuiteContext.defaults().dataRoot().resolve(DEFAULT_DETECTOR)
                : Path.of(detectorModel);
    }

    /** The cache root, or {@code null}. */
    public Path cachePath() {
        return cacheDir.isEmpty() ? null : Path.of(cacheDir);
    }
}
