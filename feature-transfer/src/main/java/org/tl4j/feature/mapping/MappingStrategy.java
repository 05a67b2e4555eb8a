package org.tl4j.feature.mapping;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.AbstractTransferStrategy;
import org.tl4j.core.FeatureMapping;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferTask;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Base of the feature-representation strategies: a fitted mapping of the task's features, an inner Tribuo learner
 * trained on the mapped labelled data (sources, plus labelled target data when the task has some), and a
 * {@link TransferModel} that maps each example before the inner model predicts it.
 * <p>
 * Requirements checked in {@link #whyNotApplicable}: labelled sources and, for strategies that learn from the
 * target distribution, some target training data (labelled or unlabelled). Subclasses compute the mapping with a
 * pure math class and call {@link #finish}.
 *
 * @param <T> output type
 */
public abstract class MappingStrategy<T extends Output<T>> extends AbstractTransferStrategy<T> {

    /** For OLCUT configuration. */
    protected MappingStrategy() {
    }

    /** A strategy composed with {@code inner}. */
    protected MappingStrategy(Trainer<T> inner) {
        super(inner);
    }

    /** Whether the mapping is learned from target features (most are); if so, target training data are required. */
    protected boolean needsTargetData() {
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
            return descriptor().name() + " trains its inner learner on labelled sources; problem '" + problem.name()
                    + "' has unlabelled sources";
        }
        if (needsTargetData() && t.targetTrain().isEmpty() && t.targetUnlabelled().isEmpty()) {
            return descriptor().name() + " learns its representation from target data, but problem '" + problem.name()
                    + "' has no labelled or unlabelled target training examples: add unlabelled target data";
        }
        return null;
    }

    /**
     * Trains the inner learner on mapped rows and wraps it with {@code mapping} into the fitted model.
     *
     * @param sourceRows     the mapped source rows (one per source example, in task order)
     * @param targetRows     the mapped labelled target rows (possibly none)
     * @param trainingSpace  the names of the mapped features the rows hold
     * @param mapping        the mapping applied to examples at prediction time
     */
    protected TransferModel<T> finish(TransferTask<T> task, long seed, TaskMatrices<T> data, DMatrixRMaj sourceRows,
                                      DMatrixRMaj targetRows, FeatureSpace trainingSpace, FeatureMapping mapping,
                                      Map<String, Provenance> extra) {
        List<T> outputs = new ArrayList<>(data.sourceOutputs());
        outputs.addAll(data.targetOutputs());
        Dataset<T> train = dataset(descriptor().name() + " representation of " + String.join("+", task.sourceNames())
                        + (targetRows.numRows > 0 ? " and labelled " + task.targetName() : ""),
                task.outputFactory(), trainingSpace, TaskMatrices.stackRows(sourceRows, targetRows), outputs);
        Model<T> innerModel = trainInner(train, seed);
        return model(task, seed, mapping, innerModel, extra);
    }

    /**
     * A dataset of mapped rows with the given outputs (the unknown output for unlabelled rows).
     *
     * @throws IllegalArgumentException if a value is not finite (naming the row)
     */
    protected static <T extends Output<T>> Dataset<T> dataset(String description, OutputFactory<T> factory,
                                                              FeatureSpace space, DMatrixRMaj rows, List<T> outputs) {
        if (rows.numRows != outputs.size() || rows.numCols != space.size()) {
            throw new IllegalArgumentException(description + ": " + rows.numRows + "x" + rows.numCols + " rows for "
                    + outputs.size() + " outputs and " + space.size() + " feature names");
        }
        String[] names = space.toArray();
        MutableDataset<T> ds = new MutableDataset<>(new SimpleDataSourceProvenance(description, factory), factory);
        for (int i = 0; i < rows.numRows; i++) {
            double[] x = new double[rows.numCols];
            System.arraycopy(rows.data, i * rows.numCols, x, 0, rows.numCols);
            for (int j = 0; j < x.length; j++) {
                if (!Double.isFinite(x[j])) {
                    throw new ArithmeticException(description + ": row " + i + " feature '" + names[j] + "' is " + x[j]
                            + ": the representation is numerically broken (check the data for extreme values)");
                }
            }
            ds.add(new ArrayExample<>(outputs.get(i), names, x));
        }
        return ds;
    }

    /** The inner model's predictions for mapped rows (e.g. target pseudo-labels), in row order. */
    protected static <T extends Output<T>> List<T> predictRows(Model<T> model, OutputFactory<T> factory,
                                                               FeatureSpace space, DMatrixRMaj rows) {
        String[] names = space.toArray();
        List<Example<T>> examples = new ArrayList<>(rows.numRows);
        double[] row = new double[rows.numCols];
        for (int i = 0; i < rows.numRows; i++) {
            System.arraycopy(rows.data, i * rows.numCols, row, 0, rows.numCols);
            examples.add(new ArrayExample<>(factory.getUnknownOutput(), names, row.clone()));
        }
        List<Prediction<T>> p = model.predict(examples);
        List<T> out = new ArrayList<>(p.size());
        for (Prediction<T> pr : p) {
            out.add(pr.getOutput());
        }
        return out;
    }
}
