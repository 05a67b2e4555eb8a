package org.tl4j.core.synthetic;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.tl4j.core.Domain;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.TransferTask;
import org.tl4j.core.math.Vectors;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source that is partly helpful and partly misleading: the test bed of instance selection by boosting
 * (TrAdaBoost). Inputs are {@code N(0, I_d)} in both domains; the target concept is {@code y = pos} iff
 * {@code w·x > 0} with a unit {@code w} drawn with the seed. A fraction {@code 1 − misleadingFraction} of the source
 * follows the target concept; the rest is labelled by {@code w'}, the target concept rotated by {@code angle}
 * degrees (towards a random orthogonal direction). Labels flip with probability {@code labelNoise}. With few
 * labelled target examples, the target alone is noisy, pooling learns a compromise between {@code w} and
 * {@code w'}, and a method that finds and drops the misleading source examples can beat both.
 * {@link #isMisleading(long)} tells which source rows are misleading.
 */
public final class PartlyMisleadingSource extends SyntheticGenerator<Label> {

    private final int dim;
    private final double misleadingFraction;
    private final double angleDegrees;
    private final double labelNoise;
    private final int nSource;
    private final int nTargetTrain;
    private final int nTest;
    private final FeatureSpace space;

    /**
     * d = 5, 40 % of the source misleading at 90°, 5 % label noise, 600 source, 10 labelled target and 1,000 test
     * examples.
     */
    public PartlyMisleadingSource() {
        this(5, 0.4, 90, 0.05, 600, 10, 1000);
    }

    /**
     * @param dim                input dimension ≥ 2
     * @param misleadingFraction fraction of source examples labelled by the rotated concept, in [0, 1]
     * @param angleDegrees       rotation of the misleading concept
     * @param labelNoise         label flip probability in [0, 0.5)
     * @param nSource            source examples ≥ 2
     * @param nTargetTrain       labelled target examples ≥ 1
     * @param nTest              test examples ≥ 1
     */
    public PartlyMisleadingSource(int dim, double misleadingFraction, double angleDegrees, double labelNoise,
                                  int nSource, int nTargetTrain, int nTest) {
        this.dim = checkSize("dimension", dim, 2);
        if (!(misleadingFraction >= 0 && misleadingFraction <= 1)) {
            throw new IllegalArgumentException("Invalid misleading fraction: " + misleadingFraction + " (must be in [0, 1])");
        }
        if (!Double.isFinite(angleDegrees)) {
            throw new IllegalArgumentException("Invalid angle: " + angleDegrees + " (must be finite)");
        }
        this.misleadingFraction = misleadingFraction;
        this.angleDegrees = angleDegrees;
        this.labelNoise = checkProbability("label noise", labelNoise);
        this.nSource = checkSize("source size", nSource, 2);
        this.nTargetTrain = checkSize("labelled target size", nTargetTrain, 1);
        this.nTest = checkSize("test size", nTest, 1);
        this.space = FeatureSpace.indexed("x", dim);
    }

    @Override
    public String name() {
        return "partly-misleading-source";
    }

    @Override
    public String description() {
        return "Source with " + Math.round(100 * misleadingFraction) + "% of examples labelled by the target concept "
                + "rotated " + angleDegrees + " degrees: " + nSource + " source vs " + nTargetTrain
                + " labelled target examples, d=" + dim;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("dim", Integer.toString(dim));
        p.put("misleadingFraction", Double.toString(misleadingFraction));
        p.put("angleDegrees", Double.toString(angleDegrees));
        p.put("labelNoise", Double.toString(labelNoise));
        p.put("nSource", Integer.toString(nSource));
        p.put("nTargetTrain", Integer.toString(nTargetTrain));
        p.put("nTest", Integer.toString(nTest));
        return p;
    }

    /** The unit target concept of the draw with {@code seed}. */
    public double[] targetConcept(long seed) {
        double[] w = gaussianVector(stream(seed, "concept"));
        scale(w, 1 / Math.sqrt(Vectors.dot(w, w)));
        return w;
    }

    /** The misleading concept: the target concept rotated by the angle. */
    public double[] misleadingConcept(long seed) {
        double[] w = targetConcept(seed);
        double[] u;
        double norm;
        UniformRandomProvider rng = stream(seed, "rotation");
        do {
            u = gaussianVector(rng);
            double p = Vectors.dot(u, w);
            for (int j = 0; j < dim; j++) {
                u[j] -= p * w[j];
            }
            norm = Math.sqrt(Vectors.dot(u, u));
        } while (norm < 1e-9);
        double a = Math.toRadians(angleDegrees);
        double[] r = new double[dim];
        for (int j = 0; j < dim; j++) {
            r[j] = Math.cos(a) * w[j] + Math.sin(a) * u[j] / norm;
        }
        return r;
    }

    /** Which source rows of the draw with {@code seed} are labelled by the misleading concept. */
    public boolean[] isMisleading(long seed) {
        boolean[] out = new boolean[nSource];
        int count = (int) Math.round(misleadingFraction * nSource);
        for (int i = 0; i < count; i++) {
            out[i] = true;
        }
        return out;
    }

    @Override
    public TransferTask<Label> generate(long seed) {
        double[] wt = targetConcept(seed);
        double[] wm = misleadingConcept(seed);
        boolean[] mis = isMisleading(seed);
        UniformRandomProvider rng = stream(seed, "source");
        ZigguratSampler.NormalizedGaussian g = gaussian(rng);
        double[][] x = new double[nSource][];
        List<Label> y = new ArrayList<>(nSource);
        for (int i = 0; i < nSource; i++) {
            x[i] = sample(g);
            y.add(label(mis[i] ? wm : wt, x[i], rng));
        }
        Domain<Label> source = domain("source", "source", seed, new LabelFactory(), space, x, y);
        return TransferTask.builder(name(), new LabelFactory())
                .description(description())
                .source(source)
                .targetName("target")
                .targetTrain(targetSample("target-train", seed, wt, nTargetTrain))
                .targetTest(targetSample("target-test", seed, wt, nTest))
                .build();
    }

    private Domain<Label> targetSample(String role, long seed, double[] w, int n) {
        UniformRandomProvider rng = stream(seed, role);
        ZigguratSampler.NormalizedGaussian g = gaussian(rng);
        double[][] x = new double[n][];
        List<Label> y = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            x[i] = sample(g);
            y.add(label(w, x[i], rng));
        }
        return domain(role, role, seed, new LabelFactory(), space, x, y);
    }

    private double[] sample(ZigguratSampler.NormalizedGaussian g) {
        return gaussianVector(g, dim);
    }

    private Label label(double[] w, double[] x, UniformRandomProvider rng) {
        boolean pos = Vectors.dot(w, x) > 0;
        if (rng.nextDouble() < labelNoise) {
            pos = !pos;
        }
        return pos ? GaussianCovariateShift.POS : GaussianCovariateShift.NEG;
    }

    private double[] gaussianVector(UniformRandomProvider rng) {
        return sample(gaussian(rng));
    }

    private static void scale(double[] v, double s) {
        for (int j = 0; j < v.length; j++) {
            v[j] *= s;
        }
    }
}
