package org.tl4j.instance.kmm;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.contract.SharedData;
import org.tl4j.core.data.PublishedTable;
import org.tl4j.core.math.SampleStatistics;
import org.tl4j.datasets.RealDataSuites;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.Evaluator;
import org.tl4j.core.suite.SuiteContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tl4j.core.eval.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KMM on Office-Caltech10 SURF (row-sum and z-score preprocessing, transductive: all target features unlabelled)
 * with a weighted linear SVM, as in the KMM row of Long et al., TKDE 2015 (TKL), whose SURF table reports KMM + SVM. Golden numbers are this
 * implementation's, pinned so that changes are noticed; the published values are shipped in
 * {@code META-INF/tl4j/published/office-caltech.csv} and compared in the README. Skipped without the shared data.
 */
class OfficeCaltechKmmTest {

    /** Half an example on the smaller target (157 DSLR images). */
    private static final double HALF_EXAMPLE = 0.5 / 157;
    /** The 12-pair mean over three seeds moves by rounding only. */
    private static final double MEAN_TOLERANCE = 1e-4;

    private static EvaluationReport run(List<String> pairs, int seeds) {
        SharedData.require("data/office-caltech10-surf");
        List<TransferProblem<?>> tasks = new ArrayList<>();
        for (TransferProblem<?> t : new RealDataSuites.OfficeCaltechSuite().tasks(SuiteContext.defaults(), 0)) {
            if (pairs.contains(t.name())) {
                tasks.add(t);
            }
        }
        return Evaluator.builder("office-caltech", StrategyRegistry.load()).strategies(List.of("kmm")).seeds(seeds)
                .options("*", Map.of("inner", "linear-svm")).discrepancies(false).build().run(seed -> tasks);
    }

    @Test
    void kmmWithAWeightedLinearSvmReproducesItsGoldenNumbersOnTwoPairs() {
        EvaluationReport r = run(List.of("W->D", "D->W"), 1);
        assertEquals(106 / 157.0, r.summary("W->D", "kmm", Metrics.ACCURACY).orElseThrow().mean(), HALF_EXAMPLE);
        assertEquals(178 / 295.0, r.summary("D->W", "kmm", Metrics.ACCURACY).orElseThrow().mean(), HALF_EXAMPLE);
    }

    @Test
    void thePublishedKmmRowIsShippedForAllTwelvePairs() {
        PublishedTable t = PublishedTable.load("office-caltech");
        int found = 0;
        for (var p : org.tl4j.datasets.OfficeCaltech.PAIRS) {
            if (t.lookup(p.name(), "kmm", Metrics.ACCURACY).isPresent()) {
                found++;
                assertTrue(t.reference(p.name(), "kmm", Metrics.ACCURACY).contains("TKDE"));
            }
        }
        assertEquals(12, found);
        assertEquals(0.4832, t.lookup("C->A", "kmm", Metrics.ACCURACY).getAsDouble(), 1e-12);
    }

    @Test
    @Tag("slow")
    void allTwelvePairsOverThreeSeeds() {
        List<String> pairs = new ArrayList<>();
        org.tl4j.datasets.OfficeCaltech.PAIRS.forEach(p -> pairs.add(p.name()));
        EvaluationReport r = run(pairs, 3);
        double[] perPair = pairs.stream().mapToDouble(p -> r.summary(p, "kmm", Metrics.ACCURACY).orElseThrow().mean())
                .toArray();
        assertEquals(GOLDEN_TWELVE_PAIR_MEAN, SampleStatistics.mean(perPair), MEAN_TOLERANCE);
    }

    /**
     * Measured mean accuracy of KMM + linear SVM over the 12 pairs and seeds 0–2 with the default (SMO) solver
     * (published KMM: 0.4538; published source-only SVM 0.4504 vs ours 0.4013). The GPCG solver's weights agree within
     * the certified gap, yet the SGD SVM turns that into a different mean (0.3983): the golden belongs to the solver.
     */
    private static final double GOLDEN_TWELVE_PAIR_MEAN = 0.3998;
}
