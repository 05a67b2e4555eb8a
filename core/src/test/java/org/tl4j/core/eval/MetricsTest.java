package org.tl4j.core.eval;

import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {
    private static final double EXACT = 1e-12;

    private static List<Label> labels(String... s) {
        return java.util.Arrays.stream(s).map(Label::new).toList();
    }

    @Test
    void accuracyAndMacroF1ByHand() {
        List<Label> truth = labels("a", "a", "a", "b", "b", "c");
        List<Label> pred = labels("a", "a", "b", "b", "c", "c");
        assertEquals(4 / 6.0, Metrics.accuracy(truth, pred), EXACT);
        // a: tp2 fp0 fn1 -> 4/5; b: tp1 fp1 fn1 -> 1/2; c: tp1 fp1 fn0 -> 2/3
        assertEquals((0.8 + 0.5 + 2 / 3.0) / 3, Metrics.macroF1(truth, pred), EXACT);
    }

    @Test
    void aClassOnlyPredictedCountsWithF1Zero() {
        assertEquals((2 / 3.0 + 0) / 2, Metrics.macroF1(labels("a", "a"), labels("a", "z")), EXACT);
    }

    @Test
    void mseAndR2ByHand() {
        List<Regressor> t = List.of(new Regressor("y", 1), new Regressor("y", 2), new Regressor("y", 3));
        List<Regressor> p = List.of(new Regressor("y", 1), new Regressor("y", 2), new Regressor("y", 5));
        assertEquals(4 / 3.0, Metrics.mse(t, p), EXACT);
        assertEquals(1 - 4 / 2.0, Metrics.r2(t, p), EXACT);
    }

    @Test
    void errorsAreOneMinusScoresAndLossesThemselves() {
        assertEquals(0.25, Metrics.ACCURACY.error(0.75), EXACT);
        assertEquals(0.75, Metrics.MSE.error(0.75), EXACT);
    }

    /** Truth 1,0,1,1,0 with P(1) = .9,.8,.7,.3,.2 as probabilistic predictions (scores for both classes). */
    private static List<Prediction<Label>> scored(boolean probabilities) {
        double[] p1 = {0.9, 0.8, 0.7, 0.3, 0.2};
        List<Prediction<Label>> out = new ArrayList<>();
        for (double p : p1) {
            Map<String, Label> scores = new LinkedHashMap<>();
            scores.put("1", new Label("1", p));
            scores.put("0", new Label("0", 1 - p));
            Label best = p >= 0.5 ? scores.get("1") : scores.get("0");
            out.add(new Prediction<>(best, scores, 1, new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, new String[]{"x"},
                    new double[]{p}), probabilities));
        }
        return out;
    }

    private static final List<Label> BINARY_TRUTH = labels("1", "0", "1", "1", "0");

    @Test
    void rankingMetricsByHandAndAgainstTribuo() {
        LabelFactory f = new LabelFactory();
        List<Prediction<Label>> p = scored(true);
        // Positives .9,.7,.3 against negatives .8,.2: 4 of 6 pairs ordered.
        assertEquals(4 / 6.0, Metrics.AUC_ROC.compute(f, BINARY_TRUTH, p), EXACT);
        // Davis-Goadrich for class 1: (R,P) = (1/3,1), (1/3,1/2), (2/3,2/3), (1,3/4), (1,3/5); from recall 0 at the
        // first precision, then trapezoids (unit TP steps, so no intermediate points here).
        double dg = 1 / 3.0 * 1 + 1 / 3.0 * (0.5 + 2 / 3.0) / 2 + 1 / 3.0 * (2 / 3.0 + 0.75) / 2;
        assertEquals(dg, Metrics.aucPr("1").compute(f, BINARY_TRUTH, p), EXACT);
        assertEquals(4 / 6.0, Metrics.aucRoc("1").compute(f, BINARY_TRUTH, p), EXACT);
        assertEquals(4 / 6.0, Metrics.aucRoc("0").compute(f, BINARY_TRUTH, p), EXACT, "AUC-ROC is symmetric");
        // AP(1) = 1/3*1 + 1/3*2/3 + 1/3*3/4; AP(0) = 1/2*1 + 1/2*1/2; macro = mean.
        double ap1 = 1 / 3.0 + 2 / 9.0 + 0.25;
        double ap0 = 0.75;
        assertEquals(ap1, Metrics.averagePrecision("1").compute(f, BINARY_TRUTH, p), EXACT);
        assertEquals((ap1 + ap0) / 2, Metrics.AVERAGE_PRECISION.compute(f, BINARY_TRUTH, p), EXACT);
        boolean[] y = {true, false, true, true, false};
        double[] score = {0.9, 0.8, 0.7, 0.3, 0.2};
        assertEquals(LabelEvaluationUtil.binaryAUCROC(y, score), Metrics.aucRoc("1").compute(f, BINARY_TRUTH, p), EXACT);
        assertEquals(LabelEvaluationUtil.averagedPrecision(y, score),
                Metrics.averagePrecision("1").compute(f, BINARY_TRUTH, p), EXACT);
    }

    @Test
    void logLossAndConditionalLogLikelihoodByHand() {
        LabelFactory f = new LabelFactory();
        double expected = -(Math.log(0.9) + Math.log(0.2) + Math.log(0.7) + Math.log(0.3) + Math.log(0.8)) / 5;
        assertEquals(expected, Metrics.LOG_LOSS.compute(f, BINARY_TRUTH, scored(true)), EXACT);
        assertEquals(-expected, Metrics.CLL.compute(f, BINARY_TRUTH, scored(true)), EXACT);
        assertEquals(expected, Metrics.CLL.error(-expected), EXACT, "the error of a log-likelihood is its negation");
        assertTrue(Double.isNaN(Metrics.LOG_LOSS.compute(f, BINARY_TRUTH, scored(false))),
                "without probabilities the log-loss is not defined");
        assertEquals("class probabilities", Metrics.LOG_LOSS.needs());
    }

    @Test
    void metricsAreFoundByNameAndCheckTheirOutputType() {
        assertEquals(Metrics.AUC_ROC, Metrics.named("AUC-ROC"));
        assertEquals("auc_roc", Metrics.named("auc_roc:true").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metrics.named("acuracy"));
        assertTrue(e.getMessage().contains("did you mean accuracy"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Metrics.named("mse:1"));
        List<Regressor> t = List.of(new Regressor("y", 1));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> Metrics.ACCURACY.compute(new RegressionFactory(), t, List.of()));
        assertTrue(wrong.getMessage().contains("class labels"), wrong.getMessage());
        assertEquals(List.of(Metrics.ACCURACY, Metrics.MACRO_F1), Metrics.defaultFor(new LabelFactory()));
    }

    @Test
    void aPositiveClassAbsentFromTheTestSetIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.aucRoc("2").compute(new LabelFactory(), BINARY_TRUTH, scored(true)));
        assertTrue(e.getMessage().contains("none of it"), e.getMessage());
    }
}
