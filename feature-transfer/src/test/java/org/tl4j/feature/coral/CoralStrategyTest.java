package org.tl4j.feature.coral;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.FeatureTaskStrategyContract;
import org.tl4j.core.contract.TinyTasks;
import org.tl4j.core.learn.NearestNeighbourTrainer;
import org.tl4j.core.learn.Seeds;
import org.tl4j.feature.RealData;
import org.tl4j.core.matrix.DenseProducts;
import org.tl4j.feature.mapping.LinearMap;
import org.tribuo.classification.Label;
import org.tl4j.core.FeatureVectorModel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoralStrategyTest extends FeatureTaskStrategyContract<Label> {

    @Override
    protected TransferStrategy<Label, TransferTask<Label>> strategy() {
        return new CoralStrategy<>(new NearestNeighbourTrainer<Label>(1));
    }

    @Override
    protected TransferTask<Label> problem(long seed) {
        return TinyTasks.classification(seed);
    }

    /** Correlated Gaussian samples: rows of {@code z L} with {@code z} standard normal. */
    private static DMatrixRMaj gaussian(int n, double[][] mix, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        int d = mix.length;
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                z[j] = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
            }
            for (int j = 0; j < d; j++) {
                double s = 3.0 * j;
                for (int t = 0; t < d; t++) {
                    s += z[t] * mix[t][j];
                }
                x.set(i, j, s);
            }
        }
        return x;
    }

    @Test
    void recolouredSourceHasTheTargetCovariance() {
        DMatrixRMaj xs = gaussian(400, new double[][]{{1, 0.5, 0}, {0, 2, 0.3}, {0, 0, 0.5}}, 1);
        DMatrixRMaj xt = gaussian(300, new double[][]{{0.3, 0, 0}, {1, 1, 0}, {0.2, -0.4, 3}}, 2);
        // With a negligible regulariser the source covariance becomes the target's.
        LinearMap w = Coral.fit(xs, xt, 1e-10);
        DMatrixRMaj mapped = Coral.covariance(w.applyRows(xs), 0, "mapped source");
        DMatrixRMaj target = Coral.covariance(xt, 0, "target");
        for (int i = 0; i < target.data.length; i++) {
            assertEquals(target.data[i], mapped.data[i], 1e-7 * (1 + Math.abs(target.data[i])));
        }
        // With the paper's regulariser the regularised covariances match exactly: Aᵀ(Cs + I)A = Ct + I.
        LinearMap w1 = Coral.fit(xs, xt, 1.0);
        DMatrixRMaj a = w1.projection();
        DMatrixRMaj left = DenseProducts.multTransA(a, DenseProducts.mult(Coral.covariance(xs, 1.0, "s"), a));
        DMatrixRMaj right = Coral.covariance(xt, 1.0, "t");
        for (int i = 0; i < right.data.length; i++) {
            assertEquals(right.data[i], left.data[i], 1e-9 * (1 + Math.abs(right.data[i])));
        }
    }

    @Test
    void targetSamplesArePredictedUnchanged() {
        TransferModel<Label> m = strategy().fit(TinyTasks.classification(2), 1L);
        assertTrue(assertInstanceOf(FeatureVectorModel.class, m).mapping().isIdentity());
    }

    @Test
    void singularCovarianceWithoutRegularisationIsReported() {
        DMatrixRMaj flat = new DMatrixRMaj(new double[][]{{1, 2}, {2, 4}, {3, 6}});
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Coral.fit(flat, flat, 0));
        assertTrue(e.getMessage().contains("singular") && e.getMessage().contains("regularisation"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CoralStrategy<>(new NearestNeighbourTrainer<Label>(1), -1));
    }

    @Test
    void goldenAccuracyOnThreeOfficeCaltechPairs() {
        // Measured (1-NN, epsilon = 1); no published 1-NN table exists for CORAL on this protocol.
        CoralStrategy<Label> coral = new CoralStrategy<>(new NearestNeighbourTrainer<Label>(1));
        assertEquals(GOLDEN_W_D, RealData.accuracy(coral, RealData.officeCaltech("W->D")), RealData.EXACT);
        assertEquals(GOLDEN_D_W, RealData.accuracy(coral, RealData.officeCaltech("D->W")), RealData.EXACT);
        assertEquals(GOLDEN_A_D, RealData.accuracy(coral, RealData.officeCaltech("A->D")), RealData.EXACT);
    }

    private static final double GOLDEN_W_D = 132.0 / 157;
    private static final double GOLDEN_D_W = 249.0 / 295;
    private static final double GOLDEN_A_D = 42.0 / 157;
}
