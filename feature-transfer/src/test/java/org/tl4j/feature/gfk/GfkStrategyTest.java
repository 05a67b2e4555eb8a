package org.tl4j.feature.gfk;

import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.NearestNeighbourTrainer;
import org.tl4j.core.learn.Seeds;
import org.tl4j.feature.RealData;
import org.tl4j.feature.pca.PrincipalComponents;
import org.tribuo.classification.Label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GfkStrategyTest extends FeatureTaskStrategyContract<Label> {

    @Override
    protected TransferStrategy<Label, TransferTask<Label>> strategy() {
        return new GfkStrategy<>(new NearestNeighbourTrainer<Label>(1));
    }

    @Override
    protected TransferTask<Label> problem(long seed) {
        return classification(seed);
    }

    private static TransferTask<Label> classification(long seed) {
        return TinyTasks.classification(seed);
    }

    private static DMatrixRMaj random(int n, int d, double[] scales, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x.set(i, j, scales[j] * (rng.nextDouble() - 0.5));
            }
        }
        return x;
    }

    @Test
    void closedFormEqualsTheIntegralAlongTheGeodesic() {
        int d = 3;
        DMatrixRMaj xs = random(400, 8, new double[]{9, 7, 5, 1, 1, 1, 1, 1}, 1);
        DMatrixRMaj xt = random(400, 8, new double[]{1, 6, 1, 8, 4, 1, 1, 1}, 2);
        GeodesicFlowKernel.Fitted g = GeodesicFlowKernel.fit(xs, xt, d);
        // Principal vectors p_i = Pₛu_i, q_i = Pₜv_i; the geodesic turns each p_i towards q_i in their plane.
        DMatrixRMaj ps = PrincipalComponents.fit(xs, d).basis(d);
        DMatrixRMaj pt = PrincipalComponents.fit(xt, d).basis(d);
        DMatrixRMaj cross = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(ps, pt, cross);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, d, true, true, false);
        assertTrue(svd.decompose(cross.copy()));
        DMatrixRMaj p = new DMatrixRMaj(8, d);
        DMatrixRMaj q = new DMatrixRMaj(8, d);
        CommonOps_DDRM.mult(ps, svd.getU(null, false), p);
        CommonOps_DDRM.mult(pt, svd.getV(null, false), q);
        double[] cos = svd.getSingularValues();
        int steps = 4000;
        DMatrixRMaj integral = new DMatrixRMaj(8, 8);
        for (int s = 0; s < steps; s++) {
            double t = (s + 0.5) / steps;
            for (int i = 0; i < d; i++) {
                double theta = Math.acos(Math.min(1, cos[i]));
                double[] phi = new double[8];
                for (int r = 0; r < 8; r++) {
                    double orth = (q.get(r, i) - cos[i] * p.get(r, i)) / Math.sin(theta);
                    phi[r] = Math.cos(t * theta) * p.get(r, i) + Math.sin(t * theta) * orth;
                }
                for (int a = 0; a < 8; a++) {
                    for (int b = 0; b < 8; b++) {
                        integral.add(a, b, phi[a] * phi[b] / steps);
                    }
                }
            }
        }
        DMatrixRMaj kernel = g.kernel();
        for (int i = 0; i < kernel.data.length; i++) {
            assertEquals(integral.data[i], kernel.data[i], 1e-6, "G entry " + i);
        }
    }

    @Test
    void subspaceDisagreementPicksTheFirstDimensionOfMaximalDisagreement() {
        // Shared variance in the first two directions, then each domain varies in directions the other lacks.
        DMatrixRMaj xs = random(300, 10, new double[]{10, 9, 6, 0.01, 5, 0.01, 0.01, 0.01, 0.01, 0.01}, 3);
        DMatrixRMaj xt = random(300, 10, new double[]{10, 9, 0.01, 6, 0.01, 5, 0.01, 0.01, 0.01, 0.01}, 4);
        double[] dis = GeodesicFlowKernel.disagreement(xs, xt, 5);
        int chosen = GeodesicFlowKernel.selectDimension(xs, xt, 5);
        assertTrue(dis[chosen - 1] >= GeodesicFlowKernel.SDM_THRESHOLD, "D(" + chosen + ") = " + dis[chosen - 1]);
        for (int d = 1; d < chosen; d++) {
            assertTrue(dis[d - 1] < GeodesicFlowKernel.SDM_THRESHOLD, "D(" + d + ") = " + dis[d - 1]);
        }
        assertTrue(chosen > 2, "the shared directions agree: " + chosen);
    }

    @Test
    void dimensionAboveHalfTheFeaturesIsRejected() {
        DMatrixRMaj x = random(50, 4, new double[]{1, 1, 1, 1}, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeodesicFlowKernel.fit(x, x, 3));
        assertTrue(e.getMessage().contains("half the number of features"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GfkStrategy<>(new NearestNeighbourTrainer<Label>(1), -1));
    }

    @Test
    void chosenDimensionIsRecorded() {
        TransferModel<Label> m = new GfkStrategy<>(new NearestNeighbourTrainer<Label>(1), 1).fit(classification(6), 1L);
        var map = m.getProvenance().getInstanceProvenance().getMap();
        assertEquals("given", ((StringProvenance) map.get("dimension-rule")).getValue());
        assertEquals(1, ((IntProvenance) map.get("dimension")).getValue());
    }

    @Test
    void reproducesTheJdaPaperGfkColumnAtDimensionTen() {
        // Long et al., ICCV 2013, Table 3, GFK: W->D 80.89, D->W 75.59, C->D 38.85 -- equal to GFK with d = 10.
        GfkStrategy<Label> gfk = new GfkStrategy<>(new NearestNeighbourTrainer<Label>(1), 10);
        assertEquals(0.8089, RealData.accuracy(gfk, RealData.officeCaltech("W->D")), RealData.EXACT);
        assertEquals(0.7559, RealData.accuracy(gfk, RealData.officeCaltech("D->W")), RealData.EXACT);
        assertEquals(0.3885, RealData.accuracy(gfk, RealData.officeCaltech("C->D")), RealData.EXACT);
    }
}
