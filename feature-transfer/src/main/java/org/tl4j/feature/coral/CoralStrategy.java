package org.tl4j.feature.coral;

import com.oracle.labs.mlrg.olcut.config.Config;
import org.tl4j.core.InnerLearnerProvider;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.Approach;
import org.tl4j.core.FeatureMapping;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferTask;
import org.tl4j.core.learn.InnerLearners;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tl4j.feature.linalg.DenseBackend;
import org.tl4j.feature.mapping.LinearMap;
import org.tl4j.feature.mapping.MappingStrategy;
import org.tl4j.feature.mapping.TaskMatrices;
import org.tribuo.Output;
import org.tribuo.Trainer;

import java.util.EnumSet;
import java.util.Map;

/**
 * CORAL as a strategy: the labelled source samples are re-coloured with {@link Coral}'s transform estimated from
 * the source and all target training samples, the inner learner is trained on them (plus any labelled target
 * samples, unchanged), and target samples are predicted as they are: the fitted mapping at prediction time is the
 * identity.
 * <p>
 * Option: {@code regularisation} (ε added to both covariances, 1 as in the paper).
 *
 * @param <T> output type
 * @see Coral
 */
public final class CoralStrategy<T extends Output<T>> extends MappingStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("coral", Approach.FEATURE_REPRESENTATION,
            EnumSet.of(Setting.TRANSDUCTIVE), "feature-transfer", TransferTask.DATA_KIND,
            "CORrelation ALignment (Sun et al. 2016): source re-coloured with the target covariance");

    @Config(description = "Regularisation epsilon >= 0 added to the diagonal of both covariances")
    private double regularisation = 1.0;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private CoralStrategy() {
    }

    /** CORAL with {@code ε = 1} and the given inner learner. */
    public CoralStrategy(Trainer<T> inner) {
        super(inner);
    }

    /** CORAL with regularisation {@code ε}. */
    public CoralStrategy(Trainer<T> inner, double regularisation) {
        super(inner);
        this.regularisation = regularisation;
        postConfig();
    }

    /** Validates the settings. */
    @Override
    public void postConfig() {
        if (!(regularisation >= 0) || !Double.isFinite(regularisation)) {
            throw new IllegalArgumentException("Invalid CORAL regularisation: " + regularisation
                    + " (must be finite and non-negative)");
        }
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected TransferModel<T> fitTask(TransferTask<T> task, long seed) {
        TaskMatrices<T> data = TaskMatrices.of(task);
        DenseBackend backend = DenseBackend.preferred();
        LinearMap recolour = Coral.fit(data.source(), data.target(), regularisation, backend);
        // X W as one matrix product (the same sums in the same order as applying the map row by row).
        DMatrixRMaj recoloured = backend.mult(data.source(), recolour.projection());
        return finish(task, seed, data, recoloured, data.targetLabelled(), task.featureSpace(),
                FeatureMapping.identity(), Map.of("linear-algebra", new StringProvenance("linear-algebra", backend.name())));
    }

    /** Registers {@code coral}. */
    /** Registers the strategy. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.anyOf(CoralStrategy::new));
        }
    }
}
