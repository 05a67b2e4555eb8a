package org.tl4j.instance.nnw;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.tl4j.core.math.SampleStatistics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tl4j.instance.Samples.gaussian;

/** Nearest-neighbour weighting: Voronoi counts, smoothing, ties and bad input. */
class NearestNeighbourWeightingTest {

    @Test
    void countsAreVoronoiCellOccupancies() {
        DMatrixRMaj s = new DMatrixRMaj(new double[][]{{0, 0}, {10, 0}, {20, 0}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][]{{1, 0}, {2, 0}, {11, 0}, {-3, 1}});
        NearestNeighbourWeighting.Result r = NearestNeighbourWeighting.fit(s, t, 0);
        assertArrayEquals(new double[]{3, 1, 0}, r.counts(), 0);
        assertArrayEquals(new double[]{3 * 3 / 4.0, 3 / 4.0, 0}, r.weights(), 1e-12);
        NearestNeighbourWeighting.Result smoothed = NearestNeighbourWeighting.fit(s, t, 1);
        assertArrayEquals(new double[]{4 * 3 / 7.0, 2 * 3 / 7.0, 3 / 7.0}, smoothed.weights(), 1e-12);
    }

    @Test
    void duplicatedSourcePointsShareTheirCell() {
        DMatrixRMaj s = new DMatrixRMaj(new double[][]{{0, 0}, {0, 0}, {5, 5}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][]{{0.1, 0}, {-0.2, 0.1}, {4, 4}});
        assertArrayEquals(new double[]{1, 1, 1}, NearestNeighbourWeighting.fit(s, t, 0).counts(), 1e-12);
    }

    @Test
    void weightsAverageOneAndInputIsChecked() {
        double[] w = NearestNeighbourWeighting.fit(gaussian(100, 3, 0, 1, 1), gaussian(80, 3, 1, 1, 2), 1).weights();
        assertEquals(1, SampleStatistics.mean(w), 1e-12);
        DMatrixRMaj bad = gaussian(5, 3, 0, 1, 3);
        bad.set(2, 2, Double.POSITIVE_INFINITY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NearestNeighbourWeighting.fit(bad, gaussian(5, 3, 0, 1, 4), 1));
        assertTrue(e.getMessage().contains("source row 2 column 2 is Infinity"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> NearestNeighbourWeighting.fit(gaussian(5, 3, 0, 1, 4), new DMatrixRMaj(0, 3), 1));
    }
}
