package org.tl4j.deep.train;

import org.junit.jupiter.api.Test;
import org.tl4j.deep.net.Layer;
import org.tl4j.deep.net.Network;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fine-tuning with {@link SoftmaxTrainer}: L2-SP's gradient, frozen parameters, the trunk's own rate. */
class FineTuningTrainerTest {

    private static Layer trunk() {
        return Layer.Sequence.of("t", new Layer.Linear("fc1", 5, true), new Layer.Prelu("act"),
                new Layer.Linear("fc2", 4, true), new Layer.Relu("relu"));
    }

    /**
     * Autograd's gradient of cross-entropy + L2-SP + head decay against central differences of the objective,
     * after the trunk has moved away from its start so that the L2-SP term is not zero.
     */
    @Test
    void l2spGradientMatchesFiniteDifferences() {
        long[] shape = {1, 3};
        int n = 6;
        float[] x = SoftmaxTrainerTest.random(n * 3, 2);
        int[] y = {0, 1, 2, 0, 1, 2};
        var s = new SoftmaxTrainer.Settings(n, n, 0.05f, LearningRate.constant(0.05f), 0.9f, 0.999f, 1e-8f)
                .withStartPenalty(0.7f);
        try (Network net = Network.build(trunk(), shape)) {
            net.initialise(5);
            try (SoftmaxTrainer t = new SoftmaxTrainer(net, shape, 3, s, 6)) {
                for (int k = 0; k < 5; k++) {
                    t.step(x, y, n);
                }
                Map<String, float[]> grads = new HashMap<>();
                double objective = t.objective(x, y, n, grads);
                assertTrue(objective - t.loss(x, y, n, true) > 1e-4, "the objective holds the penalties");
                double worst = 0;
                for (String p : new String[]{"fc1.weight", "fc1.bias", "act.alpha", "fc2.weight"}) {
                    float[] g = grads.get("trunk:" + p);
                    for (int i = 0; i < g.length; i += 3) {
                        worst = Math.max(worst, Math.abs(g[i] - numeric(t, net, p, i, x, y, n)));
                    }
                }
                float[] gh = grads.get("head:logits.weight");
                for (int i = 0; i < gh.length; i += 2) {
                    worst = Math.max(worst, Math.abs(gh[i] - numeric(t, t.head(), "logits.weight", i, x, y, n)));
                }
                // float32 arithmetic, step 1e-2: the truncation and rounding errors stay below 1e-3.
                assertTrue(worst < 1e-3, "largest |autograd - finite difference| " + worst);
            }
        }
    }

    private static double numeric(SoftmaxTrainer t, Network net, String p, int i, float[] x, int[] y, int n) {
        float h = 1e-2f;
        float[] v = net.values(p);
        float keep = v[i];
        v[i] = keep + h;
        net.set(p, v);
        double up = t.objective(x, y, n, new HashMap<>());
        v[i] = keep - h;
        net.set(p, v);
        double down = t.objective(x, y, n, new HashMap<>());
        v[i] = keep;
        net.set(p, v);
        return (up - down) / (2 * h);
    }

    @Test
    void frozenParametersStayBitForBitWhileTheOthersMove() {
        long[] shape = {1, 3};
        int n = 8;
        float[] x = SoftmaxTrainerTest.random(n * 3, 3);
        int[] y = {0, 1, 0, 1, 0, 1, 0, 1};
        var s = new SoftmaxTrainer.Settings(n, n, 0.01f, LearningRate.constant(0.05f), 0.9f, 0.999f, 1e-8f)
                .withStartPenalty(0.1f).withTrunkRateFactor(0.5f);
        try (Network net = Network.build(trunk(), shape)) {
            net.initialise(8);
            float[] w1 = net.values("fc1.weight");
            float[] a = net.values("act.alpha");
            float[] w2 = net.values("fc2.weight");
            try (SoftmaxTrainer t = new SoftmaxTrainer(net, shape, 2, s, 1)) {
                t.setTrainable(Set.of("fc2.weight", "fc2.bias"));
                for (int k = 0; k < 10; k++) {
                    t.step(x, y, n);
                }
                assertArrayEquals(w1, net.values("fc1.weight"), "frozen");
                assertArrayEquals(a, net.values("act.alpha"), "frozen");
                assertFalse(java.util.Arrays.equals(w2, net.values("fc2.weight")), "unfrozen moves");
                t.setTrainable(Set.of("fc1.weight", "fc1.bias", "act.alpha", "fc2.weight", "fc2.bias"));
                t.step(x, y, n);
                assertFalse(java.util.Arrays.equals(w1, net.values("fc1.weight")), "unfrozen later, moves then");
            }
        }
    }
}
