package org.tl4j.backbone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tiny image problems for tests of every module: generated gradient images of three classes (no shared data), and
 * a generated linear ONNX "network" as the source.
 */
public final class TinyImages {
    /** Side of the network's input. */
    public static final int SIZE = 8;
    /** Embedding size of the generated network. */
    public static final int DIM = 16;

    private TinyImages() {
    }

    /** The generated network's spec. */
    public static EmbeddingSpec spec() {
        return EmbeddingSpec.builder("tiny-linear").size(SIZE, SIZE).fixedBatch(1).embeddingDim(DIM).build();
    }

    /**
     * Writes the generated network into {@code dir} (once) and returns it as a source.
     *
     * @throws UncheckedIOException if the folder is not writable
     */
    public static PretrainedSource source(Path dir) {
        try {
            Path model = dir.resolve("tiny-linear.onnx");
            if (!Files.exists(model)) {
                Files.write(model, TinyOnnx.linear(SIZE, DIM, true, 5, "input", "output"));
            }
            return PretrainedSource.file(model, spec(), "nothing (a random linear map, for tests)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Three classes of gradient images at 16×16 (shrunk to the 8×8 input), 6 training and 4 test images each. */
    public static ImageTransferTask task(long seed, PretrainedSource source) {
        try {
            Map<String, byte[]> m = new LinkedHashMap<>();
            List<LabelledImage> train = new ArrayList<>();
            List<LabelledImage> test = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < 10; i++) {
                    String key = "class" + c + "/img" + i + ".png";
                    m.put(key, TinyOnnx.patternImage(c, 16, seed * 1000 + c * 100 + i));
                    (i < 6 ? train : test).add(LabelledImage.of(key, "class" + c));
                }
            }
            return new ImageTransferTask("tiny-images", "generated gradients", source,
                    new InMemoryImageSource("tiny", m), "tiny", train, test);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@link #task} plus labelled source images: three other classes (gradients at other angles), 8 images each,
     * for strategies that re-train on the source task.
     */
    public static ImageTransferTask taskWithSourceImages(long seed, PretrainedSource source) {
        try {
            ImageTransferTask t = task(seed, source);
            Map<String, byte[]> m = new LinkedHashMap<>();
            for (String k : t.images().keys()) {
                m.put(k, t.images().read(k));
            }
            List<LabelledImage> src = new ArrayList<>();
            for (int c = 3; c < 6; c++) {
                for (int i = 0; i < 8; i++) {
                    String key = "source" + c + "/img" + i + ".png";
                    m.put(key, TinyOnnx.patternImage(c, 16, seed * 1000 + c * 100 + i));
                    src.add(LabelledImage.of(key, "source" + c));
                }
            }
            return new ImageTransferTask("tiny-images-with-source", "generated gradients with source classes",
                    source, new InMemoryImageSource("tiny-with-source", m), "tiny", t.train(), t.test(), src);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same task with its test labels rotated by one class (for checks that test labels are never read). */
    public static ImageTransferTask withTestLabelsRotated(ImageTransferTask t) {
        List<String> classes = new ArrayList<>(new java.util.TreeSet<>(t.train().stream()
                .map(i -> i.label().getLabel()).toList()));
        List<LabelledImage> test = new ArrayList<>();
        for (LabelledImage i : t.test()) {
            int c = classes.indexOf(i.label().getLabel());
            test.add(LabelledImage.of(i.key(), classes.get((c + 1) % classes.size())));
        }
        return new ImageTransferTask(t.name(), t.description(), t.source(), t.images(), t.targetName(), t.train(), test,
                t.sourceImages());
    }
}
