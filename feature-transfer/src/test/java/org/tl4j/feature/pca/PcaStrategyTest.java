package org.tl4j.feature.pca;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.NearestNeighbourTrainer;
import org.tl4j.feature.RealData;
import org.tribuo.classification.Label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcaStrategyTest extends FeatureTaskStrategyContract<Label> {

    @Override
    protected TransferStrategy<Label, TransferTask<Label>> strategy() {
        return new PcaStrategy<>(new NearestNeighbourTrainer<Label>(1));
    }

    @Override
    protected TransferTask<Label> problem(long seed) {
        return TinyTasks.classification(seed);
    }

    @Test
    void componentsAreOrthonormalDirectionsOfDecreasingVariance() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][]{{1, 2, 0}, {2, 4, 1}, {3, 6, 0}, {4, 8, 1}, {5, 10, 0}});
        PrincipalComponents pc = PrincipalComponents.fit(x, 3);
        assertEquals(2, pc.components(), "the third direction has no variance");
        DMatrixRMaj b = pc.basis();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double dot = 0;
                for (int r = 0; r < 3; r++) {
                    dot += b.get(r, i) * b.get(r, j);
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-12);
            }
        }
        assertEquals(1 / Math.sqrt(5), Math.abs(b.get(0, 0)), 1e-12, "the first component is (1,2,0)/sqrt(5)");
        assertTrue(pc.variances()[0] > pc.variances()[1]);
        assertEquals(10.0, pc.variances()[0], 1e-12, "variance of (1..5)*sqrt(5) about its mean");
    }

    @Test
    void invalidSettingsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PcaStrategy<>(new NearestNeighbourTrainer<Label>(1), 0));
        assertTrue(e.getMessage().contains("principal components"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PrincipalComponents.fit(new DMatrixRMaj(1, 3), 1));
    }

    @Test
    void reproducesTheJdaPaperPcaColumn() {
        // Long et al., ICCV 2013, Table 3, PCA (k = 100, 1-NN): W->D 77.07, D->W 75.93, A->D 27.39.
        PcaStrategy<Label> pca = new PcaStrategy<>(new NearestNeighbourTrainer<Label>(1));
        assertEquals(0.7707, RealData.accuracy(pca, RealData.officeCaltech("W->D")), RealData.EXACT);
        assertEquals(0.7593, RealData.accuracy(pca, RealData.officeCaltech("D->W")), RealData.EXACT);
        assertEquals(0.2739, RealData.accuracy(pca, RealData.officeCaltech("A->D")), RealData.EXACT);
    }
}
