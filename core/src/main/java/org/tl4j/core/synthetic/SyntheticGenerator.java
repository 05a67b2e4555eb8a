package org.tl4j.core.synthetic;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.tl4j.core.Domain;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.TransferTask;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.math.Vectors;
import org.tribuo.Output;
import org.tribuo.OutputFactory;

import java.util.List;
import java.util.Map;

/**
 * A seeded source of synthetic transfer tasks with known ground truth. The same seed gives the same task, bit for
 * bit; each domain is drawn from its own stream derived from the seed, and every domain's provenance records the
 * generator, its parameters, the seed and the domain's role.
 *
 * @param <T> output type
 */
public abstract class SyntheticGenerator<T extends Output<T>> {

    /** The task name, e.g. {@code rotated-moons-30}. */
    public abstract String name();

    /** What the task is, in one sentence. */
    public abstract String description();

    /** The generator parameters, for provenance. */
    public abstract Map<String, String> parameters();

    /** Draws the task for {@code seed}. */
    public abstract TransferTask<T> generate(long seed);

    /** A domain whose provenance names this generator, the role and the seed. */
    protected Domain<T> domain(String domainName, String role, long seed, OutputFactory<T> factory, FeatureSpace space,
                               double[][] x, List<T> y) {
        GeneratedDataProvenance prov = new GeneratedDataProvenance(name(), role, seed, parameters(), factory);
        return Domain.fromArrays(domainName, factory, space, x, y, prov);
    }

    /** The random stream of one role, derived from the task seed. */
    protected static UniformRandomProvider stream(long seed, String role) {
        return Seeds.rng(Seeds.derive(seed, role));
    }

    /** A standard normal sampler on {@code rng}. */
    protected static ZigguratSampler.NormalizedGaussian gaussian(UniformRandomProvider rng) {
        return ZigguratSampler.NormalizedGaussian.of(rng);
    }

    /** {@code n} independent standard normal draws from {@code g}. */
    protected static double[] gaussianVector(ZigguratSampler.NormalizedGaussian g, int n) {
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = g.sample();
        }
        return v;
    }

    /**
     * A standard normal direction orthogonal to {@code w}: a draw {@code u} from {@code g} minus its projection
     * {@code (u·w / w·w) w}, drawn again while its norm is below {@code 1e-9}. Not normalised.
     */
    protected static double[] orthogonalGaussian(double[] w, ZigguratSampler.NormalizedGaussian g) {
        double ww = Vectors.dot(w, w);
        double[] u;
        double norm;
        do {
            u = gaussianVector(g, w.length);
            double p = Vectors.dot(u, w) / ww;
            for (int j = 0; j < w.length; j++) {
                u[j] -= p * w[j];
            }
            norm = Math.sqrt(Vectors.dot(u, u));
        } while (norm < 1e-9);
        return u;
    }

    /** Checks a sample size. */
    protected static int checkSize(String what, int n, int min) {
        if (n < min) {
            throw new IllegalArgumentException("Invalid " + what + ": " + n + " (must be at least " + min + ")");
        }
        return n;
    }

    /** Checks a probability. */
    protected static double checkProbability(String what, double p) {
        if (!(p >= 0 && p < 0.5)) {
            throw new IllegalArgumentException("Invalid " + what + ": " + p + " (must be in [0, 0.5))");
        }
        return p;
    }
}
