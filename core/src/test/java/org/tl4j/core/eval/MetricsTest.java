package org.tl4j.core.eval;

import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(0.25, Metric.ACCURACY.error(0.75), EXACT);
        assertEquals(0.75, Metric.MSE.error(0.75), EXACT);
    }
}
