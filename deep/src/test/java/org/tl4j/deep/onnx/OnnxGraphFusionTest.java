package org.tl4j.deep.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.deep.net.InceptionResNetV1;
import org.tl4j.deep.net.Network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The written Inception-ResNet v1 keeps the form ONNX Runtime's graph optimiser folds: every convolution's batch norm
 * and every residual branch's scale disappear into the convolutions, so the separate {@code BatchNormalization} and
 * {@code Mul} nodes cost nothing at inference (the network's CPU time is its convolutions' arithmetic).
 */
class OnnxGraphFusionTest {
    @Test
    void onnxRuntimeFoldsBatchNormsAndResidualScalesIntoTheConvolutions(@TempDir Path dir)
            throws OrtException, IOException {
        var cfg = new InceptionResNetV1.Config(64, 0.8f, 8, 2, 2, 2, false);
        Map<String, Integer> written;
        Map<String, Integer> optimised;
        try (Network net = Network.build(InceptionResNetV1.trunk(cfg), 1, 3, 160, 160)) {
            net.initialise(5);
            OnnxParityTest.perturbBatchNorms(net, 6);
            OnnxMl.ModelProto model = OnnxWriter.model(net, OnnxParityTest.OPTIONS);
            written = ops(model);
            Path out = dir.resolve("optimised.onnx");
            try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
                // EXTENDED: the hardware-independent fusions (ALL adds the machine-specific NCHWc layout on top).
                so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
                so.setOptimizedModelFilePath(out.toString());
                OrtEnvironment.getEnvironment().createSession(model.toByteArray(), so).close();
            }
            optimised = ops(OnnxMl.ModelProto.parseFrom(Files.readAllBytes(out)));
        }
        int convs = written.get("Conv");
        int residuals = written.get("Mul");
        assertEquals(convs - residuals + 1, written.get("BatchNormalization"), "written: a batch norm after every "
                + "convolution but the residual up-projections, plus the bottleneck's: " + written);
        assertEquals(2 + 2 + 2 + 1, residuals, "one scale per residual block: " + written);
        assertEquals(1, optimised.getOrDefault("BatchNormalization", 0),
                "only the bottleneck's batch norm (after Gemm) may stay: " + optimised);
        assertEquals(0, optimised.getOrDefault("Mul", 0), "residual scales folded into the up-projections: " + optimised);
        assertEquals(convs, optimised.getOrDefault("Conv", 0) + optimised.getOrDefault("com.microsoft:FusedConv", 0),
                "every convolution kept (plain or fused with its ReLU): " + optimised);
    }

    private static Map<String, Integer> ops(OnnxMl.ModelProto m) {
        Map<String, Integer> c = new TreeMap<>();
        for (OnnxMl.NodeProto n : m.getGraph().getNodeList()) {
            c.merge(n.getDomain().isEmpty() ? n.getOpType() : n.getDomain() + ":" + n.getOpType(), 1, Integer::sum);
        }
        return c;
    }
}
