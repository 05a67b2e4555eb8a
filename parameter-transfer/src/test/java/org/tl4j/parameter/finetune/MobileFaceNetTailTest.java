package org.tl4j.parameter.finetune;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;
import org.tl4j.backbone.OnnxGraphs;
import org.tl4j.core.contract.SharedData;
import org.tl4j.deep.net.Network;
import org.tl4j.deep.onnx.OnnxImport;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared MobileFaceNet-512d cut before its last three parametric layers: ONNX Runtime's trunk followed by the
 * tail imported into DJL computes the original network's embedding, and the tail's weights written back into the
 * graph are what ONNX Runtime then runs.
 */
class MobileFaceNetTailTest {
    /** Largest absolute difference allowed between ONNX Runtime and DJL on the (unnormalised) 512-d embedding. */
    static final double PARITY = 1e-4;

    private static float[] run(byte[] model, float[] x, long[] shape) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
             OrtSession.Result r = s.run(Map.of(s.getInputNames().iterator().next(), t))) {
            return ((float[][]) r.get(0).getValue())[0];
        }
    }

    @Test
    void trunkPlusImportedTailIsTheNetworkAndWritesBack() throws Exception {
        byte[] model = Files.readAllBytes(SharedData.require("models/face/mobilefacenet-512d.onnx"));
        String tensor = OnnxGraphs.tailTensor(model, 3, OnnxImport.OPERATORS);
        OnnxGraphs.Cut cut = OnnxGraphs.cut(model, tensor);
        assertArrayEquals(new long[]{1, 128, 7, 7}, cut.shape(), "the tail starts at the 128x7x7 feature map");
        OnnxImport.Imported imp = OnnxImport.read(cut.tail());
        assertEquals(List.of(3, 2, 2), imp.units().stream().map(List::size).toList(),
                "1x1 conv + PReLU, global depthwise conv, linear conv: " + imp.units());
        float[] x = new float[3 * 112 * 112];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(0.37 * i) * 0.8f;
        }
        long[] in = {1, 3, 112, 112};
        float[] whole = run(model, x, in);
        float[] features = run(cut.trunk(), x, in);
        try (Network net = Network.build(imp.root(), imp.inputShape())) {
            OnnxImport.load(net, imp, cut.tail());
            float[] djl = net.predict(features, 1)[0];
            assertTrue(maxAbsDiff(whole, djl) <= PARITY, "max |ORT - DJL| " + maxAbsDiff(whole, djl));
            // Change the tail as fine-tuning would, write it back, and run the edited graph.
            for (String p : imp.bindings().keySet()) {
                float[] v = net.values(p);
                for (int i = 0; i < v.length; i++) {
                    v[i] *= 1 + 0.05f * (float) Math.cos(i);
                }
                net.set(p, v);
            }
            byte[] edited = OnnxGraphs.withInitializers(model, OnnxImport.exportWeights(net, imp));
            float[] after = run(edited, x, in);
            float[] djlAfter = net.predict(features, 1)[0];
            assertTrue(maxAbsDiff(after, djlAfter) <= PARITY, "max |ORT - DJL| after write-back "
                    + maxAbsDiff(after, djlAfter));
            assertTrue(maxAbsDiff(after, whole) > 1e-3, "the written weights are the ones ONNX Runtime runs");
        }
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
