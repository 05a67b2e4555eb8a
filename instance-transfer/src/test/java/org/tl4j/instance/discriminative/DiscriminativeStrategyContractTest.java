package org.tl4j.instance.discriminative;

import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.InnerLearners;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/** The strategy contract for {@code discriminative-ratio}. */
class DiscriminativeStrategyContractTest extends FeatureTaskStrategyContract<Label> {

    @Override
    protected TransferStrategy<Label, TransferTask<Label>> strategy() {
        return new DiscriminativeStrategy<>(InnerLearners.defaultFor(new LabelFactory()));
    }

    @Override
    protected TransferTask<Label> problem(long seed) {
        return TinyTasks.covariateShift(seed);
    }
}
