package org.tl4j.parameter.regular;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
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
import org.tl4j.core.learn.LeastSquaresModel;
import org.tl4j.core.learn.LeastSquaresTrainer;
import org.tl4j.core.learn.LogisticRegression;
import org.tl4j.core.learn.Seeds;
import org.tl4j.parameter.LinearData;
import org.tl4j.parameter.LinearTransferStrategy;
import org.tl4j.parameter.TargetCrossValidation;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Regularised parameter transfer (Chelba &amp; Acero, <i>Adaptation of maximum entropy capitalizer: little data can
 * help a lot</i>, Computer Speech &amp; Language 20(4), 2006; ADAPT's {@code RegularTransferLR} and
 * {@code RegularTransferLC}): the source model's parameters become the centre of the target model's Gaussian prior.
 * <p>
 * A source model {@code w_s} is fitted on the pooled labelled sources with the inner learner; the target model then
 * minimises
 * <pre>
 *   classes:     C Σ_i ℓ_softmax(W x_i + b, y_i) + ½ λ ‖W − W_s‖²_F      (core's {@link LogisticRegression})
 *   regression:  Σ_i (y_i − b − w·x_i)²        +   λ ‖w − w_s‖²          ({@link LeastSquaresTrainer#withPrior})
 * </pre>
 * over the labelled target data, intercepts unpenalised. {@code λ → ∞} gives the source coefficients (only the
 * intercept is re-fitted), {@code λ → 0} the unregularised target-only fit; in between, few target examples move
 * the model only as far as they give evidence for. {@code λ} is given ({@code lambda ≥ 0}) or chosen by
 * cross-validation on the labelled target ({@code lambda = -1}, the default) from {@link #LAMBDA_GRID} (and
 * {@code λ = 0} for regression), by held-out log-loss (classes) or squared error (regression).
 *
 * @see org.tl4j.parameter.mtl.SharedParameterStrategy
 * @see org.tl4j.parameter.linint.LinIntStrategy
 */
public final class RegularTransferStrategy<T extends Output<T>> extends LinearTransferStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("regular-transfer", Approach.PARAMETER,
            EnumSet.of(Setting.INDUCTIVE), "parameter-transfer", TransferTask.DATA_KIND,
            "Target linear/logistic model penalised towards the source model's weights, lambda by target CV "
                    + "(Chelba & Acero 2006)");

    /** The penalty weights cross-validation chooses from: half-decades from 10⁻³ to 10⁴. */
    public static final double[] LAMBDA_GRID = TargetCrossValidation.halfDecades(-3, 4);

    @Config(description = "Penalty weight lambda of the distance to the source weights; -1 chooses it by "
            + "cross-validation on the labelled target")
    private double lambda = -1;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private RegularTransferStrategy() {
    }

    /** The strategy with {@code inner} ({@code logistic} or {@code least-squares}), λ by cross-validation. */
    public RegularTransferStrategy(Trainer<T> inner) {
        super(inner);
    }

    /** The strategy with {@code inner} and a fixed {@code lambda ≥ 0} ({@code -1}: cross-validation). */
    public RegularTransferStrategy(Trainer<T> inner, double lambda) {
        super(inner);
        this.lambda = lambda;
        postConfig();
    }

    @Override
    public void postConfig() {
        super.postConfig();
        if (!(lambda >= 0 || lambda == -1) || Double.isInfinite(lambda)) {
            throw new PropertyException("", "lambda", "Invalid lambda: " + lambda
                    + " (a finite value >= 0, or -1 to choose it by cross-validation)");
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
        Model<T> model = data.classification() ? fitLogistic(data, seed, extra) : fitLinear(task, data, seed, extra);
        return model(task, seed, FeatureMapping.identity(), model, extra);
    }

    private Model<T> fitLogistic(LinearData<T> data, long seed, Map<String, Provenance> extra) {
        LogisticRegression.Options base = logisticOptions();
        LinearData.Block src = data.pooledSources();
        LinearData.Block tgt = data.target();
        int k = data.classes();
        LogisticRegression.Fitted source = LogisticRegression.fit(src.x(), src.labels(), k, src.weights(), base, null);
        DMatrixRMaj prior = source.coef();
        double chosen = lambda;
        if (lambda < 0) {
            TargetCrossValidation.Selection sel = TargetCrossValidation.select(LAMBDA_GRID.length, tgt.labels(),
                    tgt.size(), folds, Seeds.derive(seed, "cv"), (train, test) -> {
                        LinearData.Block tr = LinearData.rows(tgt, train);
                        LinearData.Block te = LinearData.rows(tgt, test);
                        double[] loss = new double[LAMBDA_GRID.length];
                        LogisticRegression.Fitted start = null;
                        // Largest penalty first: each fit starts from the previous, closer-to-source solution.
                        for (int g = LAMBDA_GRID.length - 1; g >= 0; g--) {
                            start = LogisticRegression.fit(tr.x(), tr.labels(), k, tr.weights(),
                                    base.withPrior(prior, LAMBDA_GRID[g]), start);
                            DMatrixRMaj p = start.probabilities(te.x());
                            for (int i = 0; i < te.size(); i++) {
                                loss[g] += TargetCrossValidation.logLoss(p.get(i, te.labels()[i]));
                            }
                        }
                        return loss;
                    });
            chosen = LAMBDA_GRID[sel.best()];
            extra.put("lambda-selection", new StringProvenance("lambda-selection", sel.describe(LAMBDA_GRID)
                    + " (held-out log-loss)"));
        }
        LogisticRegression.Fitted f = LogisticRegression.fit(tgt.x(), tgt.labels(), k, tgt.weights(),
                base.withPrior(prior, chosen), null);
        extra.put("lambda", new DoubleProvenance("lambda", chosen));
        Map<String, Provenance> run = new LinkedHashMap<>();
        run.put("source-data", data.sourceProvenance());
        run.put("source-iterations", new IntProvenance("source-iterations", source.iterations()));
        run.put("lambda", new DoubleProvenance("lambda", chosen));
        return logisticModel(data, f, data.targetProvenance(), run);
    }

    @SuppressWarnings("unchecked")
    private Model<T> fitLinear(TransferTask<T> task, LinearData<T> data, long seed, Map<String, Provenance> extra) {
        LeastSquaresTrainer base = leastSquares();
        TransferTask<Regressor> t = (TransferTask<Regressor>) task;
        LeastSquaresModel source = base.train(Datasets.union("sources", t.outputFactory(), t.sources()));
        List<Example<Regressor>> target = new ArrayList<>();
        t.targetTrain().data().forEach(target::add);
        double chosen = lambda;
        if (lambda < 0) {
            double[] grid = withZero(LAMBDA_GRID);
            TargetCrossValidation.Selection sel = TargetCrossValidation.select(grid.length, null, target.size(),
                    folds, Seeds.derive(seed, "cv"), (train, test) -> {
                        MutableDataset<Regressor> tr = subset(t, target, train);
                        double[] loss = new double[grid.length];
                        for (int g = 0; g < grid.length; g++) {
                            try {
                                LeastSquaresModel m = base.withRidge(grid[g]).withPrior(source).train(tr);
                                for (int i : test) {
                                    Prediction<Regressor> p = m.predict(target.get(i));
                                    double r = p.getOutput().getValues()[0] - target.get(i).getOutput().getValues()[0];
                                    loss[g] += r * r;
                                }
                            } catch (IllegalStateException singular) {
                                loss[g] = Double.POSITIVE_INFINITY;
                            }
                        }
                        return loss;
                    });
            chosen = grid[sel.best()];
            extra.put("lambda-selection", new StringProvenance("lambda-selection", sel.describe(grid)
                    + " (held-out squared error)"));
        }
        extra.put("lambda", new DoubleProvenance("lambda", chosen));
        return (Model<T>) base.withRidge(chosen).withPrior(source).train(
                Datasets.union("target", t.outputFactory(), List.of(t.targetTrain())));
    }

    private static MutableDataset<Regressor> subset(TransferTask<Regressor> t, List<Example<Regressor>> rows, int[] idx) {
        MutableDataset<Regressor> d = new MutableDataset<>(new SimpleDataSourceProvenance("target fold of "
                + t.targetTrain().name(), t.outputFactory()), t.outputFactory());
        for (int i : idx) {
            d.add(rows.get(i).copy());
        }
        return d;
    }

    private static double[] withZero(double[] grid) {
        double[] g = new double[grid.length + 1];
        System.arraycopy(grid, 0, g, 1, grid.length);
        return g;
    }

    /** Registers {@code regular-transfer} (classification and regression). */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.anyOf(RegularTransferStrategy::new));
        }
    }
}
