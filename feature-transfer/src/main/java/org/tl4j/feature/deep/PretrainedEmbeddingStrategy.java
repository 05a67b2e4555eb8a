package org.tl4j.feature.deep;

import org.tl4j.backbone.AbstractImageStrategy;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.core.Approach;
import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

import java.util.EnumSet;


/**
 * Deep feature-representation transfer: a frozen network pretrained on a source domain maps the target's images to
 * embeddings, and an inner Tribuo classifier is trained on the embeddings of the labelled target images. This is
 * the white paper's FaceNet/LFW case study ("we just compute the forward pass once using the pretrained model to
 * convert our new training images to feature vectors. We then train on these feature vectors using just a single
 * classification layer"), after F. Schroff, D. Kalenichenko and J. Philbin, <i>FaceNet: A Unified Embedding for
 * Face Recognition and Clustering</i>, CVPR 2015, and the survey's feature-representation transfer (S. J. Pan and
 * Q. Yang, <i>A Survey on Transfer Learning</i>, IEEE TKDE 22(10), 2010).
 * <p>
 * The network is the problem's {@link org.tl4j.backbone.PretrainedSource}; the settings of
 * {@link AbstractImageStrategy} configure how images are embedded (alignment, threads, batch size, cache) and the
 * inner learner. Its negative transfer gap is measured against the no-source {@code pixels} baseline of image
 * problems.
 *
 * @see ImageTransferTask
 * @see ImageTransferModel
 */
public final class PretrainedEmbeddingStrategy extends AbstractImageStrategy {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("pretrained-embedding",
            Approach.FEATURE_REPRESENTATION, EnumSet.of(Setting.INDUCTIVE), "feature-transfer",
            ImageTransferTask.DATA_KIND,
            "Frozen pretrained ONNX network embeds target images; an inner classifier is trained on the embeddings");

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private PretrainedEmbeddingStrategy() {
    }

    /** A strategy with {@code inner} and default embedding settings (no alignment, batch 32, no cache). */
    public PretrainedEmbeddingStrategy(Trainer<Label> inner) {
        super(inner);
    }

    /** A strategy with {@code inner} and {@code settings}. */
    public PretrainedEmbeddingStrategy(Trainer<Label> inner, EmbedderSettings settings) {
        super(inner, settings);
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected PretrainedSource network(ImageTransferTask task) {
        return task.source();
    }

    /** Registers {@code pretrained-embedding} (classification, logistic regression by default). */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.labels(PretrainedEmbeddingStrategy::new));
        }
    }
}
