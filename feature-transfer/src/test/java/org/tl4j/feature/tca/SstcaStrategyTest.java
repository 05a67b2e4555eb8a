package org.tl4j.feature.tca;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.NearestNeighbourTrainer;
import org.tl4j.core.synthetic.RotatedMoons;
import org.tl4j.feature.mapping.ClassIndex;
import org.tl4j.feature.mapping.TaskMatrices;
import org.tl4j.feature.mmd.EmbeddingKernel;
import org.tribuo.classification.Label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SstcaStrategyTest extends FeatureTaskStrategyContract<Label> {

    @Override
    protected TransferStrategy<Label, TransferTask<Label>> strategy() {
        return new SstcaStrategy(new NearestNeighbourTrainer<Label>(1));
    }

    @Override
    protected TransferTask<Label> problem(long seed) {
        return TinyTasks.classification(seed);
    }

    /** Between-class over total scatter of the labelled rows of a one-dimensional embedding. */
    private static double classSeparation(DMatrixRMaj z, int[] labels) {
        double mean = 0;
        for (int i = 0; i < labels.length; i++) {
            mean += z.get(i, 0) / labels.length;
        }
        double[] sum = new double[2];
        int[] count = new int[2];
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            sum[labels[i]] += z.get(i, 0);
            count[labels[i]]++;
            total += (z.get(i, 0) - mean) * (z.get(i, 0) - mean);
        }
        double between = 0;
        for (int c = 0; c < 2; c++) {
            double m = sum[c] / count[c];
            between += count[c] * (m - mean) * (m - mean);
        }
        return between / total;
    }

    @Test
    void labelKernelMakesTheComponentsFollowTheClasses() {
        TransferTask<Label> task = new RotatedMoons(20, 0.1, 150, 0, 150, 20).generate(4);
        TaskMatrices<Label> data = TaskMatrices.of(task);
        ClassIndex classes = ClassIndex.of(data.sourceOutputs());
        int[] y = classes.ids(data.sourceOutputs());
        double without = classSeparation(SemiSupervisedTca.fit(data.source(), y, data.sourceSize(),
                data.targetUnlabelled(), new SemiSupervisedTca.Options(1, 1.0, EmbeddingKernel.PRIMAL, 1, 0.0, 0.0, 5))
                .embedding(), y);
        double with = classSeparation(SemiSupervisedTca.fit(data.source(), y, data.sourceSize(),
                data.targetUnlabelled(), new SemiSupervisedTca.Options(1, 1.0, EmbeddingKernel.PRIMAL, 1, 0.9, 0.0, 5))
                .embedding(), y);
        assertTrue(with > without + 0.1, "class separation with labels " + with + " vs without " + without);
    }

    @Test
    void laplacianRowsSumToZero() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][]{{0, 0}, {1, 0}, {0, 1}, {5, 5}, {6, 5}});
        DMatrixRMaj lap = SemiSupervisedTca.laplacian(x, 1);
        for (int i = 0; i < 5; i++) {
            double s = 0;
            for (int j = 0; j < 5; j++) {
                s += lap.get(i, j);
                assertEquals(lap.get(i, j), lap.get(j, i), 0.0, "symmetric");
            }
            assertEquals(0, s, 1e-15);
        }
        assertEquals(-1, lap.get(3, 4), 0.0, "nearest neighbours are linked");
        assertEquals(0, lap.get(0, 4), 0.0, "distant samples are not");
    }

    @Test
    void invalidOptionsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SemiSupervisedTca.Options(5, 1.0, EmbeddingKernel.PRIMAL, 1, 1.5, 0, 5));
        assertTrue(e.getMessage().contains("label weight"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SemiSupervisedTca.Options(5, 1.0, EmbeddingKernel.PRIMAL, 1, 0.5, -1, 5));
        assertThrows(IllegalArgumentException.class, () -> new SemiSupervisedTca.Options(5, 1.0, EmbeddingKernel.PRIMAL, 1, 0.5, 0, 0));
    }
}
