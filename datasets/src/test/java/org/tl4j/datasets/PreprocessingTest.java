package org.tl4j.datasets;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tl4j.core.data.PublishedTable;
import org.tl4j.core.eval.Metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreprocessingTest {
    private static final double EXACT = 1e-12;

    @Test
    void rowSumMakesFrequenciesAndLeavesZeroRowsAlone() {
        double[][] y = Preprocessing.ROW_SUM.apply(new double[][]{{1, 3}, {0, 0}});
        assertArrayEquals(new double[]{0.25, 0.75}, y[0], EXACT);
        assertArrayEquals(new double[]{0, 0}, y[1], EXACT);
    }

    @Test
    void zscoreUsesThePopulationStandardDeviationLikeMatlab() {
        double[][] x = {{1, 5}, {3, 5}};
        double[][] y = Preprocessing.ZSCORE.apply(x);
        assertArrayEquals(new double[]{-1, 0}, y[0], EXACT); // mean 2, population sd 1; constant column -> 0
        assertArrayEquals(new double[]{1, 0}, y[1], EXACT);
        assertEquals(1, x[0][0], 0, "the input is not modified");
    }

    @Test
    void l2RowsGivesUnitNorms() {
        double[][] y = Preprocessing.L2_ROWS.apply(new double[][]{{3, 4}});
        assertArrayEquals(new double[]{0.6, 0.8}, y[0], EXACT);
    }

    @Test
    void parsesListsAndRejectsUnknownSteps() {
        assertEquals(List.of(Preprocessing.ROW_SUM, Preprocessing.ZSCORE), Preprocessing.parse("row-sum, zscore"));
        assertEquals(List.of(), Preprocessing.parse("none"));
        assertEquals("row-sum,zscore", Preprocessing.describe(Preprocessing.parse("ROW_SUM,zscore")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preprocessing.parse("zcore"));
        assertTrue(e.getMessage().contains("'zcore'"), e.getMessage());
    }

    @Test
    void publishedValuesAreGatheredFromEveryModulesResource() {
        PublishedTable t = PublishedTable.load("test-suite");
        assertEquals(0.5, t.lookup("A->B", "pooled", Metrics.ACCURACY).orElseThrow(), 0);
        assertEquals("test fixture", t.reference("A->B", "pooled", Metrics.ACCURACY));
        assertTrue(t.lookup("A->B", "pooled", Metrics.MACRO_F1).isEmpty());
        assertEquals(0, PublishedTable.load("no-such-suite").size());
    }

    @Test
    void aCorruptMatFileIsReportedNotTrusted(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.mat");
        Files.write(f, new byte[]{1, 2, 3, 4, 5});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MatFiles.open(f));
        assertTrue(e.getMessage().contains("MATLAB v5"), e.getMessage());
    }
}
