package org.tl4j.experiments.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The instance-transfer benchmark and label-free selection through the command line. */
class InstanceCommandsTest {

    @Test
    void theInstanceBenchmarkPrintsEveryEstimatorAgainstItsBaseline() {
        TlCommandTest.Result r = TlCommandTest.tl("bench", "instance", "--quick");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("kernel matrix") && r.out().contains("1.00x"), r.out());
        for (String e : new String[]{"KMM", "KLIEP", "uLSIF", "RuLSIF", "discriminative", "NN weighting"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.contains(e) && l.trim().endsWith("x")), e + " in\n" + r.out());
        }
        assertEquals(2, TlCommandTest.tl("bench", "instance", "--repeats", "0").code());
    }

    @Test
    void selectionRunsThroughTheHarnessAndBadArgumentsAreNamed(@TempDir Path dir) throws Exception {
        TlCommandTest.Result r = TlCommandTest.tl("run", "--seeds", "1", "--strategies", "pooled", "--no-discrepancy",
                "--select", "dev", "--select-folds", "3", "--grid", "pooled.inner=1nn,knn:15", "--out",
                dir.resolve("s").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(dir.resolve("s").resolve("run.json")).contains("\"select\" : \"dev\""));
        TlCommandTest.Result noGrid = TlCommandTest.tl("run", "--select", "iwcv", "--out", dir.resolve("a").toString());
        assertEquals(2, noGrid.code());
        assertTrue(noGrid.err().contains("--grid"), noGrid.err());
        TlCommandTest.Result noCriterion = TlCommandTest.tl("run", "--grid", "kmm.bound=1,10", "--out",
                dir.resolve("b").toString());
        assertEquals(2, noCriterion.code());
        assertTrue(noCriterion.err().contains("--select"), noCriterion.err());
        TlCommandTest.Result badCriterion = TlCommandTest.tl("run", "--select", "oracle", "--grid", "kmm.bound=1",
                "--out", dir.resolve("c").toString());
        assertEquals(2, badCriterion.code());
        assertTrue(badCriterion.err().contains("iwcv, dev or reverse-validation"), badCriterion.err());
    }
}
