package org.tl4j.feature.sa;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.Approach;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferTask;
import org.tl4j.core.learn.InnerLearners;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tl4j.feature.linalg.DenseBackend;
import org.tl4j.feature.mapping.ExampleMapping;
import org.tl4j.feature.mapping.MappingStrategy;
import org.tl4j.feature.mapping.TaskMatrices;
import org.tribuo.Output;
import org.tribuo.Trainer;

import java.util.EnumSet;
import java.util.Map;

/**
 * Subspace Alignment as a strategy: sources mapped into the target-aligned source subspace, target samples
 * (labelled, unlabelled and new) into the target subspace, the inner learner on the mapped labelled samples.
 * The subspace dimension is capped by the smaller domain's number of directions of variance (the value used is
 * recorded in the provenance).
 * <p>
 * Option: {@code dimension} (the subspace dimension {@code d}, default 30).
 *
 * @param <T> output type
 * @see SubspaceAlignment
 */
public final class SaStrategy<T extends Output<T>> extends MappingStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("sa", Approach.FEATURE_REPRESENTATION,
            EnumSet.of(Setting.TRANSDUCTIVE), "feature-transfer", TransferTask.DATA_KIND,
            "Subspace Alignment (Fernando et al. 2013): source PCA subspace aligned to the target's");

    @Config(description = "Subspace dimension d (capped by the directions of variance the smaller domain has)")
    private int dimension = 30;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private SaStrategy() {
    }

    /** SA with {@code d = 30} and the given inner learner. */
    public SaStrategy(Trainer<T> inner) {
        super(inner);
    }

    /** SA with subspace dimension {@code d}. */
    public SaStrategy(Trainer<T> inner, int dimension) {
        super(inner);
        this.dimension = dimension;
        postConfig();
    }

    /** Validates the settings. */
    @Override
    public void postConfig() {
        if (dimension < 1) {
            throw new IllegalArgumentException("Invalid SA subspace dimension: " + dimension + " (must be at least 1)");
        }
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected TransferModel<T> fitTask(TransferTask<T> task, long seed) {
        TaskMatrices<T> data = TaskMatrices.of(task);
        int d = Math.min(dimension, Math.min(data.sourceSize() - 1, Math.min(data.targetSize() - 1, data.dimension())));
        if (d < 1) {
            throw new IllegalArgumentException("sa needs at least two source and two target samples to estimate "
                    + "their subspaces; task '" + task.name() + "' has " + data.sourceSize() + " and " + data.targetSize());
        }
        DenseBackend backend = DenseBackend.preferred();
        SubspaceAlignment.Fitted f = SubspaceAlignment.fit(data.source(), data.target(), d, backend);
        FeatureSpace out = ExampleMapping.outputSpace("sa", d);
        Map<String, Provenance> extra = Map.of("dimension", new IntProvenance("dimension", d),
                "linear-algebra", new StringProvenance("linear-algebra", backend.name()));
        return finish(task, seed, data, f.source().applyRows(data.source()), f.target().applyRows(data.targetLabelled()),
                out, new ExampleMapping(task.featureSpace(), out, f.target()), extra);
    }

    /** Registers {@code sa}. */
    /** Registers the strategy. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.anyOf(SaStrategy::new));
        }
    }
}
