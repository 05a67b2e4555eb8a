package org.tl4j.parameter.mtl;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.Approach;
import org.tl4j.core.FeatureMapping;
import org.tl4j.core.InnerLearnerProvider;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferTask;
import org.tl4j.core.learn.LogisticRegression;
import org.tl4j.core.learn.Seeds;
import org.tl4j.parameter.LinearData;
import org.tl4j.parameter.LinearTransferStrategy;
import org.tl4j.parameter.TargetCrossValidation;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-task learning with shared parameters (Evgeniou &amp; Pontil, <i>Regularized multi-task learning</i>, KDD
 * 2004): every source domain and the target are tasks whose weights are a shared part plus a task-specific
 * deviation, {@code w_t = w₀ + v_t}, fitted jointly with penalties {@code λ₀‖w₀‖²} and {@code λ_vΣ‖v_t‖²}
 * ({@link SharedParameterRegression} in closed form, {@link SharedParameterLogistic} by L-BFGS); the target's model
 * {@code w₀ + v_target} is kept. Unlike regularised transfer, the source model is not fixed first: the target's
 * data move the shared part too.
 * <p>
 * {@code λ₀} is the inner learner's own penalty ({@code logistic}'s {@code λ}, 1 by default; the ridge of
 * {@code least-squares}/{@code ridge:<λ>}) unless {@code sharedLambda ≥ 0} is given; {@code λ_v} is given
 * ({@code lambda > 0}) or chosen by cross-validation on the labelled target ({@code lambda = -1}) from
 * {@link #REGRESSION_GRID} or {@link #CLASSIFICATION_GRID}, refitting the joint problem on each fold.
 *
 * @see org.tl4j.parameter.regular.RegularTransferStrategy
 */
public final class SharedParameterStrategy<T extends Output<T>> extends LinearTransferStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("mtl-shared", Approach.PARAMETER,
            EnumSet.of(Setting.INDUCTIVE), "parameter-transfer", TransferTask.DATA_KIND,
            "Sources and target fitted jointly as tasks with shared weights w0 + v_t (Evgeniou & Pontil 2004)");

    /** {@code λ_v} candidates for regression: half-decades from 10⁻³ to 10⁴. */
    public static final double[] REGRESSION_GRID = TargetCrossValidation.halfDecades(-3, 4);
    /** {@code λ_v} candidates for classes (each a joint L-BFGS fit per fold): decades from 10⁻² to 10³. */
    public static final double[] CLASSIFICATION_GRID = {1e-2, 1e-1, 1, 10, 100, 1000};

    @Config(description = "Penalty lambda_v of the task-specific deviations; -1 chooses it by cross-validation on "
            + "the labelled target")
    private double lambda = -1;

    @Config(description = "Penalty lambda_0 of the shared weights; -1 takes the inner learner's own penalty")
    private double sharedLambda = -1;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private SharedParameterStrategy() {
    }

    /** The strategy with {@code inner}, {@code λ_v} by cross-validation. */
    public SharedParameterStrategy(Trainer<T> inner) {
        super(inner);
    }

    /** The strategy with {@code inner} and fixed penalties ({@code -1}: the defaults described above). */
    public SharedParameterStrategy(Trainer<T> inner, double lambda, double sharedLambda) {
        super(inner);
        this.lambda = lambda;
        this.sharedLambda = sharedLambda;
        postConfig();
    }

    @Override
    public void postConfig() {
        super.postConfig();
        if (!(lambda > 0 || lambda == -1) || Double.isInfinite(lambda)) {
            throw new PropertyException("", "lambda", "Invalid lambda: " + lambda + " (a finite value > 0, or -1 to "
                    + "choose it by cross-validation)");
        }
        if (!(sharedLambda >= 0 || sharedLambda == -1) || Double.isInfinite(sharedLambda)) {
            throw new PropertyException("", "sharedLambda", "Invalid sharedLambda: " + sharedLambda
                    + " (a finite value >= 0, or -1 for the inner learner's penalty)");
        }
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected TransferModel<T> fitTask(TransferTask<T> task, long seed) {
        LinearData<T> data = LinearData.of(task);
        Map<String, Provenance> extra = new LinkedHashMap<>();
        Model<T> model = data.classification() ? fitLogistic(data, seed, extra) : fitLinear(data, seed, extra);
        return model(task, seed, FeatureMapping.identity(), model, extra);
    }

    private Model<T> fitLogistic(LinearData<T> data, long seed, Map<String, Provenance> extra) {
        LogisticRegression.Options base = logisticOptions();
        double l0 = sharedLambda >= 0 ? sharedLambda : base.lambda();
        LinearData.Block tgt = data.target();
        int k = data.classes();
        double chosen = lambda;
        if (lambda < 0) {
            TargetCrossValidation.Selection sel = TargetCrossValidation.select(CLASSIFICATION_GRID.length,
                    tgt.labels(), tgt.size(), folds, Seeds.derive(seed, "cv"), (train, test) -> {
                        LinearData.Block tr = LinearData.rows(tgt, train);
                        LinearData.Block te = LinearData.rows(tgt, test);
                        double[] loss = new double[CLASSIFICATION_GRID.length];
                        double[] start = null;
                        for (int g = CLASSIFICATION_GRID.length - 1; g >= 0; g--) {
                            SharedParameterLogistic.Fitted f = fitJoint(data, tr, base, l0, CLASSIFICATION_GRID[g], start);
                            start = f.theta();
                            DMatrixRMaj p = f.tasks().get(f.tasks().size() - 1).probabilities(te.x());
                            for (int i = 0; i < te.size(); i++) {
                                loss[g] += TargetCrossValidation.logLoss(p.get(i, te.labels()[i]));
                            }
                        }
                        return loss;
                    });
            chosen = CLASSIFICATION_GRID[sel.best()];
            extra.put("lambda-selection", new StringProvenance("lambda-selection",
                    sel.describe(CLASSIFICATION_GRID) + " (held-out log-loss)"));
        }
        SharedParameterLogistic.Fitted f = fitJoint(data, tgt, base, l0, chosen, null);
        record(extra, chosen, l0);
        Map<String, Provenance> run = new LinkedHashMap<>();
        run.put("lambda-task", new DoubleProvenance("lambda-task", chosen));
        run.put("lambda-shared", new DoubleProvenance("lambda-shared", l0));
        return logisticModel(data, f.tasks().get(f.tasks().size() - 1), data.pooledProvenance(), run);
    }

    private static SharedParameterLogistic.Fitted fitJoint(LinearData<?> data, LinearData.Block target,
                                                           LogisticRegression.Options base, double l0, double lv,
                                                           double[] start) {
        List<DMatrixRMaj> x = new ArrayList<>();
        List<int[]> y = new ArrayList<>();
        List<double[]> w = new ArrayList<>();
        for (LinearData.Block s : data.sources()) {
            x.add(s.x());
            y.add(s.labels());
            w.add(s.weights());
        }
        x.add(target.x());
        y.add(target.labels());
        w.add(target.weights());
        return SharedParameterLogistic.fit(x, y, w, data.classes(), base, l0, lv, start);
    }

    private Model<T> fitLinear(LinearData<T> data, long seed, Map<String, Provenance> extra) {
        double l0 = sharedLambda >= 0 ? sharedLambda : leastSquares().ridge();
        LinearData.Block tgt = data.target();
        double chosen = lambda;
        if (lambda < 0) {
            TargetCrossValidation.Selection sel = TargetCrossValidation.select(REGRESSION_GRID.length, null,
                    tgt.size(), folds, Seeds.derive(seed, "cv"), (train, test) -> {
                        LinearData.Block tr = LinearData.rows(tgt, train);
                        LinearData.Block te = LinearData.rows(tgt, test);
                        double[] loss = new double[REGRESSION_GRID.length];
                        for (int g = 0; g < REGRESSION_GRID.length; g++) {
                            try {
                                SharedParameterRegression.Fitted f = fitJoint(data, tr, l0, REGRESSION_GRID[g]);
                                int t = f.intercepts().length - 1;
                                double[] pred = linearPredictions(te.x(), f.weights(t), f.intercepts()[t]);
                                for (int i = 0; i < te.size(); i++) {
                                    double r = pred[i] - te.values()[i];
                                    loss[g] += r * r;
                                }
                            } catch (IllegalStateException singular) {
                                loss[g] = Double.POSITIVE_INFINITY;
                            }
                        }
                        return loss;
                    });
            chosen = REGRESSION_GRID[sel.best()];
            extra.put("lambda-selection", new StringProvenance("lambda-selection",
                    sel.describe(REGRESSION_GRID) + " (held-out squared error)"));
        }
        SharedParameterRegression.Fitted f = fitJoint(data, tgt, l0, chosen);
        record(extra, chosen, l0);
        int t = f.intercepts().length - 1;
        Map<String, Provenance> run = new LinkedHashMap<>();
        run.put("lambda-task", new DoubleProvenance("lambda-task", chosen));
        run.put("lambda-shared", new DoubleProvenance("lambda-shared", l0));
        return linearModel(data, f.weights(t), f.intercepts()[t], data.pooledProvenance(), run);
    }

    private static SharedParameterRegression.Fitted fitJoint(LinearData<?> data, LinearData.Block target, double l0,
                                                             double lv) {
        List<DMatrixRMaj> x = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        List<double[]> w = new ArrayList<>();
        for (LinearData.Block s : data.sources()) {
            x.add(s.x());
            y.add(s.values());
            w.add(s.weights());
        }
        x.add(target.x());
        y.add(target.values());
        w.add(target.weights());
        return SharedParameterRegression.fit(x, y, w, l0, lv);
    }

    private static void record(Map<String, Provenance> extra, double lv, double l0) {
        extra.put("lambda-task", new DoubleProvenance("lambda-task", lv));
        extra.put("lambda-shared", new DoubleProvenance("lambda-shared", l0));
    }

    /** Registers {@code mtl-shared} (classification and regression). */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.anyOf(SharedParameterStrategy::new));
        }
    }
}
