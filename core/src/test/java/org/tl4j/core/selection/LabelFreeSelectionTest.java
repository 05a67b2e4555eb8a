package org.tl4j.core.selection;

import org.junit.jupiter.api.Test;
import org.tl4j.core.Domain;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.Evaluator;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.matrix.TribuoMatrices;
import org.tl4j.core.synthetic.GaussianCovariateShift;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tl4j.core.eval.Metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Label-free selection: the criteria's formulas, a choice that matches the better target risk, and the guarantee
 * that target test labels are never read.
 */
class LabelFreeSelectionTest {

    /** Covariate shift with a curved boundary: a 15-NN learner beats a linear one on the target. */
    private static final GaussianCovariateShift SHIFT = new GaussianCovariateShift(
            GaussianCovariateShift.Boundary.QUADRATIC, 2, 1.0, 1.0, 0.6, 0.05, 400, 0, 300, 500);

    @SuppressWarnings("unchecked")
    private static TransferStrategy<Label, TransferTask<Label>> sourceOnly(String inner) {
        return (TransferStrategy<Label, TransferTask<Label>>) StrategyRegistry.load().create("source-only",
                new LabelFactory(), Map.of("inner", inner));
    }

    private static List<LabelFreeSelection.Candidate<Label>> candidates() {
        return List.of(new LabelFreeSelection.Candidate<>("inner=logistic", sourceOnly("logistic")),
                new LabelFreeSelection.Candidate<>("inner=knn:15", sourceOnly("knn:15")));
    }

    @Test
    void devReducesToIwcvForConstantWeightsAndUsesTheControlVariateOtherwise() {
        double[] losses = {1, 0, 0, 1};
        assertEquals(0.5, LabelFreeSelection.devRisk(losses, new double[]{1, 1, 1, 1}), 1e-15);
        assertEquals(0.5, LabelFreeSelection.iwcvRisk(losses, new double[]{1, 1, 1, 1}), 1e-15);
        double[] w = {2, 0.5, 0.5, 1};
        double[] l = {1, 0, 0, 1};
        double mw = 1;
        double ml = (2 + 1) / 4.0;
        double cov = ((2 - ml) * (2 - mw) + (0 - ml) * (0.5 - mw) * 2 + (1 - ml) * (1 - mw)) / 4;
        double var = ((2 - mw) * (2 - mw) + 2 * (0.5 - mw) * (0.5 - mw)) / 4;
        double eta = -cov / var;
        assertEquals(ml + eta * mw - eta, LabelFreeSelection.devRisk(l, w), 1e-12);
        assertEquals(ml, LabelFreeSelection.iwcvRisk(l, w), 1e-15);
    }

    @Test
    void devScoresTheEstimatedWeightsSoItsControlVariateIsNotCancelled() {
        // Calibrated weights whose sample mean (1.25) misses their expectation 1, correlated with the losses.
        double[] raw = {2.5, 0.5, 0.5, 1.5};
        double[] l = {1, 0, 0, 1};
        double[] dev = LabelFreeSelection.criterionWeights(LabelFreeSelection.Criterion.DEV, raw);
        double[] iwcv = LabelFreeSelection.criterionWeights(LabelFreeSelection.Criterion.IWCV, raw);
        assertArrayEquals(raw, dev, 0);
        assertEquals(1.0, (iwcv[0] + iwcv[1] + iwcv[2] + iwcv[3]) / 4, 1e-15);
        double devRisk = LabelFreeSelection.devRisk(l, dev);
        double iwcvRisk = LabelFreeSelection.iwcvRisk(l, iwcv);
        assertTrue(Math.abs(devRisk - iwcvRisk) > 0.05, "DEV " + devRisk + " vs IWCV " + iwcvRisk);
        assertThrows(IllegalArgumentException.class,
                () -> LabelFreeSelection.criterionWeights(LabelFreeSelection.Criterion.DEV, new double[]{1, Double.NaN}));
    }

