package org.tl4j.feature.gfk;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.Approach;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferTask;
import org.tl4j.feature.mapping.ExampleMapping;
import org.tl4j.feature.mapping.MappingStrategy;
import org.tl4j.feature.mapping.TaskMatrices;
import org.tribuo.Output;
import org.tribuo.Trainer;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The geodesic flow kernel as a strategy: every sample is mapped by a square-root factor of the kernel, so the inner
 * learner works with the GFK geometry (a 1-NN inner learner is the paper's kernel nearest neighbour). The subspace
 * dimension is chosen by the subspace disagreement measure ({@code dimension = 0}, the default) or given.
 * <p>
 * Options: {@code dimension} (0 = chosen by the subspace disagreement measure) and {@code maxDimension} (the
 * largest dimension the measure considers, capped at half the number of features; 200 by default, the released
 * code's suggestion for large feature spaces).
 *
 * @param <T> output type
 * @see GeodesicFlowKernel
 */
public final class GfkStrategy<T extends Output<T>> extends MappingStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("gfk", Approach.FEATURE_REPRESENTATION,
            EnumSet.of(Setting.TRANSDUCTIVE), "feature-transfer", TransferTask.DATA_KIND,
            "Geodesic Flow Kernel (Gong et al. 2012): all subspaces on the geodesic from source to target PCA subspace");

    @Config(description = "Subspace dimension d; 0 chooses it by the subspace disagreement measure")
    private int dimension = 0;

    @Config(description = "Largest dimension the subspace disagreement measure considers")
    private int maxDimension = 200;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private GfkStrategy() {
    }

    /** GFK with the dimension chosen by the subspace disagreement measure. */
    public GfkStrategy(Trainer<T> inner) {
        super(inner);
    }

    /** GFK with dimension {@code d} (0: chosen by the subspace disagreement measure). */
    public GfkStrategy(Trainer<T> inner, int dimension) {
        super(inner);
        this.dimension = dimension;
        postConfig();
    }

    /** Validates the settings. */
    @Override
    public void postConfig() {
        if (dimension < 0) {
            throw new IllegalArgumentException("Invalid GFK dimension: " + dimension
                    + " (must be positive, or 0 to choose it by the subspace disagreement measure)");
        }
        if (maxDimension < 1) {
            throw new IllegalArgumentException("Invalid GFK maxDimension: " + maxDimension + " (must be at least 1)");
        }
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public String whyNotApplicable(TransferProblem<?> problem) {
        String why = super.whyNotApplicable(problem);
        if (why == null && ((TransferTask<?>) problem).featureSpace().size() < 2) {
            why = "gfk needs at least two features (its subspaces have at most half the feature dimension); problem '"
                    + problem.name() + "' has " + ((TransferTask<?>) problem).featureSpace().size();
        }
        return why;
    }

    @Override
    protected TransferModel<T> fitTask(TransferTask<T> task, long seed) {
        TaskMatrices<T> data = TaskMatrices.of(task);
        int cap = Math.min(data.dimension() / 2, Math.min(data.sourceSize() - 1, data.targetSize() - 1));
        if (cap < 1) {
            throw new IllegalArgumentException("gfk needs at least two features and two source and two target samples; "
                    + "task '" + task.name() + "' has " + data.dimension() + " features, " + data.sourceSize()
                    + " source and " + data.targetSize() + " target samples");
        }
        int d;
        String rule;
        if (dimension == 0) {
            d = GeodesicFlowKernel.selectDimension(data.source(), data.target(), Math.min(maxDimension, cap));
            rule = "subspace disagreement measure";
        } else {
            d = Math.min(dimension, cap);
            rule = d == dimension ? "given" : "given, capped at " + cap;
        }
        GeodesicFlowKernel.Fitted g = GeodesicFlowKernel.fit(data.source(), data.target(), d);
        FeatureSpace out = ExampleMapping.outputSpace("gfk", g.factor().outputDimension());
        Map<String, Provenance> extra = new LinkedHashMap<>();
        extra.put("dimension", new IntProvenance("dimension", d));
        extra.put("dimension-rule", new StringProvenance("dimension-rule", rule));
        return finish(task, seed, data, g.factor().applyRows(data.source()), g.factor().applyRows(data.targetLabelled()),
                out, new ExampleMapping(task.featureSpace(), out, g.factor()), extra);
    }

    /** Registers {@code gfk}. */
    /** Registers the strategy. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.anyOf(GfkStrategy::new));
        }
    }
}
