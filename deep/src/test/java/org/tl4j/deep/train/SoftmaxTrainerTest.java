package org.tl4j.deep.train;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.tl4j.core.learn.Seeds;
import org.tl4j.deep.net.InceptionResNetV1;
import org.tl4j.deep.net.Layer;
import org.tl4j.deep.net.Network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftmaxTrainerTest {
    /** Largest parameter difference allowed between one batch and the same batch as accumulated micro-batches. */
    static final double ACCUMULATION_TOLERANCE = 1e-6;

    @Test
    void oneStepLowersTheLossOfATinyBatch() {
        // Inception-ResNet v1's topology at an eighth of its width, one block of each kind, no dropout.
        var cfg = new InceptionResNetV1.Config(32, 1.0f, 8, 1, 1, 1, false);
        long[] shape = {1, 3, 160, 160};
        try (Network trunk = Network.build(InceptionResNetV1.trunk(cfg), shape)) {
            trunk.initialise(1);
            var settings = new SoftmaxTrainer.Settings(8, 8, 5e-4f, LearningRate.constant(0.01f), 0.9f, 0.999f, 0.1f);
            try (SoftmaxTrainer t = new SoftmaxTrainer(trunk, shape, 4, settings, 2)) {
                float[] x = random(8 * 3 * 160 * 160, 3);
                int[] y = {0, 1, 2, 3, 0, 1, 2, 3};
                double before = t.step(x, y, 8);
                double after = t.loss(x, y, 8, true);
                assertTrue(after < before, "loss " + before + " -> " + after);
                assertEquals(1, t.steps());
            }
        }
    }

    @Test
    void trainersOnTwoThreadsTakeTurnsAndGiveTheSequentialBits() throws Exception {
        // DJL allows one collecting gradient collector per process; fits run in parallel by the harness must not fail.
        Layer trunk = Layer.Sequence.of("trunk", new Layer.Linear("fc", 12, true), new Layer.Relu("r"));
        long[] shape = {1, 6};
        float[] x = random(16 * 6, 3);
        int[] y = new int[16];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 3;
        }
        var settings = new SoftmaxTrainer.Settings(16, 16, 1e-3f, LearningRate.constant(0.01f), 0.9f, 0.999f, 1e-8f);
        java.util.function.Supplier<float[]> fit = () -> {
            try (Network n = Network.build(trunk, shape)) {
                n.initialise(5);
                try (SoftmaxTrainer t = new SoftmaxTrainer(n, shape, 3, settings, 6)) {
                    for (int s = 0; s < 200; s++) {
                        t.step(x, y, 16);
                    }
                }
                return n.values("fc.weight");
            }
        };
        float[] sequential = fit.get();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(fit::get);
            var b = pool.submit(fit::get);
            assertArrayEquals(sequential, a.get());
            assertArrayEquals(sequential, b.get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void accumulatedMicroBatchesEqualOneLargeBatch() {
        // No batch norm: with it, each micro-batch is normalised by its own statistics by design.
        Layer trunk = Layer.Sequence.of("trunk", new Layer.Conv("c1", 6, 3, 3, 1, 1, 1, 1, 1, true),
                new Layer.Relu("r1"), new Layer.Conv("c2", 8, 3, 3, 2, 2, 1, 1, 1, true), new Layer.Prelu("p"),
                new Layer.GlobalAvgPool("gap"), new Layer.Linear("fc", 12, true));
        long[] shape = {1, 3, 12, 12};
        float[] x = random(32 * 3 * 12 * 12, 5);
        int[] y = new int[32];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 5;
        }
        try (Network a = Network.build(trunk, shape); Network b = Network.build(trunk, shape)) {
            a.initialise(9);
            b.initialise(9);
            var whole = new SoftmaxTrainer.Settings(32, 32, 1e-3f, LearningRate.constant(0.01f), 0.9f, 0.999f, 1e-3f);
            try (SoftmaxTrainer ta = new SoftmaxTrainer(a, shape, 5, whole, 4);
                 SoftmaxTrainer tb = new SoftmaxTrainer(b, shape, 5, whole.withMicroBatch(6), 4)) {
                for (int s = 0; s < 3; s++) {
                    double la = ta.step(x, y, 32);
                    double lb = tb.step(x, y, 32);
                    assertEquals(la, lb, 1e-6);
                }
                double worst = 0;
                for (String p : a.parameters().keySet()) {
                    worst = Math.max(worst, maxAbsDiff(a.values(p), b.values(p)));
                }
                for (String p : ta.head().parameters().keySet()) {
                    worst = Math.max(worst, maxAbsDiff(ta.head().values(p), tb.head().values(p)));
                }
                assertTrue(worst <= ACCUMULATION_TOLERANCE, "max parameter difference " + worst);
            }
        }
    }

    @Test
    void headAloneLearnsSeparableFeatures() {
        int n = 64;
        int d = 8;
        float[] x = random(n * d, 7);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 4;
            x[i * d + y[i]] += 3f;
        }
        var settings = new SoftmaxTrainer.Settings(16, 16, 0f, LearningRate.constant(0.05f), 0.9f, 0.999f, 1e-8f);
        try (SoftmaxTrainer t = new SoftmaxTrainer(null, new long[]{1, d}, 4, settings, 1)) {
            for (int e = 0; e < 20; e++) {
                for (int s = 0; s < n; s += 16) {
                    t.step(java.util.Arrays.copyOfRange(x, s * d, (s + 16) * d), java.util.Arrays.copyOfRange(y, s, s + 16), 16);
                }
            }
            int[] p = t.predict(x, n);
            int correct = 0;
            for (int i = 0; i < n; i++) {
                correct += p[i] == y[i] ? 1 : 0;
            }
            assertEquals(n, correct);
            assertThrows(IllegalArgumentException.class, () -> t.step(x, new int[]{9}, 1));
        }
    }

    static float[] random(int size, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return x;
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
