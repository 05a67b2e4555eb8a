package org.tl4j.feature.bda;

import com.oracle.labs.mlrg.olcut.config.Config;
import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.Approach;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferTask;
import org.tl4j.feature.jda.PseudoLabelStrategy;
import org.tl4j.feature.mapping.ClassIndex;
import org.tl4j.feature.mmd.EmbeddingKernel;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

import java.util.EnumSet;

/**
 * Balanced Distribution Adaptation as a strategy: {@link BalancedDistributionAdaptation} with the inner learner as
 * pseudo-labeller. Classification only.
 * <p>
 * Options: {@code k} (100), {@code lambda} (0.1), {@code iterations} (10), {@code kernel} (primal),
 * {@code gamma} (1), {@code mu} (the balance factor, 0.5) and {@code weighted} (W-BDA's class-prior weights, false).
 *
 * @see org.tl4j.feature.jda.JdaStrategy
 */
public final class BdaStrategy extends PseudoLabelStrategy {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("bda", Approach.FEATURE_REPRESENTATION,
            EnumSet.of(Setting.TRANSDUCTIVE), "feature-transfer", TransferTask.DATA_KIND,
            "Balanced Distribution Adaptation (Wang et al. 2017): marginal vs conditional MMD balanced by mu");

    @Config(description = "Number of components k (fewer when the data have lower rank)")
    private int k = 100;

    @Config(description = "Regularisation lambda > 0 of the projection")
    private double lambda = 0.1;

    @Config(description = "Pseudo-label iterations T >= 1")
    private int iterations = 10;

    @Config(description = "Kernel: primal (projection of the inputs), linear or rbf (dual coefficients)")
    private EmbeddingKernel kernel = EmbeddingKernel.PRIMAL;

    @Config(description = "RBF kernel inverse width gamma > 0")
    private double gamma = 1.0;

    @Config(description = "Balance factor mu in [0,1]: 0 = marginal MMD only, 1 = class-conditional only")
    private double mu = 0.5;

    @Config(description = "W-BDA: weight the target side of each class term by the ratio of class priors")
    private boolean weighted = false;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private BdaStrategy() {
    }

    /** BDA with the default settings and the given inner learner. */
    public BdaStrategy(Trainer<Label> inner) {
        super(inner);
    }

    /** BDA with explicit settings. */
    public BdaStrategy(Trainer<Label> inner, int k, double lambda, int iterations, EmbeddingKernel kernel,
                       double mu, boolean weighted) {
        super(inner);
        this.k = k;
        this.lambda = lambda;
        this.iterations = iterations;
        this.kernel = kernel;
        this.mu = mu;
        this.weighted = weighted;
        postConfig();
    }

    /** Validates the settings. */
    @Override
    public void postConfig() {
        options();
    }

    private BalancedDistributionAdaptation.Options options() {
        return new BalancedDistributionAdaptation.Options(k, lambda, iterations, kernel, gamma, mu, weighted);
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected TransferModel<Label> fitTask(TransferTask<Label> task, long seed) {
        return fitIterative(task, seed, "bda", (data, labeller) -> {
            ClassIndex classes = ClassIndex.of(data.sourceOutputs());
            return BalancedDistributionAdaptation.fit(data.source(), classes.ids(data.sourceOutputs()),
                    data.targetLabelled(), classes.ids(data.targetOutputs()), data.targetUnlabelled(), classes.size(),
                    options(), labeller.apply(classes));
        });
    }

    /** Registers {@code bda}. */
    /** Registers the strategy. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.labels(BdaStrategy::new));
        }
    }
}
