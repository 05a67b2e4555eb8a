package org.tl4j.deep.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.tl4j.core.learn.Seeds;
import org.tl4j.deep.net.InceptionResNetV1;
import org.tl4j.deep.net.Layer;
import org.tl4j.deep.net.Network;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DJL and ONNX Runtime compute the same function from the same weights. */
class OnnxParityTest {
    /** Largest absolute difference allowed between DJL's and ONNX Runtime's L2-normalised outputs. */
    static final double PARITY = 1e-4;

    static final OnnxWriter.Options OPTIONS = new OnnxWriter.Options("input", "output", true, "test");

    @Test
    void inceptionResNetV1AgreesWithOnnxRuntime() throws OrtException {
        try (Network net = Network.build(InceptionResNetV1.trunk(InceptionResNetV1.Config.facenet()), 1, 3, 160, 160)) {
            net.initialise(7);
            perturbBatchNorms(net, 11);
            int n = 2;
            float[] x = input(n, 3 * 160 * 160, 3);
            float[][] djl = normalise(net.predict(x, n));
            float[][] ort = runOnnx(OnnxWriter.write(net, OPTIONS), x, new long[]{n, 3, 160, 160});
            assertEquals(n, ort.length);
            assertTrue(maxAbsDiff(djl, ort) <= PARITY, "max |DJL - ORT| = " + maxAbsDiff(djl, ort));
        }
    }

    @Test
    void everyLayerKindAgreesWithOnnxRuntime() throws OrtException {
        Layer net = Layer.Sequence.of("tail",
                new Layer.Conv("c1", 8, 3, 3, 2, 2, 1, 1, 1, false),
                new Layer.BatchNorm("bn1", 1e-5f, 0.9f, true, true),
                new Layer.Prelu("p1"),
                new Layer.Conv("dw", 8, 3, 3, 1, 1, 1, 1, 8, true),
                new Layer.MaxPool("mp", 2, 2, 0),
                new Layer.Residual("res", Layer.Sequence.of("b", new Layer.Conv("c", 8, 1, 1, 1, 1, 0, 0, 1, true),
                        new Layer.Relu("r")), 0.3f, true),
                new Layer.Concat("cat", List.of(new Layer.Conv("a", 4, 1, 1, 1, 1, 0, 0, 1, true),
                        new Layer.AvgPool("p", 1, 1))),
                new Layer.AvgPool("ap", 2, 2),
                new Layer.Flatten("flat"),
                new Layer.Dropout("drop", 0.5f),
                new Layer.Linear("fc", 16, true),
                new Layer.BatchNorm("bn2", 1e-3f, 0.99f, false, true),
                new Layer.Prelu("p2"),
                new Layer.L2Normalise("l2", 1e-10f));
        try (Network n = Network.build(net, 1, 3, 16, 16)) {
            n.initialise(3);
            perturbBatchNorms(n, 5);
            for (String p : n.parameters().keySet()) {
                if (p.endsWith("alpha")) {
                    float[] a = n.values(p);
                    for (int i = 0; i < a.length; i++) {
                        a[i] = 0.1f * i;
                    }
                    n.set(p, a);
                }
            }
            float[] x = input(3, 3 * 16 * 16, 1);
            float[][] djl = n.predict(x, 3);
            float[][] ort = runOnnx(OnnxWriter.write(n, new OnnxWriter.Options("in", "out", false, "t")), x,
                    new long[]{3, 3, 16, 16});
            assertTrue(maxAbsDiff(djl, ort) <= PARITY, "max |DJL - ORT| = " + maxAbsDiff(djl, ort));
        }
    }

    @Test
    void writtenWeightsLoadBackByName() throws OrtException {
        var cfg = new InceptionResNetV1.Config(64, 0.8f, 8, 1, 1, 1, true);
        try (Network a = Network.build(InceptionResNetV1.trunk(cfg), 1, 3, 160, 160);
             Network b = Network.build(InceptionResNetV1.trunk(cfg), 1, 3, 160, 160)) {
            a.initialise(1);
            perturbBatchNorms(a, 2);
            b.initialise(99);
            byte[] model = OnnxWriter.write(a, OPTIONS);
            List<String> used = OnnxWeights.load(b, model);
            assertEquals(a.parameters().size(), used.size());
            for (String p : a.parameters().keySet()) {
                assertArrayEquals(a.values(p), b.values(p), p);
            }
            Map<String, OnnxWeights.Tensor> init = OnnxWeights.read(model);
            assertArrayEquals(a.shape("conv2d_1a.conv.weight"), init.get("conv2d_1a.conv.weight").dims());
        }
    }

    /** Running statistics and β away from their initial 0/1/0, so batch norm is exercised. */
    static void perturbBatchNorms(Network net, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        for (String p : net.parameters().keySet()) {
            boolean mean = p.endsWith(".runningMean") || p.endsWith(".beta");
            boolean var = p.endsWith(".runningVar") || (p.endsWith(".gamma") && net.parameters().get(p).requiresGradient());
            if (mean || var) {
                float[] v = net.values(p);
                for (int i = 0; i < v.length; i++) {
                    v[i] = mean ? (float) (0.2 * (rng.nextDouble() - 0.5)) : (float) (0.5 + rng.nextDouble());
                }
                net.set(p, v);
            }
        }
    }

    static float[] input(int n, int size, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        float[] x = new float[n * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return x;
    }

    static float[][] runOnnx(byte[] model, float[] x, long[] shape) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(2);
            try (OrtSession s = env.createSession(model, so);
                 OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
                 OrtSession.Result r = s.run(Map.of(s.getInputNames().iterator().next(), t))) {
                return (float[][]) r.get(0).getValue();
            }
        }
    }

    static float[][] normalise(float[][] y) {
        float[][] out = new float[y.length][];
        for (int i = 0; i < y.length; i++) {
            double s = 0;
            for (float v : y[i]) {
                s += (double) v * v;
            }
            out[i] = new float[y[i].length];
            for (int j = 0; j < y[i].length; j++) {
                out[i][j] = (float) (y[i][j] / Math.sqrt(s));
            }
        }
        return out;
    }

    static double maxAbsDiff(float[][] a, float[][] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i].length, b[i].length);
            for (int j = 0; j < a[i].length; j++) {
                m = Math.max(m, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return m;
    }
}
