package org.tl4j.instance.tradaboost;

import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.InnerLearners;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** The strategy contract for {@code two-stage-tradaboost-r2}. */
class TwoStageTrAdaBoostR2StrategyContractTest extends FeatureTaskStrategyContract<Regressor> {

    @Override
    protected TransferStrategy<Regressor, TransferTask<Regressor>> strategy() {
        return new TwoStageTrAdaBoostR2Strategy(InnerLearners.defaultFor(new RegressionFactory()));
    }

    @Override
    protected TransferTask<Regressor> problem(long seed) {
        return TinyTasks.regression(seed);
    }
}
