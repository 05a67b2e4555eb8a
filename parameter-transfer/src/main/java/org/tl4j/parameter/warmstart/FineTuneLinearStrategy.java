package org.tl4j.parameter.warmstart;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.Approach;
import org.tl4j.core.Datasets;
import org.tl4j.core.FeatureMapping;
import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferTask;
import org.tl4j.core.learn.Lbfgs;
import org.tl4j.core.learn.LeastSquaresModel;
import org.tl4j.core.learn.LogisticRegression;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.math.Vectors;
import org.tl4j.parameter.LinearData;
import org.tl4j.parameter.LinearTransferStrategy;
import org.tl4j.parameter.TargetCrossValidation;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.regression.Regressor;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hypothesis transfer by a warm-started fine-tune: the inner learner's model is fitted on the pooled sources, then
 * fine-tuned on the labelled target by {@link EarlyStoppedDescent} — full-batch gradient descent on the inner
 * learner's own target objective ({@code logistic}: {@code C Σ ℓ + ½λ‖W‖²}; {@code least-squares}/{@code ridge}:
 * {@code Σ r² + λ‖w‖²}, both divided by their total weight) from the source parameters, with step {@code 1/L}.
 * Zero steps is the source model; many steps approach target-only. The number of steps is given ({@code steps ≥ 0})
 * or chosen by cross-validation on the labelled target ({@code steps = -1}) from
 * {@code {0, 1, 2, 4, …, 4096}}: each fold runs one descent and scores every checkpoint.
 *
 * @see org.tl4j.parameter.regular.RegularTransferStrategy
 */
