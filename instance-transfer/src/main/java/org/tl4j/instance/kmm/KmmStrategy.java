package org.tl4j.instance.kmm;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
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
 * Kernel mean matching as a strategy: the {@link KernelMeanMatching} weights of the source examples reach the
 * inner learner as example weights (Huang et al., NIPS 2006). Use a weighted inner learner ({@code logistic},
 * {@code linear-svm}, {@code least-squares}); with {@code 1nn} the weights are applied by importance resampling.
 *
 * @see KernelMeanMatching
 */
public final class KmmStrategy<T extends Output<T>> extends ImportanceWeightingStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("kmm", Approach.INSTANCE, SETTINGS,
            "instance-transfer", TransferTask.DATA_KIND,
            "Kernel mean matching (Huang et al. 2006): QP weights matching source and target RKHS means");

    @Config(description = "Gaussian kernel width; 0 chooses it by the median heuristic")
    private double sigma = 0;

    @Config(description = "Upper bound B of each weight")
    private double bound = 1000;

    @Config(description = "Slack of the weight-sum constraint |sum(beta) - n| <= n*epsilon; negative for (sqrt(n)-1)/sqrt(n)")
    private double epsilon = -1;

    @Config(description = "Relative duality gap at which the QP counts as solved")
    private double tolerance = 1e-6;

    @Config(description = "Ridge added to the kernel's unit diagonal, making the weights unique; 0 for the paper's unregularised QP")
    private double ridge = KernelMeanMatching.DEFAULT_RIDGE;

    @Config(description = "Iteration budget of the QP solver (not converging within it is an error)")
    private int maxIterations = 50_000;

    @Config(description = "0 for the exact kernel; D > 0 approximates it with D random Fourier features (large samples)")
    private int randomFeatures = 0;

    @Config(description = "QP solver: auto (SMO for the exact kernel at the sizes where it measured faster, else "
            + "GPCG), gpcg (gradient projection + conjugate gradients) or smo (sequential minimal optimisation)")
    private String solver = "auto";

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private KmmStrategy() {
    }

    /** KMM with the paper's defaults and the given inner learner. */
    public KmmStrategy(Trainer<T> inner) {
        super(inner);
    }

    @Override
    public void postConfig() {
        super.postConfig();
        try {
            options();
        } catch (IllegalArgumentException e) {
            throw new PropertyException(e, "", "kmm", e.getMessage());
        }
    }

    private KernelMeanMatching.Options options() {
        return new KernelMeanMatching.Options(sigma > 0 ? sigma : Double.NaN, bound, epsilon < 0 ? Double.NaN : epsilon,
                tolerance, maxIterations, randomFeatures, ridge, method(solver));
    }

    private static BoxSumQuadraticProgram.Method method(String name) {
        String s = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "auto" -> BoxSumQuadraticProgram.Method.AUTO;
            case "gpcg" -> BoxSumQuadraticProgram.Method.GPCG;
            case "smo" -> BoxSumQuadraticProgram.Method.SMO;
            default -> throw new IllegalArgumentException("Unknown KMM solver '" + name + "': use auto, gpcg or smo");
        };
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected Estimate estimate(DMatrixRMaj source, DMatrixRMaj target, long seed) {
        KernelMeanMatching.Result r = KernelMeanMatching.fit(source, target, options(), seed);
        Map<String, Provenance> p = new LinkedHashMap<>();
        p.put("kmm.sigma", new DoubleProvenance("kmm.sigma", r.sigma()));
        p.put("kmm.epsilon", new DoubleProvenance("kmm.epsilon", r.epsilon()));
        p.put("kmm.ridge", new DoubleProvenance("kmm.ridge", ridge));
        p.put("kmm.objective", new DoubleProvenance("kmm.objective", r.objective()));
        p.put("kmm.duality-gap", new DoubleProvenance("kmm.duality-gap", r.gap()));
        p.put("kmm.iterations", new IntProvenance("kmm.iterations", r.iterations()));
        p.put("kmm.solver-used", new com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance(
                "kmm.solver-used", r.solver().name().toLowerCase(java.util.Locale.ROOT)));
        return new Estimate(r.weights(), p);
    }

    /** Provides {@code kmm}. */
    /** Registers the strategy. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.anyOf(KmmStrategy::new));
        }
    }
}
