package org.tl4j.feature.deep;

import com.oracle.labs.mlrg.olcut.config.Config;
import org.tl4j.core.Approach;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.StrategyProvenance;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferStrategy;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import org.tl4j.backbone.BackboneOptions;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.ImageTransferModel;
import org.tl4j.backbone.ImageTransferTask;

/**
 * Deep feature-representation transfer: a frozen network pretrained on a source domain maps the target's images to
 * embeddings, and an inner Tribuo classifier is trained on the embeddings of the labelled target images. This is
 * the white paper's FaceNet/LFW case study ("we just compute the forward pass once using the pretrained model to
 * convert our new training images to feature vectors. We then train on these feature vectors using just a single
 * classification layer"), after F. Schroff, D. Kalenichenko and J. Philbin, <i>FaceNet: A Unified Embedding for
 * Face Recognition and Clustering</i>, CVPR 2015, and the survey's feature-representation transfer (S. J. Pan and
 * Q. Yang, <i>A Survey on Transfer Learning</i>, IEEE TKDE 22(10), 2010).
 * <p>
 * The network is the problem's {@link PretrainedSource}; this strategy configures how images are embedded
 * (alignment, threads, batch size, cache) and the inner learner. Settings ({@code tl run -o KEY=VALUE}):
 * {@code inner}, {@code align}, {@code detector}, {@code threads}, {@code batchSize}, {@code cacheDir},
 * {@code flip}.
 *
 * @see ImageTransferTask
 * @see ImageTransferModel
 */
public final class PretrainedEmbeddingStrategy implements TransferStrategy<Label, ImageTransferTask> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("pretrained-embedding",
            Approach.FEATURE_REPRESENTATION, EnumSet.of(Setting.INDUCTIVE), "feature-transfer",
            ImageTransferTask.DATA_KIND,
            "Frozen pretrained ONNX network embeds target images; an inner classifier is trained on the embeddings");

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

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private PretrainedEmbeddingStrategy() {
    }

    /** A strategy with {@code inner} and default embedding settings (no alignment, batch 32, no cache). */
    public PretrainedEmbeddingStrategy(Trainer<Label> inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /** A strategy with {@code inner} and {@code settings}. */
    public PretrainedEmbeddingStrategy(Trainer<Label> inner, EmbedderSettings settings) {
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

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Class<?> problemType() {
        return ImageTransferTask.class;
    }

    @Override
    public String whyNotApplicable(TransferProblem<?> problem) {
        String why = TransferStrategy.super.whyNotApplicable(problem);
        if (why == null && !(problem.outputFactory() instanceof LabelFactory)) {
            why = "strategy 'pretrained-embedding' classifies images; problem '" + problem.name()
                    + "' has outputs of another type";
        }
        return why;
    }

    @Override
    public TransferModel<Label> fit(ImageTransferTask task, long seed) {
        Objects.requireNonNull(task, "task");
        String why = whyNotApplicable(task);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        if (inner == null) {
            throw new IllegalStateException("Strategy 'pretrained-embedding' has no inner trainer: configure 'inner'");
        }
        return ImageTransferModel.fit(this, task, task.source(), settings(), inner, seed);
    }

    /** The inner trainer. */
    public Trainer<Label> innerTrainer() {
        return inner;
    }

    @Override
    public StrategyProvenance getProvenance() {
        return new StrategyProvenance(this);
    }

    @Override
    public String toString() {
        return "PretrainedEmbeddingStrategy(inner=" + inner + ", align=" + align + ", batchSize=" + batchSize + ")";
    }
}
