package org.tl4j.experiments.table4;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.apache.commons.rng.UniformRandomProvider;
import org.tl4j.core.learn.Seeds;
import org.tl4j.deep.net.InceptionResNetV1;
import org.tl4j.deep.net.Network;
import org.tl4j.deep.onnx.OnnxWriter;
import org.tl4j.backbone.BuiltInModels;
import org.tl4j.backbone.EmbeddingSpec;
import org.tl4j.backbone.OnnxGraphs;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes FaceNet's Inception-ResNet v1 as the ONNX model the {@code facenet-irv1} spec describes (input
 * {@code input} {@code [N, 3, 160, 160]}, output {@code output} {@code [N, 512]}, L2-normalised), with seeded random
 * weights (or, through {@link #write(Network, Path)}, trained ones), and checks it: DJL and ONNX Runtime must agree
 * on two seeded random images within {@link #PARITY}.
 */
public final class FaceNetExport {
    /** Largest absolute difference of the L2-normalised embeddings accepted between DJL and ONNX Runtime. */
    public static final double PARITY = 1e-4;

    /** Where {@code tl export facenet-irv1} writes by default: {@code $XDG_CACHE_HOME/tl4j/models} or {@code ~/.cache/tl4j/models}. */
    public static Path defaultFolder() {
        return org.tl4j.deep.DeepEngine.userCacheDir().resolve("models");
    }

    /**
     * An export.
     *
     * @param file       the model written
     * @param sha256     its SHA-256
     * @param parity     max |DJL − ONNX Runtime| on the check images
     * @param parameters trainable parameters
     * @param bytes      the file's size
     */
    public record Result(Path file, String sha256, double parity, long parameters, long bytes) {
    }

    private FaceNetExport() {
    }

    /** Builds Inception-ResNet v1 with weights drawn from {@code seed} and writes it to {@code file}. */
    public static Result export(long seed, Path file) throws IOException {
        long[] shape = {1, 3, InceptionResNetV1.INPUT_SIZE, InceptionResNetV1.INPUT_SIZE};
        try (Network net = Network.build(InceptionResNetV1.trunk(InceptionResNetV1.Config.facenet()), shape)) {
            net.initialise(seed);
            return write(net, file);
        }
    }

    /** Writes {@code net} (an Inception-ResNet v1 trunk) to {@code file} atomically and checks it. */
    public static Result write(Network net, Path file) throws IOException {
        EmbeddingSpec spec = BuiltInModels.FACENET_IRV1;
        byte[] model = OnnxWriter.write(net, new OnnxWriter.Options(spec.inputName(), spec.outputName(), true,
                "FaceNet Inception-ResNet v1 (tl4j)"));
        double parity = parity(net, model);
        if (!(parity <= PARITY)) {
            throw new IllegalStateException("The ONNX export differs from the DJL network by " + parity
                    + " (more than " + PARITY + "): not written");
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + ".part");
        try {
            Files.write(tmp, model);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new Result(file, OnnxGraphs.sha256(model), parity, net.parameterCount(true), model.length);
    }

    /** Max |DJL − ONNX Runtime| of the L2-normalised outputs on two seeded random images in [−1, 1]. */
    static double parity(Network net, byte[] model) {
        int n = 2;
        int size = 3 * InceptionResNetV1.INPUT_SIZE * InceptionResNetV1.INPUT_SIZE;
        float[] x = new float[n * size];
        UniformRandomProvider rng = Seeds.rng(Seeds.derive(20240501L, "facenet-export-parity"));
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * rng.nextDouble() - 1);
        }
        float[][] djl = net.predict(x, n);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions();
             OrtSession s = env.createSession(model, so);
             OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x),
                     new long[]{n, 3, InceptionResNetV1.INPUT_SIZE, InceptionResNetV1.INPUT_SIZE});
             OrtSession.Result r = s.run(Map.of(BuiltInModels.FACENET_IRV1.inputName(), t))) {
            float[][] ort = (float[][]) r.get(0).getValue();
            double worst = 0;
            for (int i = 0; i < n; i++) {
                double norm = 0;
                for (float v : djl[i]) {
                    norm += (double) v * v;
                }
                norm = Math.sqrt(norm);
                for (int j = 0; j < djl[i].length; j++) {
                    worst = Math.max(worst, Math.abs(djl[i][j] / norm - ort[i][j]));
                }
            }
            return worst;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot run the exported Inception-ResNet v1: "
                    + e.getMessage(), e);
        }
    }
}
