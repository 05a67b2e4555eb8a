package org.tl4j.experiments.lfw;

import org.tl4j.datasets.lfw.LfwDataset;
import org.tl4j.datasets.lfw.LfwFormatException;
import org.tl4j.datasets.lfw.LfwPairs;
import org.tl4j.datasets.lfw.TinyLfw;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tl4j.datasets.lfw.LfwIdentities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LFW protocols' checks and splits on a tiny archive. */
class LfwProtocolsTest {

    @Test
    void pairsNamingAbsentImagesAreReportedWithTheirLine(@TempDir Path dir) throws IOException {
        LfwDataset d = LfwDataset.open(TinyLfw.archive(dir));
        LfwPairs p = LfwPairs.parse("pairs.txt", List.of("1", "Ann_A 1 9", "Ann_A 1 Bob_B 1"));
        LfwFormatException e = assertThrows(LfwFormatException.class, () -> LfwEvaluation.checkPairs(d, p, "pairs.txt"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("Ann_A/Ann_A_0009.jpg"), e.getMessage());
    }

    @Test
    void classificationSplitIsSeededPerPerson(@TempDir Path dir) throws IOException {
        LfwDataset d = LfwDataset.open(TinyLfw.archive(dir));
        LfwIdentities.Split a = LfwIdentities.split(d, 4, 2, 7);
        LfwIdentities.Split b = LfwIdentities.split(d, 4, 2, 7);
        assertEquals(a, b);
        assertEquals(3, a.people());
        assertEquals(6, a.train().size());
        assertEquals(14 - 6, a.test().size());
        assertTrue(LfwIdentities.split(d, 4, 2, 8).train().stream().anyMatch(i -> !a.train().contains(i))
                || LfwIdentities.split(d, 4, 2, 9).train().stream().anyMatch(i -> !a.train().contains(i)),
                "other seeds draw other splits");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LfwIdentities.split(d, 4, 4, 7));
        assertTrue(e.getMessage().contains("train-per-person"), e.getMessage());
    }
}
