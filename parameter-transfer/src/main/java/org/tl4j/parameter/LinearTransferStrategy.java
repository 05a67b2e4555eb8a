package org.tl4j.parameter;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.AbstractTransferStrategy;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferTask;
import org.tl4j.core.learn.LeastSquaresModel;
import org.tl4j.core.learn.LeastSquaresTrainer;
import org.tl4j.core.learn.LogisticRegression;
import org.tl4j.core.learn.LogisticRegressionModel;
import org.tl4j.core.learn.LogisticRegressionTrainer;
import org.tl4j.core.math.Vectors;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.Regressor;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Base of the parameter-transfer strategies over feature vectors: a linear model of the target task is fitted with
 * a source model's parameters as knowledge. The inner learner fixes the model family and its own regularisation:
 * {@code logistic} ({@link LogisticRegressionTrainer}: multinomial logistic regression, {@code C Σ loss + ½λ‖W‖²})
 * for classes, {@code least-squares} / {@code ridge:<λ>} ({@link LeastSquaresTrainer}) for regression; the strategies
 * need labelled sources and labelled target data (inductive transfer), and choose their transfer strength by
 * cross-validation on the labelled target ({@link TargetCrossValidation}, {@code folds} folds) unless it is given.
 *
 * @param <T> output type
 */
public abstract class LinearTransferStrategy<T extends Output<T>> extends AbstractTransferStrategy<T> {

    @Config(description = "Cross-validation folds on the labelled target used to choose the transfer strength "
            + "(fewer when the target has fewer examples)")
    protected int folds = TargetCrossValidation.DEFAULT_FOLDS;

    /** For OLCUT configuration. */
    protected LinearTransferStrategy() {
    }

    /** A strategy with {@code inner}. */
    protected LinearTransferStrategy(Trainer<T> inner) {
        super(inner);
    }

    @Override
    public void postConfig() {
        if (folds < 2) {
            throw new PropertyException("", "folds", "Invalid folds: " + folds + " (must be at least 2)");
        }
    }

    /**
     * Whether the strategy needs the inner learner to be {@code logistic} or {@code least-squares}/{@code ridge}
     * (its parameters are what is transferred); true by default.
     */
    protected boolean needsLinearInner() {
        return true;
    }

    @Override
    public String whyNotApplicable(TransferProblem<?> problem) {
        String why = super.whyNotApplicable(problem);
        if (why != null) {
            return why;
        }
        TransferTask<?> t = (TransferTask<?>) problem;
        if (!t.sourcesLabelled()) {
            return "strategy '" + descriptor().name() + "' fits a source model: problem '" + problem.name()
                    + "' has unlabelled sources";
        }
        if (t.targetTrain().isEmpty()) {
            return "strategy '" + descriptor().name() + "' re-fits the source model on labelled target data: problem '"
                    + problem.name() + "' has none";
        }
        if (needsLinearInner() && inner != null && !(inner instanceof LogisticRegressionTrainer)
                && !(inner instanceof LeastSquaresTrainer)) {
            return "strategy '" + descriptor().name() + "' transfers the parameters of a linear model: its inner "
                    + "learner must be logistic (classes) or least-squares / ridge:<lambda> (regression), not " + inner;
        }
        if (t.targetTrain().data().getExample(0).getOutput() instanceof Regressor r && r.size() > 1) {
            return "strategy '" + descriptor().name() + "' predicts one regression output; problem '" + problem.name()
                    + "' has several";
        }
        return null;
    }

    /** The inner learner's logistic-regression settings (its {@code C}, {@code λ}, tolerance). */
    protected LogisticRegression.Options logisticOptions() {
        if (inner instanceof LogisticRegressionTrainer l) {
            return l.options();
        }
        throw new IllegalStateException("strategy '" + descriptor().name() + "' needs a logistic inner learner for "
                + "classes, configured: " + inner);
    }

    /** The inner learner's least-squares trainer. */
    protected LeastSquaresTrainer leastSquares() {
        if (inner instanceof LeastSquaresTrainer l) {
            return l;
        }
        throw new IllegalStateException("strategy '" + descriptor().name() + "' needs a least-squares or ridge inner "
                + "learner for regression, configured: " + inner);
    }

    /** A Tribuo model of the target task from fitted logistic-regression parameters (rows = the data's class ids). */
    @SuppressWarnings("unchecked")
    protected Model<T> logisticModel(LinearData<T> data, LogisticRegression.Fitted fitted, DatasetProvenance trainedOn,
                                     Map<String, Provenance> run) {
        ModelProvenance prov = new ModelProvenance(LogisticRegressionModel.class.getName(), OffsetDateTime.now(),
                trainedOn, inner.getProvenance(), run);
        return (Model<T>) LogisticRegressionModel.of(descriptor().name(), prov, data.features(),
                (org.tribuo.ImmutableOutputInfo<Label>) data.outputs(), fitted);
    }

    /** A Tribuo model of the target task from linear-regression coefficients (in feature-id order). */
    @SuppressWarnings("unchecked")
    protected Model<T> linearModel(LinearData<T> data, double[] coef, double intercept, DatasetProvenance trainedOn,
                                   Map<String, Provenance> run) {
        ModelProvenance prov = new ModelProvenance(LeastSquaresModel.class.getName(), OffsetDateTime.now(),
                trainedOn, inner.getProvenance(), run);
        return (Model<T>) LeastSquaresModel.of(descriptor().name(), prov, data.features(),
                (org.tribuo.ImmutableOutputInfo<Regressor>) data.outputs(), new String[]{data.outputName()},
                new double[][]{coef.clone()}, new double[]{intercept});
    }

    /** The coefficients (feature-id order) and intercept of a fitted least-squares model of {@code data}. */
    protected static double[] coefficients(LinearData<?> data, LeastSquaresModel m) {
        double[] w = new double[data.dimension() + 1];
        for (int c = 0; c < data.dimension(); c++) {
            w[c] = m.coefficient(data.outputName(), data.features().get(c).getName());
        }
        w[data.dimension()] = m.intercept(m.dimensions().indexOf(data.outputName()));
        return w;
    }

    /** {@code x w + b} of every row. */
    protected static double[] linearPredictions(DMatrixRMaj x, double[] w, double b) {
        double[] out = new double[x.numRows];
        double[] row = new double[x.numCols];
        for (int i = 0; i < x.numRows; i++) {
            System.arraycopy(x.data, i * x.numCols, row, 0, x.numCols);
            out[i] = b + Vectors.dot(row, w, x.numCols);
        }
        return out;
    }
}
