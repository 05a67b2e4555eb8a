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
import org.tl4j.feature.mapping.ClassIndex;
import org.tl4j.feature.mapping.ExampleMapping;
import org.tl4j.feature.mapping.MappingStrategy;
import org.tl4j.feature.mapping.TaskMatrices;
import org.tl4j.feature.mmd.EmbeddingKernel;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Semi-supervised TCA as a strategy: {@link SemiSupervisedTca} with the source labels (and any labelled target
 * samples) in the label kernel and every training sample in the manifold graph. Classification only.
 * <p>
 * Options: {@code k}, {@code mu}, {@code kernel} ({@code primal|linear|rbf}; the pencil is solved densely,
 * {@code O(d³)} for primal and {@code O(n³)} for the kernels), {@code gamma}, {@code labelWeight} (γ),
 * {@code manifold} (λ) and {@code neighbours}.
 *
 * @see TcaStrategy
 */
public final class SstcaStrategy extends MappingStrategy<Label> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("sstca", Approach.FEATURE_REPRESENTATION,
            EnumSet.of(Setting.TRANSDUCTIVE), "feature-transfer", TransferTask.DATA_KIND,
            "Semi-supervised TCA (Pan et al. 2011): TCA plus label dependence and manifold regularisation");

    @Config(description = "Number of components k")
    private int k = 100;

    @Config(description = "Regulariser mu > 0 of the components")
    private double mu = 1.0;

    @Config(description = "Kernel: primal (d x d pencil), linear or rbf (n x n pencil)")
    private EmbeddingKernel kernel = EmbeddingKernel.PRIMAL;

    @Config(description = "RBF kernel inverse width gamma > 0")
    private double gamma = 1.0;

    @Config(description = "Weight gamma in [0,1] of the label kernel against the identity")
    private double labelWeight = 0.5;

    @Config(description = "Weight lambda >= 0 of the manifold (graph Laplacian) regulariser")
    private double manifold = 1e-3;

    @Config(description = "Neighbours of the graph behind the manifold regulariser")
    private int neighbours = 5;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private SstcaStrategy() {
    }

    /** SSTCA with the default settings and the given inner learner. */
    public SstcaStrategy(Trainer<Label> inner) {
        super(inner);
    }

    /** Validates the settings. */
    @Override
    public void postConfig() {
        options();
    }

    private SemiSupervisedTca.Options options() {
        return new SemiSupervisedTca.Options(k, mu, kernel, gamma, labelWeight, manifold, neighbours);
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected TransferModel<Label> fitTask(TransferTask<Label> task, long seed) {
        TaskMatrices<Label> data = TaskMatrices.of(task);
        List<Label> labelled = new ArrayList<>(data.sourceOutputs());
        labelled.addAll(data.targetOutputs());
        ClassIndex classes = ClassIndex.of(labelled);
        DMatrixRMaj labelledRows = TaskMatrices.stackRows(data.source(), data.targetLabelled());
        SemiSupervisedTca.Result r = SemiSupervisedTca.fit(labelledRows, classes.ids(labelled), data.sourceSize(),
                data.targetUnlabelled(), options());
        int used = r.eigenvalues().length;
        FeatureSpace out = ExampleMapping.outputSpace("sstca", used);
        int ns = data.sourceSize();
        Map<String, Provenance> extra = Map.of("components", new IntProvenance("components", used));
        return finish(task, seed, data, TaskMatrices.rows(r.embedding(), 0, ns),
                TaskMatrices.rows(r.embedding(), ns, ns + data.targetLabelledSize()), out,
                new ExampleMapping(task.featureSpace(), out, r.map()), extra);
    }

    /** Registers {@code sstca}. */
    /** Registers the strategy. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.labels(SstcaStrategy::new));
        }
    }
}
