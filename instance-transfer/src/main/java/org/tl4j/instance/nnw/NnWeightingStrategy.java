package org.tl4j.instance.nnw;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.Approach;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferTask;
import org.tl4j.instance.ImportanceWeightingStrategy;
import org.tribuo.Output;
import org.tribuo.Trainer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nearest-neighbour weighting as a strategy: each source example is weighted by the number of target points in
 * its Voronoi cell (Loog, MLSP 2012).
 *
 * @see NearestNeighbourWeighting
 */
public final class NnWeightingStrategy<T extends Output<T>> extends ImportanceWeightingStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("nn-weighting", Approach.INSTANCE,
            SETTINGS, "instance-transfer", TransferTask.DATA_KIND,
            "Nearest-neighbour weighting (Loog 2012): target points per source Voronoi cell, Laplace-smoothed");

    @Config(description = "Laplace smoothing added to every cell count (Loog uses 1)")
    private double smoothing = 1.0;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private NnWeightingStrategy() {
    }

    /** The strategy with smoothing 1 and the given inner learner. */
    public NnWeightingStrategy(Trainer<T> inner) {
        super(inner);
    }

    @Override
    public void postConfig() {
        super.postConfig();
        if (!(smoothing >= 0) || Double.isInfinite(smoothing)) {
            throw new PropertyException("", "smoothing", "Invalid smoothing: " + smoothing + " (must be finite and >= 0)");
        }
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected Estimate estimate(DMatrixRMaj source, DMatrixRMaj target, long seed) {
        NearestNeighbourWeighting.Result r = NearestNeighbourWeighting.fit(source, target, smoothing);
        Map<String, Provenance> p = new LinkedHashMap<>();
        p.put("nn-weighting.smoothing", new DoubleProvenance("nn-weighting.smoothing", smoothing));
        return new Estimate(r.weights(), p);
    }

    /** Provides {@code nn-weighting}. */
    /** Registers the strategy. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.anyOf(NnWeightingStrategy::new));
        }
    }
}
