package org.tl4j.feature.tca;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.Approach;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferTask;
import org.tl4j.feature.mapping.ExampleMapping;
import org.tl4j.feature.mapping.MappingStrategy;
import org.tl4j.feature.mapping.TaskMatrices;
import org.tl4j.feature.mmd.EmbeddingKernel;
import org.tl4j.feature.mmd.MmdEmbedding;
import org.tribuo.Output;
import org.tribuo.Trainer;

import java.util.EnumSet;
import java.util.Map;

/**
 * Transfer Component Analysis as a strategy: {@link TransferComponentAnalysis} fitted on the sources and all target
 * training samples, the inner learner trained on the embedded labelled samples, new samples embedded by the fitted
 * map. Defaults ({@code k = 100}, {@code μ = 1}, linear kernel) reproduce the TCA column of Long et al.'s
 * Office-Caltech table with a 1-NN inner learner.
 * <p>
 * Options: {@code k}, {@code mu}, {@code kernel} ({@code primal|linear|rbf}), {@code gamma}.
 *
 * @param <T> output type
 * @see SstcaStrategy
 */
public final class TcaStrategy<T extends Output<T>> extends MappingStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("tca", Approach.FEATURE_REPRESENTATION,
            EnumSet.of(Setting.TRANSDUCTIVE), "feature-transfer", TransferTask.DATA_KIND,
            "Transfer Component Analysis (Pan et al. 2011): kernel components minimising source-target MMD");

    @Config(description = "Number of transfer components k (fewer when the data have lower rank)")
    private int k = 100;

    @Config(description = "Trade-off mu > 0 between the MMD and the complexity of the components")
    private double mu = 1.0;

    @Config(description = "Kernel: primal (projection of the inputs), linear or rbf (dual coefficients)")
    private EmbeddingKernel kernel = EmbeddingKernel.LINEAR;

    @Config(description = "RBF kernel inverse width gamma > 0, k(x,y) = exp(-gamma |x-y|^2)")
    private double gamma = 1.0;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private TcaStrategy() {
    }

    /** TCA with the default settings and the given inner learner. */
    public TcaStrategy(Trainer<T> inner) {
        super(inner);
    }

    /** TCA with explicit settings. */
    public TcaStrategy(Trainer<T> inner, int k, double mu, EmbeddingKernel kernel, double gamma) {
        super(inner);
        this.k = k;
        this.mu = mu;
        this.kernel = kernel;
        this.gamma = gamma;
        postConfig();
    }

    /** Validates the settings. */
    @Override
    public void postConfig() {
        options();
    }

    private TransferComponentAnalysis.Options options() {
        return new TransferComponentAnalysis.Options(k, mu, kernel, gamma);
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected TransferModel<T> fitTask(TransferTask<T> task, long seed) {
        TaskMatrices<T> data = TaskMatrices.of(task);
        MmdEmbedding.Solution sol = TransferComponentAnalysis.fit(data.source(), data.target(), options());
        FeatureSpace out = ExampleMapping.outputSpace("tca", sol.components());
        DMatrixRMaj z = sol.embedding();
        int ns = data.sourceSize();
        Map<String, Provenance> extra = Map.of("components", new IntProvenance("components", sol.components()));
        return finish(task, seed, data, TaskMatrices.rows(z, 0, ns),
                TaskMatrices.rows(z, ns, ns + data.targetLabelledSize()), out,
                new ExampleMapping(task.featureSpace(), out, sol.map()), extra);
    }

    /** Registers {@code tca}. */
    /** Registers the strategy. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.anyOf(TcaStrategy::new));
        }
    }
}
