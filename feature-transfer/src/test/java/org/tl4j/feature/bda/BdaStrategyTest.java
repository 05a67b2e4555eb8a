package org.tl4j.feature.bda;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.NearestNeighbourTrainer;
import org.tl4j.core.synthetic.RotatedMoons;
import org.tl4j.feature.RealData;
import org.tl4j.feature.jda.JointDistributionAdaptation;
import org.tl4j.feature.mapping.ClassIndex;
import org.tl4j.feature.mapping.TaskMatrices;
import org.tl4j.feature.mmd.EmbeddingKernel;
import org.tribuo.classification.Label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BdaStrategyTest extends FeatureTaskStrategyContract<Label> {

    @Override
    protected TransferStrategy<Label, TransferTask<Label>> strategy() {
        return new BdaStrategy(new NearestNeighbourTrainer<Label>(1));
    }

    @Override
    protected TransferTask<Label> problem(long seed) {
        return TinyTasks.classification(seed);
    }

    private static JointDistributionAdaptation.Result fit(double mu, JointDistributionAdaptation.PseudoLabeller l) {
        TransferTask<Label> task = new RotatedMoons(40, 0.1, 100, 0, 100, 20).generate(9);
        TaskMatrices<Label> data = TaskMatrices.of(task);
        ClassIndex classes = ClassIndex.of(data.sourceOutputs());
        return BalancedDistributionAdaptation.fit(data.source(), classes.ids(data.sourceOutputs()), data.targetLabelled(),
                new int[0], data.targetUnlabelled(), classes.size(),
                new BalancedDistributionAdaptation.Options(2, 1.0, 3, EmbeddingKernel.RBF, 1.0, mu, false), l);
    }

    @Test
    void balanceFactorZeroIgnoresThePseudoLabels() {
        // mu = 0 keeps only the marginal MMD: the embedding cannot depend on how the target is labelled.
        JointDistributionAdaptation.PseudoLabeller zeros = (zs, ys, zt) -> new int[zt.numRows];
        JointDistributionAdaptation.PseudoLabeller alternating = (zs, ys, zt) -> {
            int[] out = new int[zt.numRows];
            for (int i = 0; i < out.length; i++) {
                out[i] = i % 2;
            }
            return out;
        };
        DMatrixRMaj a = fit(0.0, zeros).solution().embedding();
        DMatrixRMaj b = fit(0.0, alternating).solution().embedding();
        assertArrayEquals(a.data, b.data, 1e-12);
        DMatrixRMaj c = fit(0.9, zeros).solution().embedding();
        DMatrixRMaj d = fit(0.9, alternating).solution().embedding();
        double diff = 0;
        for (int i = 0; i < c.data.length; i++) {
            diff = Math.max(diff, Math.abs(c.data[i] - d.data[i]));
        }
        assertNotEquals(0.0, diff, "with mu > 0 the class-conditional terms follow the labels");
    }

    @Test
    void weightedVariantUsesTheRatioOfClassPriors() {
        double[] p = BalancedDistributionAdaptation.prior(new int[]{0, 0, 0, 1, -1}, 3);
        assertArrayEquals(new double[]{0.75, 0.25, 0.0}, p, 1e-15);
    }

    @Test
    void invalidBalanceFactorIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BdaStrategy(new NearestNeighbourTrainer<Label>(1), 10, 1.0, 10, EmbeddingKernel.PRIMAL, 1.5, false));
        assertTrue(e.getMessage().contains("mu") && e.getMessage().contains("1.5"), e.getMessage());
    }

    @Test
    void goldenAccuracyOnThreeOfficeCaltechPairs() {
        // Measured with the suite's JDA protocol (linear kernel, lambda = 1, k = 100, T = 10, mu = 0.5, 1-NN);
        // Wang et al. (ICDM 2017) publish no Office-Caltech SURF table under this protocol.
        BdaStrategy bda = new BdaStrategy(new NearestNeighbourTrainer<Label>(1), 100, 1.0, 10, EmbeddingKernel.LINEAR, 0.5, false);
        assertEquals(GOLDEN_W_D, RealData.accuracy(bda, RealData.officeCaltech("W->D")), RealData.EXACT);
        assertEquals(GOLDEN_D_W, RealData.accuracy(bda, RealData.officeCaltech("D->W")), RealData.EXACT);
        assertEquals(GOLDEN_C_D, RealData.accuracy(bda, RealData.officeCaltech("C->D")), RealData.EXACT);
    }

    private static final double GOLDEN_W_D = 138.0 / 157;
    private static final double GOLDEN_D_W = 270.0 / 295;
    private static final double GOLDEN_C_D = 71.0 / 157;
}
