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
import java.util.Locale;
import java.util.Map;

/**
 * Sources on which naive transfer must hurt: the negative-transfer checks of tl4j.
 * <p>
 * The target concept is {@code y = pos} iff {@code w·x > 0} with {@code x ~ N(0, I_d)} and {@code w} drawn with the
 * seed, labels flipped with probability {@code labelNoise}. The source has the same inputs but
 * {@link Mode#FLIPPED_LABELS} labels every example with the opposite class, while {@link Mode#UNRELATED_CONCEPT}
 * labels it with an independent concept {@code w'} orthogonal to {@code w}. With many more source than target labels,
 * pooling source and target data learns the source's concept and does worse than the target alone.
 */
public final class AdversarialSource extends SyntheticGenerator<Label> {

    /** How the source contradicts the target. */
    public enum Mode { FLIPPED_LABELS, UNRELATED_CONCEPT }

    private final Mode mode;
    private final int dim;
    private final double labelNoise;
    private final int nSource;
    private final int nTargetTrain;
    private final int nTest;
    private final FeatureSpace space;

    /** d = 5, 5 % label noise, 1,000 source, 40 labelled target and 1,000 test examples. */
    public AdversarialSource(Mode mode) {
        this(mode, 5, 0.05, 1000, 40, 1000);
    }

    /**
     * @param mode         how the source contradicts the target
     * @param dim          input dimension ≥ 2
     * @param labelNoise   label flip probability in [0, 0.5)
     * @param nSource      source examples ≥ 2
     * @param nTargetTrain labelled target examples ≥ 2
     * @param nTest        test examples ≥ 1
     */
    public AdversarialSource(Mode mode, int dim, double labelNoise, int nSource, int nTargetTrain, int nTest) {
        this.mode = mode;
        this.dim = checkSize("dimension", dim, 2);
        this.labelNoise = checkProbability("label noise", labelNoise);
        this.nSource = checkSize("source size", nSource, 2);
        this.nTargetTrain = checkSize("labelled target size", nTargetTrain, 2);
        this.nTest = checkSize("test size", nTest, 1);
        this.space = FeatureSpace.indexed("x", dim);
    }

    @Override
    public String name() {
        return "adversarial-" + mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String description() {
        return (mode == Mode.FLIPPED_LABELS ? "Adversarial source with flipped labels" : "Adversarial source with an unrelated concept")
                + ": " + nSource + " source vs " + nTargetTrain + " labelled target examples, d=" + dim;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("mode", mode.name());
        p.put("dim", Integer.toString(dim));
        p.put("labelNoise", Double.toString(labelNoise));
        p.put("nSource", Integer.toString(nSource));
        p.put("nTargetTrain", Integer.toString(nTargetTrain));
        p.put("nTest", Integer.toString(nTest));
        return p;
    }

    /** The target concept's weights for {@code seed}. */
    public double[] targetConcept(long seed) {
        return gaussianVector(gaussian(stream(seed, "concept")), dim);
    }

    /** The source concept's weights for {@code seed}: {@code −w}, or a unit vector orthogonal to {@code w}. */
    public double[] sourceConcept(long seed) {
        double[] w = targetConcept(seed);
        if (mode == Mode.FLIPPED_LABELS) {
            double[] m = new double[dim];
            for (int j = 0; j < dim; j++) {
                m[j] = -w[j];
            }
            return m;
        }
        double[] u = orthogonalGaussian(w, gaussian(stream(seed, "unrelated-concept")));
        double norm = Math.sqrt(Vectors.dot(u, u));
        for (int j = 0; j < dim; j++) {
            u[j] /= norm;
        }
        return u;
    }

    @Override
    public TransferTask<Label> generate(long seed) {
        double[] wt = targetConcept(seed);
        double[] ws = sourceConcept(seed);
        return TransferTask.builder(name(), new LabelFactory())
                .description(description())
                .source(sample("source", seed, ws, nSource))
                .targetName("target")
                .targetTrain(sample("target-train", seed, wt, nTargetTrain))
                .targetTest(sample("target-test", seed, wt, nTest))
                .build();
    }

    private Domain<Label> sample(String role, long seed, double[] w, int n) {
        UniformRandomProvider rng = stream(seed, role);
        ZigguratSampler.NormalizedGaussian g = gaussian(rng);
        double[][] x = new double[n][];
        List<Label> y = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            x[i] = gaussianVector(g, dim);
            boolean pos = Vectors.dot(w, x[i]) > 0;
            if (rng.nextDouble() < labelNoise) {
                pos = !pos;
            }
            y.add(pos ? GaussianCovariateShift.POS : GaussianCovariateShift.NEG);
        }
        return domain(role, role, seed, new LabelFactory(), space, x, y);
    }
}
