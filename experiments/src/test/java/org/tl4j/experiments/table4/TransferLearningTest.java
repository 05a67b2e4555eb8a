package org.tl4j.experiments.table4;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.tl4j.core.learn.Seeds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transfer side's classifier: logistic regression on L2-normalised embeddings of the people with enough images. */
class TransferLearningTest {

    private static final int DIM = 16;
    private static final int PEOPLE = 8;

    /** Eight people with 12 images each and one with 3; each person's embeddings scatter around its own direction. */
    private static Map<String, List<String>> people() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int p = 0; p <= PEOPLE; p++) {
            String name = "P" + p;
            List<String> keys = new ArrayList<>();
            for (int i = 1; i <= (p == PEOPLE ? 3 : 12); i++) {
                keys.add(String.format("%s/%s_%04d.jpg", name, name, i));
            }
            m.put(name, keys);
        }
        return m;
    }

    /**
     * Embeddings: person {@code p}'s unit direction plus noise of norm ≈ {@code noise}, each multiplied by a factor
     * drawn log-uniformly in [10⁻², 10³] when {@code scaled} (embeddings that are not L2-normalised, as dlib's).
     */
    private static Map<String, float[]> embeddings(Map<String, List<String>> people, double noise, boolean scaled) {
        UniformRandomProvider rng = Seeds.rng(7);
        Map<String, float[]> out = new HashMap<>();
        int p = 0;
        for (List<String> keys : people.values()) {
            for (String k : keys) {
                float[] v = new float[DIM];
                double factor = scaled ? Math.pow(10, -2 + 5 * rng.nextDouble()) : 1;
                for (int j = 0; j < DIM; j++) {
                    double centre = j == p % DIM ? 1 : 0;
                    v[j] = (float) (factor * (centre + noise * (rng.nextDouble() - 0.5) * 2 / Math.sqrt(DIM)));
                }
                out.put(k, v);
            }
            p++;
        }
        return out;
    }

    @Test
    void separableEmbeddingsAreClassifiedPerfectlyWhateverTheirNorms() {
        Map<String, List<String>> people = people();
        IdentitySplit split = IdentitySplit.of(people, 0);
        TransferLearning.ClassifierSettings settings = new TransferLearning.ClassifierSettings(10, 1.0);
        for (boolean scaled : new boolean[]{false, true}) {
            TransferLearning.Scored s = TransferLearning.trainAndScore(embeddings(people, 0.5, scaled), DIM, split,
                    settings);
            assertEquals(PEOPLE, s.classes(), "the person with 3 images is not scored");
            assertEquals(PEOPLE, s.test());
            assertEquals(PEOPLE * 11, s.train());
            assertEquals(1.0, s.accuracy(), "scaled " + scaled);
            assertTrue(s.iterations() > 0);
        }
    }

    @Test
    void embeddingsWithoutClassStructureScoreFarBelowPerfect() {
        Map<String, List<String>> people = people();
        IdentitySplit split = IdentitySplit.of(people, 0);
        // Noise of norm 50 against unit class directions: the classes overlap almost completely.
        TransferLearning.Scored s = TransferLearning.trainAndScore(embeddings(people, 50, false), DIM, split,
                new TransferLearning.ClassifierSettings(2, 1.0));
        assertEquals(PEOPLE + 1, s.classes());
        assertTrue(s.accuracy() <= 0.5, "accuracy " + s.accuracy());
    }

    @Test
    void balancedWeightsGiveEveryClassTheSameTotalWeight() {
        int[] y = {0, 0, 0, 1, 2, 2};
        double[] w = TransferLearning.balanced(y, 3);
        double[] total = new double[3];
        for (int i = 0; i < y.length; i++) {
            total[y[i]] += w[i];
        }
        for (double t : total) {
            assertEquals(2.0, t, 1e-12, "n / K per class");
        }
    }

    @Test
    void aMissingEmbeddingIsAnError() {
        Map<String, List<String>> people = people();
        Map<String, float[]> emb = embeddings(people, 0.5, false);
        emb.remove("P0/P0_0001.jpg");
        assertThrows(IllegalStateException.class, () -> TransferLearning.trainAndScore(emb, DIM,
                IdentitySplit.of(people, 0), TransferLearning.ClassifierSettings.defaults()));
    }
}
