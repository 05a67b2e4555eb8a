package org.tl4j.core.synthetic;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.TransferTask;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gaussian covariate shift for binary classification, with the true density ratio available.
 * <p>
 * Source inputs are drawn from {@code N(0, σ_s² I_d)}, target inputs from {@code N(μ_t, σ_t² I_d)} with
 * {@code μ_t = (shift, 0, …, 0)}; the labelling rule {@code p(y|x)} is the same in both domains (covariate shift,
 * Shimodaira 2000): {@code y = pos} iff {@code x_1 > g(x_0)}, flipped with probability {@code labelNoise}. With
 * {@link Boundary#LINEAR}, {@code g(x_0) = 2x_0 − 2} and a linear learner is well specified, so plentiful source
 * data help; with {@link Boundary#QUADRATIC}, {@code g(x_0) = x_0² − 1} (whose tangent at the target mean is the
 * linear rule), a linear learner is misspecified and the source region pulls it away from the target's boundary,
 * which is the case importance weighting addresses. {@link #densityRatio(double[])} returns
 * {@code p_t(x)/p_s(x)} exactly.
 */
public final class GaussianCovariateShift extends SyntheticGenerator<Label> {

    /** The labelling rule. */
    public enum Boundary { LINEAR, QUADRATIC }

    /** Label of the positive class. */
    public static final Label POS = new Label("pos");
    /** Label of the negative class. */
    public static final Label NEG = new Label("neg");

    private final Boundary boundary;
    private final int dim;
    private final double shift;
    private final double sourceStd;
    private final double targetStd;
    private final double labelNoise;
    private final int nSource;
    private final int nTargetTrain;
    private final int nTargetUnlabelled;
    private final int nTest;
    private final FeatureSpace space;

    /**
     * The suite's defaults: d = 2, shift 1, σ_s = 1, σ_t = 0.6, 5 % label noise, 400 source, 10 labelled and
     * 400 unlabelled target examples, 1,000 test examples.
     */
    public GaussianCovariateShift(Boundary boundary) {
        this(boundary, 2, 1.0, 1.0, 0.6, 0.05, 400, 10, 400, 1000);
    }

    /**
     * @param boundary          the labelling rule
     * @param dim               input dimension d ≥ 2 (dimensions beyond the first two carry no signal)
     * @param shift             target mean along the first axis
     * @param sourceStd         σ_s &gt; 0
     * @param targetStd         σ_t &gt; 0
     * @param labelNoise        label flip probability in [0, 0.5)
     * @param nSource           source examples ≥ 2
     * @param nTargetTrain      labelled target examples ≥ 0
     * @param nTargetUnlabelled unlabelled target examples ≥ 0
     * @param nTest             target test examples ≥ 1
     */
    public GaussianCovariateShift(Boundary boundary, int dim, double shift, double sourceStd, double targetStd,
                                  double labelNoise, int nSource, int nTargetTrain, int nTargetUnlabelled, int nTest) {
        this.boundary = boundary;
        this.dim = checkSize("dimension", dim, 2);
        if (!Double.isFinite(shift)) {
            throw new IllegalArgumentException("Invalid shift: " + shift + " (must be finite)");
        }
        if (!(sourceStd > 0) || !(targetStd > 0) || Double.isInfinite(sourceStd) || Double.isInfinite(targetStd)) {
            throw new IllegalArgumentException("Invalid standard deviations: " + sourceStd + ", " + targetStd
                    + " (must be finite and > 0)");
        }
        this.shift = shift;
        this.sourceStd = sourceStd;
        this.targetStd = targetStd;
        this.labelNoise = checkProbability("label noise", labelNoise);
        this.nSource = checkSize("source size", nSource, 2);
        this.nTargetTrain = checkSize("labelled target size", nTargetTrain, 0);
        this.nTargetUnlabelled = checkSize("unlabelled target size", nTargetUnlabelled, 0);
        this.nTest = checkSize("test size", nTest, 1);
        this.space = FeatureSpace.indexed("x", dim);
    }

    @Override
    public String name() {
        return "gaussian-shift-" + boundary.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String description() {
        return "Gaussian covariate shift (" + boundary.name().toLowerCase(Locale.ROOT) + " boundary): source N(0,"
                + sourceStd + "²I), target N((" + shift + ",0..)," + targetStd + "²I), " + nTargetTrain
                + " labelled target examples";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("boundary", boundary.name());
        p.put("dim", Integer.toString(dim));
        p.put("shift", Double.toString(shift));
        p.put("sourceStd", Double.toString(sourceStd));
        p.put("targetStd", Double.toString(targetStd));
        p.put("labelNoise", Double.toString(labelNoise));
        p.put("nSource", Integer.toString(nSource));
        p.put("nTargetTrain", Integer.toString(nTargetTrain));
        p.put("nTargetUnlabelled", Integer.toString(nTargetUnlabelled));
        p.put("nTest", Integer.toString(nTest));
        return p;
    }

    @Override
    public TransferTask<Label> generate(long seed) {
        LabelFactory f = new LabelFactory();
        return TransferTask.builder(name(), f)
                .description(description())
                .source(sample("source", "source", seed, sourceMean(), sourceStd, nSource, true))
                .targetName("target")
                .targetTrain(sample("target-train", "target-train", seed, targetMean(), targetStd, nTargetTrain, true))
                .targetUnlabelled(sample("target-unlabelled", "target-unlabelled", seed, targetMean(), targetStd,
                        nTargetUnlabelled, false))
                .targetTest(sample("target-test", "target-test", seed, targetMean(), targetStd, nTest, true))
                .build();
    }

    /** The source mean (the origin). */
    public double[] sourceMean() {
        return new double[dim];
    }

    /** The target mean {@code (shift, 0, …, 0)}. */
    public double[] targetMean() {
        double[] m = new double[dim];
        m[0] = shift;
        return m;
    }

    /** The source density {@code p_s(x)}. */
    public double sourceDensity(double[] x) {
        return Math.exp(logDensity(x, sourceMean(), sourceStd));
    }

    /** The target density {@code p_t(x)}. */
    public double targetDensity(double[] x) {
        return Math.exp(logDensity(x, targetMean(), targetStd));
    }

    /** The true importance weight {@code p_t(x)/p_s(x)}, computed in log space. */
    public double densityRatio(double[] x) {
        return Math.exp(logDensity(x, targetMean(), targetStd) - logDensity(x, sourceMean(), sourceStd));
    }

    /** The noise-free label of {@code x}. */
    public Label cleanLabel(double[] x) {
        double g = boundary == Boundary.LINEAR ? 2 * x[0] - 2 : x[0] * x[0] - 1;
        return x[1] > g ? POS : NEG;
    }

    private double logDensity(double[] x, double[] mean, double std) {
        if (x.length != dim) {
            throw new IllegalArgumentException("Expected a point of dimension " + dim + ", found " + x.length);
        }
        double s = 0;
        for (int j = 0; j < dim; j++) {
            double z = (x[j] - mean[j]) / std;
            s += z * z;
        }
        return -0.5 * s - dim * Math.log(std) - 0.5 * dim * Math.log(2 * Math.PI);
    }

    private org.tl4j.core.Domain<Label> sample(String domainName, String role, long seed, double[] mean, double std,
                                               int n, boolean labelled) {
        UniformRandomProvider rng = stream(seed, role);
        ZigguratSampler.NormalizedGaussian g = gaussian(rng);
        double[][] x = new double[n][dim];
        List<Label> y = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                x[i][j] = mean[j] + std * g.sample();
            }
            Label clean = cleanLabel(x[i]);
            boolean flip = rng.nextDouble() < labelNoise;
            y.add(labelled ? (flip ? (clean == POS ? NEG : POS) : clean) : LabelFactory.UNKNOWN_LABEL);
        }
        return domain(domainName, role, seed, new LabelFactory(), space, x, y);
    }
}
