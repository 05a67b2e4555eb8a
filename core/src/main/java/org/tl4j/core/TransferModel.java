package org.tl4j.core;

import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.provenance.ModelProvenance;

import java.util.List;

/**
 * A fitted transfer model of any problem kind: what the evaluation harness needs of it. It predicts the target test
 * set of the problem it was fitted on, with scores where the model has them (class probabilities, ranking scores),
 * so every {@link org.tl4j.core.eval.Metric} can be computed; and it carries its provenance.
 * <p>
 * Its {@link ModelProvenance} records the strategy's configuration as the trainer provenance, the data the model
 * was trained on as the dataset provenance, and, as instance provenance, the task ({@value #TASK}), the seed
 * ({@value #SEED}), the tl4j version ({@value #TL4J_VERSION}), every source and target dataset
 * ({@link TransferProblem#domainProvenance()}) and whatever the strategy adds ({@link ModelProvenances}).
 * Implementations are immutable.
 * <p>
 * {@link FeatureVectorModel} is the implementation for feature vectors ({@link TransferTask}): a Tribuo
 * {@link org.tribuo.Model} made of a fitted feature mapping and an inner Tribuo model. Other problem kinds
 * implement this interface directly (e.g. images: a frozen backbone plus a classifier on its embeddings).
 *
 * @param <T> output type
 */
public interface TransferModel<T extends Output<T>> extends Provenancable<ModelProvenance> {

    /** Instance-provenance key of the task name. */
    String TASK = "task";
    /** Instance-provenance key of the seed. */
    String SEED = "seed";
    /** Instance-provenance key of the tl4j version that fitted the model. */
    String TL4J_VERSION = "tl4j-version";
    /** Instance-provenance key of the feature mapping's description (feature-vector models). */
    String MAPPING = "feature-mapping";
    /** Instance-provenance key of the inner model's provenance (models with an inner Tribuo model). */
    String INNER_MODEL = "inner-model";

    /** The model's name, {@code strategy@task}. */
    String name();

    /**
     * Predicts the target test set of {@code problem}, in the order of {@link TransferProblem#targetTestTruth()},
     * with the model's scores.
     *
     * @param problem a problem of the kind (and with the source) this model was fitted on; its test labels are not read
     * @throws IllegalArgumentException if this model cannot predict {@code problem} (another kind, another source),
     *                                  saying why
     */
    List<Prediction<T>> predictTargetTest(TransferProblem<T> problem);

    /**
     * One line a reader of the results should see about this fitted model, e.g. the predicate mapping a relational
     * transfer chose; empty (the default) when there is nothing to add to the metrics. The harness carries it into
     * {@link org.tl4j.core.eval.RunRecord#summary()} ({@code runs.csv}, {@code models.csv} and the "Model notes" of
     * {@code results.md}), so it should be deterministic under the seed: no timings.
     */
    default String summary() {
        return "";
    }
}
