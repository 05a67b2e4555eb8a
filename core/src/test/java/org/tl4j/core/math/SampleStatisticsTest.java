package org.tl4j.core.math;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleStatisticsTest {

    /** The textbook sample 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations summing to 32. */
    private static final double[] TEXTBOOK = {2, 4, 4, 4, 5, 5, 7, 9};

    @Test
    void statisticsOfAKnownSample() {
        assertEquals(5, SampleStatistics.mean(TEXTBOOK), 0.0);
        assertEquals(2, SampleStatistics.populationSd(TEXTBOOK), 0.0);
        assertEquals(Math.sqrt(32.0 / 7), SampleStatistics.sampleSd(TEXTBOOK), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7) / Math.sqrt(8), SampleStatistics.standardError(TEXTBOOK), 1e-15);
        assertEquals(4.5, SampleStatistics.median(TEXTBOOK), 0.0);
        assertEquals(4, SampleStatistics.median(new double[]{9, 4, 1}), 0.0);
    }

    @Test
    void nonFiniteEntriesAreLeftOut() {
        double[] withGaps = {Double.NaN, 2, 4, 4, Double.POSITIVE_INFINITY, 4, 5, 5, 7, 9, Double.NEGATIVE_INFINITY};
        assertEquals(8, SampleStatistics.countFinite(withGaps));
        assertEquals(SampleStatistics.mean(TEXTBOOK), SampleStatistics.mean(withGaps), 0.0);
        assertEquals(SampleStatistics.sampleSd(TEXTBOOK), SampleStatistics.sampleSd(withGaps), 0.0);
        assertEquals(SampleStatistics.populationSd(TEXTBOOK), SampleStatistics.populationSd(withGaps), 0.0);
    }

    @Test
    void tooFewFiniteEntriesGiveNaN() {
        assertTrue(Double.isNaN(SampleStatistics.mean(new double[0])));
        assertTrue(Double.isNaN(SampleStatistics.mean(new double[]{Double.NaN})));
        assertTrue(Double.isNaN(SampleStatistics.sampleSd(new double[]{3, Double.NaN})));
        assertTrue(Double.isNaN(SampleStatistics.standardError(new double[]{3})));
        assertEquals(0, SampleStatistics.populationSd(new double[]{3}), 0.0);
        assertTrue(Double.isNaN(SampleStatistics.populationSd(new double[0])));
    }

    @Test
    void argumentsAreNotModifiedAndAMedianNeedsNumbers() {
        double[] v = {3, 1, 2};
        SampleStatistics.median(v);
        assertArrayEquals(new double[]{3, 1, 2}, v, 0.0);
        assertThrows(IllegalArgumentException.class, () -> SampleStatistics.median(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> SampleStatistics.median(new double[]{1, Double.NaN}));
    }
}
