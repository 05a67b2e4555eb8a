package org.tl4j.backbone;

import com.oracle.labs.mlrg.olcut.config.Config;
import org.tl4j.core.AbstractStrategy;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Base class of image strategies that embed images with a frozen network and train an inner Tribuo classifier on
 * the embeddings ({@link ImageTransferModel#fit}): deep feature transfer with the problem's pretrained source, and
 * the no-source pixels baseline. It holds the embedding settings every such strategy shares as OLCUT
 * {@code @Config} fields ({@code tl run -o KEY=VALUE}): {@code inner}, {@code align}, {@code detector},
 * {@code threads}, {@code batchSize}, {@code cacheDir}, {@code flip}; subclasses choose the network.
 */
public abstract class AbstractImageStrategy extends AbstractStrategy<Label, ImageTransferTask> {

    @Config(mandatory = true, description = "Inner Tribuo classifier trained on the embeddings")
    private Trainer<Label> inner;

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

    /** For OLCUT configuration; {@code inner} must then be configured. */
    protected AbstractImageStrategy() {
        super(ImageTransferTask.class);
    }

    /** A strategy with {@code inner} and default embedding settings (no alignment, batch 32, no cache). */
    protected AbstractImageStrategy(Trainer<Label> inner) {
        this();
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /** A strategy with {@code inner} and {@code settings}. */
    protected AbstractImageStrategy(Trainer<Label> inner, EmbedderSettings settings) {
        this(inner);
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

    /** The inner trainer. */
    public Trainer<Label> innerTrainer() {
        return inner;
    }

    /** The network that embeds {@code task}'s images. */
    protected abstract PretrainedSource network(ImageTransferTask task);

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
    protected void checkConfigured() {
        if (inner == null) {
            throw new IllegalStateException("Strategy '" + descriptor().name() + "' has no inner trainer: configure 'inner'");
        }
    }

    @Override
    protected final TransferModel<Label> fitProblem(ImageTransferTask task, long seed) {
        return ImageTransferModel.fit(this, task, network(task), settings(), inner, seed);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + descriptor().name() + ", inner=" + inner + ", align=" + align
                + ", batchSize=" + batchSize + ")";
    }
}
