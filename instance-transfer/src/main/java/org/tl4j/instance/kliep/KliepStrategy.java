package org.tl4j.instance.kliep;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.Approach;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferTask;
import org.tl4j.instance.ImportanceWeightingStrategy;
import org.tribuo.Output;
import org.tribuo.Trainer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * KLIEP as a strategy: the {@link Kliep} density-ratio estimates at the source examples weight the inner learner
 * (Sugiyama et al., NIPS 2007 / AISM 2008), the kernel width chosen by likelihood cross-validation.
 *
 * @see Kliep
 */
public final class KliepStrategy<T extends Output<T>> extends ImportanceWeightingStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("kliep", Approach.INSTANCE, SETTINGS,
            "instance-transfer", TransferTask.DATA_KIND,
            "KLIEP (Sugiyama et al. 2008): KL-optimal kernel density ratio, width by likelihood cross-validation");

    @Config(description = "Gaussian kernel width; 0 chooses it by likelihood cross-validation")
    private double sigma = 0;

    @Config(description = "Number of kernel centres (target points)")
    private int centres = 100;

    @Config(description = "Folds of the likelihood cross-validation")
    private int folds = 5;

    @Config(description = "Optimality gap of the EM fit, in nats per target point")
    private double tolerance = 1e-6;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private KliepStrategy() {
    }

    /** KLIEP with default settings and the given inner learner. */
    public KliepStrategy(Trainer<T> inner) {
        super(inner);
    }

    @Override
    public void postConfig() {
        super.postConfig();
        try {
            options();
        } catch (IllegalArgumentException e) {
            throw new PropertyException(e, "", "kliep", e.getMessage());
        }
    }

    private Kliep.Options options() {
        Kliep.Options d = Kliep.Options.defaults();
        return new Kliep.Options(sigma > 0 ? sigma : Double.NaN, d.widthMultipliers(), centres, folds, tolerance,
                d.maxIterations());
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected Estimate estimate(DMatrixRMaj source, DMatrixRMaj target, long seed) {
        Kliep.Result r = Kliep.fit(source, target, options(), seed);
        Map<String, Provenance> p = new LinkedHashMap<>();
        p.put("kliep.sigma", new DoubleProvenance("kliep.sigma", r.sigma()));
        p.put("kliep.cv-widths", new StringProvenance("kliep.cv-widths", Arrays.toString(r.candidates())));
        p.put("kliep.cv-scores", new StringProvenance("kliep.cv-scores", Arrays.toString(r.cvScores())));
        p.put("kliep.log-likelihood", new DoubleProvenance("kliep.log-likelihood", r.logLikelihood()));
        p.put("kliep.gap", new DoubleProvenance("kliep.gap", r.gap()));
        p.put("kliep.iterations", new IntProvenance("kliep.iterations", r.iterations()));
        return new Estimate(r.weights(), p);
    }

    /** Provides {@code kliep}. */
    /** Registers the strategy. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.anyOf(KliepStrategy::new));
        }
    }
}
