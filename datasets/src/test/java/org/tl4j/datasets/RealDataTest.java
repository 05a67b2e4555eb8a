package org.tl4j.datasets;

import org.junit.jupiter.api.Test;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.contract.SharedData;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.Evaluator;
import org.tl4j.core.suite.SuiteContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tl4j.core.data.FileDataProvenance;
import org.tl4j.core.eval.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real data from the shared folder: skipped with a reason when it is absent. */
class RealDataTest {
    /** Half a test example on the smallest target (DSLR, 157 examples) is 0.0032. */
    private static final double EXACT_REPRODUCTION = 0.0005;

    @Test
    void officeCaltechFilesHaveTheDocumentedShapesAndChecksums() {
        Path dir = SharedData.require("data/office-caltech10-surf");
        LabelledSample a = OfficeCaltech.load(dir, OfficeCaltech.Site.AMAZON, List.of());
        assertEquals(958, a.size());
        assertEquals(800, a.dimension());
        assertEquals("df32548b994e18d364c99e1f317e1fae100597259f0423a41b90f4f68187bb1f",
                ((FileDataProvenance) a.provenance()).sha256());
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int l : a.labels()) {
            min = Math.min(min, l);
            max = Math.max(max, l);
        }
        assertEquals(1, min);
        assertEquals(10, max);
        assertEquals(157, OfficeCaltech.load(dir, OfficeCaltech.Site.DSLR, List.of()).size());
    }

    @Test
    void sourceOnlyOneNearestNeighbourReproducesTheJdaPaperNnRow() {
        // Long et al., ICCV 2013, Table 3, row "NN" (SURF, z-scored): C->A 23.70, W->D 59.24, D->W 63.39.
        SharedData.require("data/office-caltech10-surf");
        var suite = new RealDataSuites.OfficeCaltechSuite();
        List<? extends TransferProblem<?>> all = suite.tasks(SuiteContext.defaults(), 0);
        List<TransferProblem<?>> three = new java.util.ArrayList<>();
        for (TransferProblem<?> t : all) {
            if (List.of("C->A", "W->D", "D->W").contains(t.name())) {
                three.add(t);
            }
        }
        EvaluationReport r = Evaluator.builder("office-caltech", StrategyRegistry.load()).strategies(List.of("source-only"))
                .seeds(1).options("*", Map.of("inner", "1nn")).discrepancies(false).build().run(seed -> three);
        assertEquals(0.2370, r.summary("C->A", "source-only", Metrics.ACCURACY).orElseThrow().mean(), EXACT_REPRODUCTION);
        assertEquals(0.5924, r.summary("W->D", "source-only", Metrics.ACCURACY).orElseThrow().mean(), EXACT_REPRODUCTION);
        assertEquals(0.6339, r.summary("D->W", "source-only", Metrics.ACCURACY).orElseThrow().mean(), EXACT_REPRODUCTION);
    }

    @Test
    void sourceOnlyOneNearestNeighbourReproducesTheJdaPaperDigitsNnRow() {
        // Long et al., ICCV 2013, Table 3, row "NN": USPS->MNIST 44.70, MNIST->USPS 65.94, on unit-length images
        // (the suite's default preprocessing, l2-rows).
        SharedData.require("data/digits");
        var suite = new RealDataSuites.DigitsSuite();
        EvaluationReport r = Evaluator.builder("digits", StrategyRegistry.load()).strategies(List.of("source-only"))
                .seeds(1).options("*", Map.of("inner", "1nn")).discrepancies(false).build()
                .run(seed -> suite.tasks(SuiteContext.defaults(), seed));
        assertEquals(0.4470, r.summary("USPS->MNIST", "source-only", Metrics.ACCURACY).orElseThrow().mean(), EXACT_REPRODUCTION);
        assertEquals(0.6594, r.summary("MNIST->USPS", "source-only", Metrics.ACCURACY).orElseThrow().mean(), EXACT_REPRODUCTION);
    }

    @Test
    void digitsFilesHold1800UspsAnd2000MnistImages() {
        Path dir = SharedData.require("data/digits");
        LabelledSample[] s = Digits.load(dir, Digits.Direction.USPS_TO_MNIST, List.of());
        assertEquals(1800, s[0].size());
        assertEquals(2000, s[1].size());
        assertEquals(256, s[0].dimension());
        assertEquals("usps", s[0].name());
    }

    @Test
    void missingFilesAndVariablesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OfficeCaltech.load(Path.of("/nonexistent"), OfficeCaltech.Site.AMAZON, List.of()));
        assertTrue(e.getMessage().contains("amazon_SURF_L10.mat") && e.getMessage().contains("--data"), e.getMessage());
        Path dir = SharedData.require("data/digits");
        MatFiles.Contents c = MatFiles.open(dir.resolve("MNIST_vs_USPS.mat"));
        IllegalArgumentException v = assertThrows(IllegalArgumentException.class, () -> c.matrix("fts"));
        assertTrue(v.getMessage().contains("no variable 'fts'") && v.getMessage().contains("X_src"), v.getMessage());
    }
}
