package org.tl4j.instance.discriminative;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.Approach;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferTask;
import org.tl4j.core.selection.DomainClassifierWeigher;
import org.tl4j.instance.ImportanceWeightingStrategy;
import org.tribuo.Output;
import org.tribuo.Trainer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Discriminative density-ratio weighting as a strategy: the odds of a probabilistic domain classifier weight the
 * source examples for the inner learner (Bickel et al., ICML 2007).
 *
 * @see DiscriminativeRatio
 */
public final class DiscriminativeStrategy<T extends Output<T>> extends ImportanceWeightingStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("discriminative-ratio", Approach.INSTANCE,
            SETTINGS, "instance-transfer", TransferTask.DATA_KIND,
            "Discriminative density ratio (Bickel et al. 2007): odds of a logistic domain classifier as weights");

    @Config(description = "Domain classifier features: linear, quadratic (features and squares) or random-fourier")
    private DiscriminativeRatio.Features features = DiscriminativeRatio.Features.QUADRATIC;

    @Config(description = "Number of random Fourier features (features=random-fourier)")
    private int randomFeatures = 200;

    @Config(description = "Cross-validation folds for the L2 penalty of the domain classifier")
    private int folds = 3;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private DiscriminativeStrategy() {
    }

    /** The strategy with default settings and the given inner learner. */
    public DiscriminativeStrategy(Trainer<T> inner) {
        super(inner);
    }

    @Override
    public void postConfig() {
        super.postConfig();
        try {
            options();
        } catch (IllegalArgumentException e) {
            throw new PropertyException(e, "", "discriminative-ratio", e.getMessage());
        }
    }

    private DiscriminativeRatio.Options options() {
        DomainClassifierWeigher.Options d = DomainClassifierWeigher.Options.defaults();
        return new DiscriminativeRatio.Options(features, randomFeatures,
                new DomainClassifierWeigher.Options(d.lambdas(), folds, false, d.tolerance(), d.maxIterations()));
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected Estimate estimate(DMatrixRMaj source, DMatrixRMaj target, long seed) {
        DiscriminativeRatio.Result r = DiscriminativeRatio.fit(source, target, options(), seed);
        Map<String, Provenance> p = new LinkedHashMap<>();
        p.put("discriminative-ratio.lambda", new DoubleProvenance("discriminative-ratio.lambda", r.lambda()));
        if (!Double.isNaN(r.sigma())) {
            p.put("discriminative-ratio.sigma", new DoubleProvenance("discriminative-ratio.sigma", r.sigma()));
        }
        return new Estimate(r.weights(), p);
    }

    /** Provides {@code discriminative-ratio}. */
    /** Registers the strategy. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.anyOf(DiscriminativeStrategy::new));
        }
    }
}
