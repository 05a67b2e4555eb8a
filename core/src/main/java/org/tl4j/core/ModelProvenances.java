package org.tl4j.core;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tribuo.Output;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.provenance.ModelProvenance;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the provenance every {@link TransferModel} carries (see there), whatever its kind, so that all kinds
 * record the same keys.
 */
public final class ModelProvenances {
    private ModelProvenances() {
    }

    /**
     * The provenance of a model of class {@code modelClass} fitted by {@code strategy} on {@code problem}.
     *
     * @param trainedOn what the model was trained on (an inner Tribuo model's dataset provenance, or
     *                  {@link #trainingData})
     * @param extra     further instance provenance (e.g. the chosen hyper-parameters, a mapping); may be empty
     */
    public static <T extends Output<T>> ModelProvenance of(Class<?> modelClass, TransferStrategy<T, ?> strategy,
                                                           TransferProblem<T> problem, long seed,
                                                           DatasetProvenance trainedOn,
                                                           Map<String, ? extends Provenance> extra) {
        Map<String, Provenance> instance = new LinkedHashMap<>();
        instance.put(TransferModel.TASK, new StringProvenance(TransferModel.TASK, problem.name()));
        instance.put(TransferModel.SEED, new LongProvenance(TransferModel.SEED, seed));
        instance.put(TransferModel.TL4J_VERSION, new StringProvenance(TransferModel.TL4J_VERSION, Tl4j.VERSION));
        instance.putAll(problem.domainProvenance());
        instance.putAll(extra);
        return new ModelProvenance(modelClass.getName(), OffsetDateTime.now(), trainedOn, strategy.getProvenance(),
                instance);
    }

    /**
     * A dataset provenance for models trained on something other than a Tribuo dataset (images, first-order facts):
     * the data's own provenance and its size.
     *
     * @param source     provenance of the training data (e.g. a {@link org.tl4j.core.data.FileDataProvenance})
     * @param examples   training examples
     * @param features   features per example (0 where the kind has none)
     * @param outputs    distinct outputs
     */
    public static DatasetProvenance trainingData(DataProvenance source, int examples, int features, int outputs) {
        return new TrainingData(source, examples, features, outputs);
    }

    /**
     * {@link DatasetProvenance} through its protected constructor, for non-Tribuo training data
     * ({@link #trainingData}). Public only so that OLCUT can unmarshal it.
     */
    public static final class TrainingData extends DatasetProvenance {
        private static final long serialVersionUID = 1L;

        TrainingData(DataProvenance source, int examples, int features, int outputs) {
            super(source, new ListProvenance<ObjectProvenance>(), DatasetProvenance.class.getName(), false, false,
                    examples, features, outputs);
        }

        /** Used by OLCUT's provenance unmarshalling. */
        public TrainingData(Map<String, Provenance> map) {
            super(map);
        }
    }
}
