package org.tl4j.parameter;

import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferTask;
import org.tl4j.core.eval.Metrics;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import java.util.List;

/** Helpers shared by the linear parameter-transfer tests. */
public final class LinearFixtures {
    private LinearFixtures() {
    }

    /** The test MSE of a regression model. */
    public static double mse(TransferModel<Regressor> m, TransferTask<Regressor> t) {
        List<Regressor> pred = m.predictTargetTest(t).stream().map(Prediction::getOutput).toList();
        return Metrics.mse(t.targetTestTruth(), pred);
    }

    /** The largest absolute difference between two lists of regression predictions. */
    public static double maxDifference(List<Prediction<Regressor>> a, List<Prediction<Regressor>> b) {
        double m = 0;
        for (int i = 0; i < a.size(); i++) {
            m = Math.max(m, Math.abs(a.get(i).getOutput().getValues()[0] - b.get(i).getOutput().getValues()[0]));
        }
        return m;
    }

    /** The largest absolute difference between the class probabilities of two lists of predictions. */
    public static double maxProbabilityDifference(List<Prediction<Label>> a, List<Prediction<Label>> b) {
        double m = 0;
        for (int i = 0; i < a.size(); i++) {
            for (var e : a.get(i).getOutputScores().entrySet()) {
                Label other = b.get(i).getOutputScores().get(e.getKey());
                m = Math.max(m, Math.abs(e.getValue().getScore() - (other == null ? 0 : other.getScore())));
            }
        }
        return m;
    }

    /** The value of a double in a model's instance provenance. */
    public static double provenanceDouble(TransferModel<?> m, String key) {
        var p = m.getProvenance().getInstanceProvenance().getMap().get(key);
        return ((com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance) p).getValue();
    }

    /** The value of an int in a model's instance provenance. */
    public static int provenanceInt(TransferModel<?> m, String key) {
        var p = m.getProvenance().getInstanceProvenance().getMap().get(key);
        return ((com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance) p).getValue();
    }
}
