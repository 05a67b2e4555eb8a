package org.tl4j.backbone;

import ai.onnx.proto.OnnxMl;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnnxGraphsTest {

    @Test
    void randomInitialisationIsSeededAndKeepsTheShape() {
        byte[] m = TinyOnnx.linear(4, 6, true, 3, "input", "output");
        OnnxGraphs.RandomInit a = OnnxGraphs.randomlyInitialised(m, 42);
        OnnxGraphs.RandomInit b = OnnxGraphs.randomlyInitialised(m, 42);
        OnnxGraphs.RandomInit c = OnnxGraphs.randomlyInitialised(m, 43);
        assertArrayEquals(a.model(), b.model(), "same seed, same bytes");
        assertFalse(Arrays.equals(a.model(), c.model()), "another seed, other weights");
        assertEquals(1, a.weightTensors());
        assertEquals(48 * 6, a.weightValues());
        OnnxMl.ModelProto orig = OnnxGraphs.parse(m, "m");
        OnnxMl.ModelProto rnd = OnnxGraphs.parse(a.model(), "r");
        assertEquals(orig.getGraph().getNodeList(), rnd.getGraph().getNodeList(), "the graph is unchanged");
        OnnxMl.TensorProto w0 = orig.getGraph().getInitializer(0);
        OnnxMl.TensorProto w1 = rnd.getGraph().getInitializer(0);
        assertEquals(w0.getDimsList(), w1.getDimsList());
        assertNotEquals(w0.getRawData(), w1.getRawData());
        assertEquals(orig.getGraph().getInitializer(1), rnd.getGraph().getInitializer(1), "the shape constant stays");
    }

    @Test
    void heNormalWeightsHaveTheirVariance() {
        // 48 inputs: N(0, 2/48); over 48·200 draws the sample variance is within a few percent.
        byte[] m = TinyOnnx.linear(4, 200, false, 3, "input", "output");
        OnnxMl.TensorProto w = OnnxGraphs.parse(OnnxGraphs.randomlyInitialised(m, 7).model(), "r").getGraph()
                .getInitializer(0);
        java.nio.FloatBuffer f = w.getRawData().asReadOnlyByteBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer();
        double s2 = 0;
        int n = f.remaining();
        for (int i = 0; i < n; i++) {
            double v = f.get(i);
            s2 += v * v;
        }
        assertEquals(2.0 / 48, s2 / n, 0.1 * 2.0 / 48);
    }

    @Test
    void dynamicBatchRewriteNeedsABatchOfOne() {
        assertTrue(OnnxGraphs.withDynamicBatch(TinyOnnx.linear(4, 6, true, 3, "input", "output")).isPresent());
        assertTrue(OnnxGraphs.withDynamicBatch(TinyOnnx.linear(4, 6, false, 3, "input", "output")).isEmpty(),
                "a dynamic model is left alone");
    }

    @Test
    void sharedShapeConstantsBlockTheRewrite() {
        OnnxMl.ModelProto m = OnnxGraphs.parse(TinyOnnx.linear(4, 6, true, 3, "input", "output"), "m");
        OnnxMl.GraphProto.Builder g = m.getGraph().toBuilder();
        g.addNode(OnnxMl.NodeProto.newBuilder().setOpType("Identity").addInput("shape").addOutput("shape-copy"));
        g.addOutput(TinyOnnx.valueInfo("shape-copy", 2));
        byte[] shared = m.toBuilder().setGraph(g).build().toByteArray();
        assertTrue(OnnxGraphs.withDynamicBatch(shared).isEmpty());
    }

    @Test
    void checksumIsHexSha256() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                OnnxGraphs.sha256(new byte[0]));
    }

    private static float[][] run(byte[] model, float[] x, long[] shape) throws ai.onnxruntime.OrtException {
        ai.onnxruntime.OrtEnvironment env = ai.onnxruntime.OrtEnvironment.getEnvironment();
        try (ai.onnxruntime.OrtSession s = env.createSession(model, new ai.onnxruntime.OrtSession.SessionOptions());
             ai.onnxruntime.OnnxTensor t = ai.onnxruntime.OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(x), shape);
             ai.onnxruntime.OrtSession.Result r = s.run(java.util.Map.of(s.getInputNames().iterator().next(), t))) {
            return (float[][]) r.get(0).getValue();
        }
    }

    @Test
    void trunkThenTailComputesTheWholeModelAndNewInitializersAreWritten() throws Exception {
        byte[] m = TinyOnnx.linear(4, 6, true, 3, "input", "output");
        String tensor = OnnxGraphs.tailTensor(m, 2, java.util.Set.of("MatMul", "Reshape", "Flatten"));
        assertEquals("flat", tensor, "the tail starts after the reshape (one parametric layer is all there is)");
        OnnxGraphs.Cut c = OnnxGraphs.cut(m, tensor);
        assertArrayEquals(new long[]{1, 48}, c.shape());
        float[] x = new float[48];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 7) / 7f - 0.3f;
        }
        float[][] whole = run(m, x, new long[]{1, 3, 4, 4});
        float[][] features = run(c.trunk(), x, new long[]{1, 3, 4, 4});
        assertEquals(48, features[0].length);
        float[][] viaTail = run(c.tail(), features[0], c.shape());
        assertArrayEquals(whole[0], viaTail[0], 0f, "the cut graph computes the same bits");

        float[] zero = new float[48 * 6];
        byte[] edited = OnnxGraphs.withInitializers(m, java.util.Map.of("W", zero));
        assertArrayEquals(new float[6], run(edited, x, new long[]{1, 3, 4, 4})[0], 0f);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OnnxGraphs.withInitializers(m, java.util.Map.of("W", new float[3])));
        assertTrue(e.getMessage().contains("'W'"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OnnxGraphs.cut(m, "output"));
    }
}
