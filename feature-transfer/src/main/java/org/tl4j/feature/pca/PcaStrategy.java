package org.tl4j.feature.pca;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferTask;
import org.tl4j.feature.mapping.ExampleMapping;
import org.tl4j.feature.mapping.LinearMap;
import org.tl4j.feature.mapping.MappingStrategy;
import org.tl4j.feature.mapping.TaskMatrices;
import org.tribuo.Output;
import org.tribuo.Trainer;

import java.util.EnumSet;
import java.util.Map;

/**
 * The PCA baseline of the domain-adaptation tables ("PCA+1NN" in Long et al., ICCV 2013): principal components of
 * the pooled source and target training samples, no adaptation of the distributions, and the inner learner on the
 * components. With {@code k = 100} on z-scored Office-Caltech SURF features and a 1-NN inner learner it reproduces
 * the published PCA column exactly.
 *
 * @param <T> output type
 * @see PrincipalComponents
 */
public final class PcaStrategy<T extends Output<T>> extends MappingStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("pca", null,
            EnumSet.of(Setting.TRANSDUCTIVE), "feature-transfer", TransferTask.DATA_KIND,
            "No-adaptation baseline: PCA of pooled source and target samples, inner learner on the components");

    @Config(description = "Number of principal components k (fewer when the data have lower rank)")
    private int k = 100;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private PcaStrategy() {
    }

    /** A PCA baseline with {@code k = 100} and the given inner learner. */
    public PcaStrategy(Trainer<T> inner) {
        super(inner);
    }

    /** A PCA baseline with {@code k} components. */
    public PcaStrategy(Trainer<T> inner, int k) {
        super(inner);
        this.k = k;
        postConfig();
    }

    /** Validates the settings. */
    @Override
    public void postConfig() {
        if (k < 1) {
            throw new IllegalArgumentException("Invalid number of principal components k: " + k
                    + " (must be at least 1)");
        }
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected TransferModel<T> fitTask(TransferTask<T> task, long seed) {
        TaskMatrices<T> data = TaskMatrices.of(task);
        DMatrixRMaj src = data.source();
        PrincipalComponents pc = PrincipalComponents.fit(TaskMatrices.stackRows(src, data.target()), k);
        LinearMap map = pc.map();
        FeatureSpace out = ExampleMapping.outputSpace("pca", pc.components());
        Map<String, Provenance> extra = Map.of("components", new IntProvenance("components", pc.components()));
        return finish(task, seed, data, map.applyRows(src), map.applyRows(data.targetLabelled()), out,
                new ExampleMapping(task.featureSpace(), out, map), extra);
    }

    /** Registers {@code pca}. */
    /** Registers the strategy. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.anyOf(PcaStrategy::new));
        }
    }
}
