package org.tl4j.spark.cli;

import org.tl4j.backbone.BackboneOptions;
import org.tl4j.backbone.BuiltInModels;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.experiments.lfw.SourceArguments;
import org.tl4j.spark.embed.SparkEmbedding;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The embedding options {@code tl spark embed} and {@code tl spark lfw} share, with {@code tl lfw}'s meanings. */
public final class EmbeddingArguments {

    @Option(names = "--model", defaultValue = "mobilefacenet-512d", paramLabel = "NAME|NAME=FILE|FILE|random:NAME|pixels",
            description = "The backbone (default: ${DEFAULT-VALUE}). Built-in: mobilefacenet-512d, mobilefacenet-128d, "
                    + "dlib-resnet-128d, facenet-irv1 (needs facenet-irv1=FILE).")
    String model;

    @Option(names = "--spec", paramLabel = "KEY=VALUE", description = "Spec override for NAME=FILE models, e.g. "
            + "input=input:0, layout=nhwc, size=160x160. Repeatable.")
    Map<String, String> spec = new LinkedHashMap<>();

    @Option(names = "--align", description = "Align faces with the YuNet detector (five landmarks, similarity transform).")
    boolean align;

    @Option(names = "--flip", description = "Test-time flip augmentation: sum each image's embedding with its mirror's.")
    boolean flip;

    @Option(names = "--detector", paramLabel = "FILE", description = "YuNet model (default: <data>/models/face/yunet-2023mar.onnx).")
    Path detector;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder holding the shared data/ and models/ (default: ../shared, or -Dtl4j.shared / TL4J_SHARED).")
    Path data;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of random:<model> weights (and of tl spark lfw's split and classifiers) (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "ONNX Runtime intra-op threads of each executor's "
            + "one session; 0 = the executor's cores (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--batch", defaultValue = "32", description = "Images per inference batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--decode-threads", defaultValue = "1", description = "Threads decoding images ahead of inference in each task (default: ${DEFAULT-VALUE}).")
    int decodeThreads;

    @Option(names = "--partition-images", defaultValue = "" + SparkEmbedding.DEFAULT_PARTITION_IMAGES,
            description = "Images per Spark task (default: ${DEFAULT-VALUE}).")
    int partitionImages;

    /** The shared data root. */
    Path dataRoot() {
        return data != null ? data : SuiteContext.defaults().dataRoot();
    }

    /** The source {@code --model} names. */
    PretrainedSource source(CommandLine cl) throws IOException {
        try {
            return SourceArguments.resolve(model, dataRoot().resolve("models/face"), spec, seed,
                    BuiltInModels.MOBILEFACENET_512D);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --model: " + e.getMessage());
        }
    }

    /** The embedder settings (no cache). */
    EmbedderSettings settings(CommandLine cl) {
        if (partitionImages < 1) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --partition-images: " + partitionImages
                    + " (must be at least 1)");
        }
        try {
            return EmbedderSettings.defaults().withBackbone(BackboneOptions.defaults().withThreads(threads))
                    .withBatchSize(batch).withDecodeThreads(decodeThreads).withAlign(align).withFlip(flip)
                    .withDetector(detector != null ? detector : dataRoot().resolve(EmbedderSettings.DEFAULT_DETECTOR));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "Invalid --threads, --batch or --decode-threads: "
                    + e.getMessage());
        }
    }
}
