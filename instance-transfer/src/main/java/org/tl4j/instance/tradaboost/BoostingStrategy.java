package org.tl4j.instance.tradaboost;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import org.tl4j.core.AbstractTransferStrategy;
import org.tl4j.core.Datasets;
import org.tl4j.core.Domain;
import org.tl4j.core.Setting;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferTask;
import org.tl4j.instance.WeightUse;
import org.tl4j.instance.WeightedFits;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.WeightedExamples;
import org.tribuo.provenance.ModelProvenance;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shared part of the TrAdaBoost family: inductive transfer from labelled sources (pooled into one
 * different-distribution set, rows {@code 0..n−1}) and labelled target data (rows {@code n..n+m−1}), boosting an
 * inner learner that receives the round's weights as example weights (or by importance resampling for learners
 * that ignore weights, see {@link WeightUse}).
 */
abstract class BoostingStrategy<T extends Output<T>> extends AbstractTransferStrategy<T> {

    /** The setting the family supports: it needs labelled target data. */
    static final Set<Setting> SETTINGS = EnumSet.of(Setting.INDUCTIVE);

    @Config(description = "How round weights reach the inner learner: auto, example-weights or resample")
    protected WeightUse weighting = WeightUse.AUTO;

    BoostingStrategy() {
    }

    BoostingStrategy(Trainer<T> inner) {
        super(inner);
    }

    @Override
    public void postConfig() {
        if (weighting == null) {
            throw new PropertyException("", "weighting", "weighting must be one of auto, example-weights, resample");
        }
        if (weighting == WeightUse.EXAMPLE_WEIGHTS && inner != null && !(inner instanceof WeightedExamples)) {
            throw new PropertyException("", "weighting",
                    WeightedFits.ignoresWeights(descriptor().name(), inner.getClass().getSimpleName()));
        }
    }

    @Override
    public String whyNotApplicable(TransferProblem<?> problem) {
        String why = super.whyNotApplicable(problem);
        if (why != null) {
            return why;
        }
        TransferTask<?> task = (TransferTask<?>) problem;
        if (!task.sourcesLabelled()) {
            return "strategy '" + descriptor().name() + "' needs labelled source domains; problem '" + problem.name()
                    + "' has unlabelled sources";
        }
        return null;
    }

    /** Sources then labelled target examples, copied. */
    MutableDataset<T> combined(TransferTask<T> task) {
        List<Domain<T>> all = new ArrayList<>(task.sources());
        all.add(task.targetTrain());
        return Datasets.union(descriptor().name() + " training set", task.outputFactory(), all);
    }

    /** The resolved weight use for the configured learner. */
    WeightUse use() {
        return WeightedFits.resolve(weighting, inner, descriptor().name());
    }

    /** Provenance of an ensemble trained by this strategy on {@code data}. */
    ModelProvenance ensembleProvenance(Class<?> modelClass, MutableDataset<T> data,
                                       Map<String, com.oracle.labs.mlrg.olcut.provenance.Provenance> instance) {
        return new ModelProvenance(modelClass.getName(), OffsetDateTime.now(), data.getProvenance(), getProvenance(),
                instance);
    }
}
