package org.tl4j.core.baseline;

import org.tl4j.core.AbstractTransferStrategy;
import org.tl4j.core.Datasets;
import org.tl4j.core.FeatureMapping;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferTask;
import org.tribuo.Output;
import org.tribuo.Trainer;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.tl4j.core.BaselineRole;

/**
 * The reference every transfer result is measured against: the inner learner trained on the labelled target
 * data only. The negative transfer gap of a strategy is its error minus this baseline's error.
 *
 * @see SourceOnlyStrategy
 * @see PooledStrategy
 */
public final class TargetOnlyStrategy<T extends Output<T>> extends AbstractTransferStrategy<T> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("target-only", null,
            EnumSet.of(Setting.INDUCTIVE), "core", TransferTask.DATA_KIND,
            "Inner learner trained on the labelled target data only (no transfer)",
            BaselineRole.TARGET_ONLY);

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private TargetOnlyStrategy() {
    }

    /** A target-only baseline with the given inner learner. */
    public TargetOnlyStrategy(Trainer<T> inner) {
        super(inner);
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected TransferModel<T> fitTask(TransferTask<T> task, long seed) {
        return model(task, seed, FeatureMapping.identity(),
                trainInner(Datasets.union("target-only", task.outputFactory(), List.of(task.targetTrain())), seed),
                Map.of());
    }
}
