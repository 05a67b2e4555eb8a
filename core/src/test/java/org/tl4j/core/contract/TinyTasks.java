package org.tl4j.core.contract;

import org.tl4j.core.TransferTask;
import org.tl4j.core.synthetic.DriftingLinearTasks;
import org.tl4j.core.synthetic.GaussianCovariateShift;
import org.tl4j.core.synthetic.RotatedMoons;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/** Small synthetic tasks for contract and smoke tests (fit in milliseconds). */
public final class TinyTasks {
    private TinyTasks() {
    }

    /** Binary classification: rotated moons, 80 source, 10 labelled and 40 unlabelled target, 40 test examples. */
    public static TransferTask<Label> classification(long seed) {
        return new RotatedMoons(30, 0.1, 80, 10, 40, 40).generate(seed);
    }

    /** Binary classification under covariate shift in 3 dimensions, with a known density ratio. */
    public static TransferTask<Label> covariateShift(long seed) {
        return new GaussianCovariateShift(GaussianCovariateShift.Boundary.QUADRATIC, 3, 1.0, 1.0, 0.6, 0.05,
                80, 10, 40, 40).generate(seed);
    }

    /** Regression: drifting linear tasks, d = 4, 60 source, 12 labelled target, 40 test examples. */
    public static TransferTask<Regressor> regression(long seed) {
        return new DriftingLinearTasks(4, 0.2, 0.3, 60, 12, 40).generate(seed);
    }
}
