package org.tl4j.feature.jda;

import com.oracle.labs.mlrg.olcut.config.Config;
import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.Approach;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferTask;
import org.tl4j.feature.mapping.ClassIndex;
import org.tl4j.feature.mmd.EmbeddingKernel;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

import java.util.EnumSet;

/**
 * Joint Distribution Adaptation as a strategy: {@link JointDistributionAdaptation} whose pseudo-labels come from the
 * strategy's own inner learner (1-NN in the paper and in the {@code office-caltech} and {@code digits} suites),
 * trained on the embedded source at every iteration; the final model is the inner learner on the last embedding.
 * Classification only.
 * <p>
 * Options and defaults (those of the released code): {@code k} = 100, {@code lambda} = 0.1,
 * {@code iterations} = 10, {@code kernel} = primal ({@code primal|linear|rbf}), {@code gamma} = 1. The published
 * Office-Caltech table used the linear kernel and λ = 1, which the {@code office-caltech} suite sets.
 *
 * @see org.tl4j.feature.bda.BdaStrategy
 */
public final class JdaStrategy extends PseudoLabelStrategy {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("jda", Approach.FEATURE_REPRESENTATION,
            EnumSet.of(Setting.TRANSDUCTIVE), "feature-transfer", TransferTask.DATA_KIND,
            "Joint Distribution Adaptation (Long et al. 2013): marginal and class-conditional MMD, iterative pseudo-labels");

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

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private JdaStrategy() {
    }

    /** JDA with the default settings and the given inner learner. */
    public JdaStrategy(Trainer<Label> inner) {
        super(inner);
    }

    /** JDA with explicit settings. */
    public JdaStrategy(Trainer<Label> inner, int k, double lambda, int iterations, EmbeddingKernel kernel) {
        super(inner);
        this.k = k;
        this.lambda = lambda;
        this.iterations = iterations;
        this.kernel = kernel;
        postConfig();
    }

    /** Validates the settings. */
    @Override
    public void postConfig() {
        options();
    }

    private JointDistributionAdaptation.Options options() {
        return new JointDistributionAdaptation.Options(k, lambda, iterations, kernel, gamma);
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected TransferModel<Label> fitTask(TransferTask<Label> task, long seed) {
        return fitIterative(task, seed, "jda", (data, labeller) -> {
            ClassIndex classes = ClassIndex.of(data.sourceOutputs());
            return JointDistributionAdaptation.fit(data.source(), classes.ids(data.sourceOutputs()),
                    data.targetLabelled(), classes.ids(data.targetOutputs()), data.targetUnlabelled(), classes.size(),
                    options(), labeller.apply(classes));
        });
    }

    /** Registers {@code jda}. */
    /** Registers the strategy. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.labels(JdaStrategy::new));
        }
    }
}
