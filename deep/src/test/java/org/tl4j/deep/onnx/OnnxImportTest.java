package org.tl4j.deep.onnx;

import ai.onnxruntime.OrtException;
import org.junit.jupiter.api.Test;
import org.tl4j.deep.net.Layer;
import org.tl4j.deep.net.Network;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An ONNX chain imported into DJL computes what ONNX Runtime computes, and its weights go back where they came from. */
class OnnxImportTest {

    /** A MobileFaceNet-like tail: 1×1 conv + PReLU, global depthwise conv, linear 1×1 conv, flatten. */
    static Layer tail() {
        return Layer.Sequence.of("t",
                new Layer.Conv("pw", 12, 1, 1, 1, 1, 0, 0, 1, true),
                new Layer.Prelu("act"),
                new Layer.Conv("gdc", 12, 4, 4, 1, 1, 0, 0, 12, true),
                new Layer.Conv("linear", 6, 1, 1, 1, 1, 0, 0, 1, true),
                new Layer.Flatten("flat"),
                new Layer.BatchNorm("bn", 1e-5f, 0.9f, true, true));
    }

    @Test
    void importedChainAgreesWithOnnxRuntimeAndExportsItsWeightsBack() throws OrtException {
        long[] shape = {1, 5, 4, 4};
        try (Network written = Network.build(tail(), shape)) {
            written.initialise(3);
            OnnxParityTest.perturbBatchNorms(written, 4);
            byte[] model = OnnxWriter.write(written, new OnnxWriter.Options("x", "y", false, "tail"));
            OnnxImport.Imported imp = OnnxImport.read(model);
            assertEquals(List.of(3, 2, 4), imp.units().stream().map(List::size).toList(),
                    "units: conv + PReLU, depthwise conv, linear conv + batch norm: " + imp.units());
            try (Network net = Network.build(imp.root(), imp.inputShape())) {
                OnnxImport.load(net, imp, model);
                int n = 3;
                float[] x = OnnxParityTest.input(n, 5 * 16, 8);
                float[][] djl = net.predict(x, n);
                float[][] ort = OnnxParityTest.runOnnx(model, x, new long[]{n, 5, 4, 4});
                assertTrue(OnnxParityTest.maxAbsDiff(djl, ort) <= 1e-5, "max |DJL - ORT| "
                        + OnnxParityTest.maxAbsDiff(djl, ort));
                Map<String, float[]> back = OnnxImport.exportWeights(net, imp);
                Map<String, OnnxWeights.Tensor> original = OnnxWeights.read(model);
                for (Map.Entry<String, float[]> e : back.entrySet()) {
                    assertTrue(java.util.Arrays.equals(original.get(e.getKey()).values(), e.getValue()), e.getKey());
                }
            }
        }
    }

    @Test
    void unsupportedOperatorsAreNamed() {
        Layer l = Layer.Sequence.of("t", new Layer.Conv("c", 4, 1, 1, 1, 1, 0, 0, 1, true),
                new Layer.MaxPool("pool", 2, 2, 0), new Layer.Flatten("f"));
        try (Network w = Network.build(l, 1, 2, 4, 4)) {
            byte[] model = OnnxWriter.write(w, new OnnxWriter.Options("x", "y", false, "t"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnnxImport.read(model));
            assertTrue(e.getMessage().contains("MaxPool"), e.getMessage());
        }
    }
}
