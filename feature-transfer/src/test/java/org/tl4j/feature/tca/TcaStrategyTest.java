package org.tl4j.feature.tca;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.discrepancy.DomainDiscrepancy;
import org.tl4j.core.kernel.GaussianKernel;
import org.tl4j.core.learn.NearestNeighbourTrainer;
import org.tl4j.core.matrix.ColumnStatistics;
import org.tl4j.core.synthetic.RotatedMoons;
import org.tl4j.feature.RealData;
import org.tl4j.feature.mapping.TaskMatrices;
import org.tl4j.feature.mmd.EmbeddingKernel;
import org.tl4j.feature.mmd.MmdEmbedding;
import org.tribuo.classification.Label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TcaStrategyTest extends FeatureTaskStrategyContract<Label> {

    @Override
    protected TransferStrategy<Label, TransferTask<Label>> strategy() {
        return new TcaStrategy<>(new NearestNeighbourTrainer<Label>(1));
    }

    @Override
    protected TransferTask<Label> problem(long seed) {
        return TinyTasks.classification(seed);
    }

    /**
     * The squared distance between the embedded domain means relative to the embedding's spread (so that the scale
     * of the components does not matter).
     */
    private static double relativeMmd(DMatrixRMaj z, int ns) {
        DMatrixRMaj zs = TaskMatrices.rows(z, 0, ns);
        DMatrixRMaj zt = TaskMatrices.rows(z, ns, z.numRows);
        double[] mean = ColumnStatistics.means(z);
        double spread = 0;
        for (int i = 0; i < z.numRows; i++) {
            for (int j = 0; j < z.numCols; j++) {
                double v = z.get(i, j) - mean[j];
                spread += v * v;
            }
        }
        return DomainDiscrepancy.mmdLinear(zs, zt) / (spread / z.numRows);
    }

    /** The unbiased Gaussian-kernel MMD² between the embedded domains, at the median-heuristic width. */
    private static double rbfMmd(DMatrixRMaj z, int ns) {
        DMatrixRMaj zs = TaskMatrices.rows(z, 0, ns);
        DMatrixRMaj zt = TaskMatrices.rows(z, ns, z.numRows);
        return DomainDiscrepancy.mmdRbf(zs, zt, GaussianKernel.medianWidth(zs, zt, 1L));
    }

    @Test
    void reducesMmdBetweenDomainsOnRotatedMoons() {
        // Two moons rotated by 50 degrees: the domain means nearly agree, the shapes do not.
        TransferTask<Label> task = new RotatedMoons(50, 0.1, 200, 0, 200, 50).generate(3);
        TaskMatrices<Label> data = TaskMatrices.of(task);
        DMatrixRMaj x = TaskMatrices.stackRows(data.source(), data.target());
        int ns = data.sourceSize();
        double before = rbfMmd(x, ns);
        MmdEmbedding.Solution rbf = TransferComponentAnalysis.fit(data.source(), data.target(),
                new TransferComponentAnalysis.Options(4, 1.0, EmbeddingKernel.RBF, 1.0));
        double after = rbfMmd(rbf.embedding(), ns);
        assertTrue(before > 0.02, "the rotation creates a domain shift: MMD² " + before);
        assertTrue(after < 0.5 * before, "RBF TCA's components: MMD² " + after + " vs " + before + " in the input space");
        // One linear component: the direction whose domain means differ least relative to its spread.
        MmdEmbedding.Solution linear = TransferComponentAnalysis.fit(data.source(), data.target(),
                new TransferComponentAnalysis.Options(1, 1.0, EmbeddingKernel.LINEAR, 1.0));
        double raw = relativeMmd(x, ns);
        assertTrue(relativeMmd(linear.embedding(), ns) < 0.25 * raw,
                "linear TCA's component " + relativeMmd(linear.embedding(), ns) + " vs the input space " + raw);
    }

    @Test
    void fittedMapEmbedsNewSamplesAsTheTrainingSamples() {
        TransferTask<Label> task = TinyTasks.classification(4);
        TaskMatrices<Label> data = TaskMatrices.of(task);
        for (EmbeddingKernel k : EmbeddingKernel.values()) {
            MmdEmbedding.Solution s = TransferComponentAnalysis.fit(data.source(), data.target(),
                    new TransferComponentAnalysis.Options(2, 1.0, k, 0.5));
            DMatrixRMaj again = s.map().applyRows(TaskMatrices.stackRows(data.source(), data.target()));
            for (int i = 0; i < again.data.length; i++) {
                assertEquals(s.embedding().data[i], again.data[i], 1e-9, k.toString());
            }
        }
    }

    @Test
    void componentsAreCappedByTheRankAndRecorded() {
        TransferModel<Label> m = strategy().fit(TinyTasks.classification(5), 1L);
        assertEquals(2, ((com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance)
                m.getProvenance().getInstanceProvenance().getMap().get("components")).getValue());
    }

    @Test
    void invalidOptionsAreRejected() {
        NearestNeighbourTrainer<Label> nn = new NearestNeighbourTrainer<Label>(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TcaStrategy<>(nn, 0, 1.0, EmbeddingKernel.LINEAR, 1.0));
        assertTrue(e.getMessage().contains("components") && e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TcaStrategy<>(nn, 5, -1.0, EmbeddingKernel.LINEAR, 1.0));
        assertTrue(e.getMessage().contains("mu"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TcaStrategy<>(nn, 5, 1.0, EmbeddingKernel.RBF, 0));
        assertTrue(e.getMessage().contains("gamma"), e.getMessage());
    }

    @Test
    void reproducesTheJdaPaperTcaColumn() {
        // Long et al., ICCV 2013, Table 3, TCA: W->D 87.26, D->W 86.10, C->D 41.40 (k = 100, mu = 1, linear kernel).
        TcaStrategy<Label> tca = new TcaStrategy<>(new NearestNeighbourTrainer<Label>(1));
        assertEquals(0.8726, RealData.accuracy(tca, RealData.officeCaltech("W->D")), RealData.EXACT);
        assertEquals(0.8610, RealData.accuracy(tca, RealData.officeCaltech("D->W")), RealData.EXACT);
        assertEquals(0.4140, RealData.accuracy(tca, RealData.officeCaltech("C->D")), RealData.EXACT);
    }
}