    @Test
    void everyCriterionPrefersTheConfigurationWithTheLowerTargetRisk() {
        TransferTask<Label> task = SHIFT.generate(3);
        // The truth the criteria must find without it: the target accuracy of each configuration.
        double linear = org.tl4j.core.eval.Metrics.compute(task.outputFactory(), task.targetTestTruth(),
                sourceOnly("logistic").fit(task, 7).predictTargetTest(task)).get(Metrics.ACCURACY);
        double knn = org.tl4j.core.eval.Metrics.compute(task.outputFactory(), task.targetTestTruth(),
                sourceOnly("knn:15").fit(task, 7).predictTargetTest(task)).get(Metrics.ACCURACY);
        assertTrue(knn > linear + 0.03, "15-NN " + knn + " vs linear " + linear);
        for (LabelFreeSelection.Criterion c : LabelFreeSelection.Criterion.values()) {
            LabelFreeSelection.Result r = LabelFreeSelection.select(task, candidates(), c, 5,
                    new DomainClassifierWeigher(DomainClassifierWeigher.Options.defaults().withQuadratic(true)), 7);
            assertEquals("inner=knn:15", r.chosen().label(), c + ": " + r.scores());
        }
    }

    @Test
    void targetTestLabelsAreNeverRead() {
        TransferTask<Label> task = SHIFT.generate(4);
        TransferTask<Label> scrambled = TransferTask.builder(task.name(), task.outputFactory())
                .source(task.sources().get(0)).targetName(task.targetName())
                .targetUnlabelled(task.targetUnlabelled()).targetTest(relabel(task.targetTest())).build();
        for (LabelFreeSelection.Criterion c : LabelFreeSelection.Criterion.values()) {
            LabelFreeSelection.Result a = LabelFreeSelection.select(task, candidates(), c, 3, new DomainClassifierWeigher(), 1);
            LabelFreeSelection.Result b = LabelFreeSelection.select(scrambled, candidates(), c, 3, new DomainClassifierWeigher(), 1);
            assertEquals(a.scores(), b.scores(), c + ": scores do not depend on the test labels");
        }
    }

    private static Domain<Label> relabel(Domain<Label> d) {
        var rng = Seeds.rng(99);
        double[][] x = new double[d.size()][];
        List<Label> y = new ArrayList<>();
        int i = 0;
        for (Example<Label> e : d.data()) {
            x[i++] = TribuoMatrices.row(TribuoMatrices.features(List.of(e), 1,
                    org.tl4j.core.FeatureSpace.of("x0", "x1")), 0);
            y.add(rng.nextBoolean() ? GaussianCovariateShift.POS : GaussianCovariateShift.NEG);
        }
        return Domain.fromArrays(d.name(), new LabelFactory(), org.tl4j.core.FeatureSpace.of("x0", "x1"), x, y,
                new SimpleDataSourceProvenance("scrambled", new LabelFactory()));
    }

    @Test
    void theHarnessSelectsPerTaskAndRecordsTheChoice() {
        EvaluationReport r = Evaluator.builder("selection", StrategyRegistry.load()).strategies(List.of("pooled"))
                .seeds(1).discrepancies(false).selection(LabelFreeSelection.Criterion.IWCV, 3)
                .grid("pooled", "inner", List.of("logistic", "knn:15")).build()
                .run(seed -> List.of(new GaussianCovariateShift(GaussianCovariateShift.Boundary.QUADRATIC, 2, 1.0, 1.0,
                        0.6, 0.05, 300, 10, 200, 300).generate(seed)));
        assertTrue(r.failures().isEmpty(), "" + r.failures());
        assertTrue(r.summary("gaussian-shift-quadratic", "pooled", Metrics.ACCURACY).isPresent());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluator.builder("s", StrategyRegistry.load()).grid("pooled", "inner", List.of("1nn")).build());
        assertTrue(e.getMessage().contains("criterion"), e.getMessage());
    }

    @Test
    void unknownCriteriaAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelFreeSelection.Criterion.parse("oracle"));
        assertTrue(e.getMessage().contains("iwcv, dev or reverse-validation"), e.getMessage());
        assertEquals(LabelFreeSelection.Criterion.REVERSE_VALIDATION, LabelFreeSelection.Criterion.parse("rv"));
    }
}
