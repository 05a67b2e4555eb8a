package org.tl4j.core;

import org.tribuo.Output;
import org.tribuo.OutputFactory;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tl4j.core.eval.Metric;
import org.tl4j.core.eval.Metrics;

import java.util.List;
import java.util.Map;

/**
 * A transfer problem of any data kind: source knowledge, target data to learn from and a labelled target test
 * set to be judged on.
 * <p>
 * {@link TransferTask} is the kind for tables of feature vectors; other modules add kinds for images or
 * multi-relational facts. Discovery, configuration, seeding, provenance and the evaluation harness only see this
 * interface, so they are common to all kinds. A strategy declares the kind it accepts through
 * {@link TransferStrategy#problemType()}.
 * <p>
 * Implementations are immutable.
 *
 * @param <T> the output type of the target task (a Tribuo {@link Output})
 */
public interface TransferProblem<T extends Output<T>> {

    /** A short, stable name, e.g. {@code A->W} or {@code rotated-moons-30}. */
    String name();

    /** A human-readable description of the domains and the task. */
    String description();

    /** A short name of the data kind, e.g. {@code feature-vectors}, {@code images}, {@code relational-facts}. */
    String dataKind();

    /** The output factory of the target task. */
    OutputFactory<T> outputFactory();

    /**
     * The setting this problem poses, derived from which labels it holds: labelled target training data make it
     * {@link Setting#INDUCTIVE}; otherwise labelled source data make it {@link Setting#TRANSDUCTIVE}; without
     * labels it is {@link Setting#UNSUPERVISED}.
     */
    Setting setting();

    /** Names of the source domains, in order. */
    List<String> sourceNames();

    /** Name of the target domain. */
    String targetName();

    /** The true outputs of the target test set, in the order predictions are returned. */
    List<T> targetTestTruth();

    /**
     * The metrics this problem is judged on, primary first (the primary one is charted and headlines the
     * negative-transfer verdict). By default those of the output type ({@link Metrics#defaultFor}); a problem kind
     * declares others (e.g. AUC-ROC, AUC-PR and conditional log-likelihood for relational problems), and
     * {@code tl run --metrics} overrides them.
     */
    default List<Metric> metrics() {
        return Metrics.defaultFor(outputFactory());
    }

    /**
     * Provenance of every source and target dataset, keyed e.g. {@code source.0}, {@code source.0.name},
     * {@code target.name}, {@code target-train}, {@code target-unlabelled}; recorded in every
     * {@link TransferModel}'s provenance.
     */
    Map<String, Provenance> domainProvenance();
}
