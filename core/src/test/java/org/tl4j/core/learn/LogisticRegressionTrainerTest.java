package org.tl4j.core.learn;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Tribuo face of logistic regression: probabilities, weights, provenance, determinism, the prior. */
class LogisticRegressionTrainerTest {
    private static final LabelFactory F = new LabelFactory();

    private static MutableDataset<Label> data(double[][] x, String[] y, double[] w) {
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("toy", F), F);
        for (int i = 0; i < x.length; i++) {
            Example<Label> e = new ArrayExample<>(new Label(y[i]), new String[]{"a", "b"}, x[i]);
            e.setWeight((float) w[i]);
            ds.add(e);
        }
        return ds;
    }

    private static final double[][] X = {{0, 0}, {0.5, 0.2}, {2, 1}, {2.5, 1.5}, {-1, 2}, {-1.2, 2.5}, {0.2, 0.4},
            {2.1, 0.7}, {-0.8, 1.6}};
    private static final String[] Y = {"p", "p", "q", "q", "r", "r", "p", "q", "r"};

    @Test
    void predictionsCarryProbabilitiesOfEveryClass() {
        LogisticRegressionModel m = new LogisticRegressionTrainer().train(data(X, Y, ones(X.length)));
        assertTrue(m.generatesProbabilities());
        for (Prediction<Label> p : m.predict(data(X, Y, ones(X.length)))) {
            assertEquals(3, p.getOutputScores().size());
            double sum = p.getOutputScores().values().stream().mapToDouble(Label::getScore).sum();
            assertEquals(1.0, sum, 1e-12);
            assertEquals(p.getOutput().getScore(), p.getOutputScores().get(p.getOutput().getLabel()).getScore(), 0);
        }
        assertEquals("p", m.predict(new ArrayExample<>(new Label("?"), new String[]{"a", "b"}, new double[]{0.1, 0.1}))
                .getOutput().getLabel());
    }

    @Test
    void theSeededPathUsesTheTrainerAsItIsAndRepeatsBitForBit() {
        Trainer<Label> t = new LogisticRegressionTrainer();
        assertSame(t, SeededTrainers.withSeed(t, 42), "no seed: deterministic already");
        LogisticRegressionModel a = (LogisticRegressionModel) SeededTrainers.train(t, data(X, Y, ones(X.length)), 1);
        LogisticRegressionModel b = (LogisticRegressionModel) SeededTrainers.train(t, data(X, Y, ones(X.length)), 2);
        assertArrayEquals(a.fitted().coef().data, b.fitted().coef().data, 0);
    }

    @Test
    void exampleWeightsChangeTheFit() {
        double[] w = ones(X.length);
        LogisticRegressionModel plain = new LogisticRegressionTrainer().train(data(X, Y, w));
        w[6] = 20; // a heavy "p" example pulls the boundary
        LogisticRegressionModel heavy = new LogisticRegressionTrainer().train(data(X, Y, w));
        assertNotEquals(plain.coefficient("p", "a"), heavy.coefficient("p", "a"));
        assertTrue(heavy.intercept("p") - heavy.intercept("q") > plain.intercept("p") - plain.intercept("q"));
    }

    @Test
    void provenanceRecordsTheSettingsAndTheIterations() {
        LogisticRegressionModel m = LogisticRegressionTrainer.of(0.5, 1, LogisticRegression.Binary.LOGISTIC, 1e-7, 500)
                .train(data(X, Y, ones(X.length)));
        var config = m.getProvenance().getTrainerProvenance().getConfiguredParameters();
        assertEquals("0.5", config.get("c").toString());
        assertEquals("1.0E-7", config.get("tolerance").toString());
        Provenance it = m.getProvenance().getInstanceProvenance().getMap().get("lbfgs-iterations");
        assertEquals(Integer.toString(m.iterations()), it.toString());
        assertTrue(m.iterations() > 0);
    }

    @Test
    void aPriorModelPullsTheTargetFitTowardsIt() {
        LogisticRegressionModel source = new LogisticRegressionTrainer(10).train(data(X, Y, ones(X.length)));
        double[][] few = {{0, 0}, {2, 1}, {-1, 2}};
        String[] fewY = {"p", "q", "r"};
        LogisticRegressionTrainer strong = LogisticRegressionTrainer.of(1, 1e5, LogisticRegression.Binary.LOGISTIC,
                1e-6, 20_000).withPrior(source);
        LogisticRegressionModel t = strong.train(data(few, fewY, ones(3)));
        for (String l : List.of("p", "q", "r")) {
            for (String f : List.of("a", "b")) {
                assertEquals(source.coefficient(l, f), t.coefficient(l, f), 1e-3);
            }
        }
        assertInstanceOf(Provenance.class, t.getProvenance().getInstanceProvenance().getMap().get("prior-model"));
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LogisticRegressionTrainer(-1));
        assertThrows(IllegalArgumentException.class,
                () -> LogisticRegressionTrainer.of(1, -1, LogisticRegression.Binary.LOGISTIC, 1e-6, 10));
        MutableDataset<Label> one = data(new double[][]{{1, 2}}, new String[]{"p"}, ones(1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LogisticRegressionTrainer().train(one))
                .getMessage().contains("at least two classes"));
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }
}
