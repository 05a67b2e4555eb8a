package org.tl4j.core.baseline;

import org.tl4j.core.AbstractTransferStrategy;
import org.tl4j.core.Datasets;
import org.tl4j.core.Domain;
import org.tl4j.core.FeatureMapping;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferTask;
import org.tribuo.Output;
import org.tribuo.Trainer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.tl4j.core.BaselineRole;

/**
 * Naive transfer: the inner learner trained on the union of the labelled source domains and the labelled target
 * data, every example weighted equally. It is the baseline that negative-transfer checks are built around: with an
 * unrelated or adversarial source it must do worse than {@link TargetOnlyStrategy}.
 *
 * @see SourceOnlyStrategy
 */
public final class PooledStrategy<T extends Output<T>> extends AbstractTransferStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("pooled", null,
            EnumSet.of(Setting.INDUCTIVE), "core", TransferTask.DATA_KIND,
            "Inner learner trained on source domains plus labelled target data, equally weighted",
            BaselineRole.POOLED);

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private PooledStrategy() {
    }

    /** A pooled baseline with the given inner learner. */
    public PooledStrategy(Trainer<T> inner) {
        super(inner);
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public String whyNotApplicable(TransferProblem<?> problem) {
        String why = super.whyNotApplicable(problem);
        if (why == null && !((TransferTask<?>) problem).sourcesLabelled()) {
            why = "pooled needs labelled source domains; problem '" + problem.name() + "' has unlabelled sources";
        }
        return why;
    }

    @Override
    protected TransferModel<T> fitTask(TransferTask<T> task, long seed) {
        List<Domain<T>> all = new ArrayList<>(task.sources());
        all.add(task.targetTrain());
        return model(task, seed, FeatureMapping.identity(),
                trainInner(Datasets.union("pooled", task.outputFactory(), all), seed), Map.of());
    }
}
