package org.tl4j.feature.feda;

import org.junit.jupiter.api.Test;
import org.tl4j.core.Domain;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.baseline.PooledStrategy;
import org.tl4j.core.learn.LeastSquaresTrainer;
import org.tl4j.core.learn.NearestNeighbourTrainer;
import org.tl4j.core.learn.Seeds;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FedaStrategyTest extends FeatureTaskStrategyContract<Label> {

    @Override
    protected TransferStrategy<Label, TransferTask<Label>> strategy() {
        return new FedaStrategy<>(new NearestNeighbourTrainer<Label>(1));
    }

    @Override
    protected TransferTask<Label> problem(long seed) {
        return TinyTasks.classification(seed);
    }

    @Test
    void augmentationPutsSharedAndDomainCopiesInTheirBlocks() {
        AugmentMap target = new AugmentMap(2, 3, 2);
        assertArrayEquals(new double[]{1, 2, 0, 0, 0, 0, 1, 2}, target.apply(new double[]{1, 2}));
        assertArrayEquals(new double[]{1, 2, 1, 2, 0, 0, 0, 0}, new AugmentMap(2, 3, 0).apply(new double[]{1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new AugmentMap(2, 1, 0));
    }

    private static Domain<Regressor> line(String name, int n, double slope, long seed) {
        var rng = Seeds.rng(seed);
        double[][] x = new double[n][1];
        List<Regressor> y = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            x[i][0] = 2 * rng.nextDouble() - 1;
            y.add(new Regressor("y", slope * x[i][0] + 0.01 * (rng.nextDouble() - 0.5)));
        }
        RegressionFactory f = new RegressionFactory();
        return Domain.fromArrays(name, f, FeatureSpace.of("x"), x, y, new SimpleDataSourceProvenance(name, f));
    }

    @Test
    void learnsTargetSpecificWeightsWherePoolingCannot() {
        // Source concept y = x, target concept y = -x: pooled least squares averages the slopes towards 0 (the source
        // outnumbers the target), FEDA's target block absorbs the difference.
        TransferTask<Regressor> task = TransferTask.builder("opposite-slopes", new RegressionFactory())
                .source(line("source", 200, 1.0, 1)).targetTrain(line("target-train", 40, -1.0, 2))
                .targetTest(line("target-test", 50, -1.0, 3)).build();
        double feda = mse(new FedaStrategy<>(new LeastSquaresTrainer(1e-3)).fit(task, 0L), task);
        double pooled = mse(new PooledStrategy<>(new LeastSquaresTrainer(1e-3)).fit(task, 0L), task);
        assertTrue(feda < 0.01, "FEDA fits the target concept: MSE " + feda);
        assertTrue(pooled > 0.1, "pooling cannot: MSE " + pooled);
    }

    private static double mse(TransferModel<Regressor> m, TransferTask<Regressor> t) {
        List<Prediction<Regressor>> p = m.predictTargetTest(t);
        double s = 0;
        for (int i = 0; i < p.size(); i++) {
            double d = p.get(i).getOutput().getValues()[0] - t.targetTestTruth().get(i).getValues()[0];
            s += d * d;
        }
        return s / p.size();
    }

    @Test
    void transductiveTasksAreRefused() {
        TransferTask<Label> t = TinyTasks.classification(3);
        TransferTask<Label> transductive = TransferTask.builder("no-target-labels", t.outputFactory())
                .source(t.sources().get(0)).targetUnlabelled(t.targetUnlabelled()).targetTest(t.targetTest()).build();
        assertFalse(strategy().appliesTo(transductive));
        assertTrue(strategy().whyNotApplicable(transductive).contains("feda"));
    }
}
