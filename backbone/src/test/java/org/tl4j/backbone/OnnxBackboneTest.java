package org.tl4j.backbone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.core.contract.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backbone checks its model against the spec and runs batches as single images would. */
class OnnxBackboneTest {
    private static final int SIZE = 4;
    private static final int DIM = 6;
    private static final long SEED = 11;
    /** Float accumulation order differs between ONNX Runtime's MatMul and the reference loop. */
    private static final float TOL = 1e-5f;

    private static final BackboneOptions ONE_THREAD = BackboneOptions.defaults().withThreads(1);

    private static EmbeddingSpec.Builder spec() {
        return EmbeddingSpec.builder("tiny").size(SIZE, SIZE).embeddingDim(DIM).fixedBatch(0);
    }

    private static float[] input(int n) {
        float[] x = new float[n * 3 * SIZE * SIZE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(0.37 * i);
        }
        return x;
    }

    private static IllegalArgumentException mismatch(byte[] model, EmbeddingSpec s) {
        return assertThrows(IllegalArgumentException.class, () -> OnnxBackbone.open(model, "tiny.onnx", s, ONE_THREAD));
    }

    @Test
    void embedsLikeTheReferenceComputationAndNormalises() {
        byte[] m = TinyOnnx.linear(SIZE, DIM, false, SEED, "input", "output");
        float[] w = TinyOnnx.weights(3 * SIZE * SIZE, DIM, SEED);
        try (OnnxBackbone b = OnnxBackbone.open(m, "tiny.onnx", spec().build(), ONE_THREAD)) {
            assertEquals(OnnxBackbone.BatchMode.DYNAMIC, b.batchMode());
            float[] x = input(3);
            float[][] e = b.embed(x, 3);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(TinyOnnx.expected(x, i * 48, 48, w, DIM), e[i], TOL);
            }
            assertEquals(OnnxGraphs.sha256(m), b.sha256());
        }
    }

    @Test
    void fixedBatchModelsAreBatchedByRewriteAndMatchOneByOne() {
        byte[] m = TinyOnnx.linear(SIZE, DIM, true, SEED, "input", "output");
        EmbeddingSpec s = spec().fixedBatch(1).build();
        float[] x = input(5);
        try (OnnxBackbone batched = OnnxBackbone.open(m, "fixed.onnx", s, ONE_THREAD);
             OnnxBackbone single = OnnxBackbone.open(m, "fixed.onnx", s, ONE_THREAD.withBatchFixedModels(false))) {
            assertEquals(OnnxBackbone.BatchMode.REWRITTEN, batched.batchMode());
            assertEquals(OnnxBackbone.BatchMode.ONE_BY_ONE, single.batchMode());
            float[][] a = batched.embed(x, 5);
            float[][] b = single.embed(x, 5);
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(b[i], a[i], TOL);
            }
        }
    }

    @Test
    void wrongInputNameIsNamedWithWhatTheModelDeclares() {
        byte[] m = TinyOnnx.linear(SIZE, DIM, false, SEED, "input0", "output");
        IllegalArgumentException e = mismatch(m, spec().build());
        assertTrue(e.getMessage().contains("no input 'input'") && e.getMessage().contains("'input0'"), e.getMessage());
    }

    @Test
    void wrongOutputNameIsNamed() {
        byte[] m = TinyOnnx.linear(SIZE, DIM, false, SEED, "input", "embeddings");
        IllegalArgumentException e = mismatch(m, spec().build());
        assertTrue(e.getMessage().contains("no output 'output'") && e.getMessage().contains("'embeddings'"),
                e.getMessage());
    }

    @Test
    void wrongImageSizeIsNamedWithBothShapes() {
        byte[] m = TinyOnnx.linear(SIZE, DIM, false, SEED, "input", "output");
        IllegalArgumentException e = mismatch(m, spec().size(8, 8).build());
        assertTrue(e.getMessage().contains("[-1, 3, 4, 4]") && e.getMessage().contains("[batch, 3, 8, 8]"),
                e.getMessage());
    }

    @Test
    void wrongLayoutIsRejected() {
        byte[] m = TinyOnnx.linear(SIZE, DIM, false, SEED, "input", "output");
        IllegalArgumentException e = mismatch(m, spec().layout(TensorLayout.NHWC).build());
        assertTrue(e.getMessage().contains("NHWC"), e.getMessage());
    }

    @Test
    void wrongEmbeddingSizeIsNamed() {
        byte[] m = TinyOnnx.linear(SIZE, DIM, false, SEED, "input", "output");
        IllegalArgumentException e = mismatch(m, spec().embeddingDim(512).build());
        assertTrue(e.getMessage().contains("expected [batch, 512]") && e.getMessage().contains("dim=6"),
                e.getMessage());
    }

    @Test
    void batchDeclarationsMustAgree() {
        byte[] dynamic = TinyOnnx.linear(SIZE, DIM, false, SEED, "input", "output");
        assertTrue(mismatch(dynamic, spec().fixedBatch(1).build()).getMessage().contains("dynamic batch"));
        byte[] fixed = TinyOnnx.linear(SIZE, DIM, true, SEED, "input", "output");
        assertTrue(mismatch(fixed, spec().fixedBatch(0).build()).getMessage().contains("use batch=1"));
    }

    @Test
    void notAnOnnxFileIsRejected(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("model.onnx");
        Files.write(f, new byte[]{9, 9, 9, 9, 9});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxBackbone.open(f, spec().build(), ONE_THREAD));
        assertTrue(e.getMessage().contains("model.onnx") && e.getMessage().contains("not an ONNX model"),
                e.getMessage());
    }

    @Test
    void sharedModelsOpenWithTheirSpecsAndRefuseEachOthers() throws IOException {
        Path models = SharedData.require("models/face");
        try (OnnxBackbone b = OnnxBackbone.builtIn("mobilefacenet-512d", models, ONE_THREAD)) {
            assertEquals(OnnxBackbone.BatchMode.REWRITTEN, b.batchMode());
            assertEquals("87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581", b.sha256());
        }
        try (OnnxBackbone b = OnnxBackbone.builtIn("mobilefacenet-128d", models, ONE_THREAD)) {
            assertEquals(OnnxBackbone.BatchMode.REWRITTEN, b.batchMode());
        }
        try (OnnxBackbone b = OnnxBackbone.builtIn("dlib-resnet-128d", models, ONE_THREAD)) {
            assertEquals(OnnxBackbone.BatchMode.DYNAMIC, b.batchMode());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnnxBackbone.open(
                models.resolve("mobilefacenet-128d.onnx"), BuiltInModels.MOBILEFACENET_512D, ONE_THREAD));
        assertTrue(e.getMessage().contains("'input0'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OnnxBackbone.open(
                models.resolve("dlib-resnet-128d.onnx"), BuiltInModels.MOBILEFACENET_128D, ONE_THREAD));
        assertTrue(e.getMessage().contains("dlib-resnet-128d.onnx"), e.getMessage());
    }
}
