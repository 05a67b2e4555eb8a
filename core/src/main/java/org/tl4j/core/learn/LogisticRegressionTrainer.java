package org.tl4j.core.learn;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import org.ejml.data.DMatrixRMaj;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.WeightedExamples;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * L2-regularised multinomial logistic regression solved to convergence ({@link LogisticRegression} by
 * {@link Lbfgs}): tl4j's default classifier ({@code logistic}). With its defaults ({@code C = 1}, {@code λ = 1}, no
 * prior, raw features) it minimises scikit-learn's {@code LogisticRegression(C=1, solver='lbfgs')} objective
 * {@code C Σ_i v_i ℓ_i + ½‖W‖²}, softmax for three or more classes and binary logistic regression for two, so the
 * converged models agree. Example weights ({@link Example#getWeight()}) multiply the loss terms, as scikit-learn's
 * {@code sample_weight} does; the intercepts are not penalised.
 * <p>
 * {@link #withPrior(LogisticRegressionModel)} replaces the zero prior mean by a source model's coefficients
 * ({@code ½λ‖W − W_source‖²}, Chelba &amp; Acero 2006): regularised parameter transfer. The fit is deterministic, so
 * the trainer has no seed.
 */
public final class LogisticRegressionTrainer extends DeterministicTrainer<Label, LogisticRegressionModel>
        implements WeightedExamples {

    @Config(description = "Inverse regularisation strength C (scikit-learn's C): the loss is multiplied by C")
    private double c = 1.0;

    @Config(description = "Weight λ of the penalty ½λ‖W − W₀‖² (W₀ = 0, or a source model's coefficients with a prior)")
    private double lambda = 1.0;

    @Config(description = "Two classes as binary logistic regression (LOGISTIC, scikit-learn's default) or as the "
            + "symmetric two-row softmax (MULTINOMIAL, scikit-learn's multi_class='multinomial')")
    private LogisticRegression.Binary binary = LogisticRegression.Binary.LOGISTIC;

    @Config(description = "Largest absolute gradient entry of the mean-loss-scaled objective accepted at the solution")
    private double tolerance = 1e-6;

    @Config(description = "L-BFGS iteration budget; not converging within it is an error")
    private int maxIterations = 20_000;

    private final transient LogisticRegressionModel prior;

    /** scikit-learn's defaults: {@code C = 1}, {@code λ = 1}, tolerance 10⁻⁶. */
    public LogisticRegressionTrainer() {
        this.prior = null;
    }

    /**
     * @param c inverse regularisation strength {@code C > 0}
     */
    public LogisticRegressionTrainer(double c) {
        this(c, 1.0, LogisticRegression.Binary.LOGISTIC, 1e-6, 20_000, null);
    }

    private LogisticRegressionTrainer(double c, double lambda, LogisticRegression.Binary binary, double tolerance,
                                      int maxIterations, LogisticRegressionModel prior) {
        this.c = c;
        this.lambda = lambda;
        this.binary = binary;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.prior = prior;
        String[] problem = problem(c, lambda, binary, tolerance, maxIterations);
        if (problem != null) {
            throw new IllegalArgumentException(problem[1]);
        }
    }

    /**
     * A trainer with every setting given.
     *
     * @param c             inverse regularisation strength {@code C > 0}
     * @param lambda        penalty weight {@code λ ≥ 0}
     * @param binary        how two classes are modelled
     * @param tolerance     gradient tolerance {@code > 0}
     * @param maxIterations L-BFGS budget {@code ≥ 1}
     * @throws IllegalArgumentException on an invalid setting
     */
    public static LogisticRegressionTrainer of(double c, double lambda, LogisticRegression.Binary binary,
                                               double tolerance, int maxIterations) {
        return new LogisticRegressionTrainer(c, lambda, binary, tolerance, maxIterations, null);
    }

    /**
     * This trainer with the prior mean {@code W₀} taken from {@code source}: the penalty becomes
     * {@code ½λ‖W − W_source‖²} (regularised transfer, Chelba &amp; Acero 2006). Coefficients are matched by feature
     * and label name; features or labels the source model lacks get a zero prior. The source model's provenance is
     * recorded in every model this trainer fits.
     */
    public LogisticRegressionTrainer withPrior(LogisticRegressionModel source) {
        return new LogisticRegressionTrainer(c, lambda, binary, tolerance, maxIterations,
                Objects.requireNonNull(source, "source"));
    }

    /** The math-layer settings of this trainer (without a prior). */
    public LogisticRegression.Options options() {
        return new LogisticRegression.Options(c, lambda, null, binary, tolerance, maxIterations);
    }

    @Override
    public void postConfig() {
        String[] problem = problem(c, lambda, binary, tolerance, maxIterations);
        if (problem != null) {
            throw new PropertyException("", problem[0], problem[1]);
        }
    }

    /** The first invalid setting as {name, message}, or {@code null}. */
    private static String[] problem(double c, double lambda, LogisticRegression.Binary binary, double tolerance,
                                    int maxIterations) {
        if (!(c > 0) || Double.isInfinite(c)) {
            return new String[]{"c", "Invalid C: " + c + " (must be finite and > 0)"};
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            return new String[]{"lambda", "Invalid lambda: " + lambda + " (must be finite and >= 0)"};
        }
        if (!(tolerance > 0)) {
            return new String[]{"tolerance", "Invalid tolerance: " + tolerance + " (must be > 0)"};
        }
        if (maxIterations < 1) {
            return new String[]{"maxIterations", "Invalid iteration budget: " + maxIterations + " (must be >= 1)"};
        }
        if (binary == null) {
            return new String[]{"binary", "The two-class model must be LOGISTIC or MULTINOMIAL"};
        }
        return null;
    }

    @Override
    protected LogisticRegressionModel fit(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        ImmutableFeatureMap fmap = examples.getFeatureIDMap();
        ImmutableOutputInfo<Label> labels = examples.getOutputIDInfo();
        int n = examples.size();
        int d = fmap.size();
        int k = labels.size();
        if (k < 2) {
            throw new IllegalArgumentException("Logistic regression needs at least two classes, the training data have "
                    + k + ": use target data with more classes, or a constant predictor");
        }
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        int[] y = new int[n];
        double[] w = new double[n];
        int i = 0;
        for (Example<Label> e : examples) {
            for (Feature f : e) {
                int id = fmap.getID(f.getName());
                if (id >= 0) {
                    x.data[i * d + id] = f.getValue();
                }
            }
            y[i] = labels.getID(e.getOutput());
            w[i] = e.getWeight();
            i++;
        }
        LogisticRegression.Options o = options().withPrior(prior == null ? null : priorMean(fmap, labels), lambda);
        LogisticRegression.Fitted fitted = LogisticRegression.fit(x, y, k, w, o, null);
        Map<String, Provenance> run = new HashMap<>(runProvenance);
        run.put("lbfgs-iterations", new IntProvenance("lbfgs-iterations", fitted.iterations()));
        run.put("lbfgs-gradient-max", new DoubleProvenance("lbfgs-gradient-max", fitted.gradientMax()));
        if (prior != null) {
            run.put("prior-model", prior.getProvenance());
        }
        ModelProvenance prov = new ModelProvenance(LogisticRegressionModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), getProvenance(), run);
        return new LogisticRegressionModel("logistic-regression", prov, fmap, labels, fitted);
    }

    /** The source model's coefficients arranged for this feature map and label set (zero where absent). */
    private DMatrixRMaj priorMean(ImmutableFeatureMap fmap, ImmutableOutputInfo<Label> labels) {
        DMatrixRMaj p = new DMatrixRMaj(labels.size(), fmap.size());
        for (int r = 0; r < labels.size(); r++) {
            String label = labels.getOutput(r).getLabel();
            for (int col = 0; col < fmap.size(); col++) {
                p.unsafe_set(r, col, prior.coefficient(label, fmap.get(col).getName()));
            }
        }
        return p;
    }

    @Override
    public String toString() {
        return "LogisticRegressionTrainer(C=" + c + ",lambda=" + lambda + ",binary=" + binary + ",tolerance="
                + tolerance + ",maxIterations=" + maxIterations + (prior != null ? ",prior=" + prior.getName() : "") + ")";
    }
}
