package org.tl4j.feature.sa;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.NearestNeighbourTrainer;
import org.tl4j.core.learn.Seeds;
import org.tl4j.feature.RealData;
import org.tribuo.classification.Label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaStrategyTest extends FeatureTaskStrategyContract<Label> {

    @Override
    protected TransferStrategy<Label, TransferTask<Label>> strategy() {
        return new SaStrategy<>(new NearestNeighbourTrainer<Label>(1));
    }

    @Override
    protected TransferTask<Label> problem(long seed) {
        return TinyTasks.classification(seed);
    }

    /** Samples whose variance lies in the span of {@code axes} (with per-axis scales), plus tiny noise elsewhere. */
    private static DMatrixRMaj sample(int n, double[][] axes, double[] scales, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        int d = axes[0].length;
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < axes.length; a++) {
                double c = scales[a] * (rng.nextDouble() - 0.5);
                for (int j = 0; j < d; j++) {
                    x.add(i, j, c * axes[a][j]);
                }
            }
            for (int j = 0; j < d; j++) {
                x.add(i, j, 1e-6 * (rng.nextDouble() - 0.5));
            }
        }
        return x;
    }

    private static void assertOrthonormalColumns(DMatrixRMaj b, double tol) {
        DMatrixRMaj g = new DMatrixRMaj(b.numCols, b.numCols);
        CommonOps_DDRM.multTransA(b, b, g);
        for (int i = 0; i < b.numCols; i++) {
            for (int j = 0; j < b.numCols; j++) {
                assertEquals(i == j ? 1 : 0, g.get(i, j), tol, "column inner product (" + i + "," + j + ")");
            }
        }
    }

    @Test
    void alignedBasisIsOrthonormalWhenTheSubspacesCoincide() {
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        // Same plane, rotated axes and different variances: the target basis lies in the source subspace.
        DMatrixRMaj xs = sample(500, new double[][]{{1, 0, 0, 0}, {0, 1, 0, 0}}, new double[]{5, 2}, 1);
        DMatrixRMaj xt = sample(500, new double[][]{{c, s, 0, 0}, {-s, c, 0, 0}}, new double[]{4, 1}, 2);
        SubspaceAlignment.Fitted f = SubspaceAlignment.fit(xs, xt, 2);
        assertOrthonormalColumns(f.sourceBasis(), 1e-10);
        assertOrthonormalColumns(f.targetBasis(), 1e-10);
        assertOrthonormalColumns(f.alignedBasis(), 1e-5);
        DMatrixRMaj aligned = f.alignedBasis();
        for (int i = 0; i < aligned.data.length; i++) {
            assertEquals(f.targetBasis().data[i], aligned.data[i], 1e-5, "the aligned source basis is the target basis");
        }
    }

    @Test
    void alignmentMinimisesTheFrobeniusDistanceBetweenBases() {
        DMatrixRMaj xs = sample(300, new double[][]{{1, 0, 0, 0, 0}, {0, 1, 0.3, 0, 0}, {0, 0, 0, 1, 0}},
                new double[]{5, 3, 1}, 3);
        DMatrixRMaj xt = sample(300, new double[][]{{1, 1, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 1, 1}},
                new double[]{4, 2, 1}, 4);
        SubspaceAlignment.Fitted f = SubspaceAlignment.fit(xs, xt, 3);
        double best = distance(f.sourceBasis(), f.alignment(), f.targetBasis());
        UniformRandomProvider rng = Seeds.rng(5);
        for (int t = 0; t < 50; t++) {
            DMatrixRMaj m = f.alignment().copy();
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] += 0.01 * (rng.nextDouble() - 0.5);
            }
            assertTrue(distance(f.sourceBasis(), m, f.targetBasis()) > best, "a perturbed alignment is worse");
        }
    }

    private static double distance(DMatrixRMaj ps, DMatrixRMaj m, DMatrixRMaj pt) {
        DMatrixRMaj pm = new DMatrixRMaj(ps.numRows, m.numCols);
        CommonOps_DDRM.mult(ps, m, pm);
        CommonOps_DDRM.subtractEquals(pm, pt);
        return CommonOps_DDRM.elementSum(elementSquare(pm));
    }

    private static DMatrixRMaj elementSquare(DMatrixRMaj a) {
        DMatrixRMaj s = a.copy();
        CommonOps_DDRM.elementMult(s, a);
        return s;
    }

    @Test
    void invalidDimensionIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SaStrategy<>(new NearestNeighbourTrainer<Label>(1), 0));
        assertTrue(e.getMessage().contains("dimension"), e.getMessage());
        DMatrixRMaj line = new DMatrixRMaj(new double[][]{{1, 2, 3}, {2, 4, 6}, {3, 6, 9}});
        e = assertThrows(IllegalArgumentException.class, () -> SubspaceAlignment.fit(line, line, 2));
        assertTrue(e.getMessage().contains("directions of variance"), e.getMessage());
    }

    @Test
    void goldenAccuracyOnThreeOfficeCaltechPairs() {
        // Measured (d = 30, 1-NN); Zhang et al. (JGSA, CVPR 2017) report SA+1NN W->D 75.16, D->W 76.95, A->D 33.76.
        SaStrategy<Label> sa = new SaStrategy<>(new NearestNeighbourTrainer<Label>(1));
        assertEquals(GOLDEN_W_D, RealData.accuracy(sa, RealData.officeCaltech("W->D")), RealData.EXACT);
        assertEquals(GOLDEN_D_W, RealData.accuracy(sa, RealData.officeCaltech("D->W")), RealData.EXACT);
        assertEquals(GOLDEN_A_D, RealData.accuracy(sa, RealData.officeCaltech("A->D")), RealData.EXACT);
    }

    private static final double GOLDEN_W_D = 127.0 / 157;
    private static final double GOLDEN_D_W = 243.0 / 295;
    private static final double GOLDEN_A_D = 61.0 / 157;
}
