package org.tl4j.core.synthetic;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.tl4j.core.Domain;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.TransferTask;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two interleaving half-moons whose target domain is the source rotated by a given angle: a feature-space shift in
 * which the conditional {@code p(y|x)} changes with the input space, the classic test bed of feature-representation
 * transfer.
 * <p>
 * Class {@code upper} lies on {@code (cos t, sin t)}, class {@code lower} on {@code (1 − cos t, 0.5 − sin t)},
 * {@code t ~ U[0, π]}, plus isotropic Gaussian noise; target points are rotated counter-clockwise by
 * {@code angle} degrees about the centre {@code (0.5, 0.25)}. Classes are balanced (alternating).
 */
public final class RotatedMoons extends SyntheticGenerator<Label> {

    /** Label of the upper moon. */
    public static final Label UPPER = new Label("upper");
    /** Label of the lower moon. */
    public static final Label LOWER = new Label("lower");

    private static final double CX = 0.5;
    private static final double CY = 0.25;

    private final double angleDegrees;
    private final double noise;
    private final int nSource;
    private final int nTargetTrain;
    private final int nTargetUnlabelled;
    private final int nTest;
    private final FeatureSpace space = FeatureSpace.of("x0", "x1");

    /** 400 source, 10 labelled and 400 unlabelled target, 1,000 test examples, noise σ = 0.1. */
    public RotatedMoons(double angleDegrees) {
        this(angleDegrees, 0.1, 400, 10, 400, 1000);
    }

    /**
     * @param angleDegrees      rotation of the target domain
     * @param noise             standard deviation of the Gaussian noise ≥ 0
     * @param nSource           source examples ≥ 2
     * @param nTargetTrain      labelled target examples ≥ 0
     * @param nTargetUnlabelled unlabelled target examples ≥ 0
     * @param nTest             test examples ≥ 1
     */
    public RotatedMoons(double angleDegrees, double noise, int nSource, int nTargetTrain, int nTargetUnlabelled, int nTest) {
        if (!Double.isFinite(angleDegrees)) {
            throw new IllegalArgumentException("Invalid angle: " + angleDegrees + " (must be finite)");
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("Invalid noise: " + noise + " (must be finite and >= 0)");
        }
        this.angleDegrees = angleDegrees;
        this.noise = noise;
        this.nSource = checkSize("source size", nSource, 2);
        this.nTargetTrain = checkSize("labelled target size", nTargetTrain, 0);
        this.nTargetUnlabelled = checkSize("unlabelled target size", nTargetUnlabelled, 0);
        this.nTest = checkSize("test size", nTest, 1);
    }

    @Override
    public String name() {
        return "rotated-moons-" + formatAngle(angleDegrees);
    }

    @Override
    public String description() {
        return "Two moons, target rotated by " + formatAngle(angleDegrees) + "°, " + nTargetTrain
                + " labelled target examples";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("angleDegrees", Double.toString(angleDegrees));
        p.put("noise", Double.toString(noise));
        p.put("nSource", Integer.toString(nSource));
        p.put("nTargetTrain", Integer.toString(nTargetTrain));
        p.put("nTargetUnlabelled", Integer.toString(nTargetUnlabelled));
        p.put("nTest", Integer.toString(nTest));
        return p;
    }

    /** The rotation angle in degrees. */
    public double angleDegrees() {
        return angleDegrees;
    }

    @Override
    public TransferTask<Label> generate(long seed) {
        return TransferTask.builder(name(), new LabelFactory())
                .description(description())
                .source(sample("source", seed, 0.0, nSource, true))
                .targetName("target")
                .targetTrain(sample("target-train", seed, angleDegrees, nTargetTrain, true))
                .targetUnlabelled(sample("target-unlabelled", seed, angleDegrees, nTargetUnlabelled, false))
                .targetTest(sample("target-test", seed, angleDegrees, nTest, true))
                .build();
    }

    /** Rotates {@code p} by {@code degrees} about the moons' centre. */
    public static double[] rotate(double[] p, double degrees) {
        double a = Math.toRadians(degrees);
        double c = Math.cos(a);
        double s = Math.sin(a);
        double dx = p[0] - CX;
        double dy = p[1] - CY;
        return new double[]{CX + c * dx - s * dy, CY + s * dx + c * dy};
    }

    private Domain<Label> sample(String role, long seed, double degrees, int n, boolean labelled) {
        UniformRandomProvider rng = stream(seed, role);
        ZigguratSampler.NormalizedGaussian g = gaussian(rng);
        double[][] x = new double[n][];
        List<Label> y = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean upper = i % 2 == 0;
            double t = Math.PI * rng.nextDouble();
            double[] p = upper ? new double[]{Math.cos(t), Math.sin(t)}
                    : new double[]{1 - Math.cos(t), 0.5 - Math.sin(t)};
            p[0] += noise * g.sample();
            p[1] += noise * g.sample();
            x[i] = degrees == 0 ? p : rotate(p, degrees);
            y.add(labelled ? (upper ? UPPER : LOWER) : LabelFactory.UNKNOWN_LABEL);
        }
        return domain(role, role, seed, new LabelFactory(), space, x, y);
    }

    private static String formatAngle(double a) {
        return a == Math.rint(a) ? Long.toString((long) a) : Double.toString(a);
    }
}
