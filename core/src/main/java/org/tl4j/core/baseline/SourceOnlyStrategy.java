package org.tl4j.core.baseline;

import org.tl4j.core.AbstractTransferStrategy;
import org.tl4j.core.Datasets;
import org.tl4j.core.FeatureMapping;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferTask;
import org.tribuo.Output;
import org.tribuo.Trainer;

import java.util.EnumSet;
import java.util.Map;
import org.tl4j.core.BaselineRole;

/**
 * The no-adaptation baseline: the inner learner trained on the union of the labelled source domains only,
 * applied to the target as it is.
 *
 * @see TargetOnlyStrategy
 * @see PooledStrategy
 */
public final class SourceOnlyStrategy<T extends Output<T>> extends AbstractTransferStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("source-only", null,
            EnumSet.of(Setting.TRANSDUCTIVE), "core", TransferTask.DATA_KIND,
            "Inner learner trained on the labelled source domains only (no adaptation)",
            BaselineRole.SOURCE_ONLY);

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private SourceOnlyStrategy() {
    }

    /** A source-only baseline with the given inner learner. */
    public SourceOnlyStrategy(Trainer<T> inner) {
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
            why = "source-only needs labelled source domains; problem '" + problem.name() + "' has unlabelled sources";
        }
        return why;
    }

    @Override
    protected TransferModel<T> fitTask(TransferTask<T> task, long seed) {
        return model(task, seed, FeatureMapping.identity(),
                trainInner(Datasets.union("source-only", task.outputFactory(), task.sources()), seed), Map.of());
    }
}
