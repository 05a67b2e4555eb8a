package org.tl4j.instance.tradaboost;

import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.InnerLearners;
import org.tribuo.classification.Label;

/** The strategy contract for {@code tradaboost}. */
class TrAdaBoostStrategyContractTest extends FeatureTaskStrategyContract<Label> {

    @Override
    protected TransferStrategy<Label, TransferTask<Label>> strategy() {
        return new TrAdaBoostStrategy(InnerLearners.logistic(), 10);
    }

    @Override
    protected TransferTask<Label> problem(long seed) {
        return TinyTasks.classification(seed);
    }
}
