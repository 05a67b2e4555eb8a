package org.tl4j.parameter.finetune;

import org.tl4j.backbone.EmbeddingSpec;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.backbone.TinyImages;
import org.tl4j.deep.net.Layer;
import org.tl4j.deep.net.Network;
import org.tl4j.deep.onnx.OnnxWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny MobileFaceNet-shaped source network for the tiny images: 3×3 conv + PReLU (the trunk), then the tail
 * 1×1 conv + PReLU, a global depthwise conv, a linear 1×1 conv, flatten — written to ONNX with seeded weights.
 */
final class TinyConvNet {
    static final int DIM = 16;

    private TinyConvNet() {
    }

    static Layer layers() {
        return Layer.Sequence.of("net",
                new Layer.Conv("stem", 8, 3, 3, 1, 1, 1, 1, 1, true), new Layer.Prelu("stem_act"),
                new Layer.Conv("pw", 12, 1, 1, 1, 1, 0, 0, 1, true), new Layer.Prelu("pw_act"),
                new Layer.Conv("gdc", 12, TinyImages.SIZE, TinyImages.SIZE, 1, 1, 0, 0, 12, true),
                new Layer.Conv("linear", DIM, 1, 1, 1, 1, 0, 0, 1, true), new Layer.Flatten("flat"));
    }

    static EmbeddingSpec spec() {
        return EmbeddingSpec.builder("tiny-conv").size(TinyImages.SIZE, TinyImages.SIZE).fixedBatch(0)
                .embeddingDim(DIM).build();
    }

    /** Writes the network into {@code dir} (once) and returns it as a source. */
    static PretrainedSource source(Path dir) {
        try {
            Path model = dir.resolve("tiny-conv.onnx");
            if (!Files.exists(model)) {
                try (Network n = Network.build(layers(), 1, 3, TinyImages.SIZE, TinyImages.SIZE)) {
                    n.initialise(11);
                    Files.write(model, OnnxWriter.write(n, new OnnxWriter.Options("input", "output", false, "tiny-conv")));
                }
            }
            return PretrainedSource.file(model, spec(), "nothing (seeded random weights, for tests)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
