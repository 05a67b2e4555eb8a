package org.tl4j.instance.ulsif;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.instance.ImportanceWeightingStrategy;
import org.tribuo.Output;
import org.tribuo.Trainer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared part of {@link ULsifStrategy} and {@link RuLsifStrategy}: settings and provenance of a
 * {@link ULsif} fit with relative parameter {@link #alpha()}.
 */
abstract class LsifStrategy<T extends Output<T>> extends ImportanceWeightingStrategy<T> {

    @Config(description = "Gaussian kernel width; 0 chooses it by closed-form leave-one-out")
    protected double sigma = 0;

    @Config(description = "Regularisation lambda; 0 chooses it by closed-form leave-one-out")
    protected double lambda = 0;

    @Config(description = "Number of kernel centres (target points)")
    protected int centres = 100;

    LsifStrategy() {
    }

    LsifStrategy(Trainer<T> inner) {
        super(inner);
    }

    /** The relative parameter (0 for uLSIF). */
    abstract double alpha();

    @Override
    public void postConfig() {
        super.postConfig();
        try {
            options();
        } catch (IllegalArgumentException e) {
            throw new PropertyException(e, "", descriptor().name(), e.getMessage());
        }
    }

    ULsif.Options options() {
        ULsif.Options d = ULsif.Options.defaults(alpha());
        return new ULsif.Options(alpha(), sigma > 0 ? sigma : Double.NaN, lambda > 0 ? lambda : Double.NaN,
                d.widthMultipliers(), d.lambdas(), centres);
    }

    @Override
    protected Estimate estimate(DMatrixRMaj source, DMatrixRMaj target, long seed) {
        ULsif.Result r = ULsif.fit(source, target, options(), seed);
        String n = descriptor().name();
        Map<String, Provenance> p = new LinkedHashMap<>();
        p.put(n + ".sigma", new DoubleProvenance(n + ".sigma", r.sigma()));
        p.put(n + ".lambda", new DoubleProvenance(n + ".lambda", r.lambda()));
        p.put(n + ".loo-score", new DoubleProvenance(n + ".loo-score", r.looScore()));
        p.put(n + ".alpha", new DoubleProvenance(n + ".alpha", r.alpha()));
        return new Estimate(r.weights(), p);
    }
}