public final class FineTuneLinearStrategy<T extends Output<T>> extends LinearTransferStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("fine-tune-linear", Approach.PARAMETER,
            EnumSet.of(Setting.INDUCTIVE), "parameter-transfer", TransferTask.DATA_KIND,
            "Source linear/logistic model fine-tuned on the target by early-stopped gradient descent, steps by "
                    + "target CV");

    /** The step counts cross-validation chooses from. */
    public static final int[] STEP_GRID = {0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096};

    @Config(description = "Gradient-descent steps on the target from the source model; -1 chooses them by "
            + "cross-validation on the labelled target")
    private int steps = -1;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private FineTuneLinearStrategy() {
    }

    /** The strategy with {@code inner}, steps by cross-validation. */
    public FineTuneLinearStrategy(Trainer<T> inner) {
        super(inner);
    }

    /** The strategy with {@code inner} and a fixed number of steps ({@code -1}: cross-validation). */
    public FineTuneLinearStrategy(Trainer<T> inner, int steps) {
        super(inner);
        this.steps = steps;
        postConfig();
    }

    @Override
    public void postConfig() {
        super.postConfig();
        if (steps < -1) {
            throw new PropertyException("", "steps", "Invalid steps: " + steps + " (>= 0, or -1 to choose them by "
                    + "cross-validation)");
        }
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** The target objective of {@code block} and the source parameters to start from. */
    private record Problem(Lbfgs.Objective objective, double step) {
    }

    @Override
    @SuppressWarnings("unchecked")
    protected TransferModel<T> fitTask(TransferTask<T> task, long seed) {
        LinearData<T> data = LinearData.of(task);
        boolean classes = data.classification();
        LinearData.Block tgt = data.target();
        int k = data.classes();
        int d = data.dimension();
        double[] start;
        LogisticRegression.Options base = classes ? logisticOptions() : null;
        double ridge = classes ? 0 : leastSquares().ridge();
        if (classes) {
            LinearData.Block src = data.pooledSources();
            LogisticRegression.Fitted s = LogisticRegression.fit(src.x(), src.labels(), k, src.weights(), base, null);
            start = new double[k * d + k];
            System.arraycopy(s.coef().data, 0, start, 0, k * d);
            System.arraycopy(s.intercept(), 0, start, k * d, k);
        } else {
            TransferTask<Regressor> t = (TransferTask<Regressor>) task;
            LeastSquaresModel s = leastSquares().train(Datasets.union("sources", t.outputFactory(), t.sources()));
            start = coefficients(data, s);
        }
        Map<String, Provenance> extra = new LinkedHashMap<>();
        int chosen = steps;
        if (steps < 0) {
            double[] grid = Arrays.stream(STEP_GRID).asDoubleStream().toArray();
            TargetCrossValidation.Selection sel = TargetCrossValidation.select(STEP_GRID.length,
                    classes ? tgt.labels() : null, tgt.size(), folds, Seeds.derive(seed, "cv"), (train, test) -> {
                        LinearData.Block tr = LinearData.rows(tgt, train);
                        LinearData.Block te = LinearData.rows(tgt, test);
                        Problem p = problem(tr, k, base, ridge);
                        double[] loss = new double[STEP_GRID.length];
                        EarlyStoppedDescent.run(p.objective, start, p.step, STEP_GRID,
                                (i, n, theta) -> loss[i] = heldOut(te, theta, k, classes));
                        return loss;
                    });
            chosen = STEP_GRID[sel.best()];
            extra.put("steps-selection", new StringProvenance("steps-selection", sel.describe(grid)));
        }
        Problem p = problem(tgt, k, base, ridge);
        double[][] result = new double[1][];
        EarlyStoppedDescent.run(p.objective, start, p.step, new int[]{chosen}, (i, n, theta) -> result[0] = theta);
        double[] theta = result[0];
        extra.put("steps", new IntProvenance("steps", chosen));
        Map<String, Provenance> run = new LinkedHashMap<>();
        run.put("steps", new IntProvenance("steps", chosen));
        run.put("step-size", new com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance("step-size", p.step));
        Model<T> model;
        if (classes) {
            double[] g = new double[theta.length];
            double value = p.objective.evaluate(theta, g);
            double gm = 0;
            for (double v : g) {
                gm = Math.max(gm, Math.abs(v));
            }
            LogisticRegression.Fitted f = new LogisticRegression.Fitted(
                    DMatrixRMaj.wrap(k, d, Arrays.copyOf(theta, k * d)), Arrays.copyOfRange(theta, k * d, k * d + k),
                    chosen, gm, value);
            model = logisticModel(data, f, data.pooledProvenance(), run);
        } else {
            model = linearModel(data, Arrays.copyOf(theta, d), theta[d], data.pooledProvenance(), run);
        }
        return model(task, seed, FeatureMapping.identity(), model, extra);
    }

    /** The inner learner's target objective on {@code b} and its safe step. */
    private static Problem problem(LinearData.Block b, int k, LogisticRegression.Options base, double ridge) {
        double curvature = EarlyStoppedDescent.curvature(b.x(), b.weights());
        double wSum = 0;
        for (double w : b.weights()) {
            wSum += w;
        }
        if (base != null) {
            double mu = base.lambda() / (base.c() * wSum) * (k == 2 && base.binary() == LogisticRegression.Binary.LOGISTIC ? 2 : 1);
            // The softmax loss's Hessian in the logits is at most ½ I.
            return new Problem(LogisticRegression.objective(b.x(), b.labels(), k, b.weights(), base),
                    1 / (0.5 * curvature + mu));
        }
        double mu = ridge / wSum;
        return new Problem(squaredLoss(b, mu), 1 / (curvature + mu));
    }

    /** {@code ½ Σ v_i (y_i − w·x_i − b)² + ½ μ‖w‖²} with {@code v} the weights divided by their sum. */
    private static Lbfgs.Objective squaredLoss(LinearData.Block b, double mu) {
        DMatrixRMaj x = b.x();
        int n = x.numRows;
        int d = x.numCols;
        double wSum = Arrays.stream(b.weights()).sum();
        double[] row = new double[d];
        return (theta, grad) -> {
            Arrays.fill(grad, 0);
            double f = 0;
            for (int i = 0; i < n; i++) {
                System.arraycopy(x.data, i * d, row, 0, d);
                double v = b.weights()[i] / wSum;
                double r = Vectors.dot(row, theta, d) + theta[d] - b.values()[i];
                f += 0.5 * v * r * r;
                for (int j = 0; j < d; j++) {
                    grad[j] += v * r * row[j];
                }
                grad[d] += v * r;
            }
            for (int j = 0; j < d; j++) {
                f += 0.5 * mu * theta[j] * theta[j];
                grad[j] += mu * theta[j];
            }
            return f;
        };
    }

    /** Summed held-out loss of parameters {@code theta}: log-loss of the true class, or squared error. */
    private static double heldOut(LinearData.Block te, double[] theta, int k, boolean classes) {
        int d = te.x().numCols;
        double loss = 0;
        if (classes) {
            LogisticRegression.Fitted f = new LogisticRegression.Fitted(DMatrixRMaj.wrap(k, d,
                    Arrays.copyOf(theta, k * d)), Arrays.copyOfRange(theta, k * d, k * d + k), 0, 0, 0);
            DMatrixRMaj p = f.probabilities(te.x());
            for (int i = 0; i < te.size(); i++) {
                loss += TargetCrossValidation.logLoss(p.get(i, te.labels()[i]));
            }
            return loss;
        }
        double[] pred = linearPredictions(te.x(), theta, theta[d]);
        for (int i = 0; i < te.size(); i++) {
            double r = pred[i] - te.values()[i];
            loss += r * r;
        }
        return loss;
    }

    /** Registers {@code fine-tune-linear} (classification and regression). */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.anyOf(FineTuneLinearStrategy::new));
        }
    }
}
