package org.tl4j.core.learn;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

import java.util.Map;

/**
 * Base of tl4j's own Tribuo trainers whose result depends only on the data (no randomness): it keeps Tribuo's
 * invocation count and provenance bookkeeping so subclasses implement only {@link #fit}.
 *
 * @param <T> output type
 * @param <M> model type
 */
abstract class DeterministicTrainer<T extends Output<T>, M extends Model<T>> implements Trainer<T> {

    private int invocationCount = 0;

    /**
     * Fits a model.
     *
     * @param examples      non-empty training data
     * @param runProvenance provenance of this run, recorded in the model
     */
    protected abstract M fit(Dataset<T> examples, Map<String, Provenance> runProvenance);

    @Override
    public M train(Dataset<T> examples) {
        return train(examples, Map.of());
    }

    @Override
    public M train(Dataset<T> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized M train(Dataset<T> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        if (invocationCount != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocationCount);
        }
        if (examples.size() == 0) {
            throw new IllegalArgumentException("Cannot train " + getClass().getSimpleName() + " on an empty dataset");
        }
        M m = fit(examples, runProvenance);
        this.invocationCount++;
        return m;
    }

    @Override
    public int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int invocationCount) {
        if (invocationCount < 0) {
            throw new IllegalArgumentException("Invalid invocation count: " + invocationCount);
        }
        this.invocationCount = invocationCount;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }
}
