package org.tl4j.core.contract;

import org.tribuo.Output;
import org.tribuo.Prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Exact fingerprints of predictions for determinism checks. */
public final class Predictions {
    private Predictions() {
    }

    /**
     * One string per prediction holding the predicted output and every output score with full precision
     * ({@link Double#toString} round-trips exactly), so equal fingerprints mean equal bits.
     */
    public static <T extends Output<T>> List<String> fingerprint(List<Prediction<T>> predictions) {
        List<String> out = new ArrayList<>(predictions.size());
        for (Prediction<T> p : predictions) {
            StringBuilder sb = new StringBuilder(p.getOutput().getSerializableForm(true));
            Map<String, T> scores = new TreeMap<>(p.getOutputScores());
            for (Map.Entry<String, T> e : scores.entrySet()) {
                sb.append('|').append(e.getKey()).append('=').append(e.getValue().getSerializableForm(true));
            }
            out.add(sb.toString());
        }
        return out;
    }
}
