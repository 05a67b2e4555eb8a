package org.tl4j.feature.jda;

import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.NearestNeighbourTrainer;
import org.tl4j.core.synthetic.RotatedMoons;
import org.tl4j.feature.RealData;
import org.tl4j.feature.mapping.ClassIndex;
import org.tl4j.feature.mapping.TaskMatrices;
import org.tl4j.feature.mmd.EmbeddingKernel;
import org.tribuo.classification.Label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdaStrategyTest extends FeatureTaskStrategyContract<Label> {

    @Override
    protected TransferStrategy<Label, TransferTask<Label>> strategy() {
        return new JdaStrategy(new NearestNeighbourTrainer<Label>(1));
    }

    @Override
    protected TransferTask<Label> problem(long seed) {
        return TinyTasks.classification(seed);
    }

    @Test
    void firstIterationIsTheMarginalEmbeddingAndLaterOnesUsePseudoLabels() {
        TransferTask<Label> task = new RotatedMoons(30, 0.1, 120, 0, 120, 40).generate(2);
        TaskMatrices<Label> data = TaskMatrices.of(task);
        ClassIndex classes = ClassIndex.of(data.sourceOutputs());
        int[] calls = {0};
        JointDistributionAdaptation.Result r = JointDistributionAdaptation.fit(data.source(),
                classes.ids(data.sourceOutputs()), data.targetLabelled(), new int[0], data.targetUnlabelled(),
                classes.size(), new JointDistributionAdaptation.Options(2, 1.0, 5, EmbeddingKernel.RBF, 1.0),
                (zs, ys, zt) -> {
                    calls[0]++;
                    int[] out = new int[zt.numRows];
                    for (int i = 0; i < zt.numRows; i++) {
                        out[i] = nearest(zs, ys, zt, i);
                    }
                    return out;
                });
        assertEquals(5, calls[0], "one pseudo-labelling per iteration");
        assertEquals(4, r.changes().size(), "label changes are recorded from the second iteration on");
        assertEquals(data.targetUnlabelled().numRows, r.pseudoLabels().length);
    }

    private static int nearest(DMatrixRMaj zs, int[] ys, DMatrixRMaj zt, int row) {
        double best = Double.POSITIVE_INFINITY;
        int label = -1;
        for (int s = 0; s < zs.numRows; s++) {
            double d = 0;
            for (int j = 0; j < zs.numCols; j++) {
                double v = zs.get(s, j) - zt.get(row, j);
                d += v * v;
            }
            if (d < best) {
                best = d;
                label = ys[s];
            }
        }
        return label;
    }

    @Test
    void provenanceRecordsThePseudoLabelChanges() {
        TransferModel<Label> m = strategy().fit(TinyTasks.classification(3), 7L);
        String changes = ((StringProvenance) m.getProvenance().getInstanceProvenance().getMap()
                .get("pseudo-label-changes")).getValue();
        assertTrue(changes.startsWith("[") && changes.split(",").length == 9, changes);
    }

    @Test
    void invalidOptionsAreRejected() {
        NearestNeighbourTrainer<Label> nn = new NearestNeighbourTrainer<Label>(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JdaStrategy(nn, 10, 0.0, 10, EmbeddingKernel.PRIMAL));
        assertTrue(e.getMessage().contains("lambda"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new JdaStrategy(nn, 10, 1.0, 0, EmbeddingKernel.PRIMAL));
        assertTrue(e.getMessage().contains("iterations"), e.getMessage());
    }

    @Test
    void reproducesTheJdaPaperOnThreeOfficeCaltechPairs() {
        // Long et al., ICCV 2013, Table 3, JDA (k = 100, lambda = 1, T = 10, linear kernel as in the released code):
        // W->D 89.17, D->W 89.49, C->D 45.22.
        JdaStrategy jda = new JdaStrategy(new NearestNeighbourTrainer<Label>(1), 100, 1.0, 10, EmbeddingKernel.LINEAR);
        assertEquals(0.8917, RealData.accuracy(jda, RealData.officeCaltech("W->D")), RealData.EXACT);
        assertEquals(0.8949, RealData.accuracy(jda, RealData.officeCaltech("D->W")), RealData.EXACT);
        assertEquals(0.4522, RealData.accuracy(jda, RealData.officeCaltech("C->D")), RealData.EXACT);
    }

    @Test
    @Tag("slow")
    void reproducesTheJdaPaperOnBothDigitDirections() {
        // Long et al., ICCV 2013, Table 3, JDA (k = 100, lambda = 0.1, T = 10, primal): 59.65 and 67.28.
        JdaStrategy jda = new JdaStrategy(new NearestNeighbourTrainer<Label>(1));
        assertEquals(0.5965, RealData.accuracy(jda, RealData.digits("USPS->MNIST")), RealData.EXACT);
        assertEquals(0.6728, RealData.accuracy(jda, RealData.digits("MNIST->USPS")), RealData.EXACT);
    }
}
