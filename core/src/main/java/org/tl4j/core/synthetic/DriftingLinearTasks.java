package org.tl4j.core.synthetic;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.tl4j.core.Domain;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.TransferTask;
import org.tl4j.core.math.Vectors;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Related linear regression tasks whose weights drift by a controlled amount, the test bed of parameter transfer.
 * <p>
 * Inputs are {@code N(0, I_d)} in both domains. The source weights {@code w_s ~ N(0, I_d)} are drawn with the seed;
 * the target weights are {@code w_t = w_s + drift · ‖w_s‖ · u} with {@code u} a random unit vector orthogonal to
 * {@code w_s}, so {@code ‖w_t − w_s‖ / ‖w_s‖ = drift} exactly. Outputs are {@code y = w·x + ε},
 * {@code ε ~ N(0, noise²)}. A drift of 0 makes the tasks identical; large drifts make the source misleading.
 */
public final class DriftingLinearTasks extends SyntheticGenerator<Regressor> {

    private final int dim;
    private final double drift;
    private final double noise;
    private final int nSource;
    private final int nTargetTrain;
    private final int nTest;
    private final FeatureSpace space;

    /** d = 10, noise 0.5, 400 source, 15 labelled target and 1,000 test examples. */
    public DriftingLinearTasks(double drift) {
        this(10, drift, 0.5, 400, 15, 1000);
    }

    /**
     * @param dim          input dimension ≥ 2
     * @param drift        relative weight change ≥ 0
     * @param noise        output noise standard deviation ≥ 0
     * @param nSource      source examples ≥ 2
     * @param nTargetTrain labelled target examples ≥ 1
     * @param nTest        test examples ≥ 2
     */
    public DriftingLinearTasks(int dim, double drift, double noise, int nSource, int nTargetTrain, int nTest) {
        this.dim = checkSize("dimension", dim, 2);
        if (!(drift >= 0) || Double.isInfinite(drift)) {
            throw new IllegalArgumentException("Invalid drift: " + drift + " (must be finite and >= 0)");
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("Invalid noise: " + noise + " (must be finite and >= 0)");
        }
        this.drift = drift;
        this.noise = noise;
        this.nSource = checkSize("source size", nSource, 2);
        this.nTargetTrain = checkSize("labelled target size", nTargetTrain, 1);
        this.nTest = checkSize("test size", nTest, 2);
        this.space = FeatureSpace.indexed("x", dim);
    }

    @Override
    public String name() {
        return "drifting-linear-" + drift;
    }

    @Override
    public String description() {
        return "Linear regression tasks, target weights drifted by " + drift + "·‖w_s‖, " + nTargetTrain
                + " labelled target examples, d=" + dim;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("dim", Integer.toString(dim));
        p.put("drift", Double.toString(drift));
        p.put("noise", Double.toString(noise));
        p.put("nSource", Integer.toString(nSource));
        p.put("nTargetTrain", Integer.toString(nTargetTrain));
        p.put("nTest", Integer.toString(nTest));
        return p;
    }

    /** The source weights of the draw with {@code seed}. */
    public double[] sourceWeights(long seed) {
        return gaussianVector(gaussian(stream(seed, "weights")), dim);
    }

    /** The target weights of the draw with {@code seed}. */
    public double[] targetWeights(long seed) {
        double[] ws = sourceWeights(seed);
        double wsNorm2 = Vectors.dot(ws, ws);
        double[] u = orthogonalGaussian(ws, gaussian(stream(seed, "drift-direction")));
        double uNorm = Math.sqrt(Vectors.dot(u, u));
        double scale = drift * Math.sqrt(wsNorm2) / uNorm;
        double[] wt = new double[dim];
        for (int j = 0; j < dim; j++) {
            wt[j] = ws[j] + scale * u[j];
        }
        return wt;
    }

    @Override
    public TransferTask<Regressor> generate(long seed) {
        double[] ws = sourceWeights(seed);
        double[] wt = targetWeights(seed);
        return TransferTask.builder(name(), new RegressionFactory())
                .description(description())
                .source(sample("source", seed, ws, nSource))
                .targetName("target")
                .targetTrain(sample("target-train", seed, wt, nTargetTrain))
                .targetTest(sample("target-test", seed, wt, nTest))
                .build();
    }

    private Domain<Regressor> sample(String role, long seed, double[] w, int n) {
        UniformRandomProvider rng = stream(seed, role);
        ZigguratSampler.NormalizedGaussian g = gaussian(rng);
        double[][] x = new double[n][];
        List<Regressor> y = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            x[i] = gaussianVector(g, dim);
            y.add(new Regressor("y", Vectors.dot(w, x[i]) + noise * g.sample()));
        }
        return domain(role, role, seed, new RegressionFactory(), space, x, y);
    }
}
