package org.tl4j.core.synthetic;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.tl4j.core.Domain;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.TransferTask;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The covariate-shift regression toy of Shimodaira (<i>Improving predictive inference under covariate shift by
 * weighting the log-likelihood function</i>, JSPI 90(2), 2000, §7), also used by Sugiyama et al.:
 * {@code y = −x + x³ + ε}, {@code ε ~ N(0, 0.3²)}, training inputs {@code x ~ N(0.5, 0.5²)} and test inputs
 * {@code x ~ N(0, 0.3²)}. A straight line fitted by ordinary least squares on the source follows the source region;
 * weighting by {@link #densityRatio(double)} recovers the line that is best on the target.
 */
public final class ShimodairaRegression extends SyntheticGenerator<Regressor> {

    /** Mean of the source inputs. */
    public static final double SOURCE_MEAN = 0.5;
    /** Standard deviation of the source inputs. */
    public static final double SOURCE_STD = 0.5;
    /** Mean of the target inputs. */
    public static final double TARGET_MEAN = 0.0;
    /** Standard deviation of the target inputs. */
    public static final double TARGET_STD = 0.3;

    private final double noise;
    private final int nSource;
    private final int nTargetTrain;
    private final int nTargetUnlabelled;
    private final int nTest;
    private final FeatureSpace space = FeatureSpace.of("x");

    /** Noise 0.3, 100 source, 5 labelled and 400 unlabelled target, 1,000 test examples. */
    public ShimodairaRegression() {
        this(0.3, 100, 5, 400, 1000);
    }

    /**
     * @param noise             output noise standard deviation ≥ 0
     * @param nSource           source examples ≥ 2
     * @param nTargetTrain      labelled target examples ≥ 0
     * @param nTargetUnlabelled unlabelled target examples ≥ 0
     * @param nTest             test examples ≥ 2
     */
    public ShimodairaRegression(double noise, int nSource, int nTargetTrain, int nTargetUnlabelled, int nTest) {
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("Invalid noise: " + noise + " (must be finite and >= 0)");
        }
        this.noise = noise;
        this.nSource = checkSize("source size", nSource, 2);
        this.nTargetTrain = checkSize("labelled target size", nTargetTrain, 0);
        this.nTargetUnlabelled = checkSize("unlabelled target size", nTargetUnlabelled, 0);
        this.nTest = checkSize("test size", nTest, 2);
    }

    @Override
    public String name() {
        return "shimodaira-regression";
    }

    @Override
    public String description() {
        return "Shimodaira (2000) toy: y = -x + x^3 + N(0,0.3^2), source x~N(0.5,0.5^2), target x~N(0,0.3^2), "
                + nTargetTrain + " labelled target examples";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("noise", Double.toString(noise));
        p.put("nSource", Integer.toString(nSource));
        p.put("nTargetTrain", Integer.toString(nTargetTrain));
        p.put("nTargetUnlabelled", Integer.toString(nTargetUnlabelled));
        p.put("nTest", Integer.toString(nTest));
        return p;
    }

    /** The regression function {@code f(x) = −x + x³}. */
    public static double f(double x) {
        return -x + x * x * x;
    }

    /** The true importance weight {@code p_t(x)/p_s(x)}. */
    public static double densityRatio(double x) {
        return Math.exp(logNormal(x, TARGET_MEAN, TARGET_STD) - logNormal(x, SOURCE_MEAN, SOURCE_STD));
    }

    @Override
    public TransferTask<Regressor> generate(long seed) {
        return TransferTask.builder(name(), new RegressionFactory())
                .description(description())
                .source(sample("source", seed, SOURCE_MEAN, SOURCE_STD, nSource, true))
                .targetName("target")
                .targetTrain(sample("target-train", seed, TARGET_MEAN, TARGET_STD, nTargetTrain, true))
                .targetUnlabelled(sample("target-unlabelled", seed, TARGET_MEAN, TARGET_STD, nTargetUnlabelled, false))
                .targetTest(sample("target-test", seed, TARGET_MEAN, TARGET_STD, nTest, true))
                .build();
    }

    private Domain<Regressor> sample(String role, long seed, double mean, double std, int n, boolean labelled) {
        UniformRandomProvider rng = stream(seed, role);
        ZigguratSampler.NormalizedGaussian g = gaussian(rng);
        double[][] x = new double[n][1];
        List<Regressor> y = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            x[i][0] = mean + std * g.sample();
            double v = f(x[i][0]) + noise * g.sample();
            y.add(labelled ? new Regressor("y", v) : RegressionFactory.UNKNOWN_REGRESSOR);
        }
        return domain(role, role, seed, new RegressionFactory(), space, x, y);
    }

    private static double logNormal(double x, double mean, double std) {
        double z = (x - mean) / std;
        return -0.5 * z * z - Math.log(std) - 0.5 * Math.log(2 * Math.PI);
    }
}
