package org.tl4j.backbone;

import com.oracle.labs.mlrg.olcut.config.Config;
import org.tl4j.core.TransferModel;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

import java.util.Objects;

/**
 * Base class of image strategies that embed images with a frozen network and train an inner Tribuo classifier on
 * the embeddings ({@link ImageTransferModel#fit}): deep feature transfer with the problem's pretrained source, and
 * the no-source pixels baseline. Besides the embedding settings of {@link AbstractEmbeddingStrategy} it holds the
 * inner classifier ({@code inner}); subclasses choose the network.
 */
public abstract class AbstractImageStrategy extends AbstractEmbeddingStrategy {

    @Config(mandatory = true, description = "Inner Tribuo classifier trained on the embeddings")
    private Trainer<Label> inner;

    /** For OLCUT configuration; {@code inner} must then be configured. */
    protected AbstractImageStrategy() {
    }

    /** A strategy with {@code inner} and default embedding settings (no alignment, batch 32, no cache). */
    protected AbstractImageStrategy(Trainer<Label> inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /** A strategy with {@code inner} and {@code settings}. */
    protected AbstractImageStrategy(Trainer<Label> inner, EmbedderSettings settings) {
        super(settings);
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /** The inner trainer. */
    public Trainer<Label> innerTrainer() {
        return inner;
    }

    /** The network that embeds {@code task}'s images. */
    protected abstract PretrainedSource network(ImageTransferTask task);

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
        return getClass().getSimpleName() + "(" + descriptor().name() + ", inner=" + inner + ", align=" + settings().align()
                + ", batchSize=" + settings().batchSize() + ")";
    }
}
