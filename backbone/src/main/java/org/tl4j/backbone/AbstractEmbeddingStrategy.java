package org.tl4j.backbone;

import com.oracle.labs.mlrg.olcut.config.Config;
import org.tl4j.core.AbstractStrategy;
import org.tl4j.core.TransferProblem;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.nio.file.Path;

/**
 * Base class of image strategies that run a network over the task's images: it holds the settings of how images
 * are prepared and embedded as OLCUT {@code @Config} fields ({@code tl run -o KEY=VALUE}): {@code align},
 * {@code detector}, {@code threads}, {@code batchSize}, {@code cacheDir}, {@code flip}. {@link AbstractImageStrategy}
 * adds an inner classifier on frozen embeddings; parameter transfer adds strategies that fine-tune.
 */
public abstract class AbstractEmbeddingStrategy extends AbstractStrategy<Label, ImageTransferTask> {

    @Config(description = "Align faces with the YuNet detector (otherwise the spec's fixed crop)")
    private boolean align = false;

    @Config(description = "YuNet model file for alignment (empty: models/face/yunet-2023mar.onnx under the shared data)")
    private String detector = "";

    @Config(description = "ONNX Runtime intra-op threads (0: one per processor)")
    private int threads = 0;

    @Config(description = "Images per backbone run")
    private int batchSize = 32;

    @Config(description = "Embedding-cache root folder (empty: no cache)")
    private String cacheDir = "";

    @Config(description = "Sum each image's embedding with its mirror image's (test-time flip augmentation)")
    private boolean flip = false;

    /** Default embedding settings (no alignment, batch 32, no cache). */
    protected AbstractEmbeddingStrategy() {
        super(ImageTransferTask.class);
    }

    /** The given embedding settings. */
    protected AbstractEmbeddingStrategy(EmbedderSettings settings) {
        this();
        this.align = settings.align();
        this.detector = settings.detectorModel();
        this.threads = settings.backbone().intraOpThreads();
        this.batchSize = settings.batchSize();
        this.cacheDir = settings.cacheDir();
        this.flip = settings.flip();
    }

    @Override
    public void postConfig() {
        if (threads < 0) {
            throw new IllegalArgumentException("Invalid value for threads: " + threads + " (use 0 for one per processor)");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("Invalid value for batchSize: " + batchSize + " (must be at least 1)");
        }
    }

    /** The embedding settings this strategy uses. */
    public EmbedderSettings settings() {
        EmbedderSettings s = EmbedderSettings.defaults().withAlign(align).withBatchSize(batchSize)
                .withBackbone(BackboneOptions.defaults().withThreads(threads))
                .withCache(cacheDir.isEmpty() ? null : Path.of(cacheDir)).withFlip(flip);
        return detector.isEmpty() ? s : s.withDetector(Path.of(detector));
    }

    @Override
    public String whyNotApplicable(TransferProblem<?> problem) {
        String why = super.whyNotApplicable(problem);
        if (why == null && !(problem.outputFactory() instanceof LabelFactory)) {
            why = "strategy '" + descriptor().name() + "' classifies images; problem '" + problem.name()
                    + "' has outputs of another type";
        }
        return why;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + descriptor().name() + ", align=" + align + ", batchSize=" + batchSize
                + ")";
    }
}
