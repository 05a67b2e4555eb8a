package org.tl4j.core;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tl4j.core.learn.SeededTrainers;
import org.tl4j.core.learn.Seeds;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;

import java.util.Map;
import java.util.Objects;

/**
 * Base class of strategies over feature vectors ({@link TransferTask}) composed with an inner Tribuo learner.
 * It checks applicability, seeds the inner trainer from the fit's seed, and builds the {@link FeatureVectorModel}
 * and its provenance; subclasses implement {@link #fitTask(TransferTask, long)}.
 *
 * @param <T> output type
 */
public abstract class AbstractTransferStrategy<T extends Output<T>> extends AbstractStrategy<T, TransferTask<T>> {

    /** The inner learner; a strategy's provider sets the output type's default. */
    @Config(mandatory = true, description = "Inner Tribuo trainer fitted on the transferred data")
    protected Trainer<T> inner;

    /** For OLCUT configuration; {@link #inner} must then be configured. */
    protected AbstractTransferStrategy() {
        super(TransferTask.class);
    }

    /** A strategy composed with {@code inner}. */
    protected AbstractTransferStrategy(Trainer<T> inner) {
        super(TransferTask.class);
        this.inner = Objects.requireNonNull(inner, "inner trainer");
    }

    @Override
    protected final void checkConfigured() {
        if (inner == null) {
            throw new IllegalStateException("Strategy '" + descriptor().name() + "' has no inner trainer: configure 'inner'");
        }
    }

    @Override
    protected final TransferModel<T> fitProblem(TransferTask<T> task, long seed) {
        return fitTask(task, seed);
    }

    /**
     * Fits the model; called after applicability checks.
     *
     * @param task the task; not modified, and its test labels must not be read
     * @param seed the fit's seed; derive sub-seeds with {@link Seeds#derive(long, String)}
     */
    protected abstract TransferModel<T> fitTask(TransferTask<T> task, long seed);

    /** Trains the inner learner on {@code data} with a seed derived from {@code seed}. */
    protected Model<T> trainInner(Dataset<T> data, long seed) {
        return SeededTrainers.train(inner, data, Seeds.derive(seed, "inner"));
    }

    /** Wraps a fitted inner model with full provenance. */
    protected FeatureVectorModel<T> model(TransferTask<T> task, long seed, FeatureMapping mapping, Model<T> innerModel,
                                          Map<String, Provenance> extra) {
        return FeatureVectorModel.of(this, task, seed, task.featureMap(), mapping, innerModel, extra);
    }

    /** The inner trainer. */
    public Trainer<T> innerTrainer() {
        return inner;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + descriptor().name() + ", inner=" + inner + ")";
    }
}
