package org.tl4j.core.matrix;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.math.SampleStatistics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ColumnStatisticsTest {

    /** Rounding of a mean of 40 values of magnitude up to 8 (a few ulps of 8, times a few). */
    private static final double ROUNDING = 1e-14;

    private static DMatrixRMaj random(int r, int c, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = 3 * rng.nextDouble() + i % c;
        }
        return m;
    }

    @Test
    void columnStatisticsAreTheScalarStatisticsOfEachColumnBitForBit() {
        DMatrixRMaj x = random(53, 7, 1);
        double[] means = ColumnStatistics.means(x);
        double[] sds = ColumnStatistics.populationSds(x, means);
        for (int j = 0; j < x.numCols; j++) {
            double[] column = new double[x.numRows];
            for (int i = 0; i < x.numRows; i++) {
                column[i] = x.get(i, j);
            }
            assertEquals(SampleStatistics.mean(column), means[j], 0.0);
            assertEquals(SampleStatistics.populationSd(column), sds[j], 0.0);
        }
    }

    @Test
    void covarianceOfAKnownSampleAndOfARandomOne() {
        // Rows (0, 0), (2, 0), (1, 3): means (1, 1); deviations (−1, −1), (1, −1), (0, 2).
        DMatrixRMaj x = new DMatrixRMaj(new double[][]{{0, 0}, {2, 0}, {1, 3}});
        assertArrayEquals(new double[]{1, 0, 0, 3}, ColumnStatistics.covariance(x).data, 1e-15);
        DMatrixRMaj y = random(40, 5, 2);
        DMatrixRMaj c = ColumnStatistics.centred(y, ColumnStatistics.means(y));
        DMatrixRMaj expected = new DMatrixRMaj(5, 5);
        CommonOps_DDRM.multTransA(c, c, expected);
        CommonOps_DDRM.scale(1.0 / 39, expected);
        assertArrayEquals(expected.data, ColumnStatistics.covariance(y).data, 1e-15);
        for (double m : ColumnStatistics.means(c)) {
            assertEquals(0, m, ROUNDING);
        }
    }

    @Test
    void tooFewRowsAndMismatchedMeansAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ColumnStatistics.covariance(new DMatrixRMaj(1, 3)));
        assertThrows(IllegalArgumentException.class, () -> ColumnStatistics.centred(new DMatrixRMaj(2, 3), new double[2]));
    }
}
