package org.tl4j.instance.ulsif;

import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.InnerLearners;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** The strategy contract for {@code rulsif (on a regression task)}. */
class RuLsifStrategyContractTest extends FeatureTaskStrategyContract<Regressor> {

    @Override
    protected TransferStrategy<Regressor, TransferTask<Regressor>> strategy() {
        return new RuLsifStrategy<>(InnerLearners.defaultFor(new RegressionFactory()));
    }

    @Override
    protected TransferTask<Regressor> problem(long seed) {
        return TinyTasks.regression(seed);
    }
}
