package org.tl4j.backbone;

import org.tl4j.core.data.FileDataProvenance;
import org.tribuo.classification.LabelFactory;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The source knowledge of deep feature transfer: a network pretrained on a source domain (e.g. MS-Celeb-1M faces),
 * identified by the SHA-256 of its bytes. Two controls share the interface: the same network with its weights
 * {@linkplain #randomlyInitialised(long) re-drawn at random} (the architecture without the learned knowledge) and
 * {@linkplain #pixels(EmbeddingSpec, int) no source at all} (raw pixels).
 * <p>
 * Immutable and serializable (a fitted model records its source); the model file is re-read, and its checksum
 * verified, when a backbone is {@linkplain #open(BackboneOptions) opened}.
 */
public final class PretrainedSource implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What kind of source this is. */
    public enum Kind {
        /** A pretrained network. */
        PRETRAINED,
        /** A pretrained network's graph with freshly drawn random weights (negative-transfer control). */
        RANDOM_INIT,
        /** No source: the pixels themselves (the target-only control). */
        NONE
    }

    private final String name;
    private final Kind kind;
    private final String modelFile;
    private final EmbeddingSpec spec;
    private final String trainedOn;
    private final long seed;
    private final String fileSha256;
    private final String sha256;

    private PretrainedSource(String name, Kind kind, String modelFile, EmbeddingSpec spec, String trainedOn, long seed,
                             String fileSha256, String sha256) {
        this.name = name;
        this.kind = kind;
        this.modelFile = modelFile;
        this.spec = spec;
        this.trainedOn = trainedOn;
        this.seed = seed;
        this.fileSha256 = fileSha256;
        this.sha256 = sha256;
    }

    /**
     * A pretrained network read from {@code file}.
     *
     * @param spec      what the network expects (see {@link BuiltInModels})
     * @param trainedOn the source data it was trained on, for reports and provenance
     */
    public static PretrainedSource file(Path file, EmbeddingSpec spec, String trainedOn) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("ONNX model not found: " + file.toAbsolutePath().normalize());
        }
        String sha = OnnxGraphs.sha256(file);
        return new PretrainedSource(spec.name(), Kind.PRETRAINED, file.toAbsolutePath().normalize().toString(),
                Objects.requireNonNull(spec, "spec"), Objects.requireNonNull(trainedOn, "trainedOn"), 0, sha, sha);
    }

    /** The built-in model {@code name} (see {@link BuiltInModels}) from {@code modelsFolder}. */
    public static PretrainedSource builtIn(String name, Path modelsFolder) throws IOException {
        BuiltInModels.Entry e = BuiltInModels.get(name);
        return file(BuiltInModels.file(name, modelsFolder), e.spec(), e.trainedOn());
    }

    /** No source: {@code size × size} gray pixels of the face framed as {@code framedLike} frames it. */
    public static PretrainedSource pixels(EmbeddingSpec framedLike, int size) {
        PixelBackbone b = PixelBackbone.framedLike(framedLike, size);
        return new PretrainedSource("pixels", Kind.NONE, null, b.spec(), "nothing (raw pixels, no source knowledge)",
                0, null, b.sha256());
    }

    /**
     * This network's graph with every learned weight replaced by a seeded random initialisation
     * ({@link OnnxGraphs#randomlyInitialised(byte[], long)}): the same shape, none of the source's knowledge.
     *
     * @throws IllegalStateException if this source is not a pretrained network
     */
    public PretrainedSource randomlyInitialised(long seed) throws IOException {
        if (kind != Kind.PRETRAINED) {
            throw new IllegalStateException("Only a pretrained network can be re-initialised, not " + name);
        }
        byte[] bytes = OnnxGraphs.randomlyInitialised(readModel(), seed).model();
        return new PretrainedSource("random:" + name, Kind.RANDOM_INIT, modelFile,
                spec.toBuilder().name("random-" + spec.name()).build(),
                "nothing (the graph of " + name + " with He-normal random weights, seed " + seed + ")", seed,
                fileSha256, OnnxGraphs.sha256(bytes));
    }

    private byte[] readModel() throws IOException {
        Path p = Path.of(modelFile);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("ONNX model of source '" + name + "' is gone: " + p);
        }
        byte[] bytes = Files.readAllBytes(p);
        String now = OnnxGraphs.sha256(bytes);
        if (!now.equals(fileSha256)) {
            throw new IllegalStateException("ONNX model " + p + " changed since source '" + name + "' was created "
                    + "(SHA-256 " + fileSha256 + ", now " + now + "): recreate the source");
        }
        return bytes;
    }

    /**
     * Opens the backbone this source describes.
     *
     * @throws IOException if the model file cannot be read
     */
    public Backbone open(BackboneOptions options) throws IOException {
        return switch (kind) {
            case NONE -> PixelBackbone.of(spec);
            case PRETRAINED -> OnnxBackbone.open(readModel(), Path.of(modelFile).getFileName().toString(), spec, options);
            case RANDOM_INIT -> {
                byte[] bytes = OnnxGraphs.randomlyInitialised(readModel(), seed).model();
                yield OnnxBackbone.open(bytes, name, spec, options);
            }
        };
    }

    /**
     * The ONNX model bytes this source's backbone runs (re-initialised ones for {@link Kind#RANDOM_INIT}), or
     * {@code null} for {@link Kind#NONE}; their SHA-256 is {@link #sha256()}. With {@link #open(byte[],
     * BackboneOptions)} a cluster sends these bytes to its executors instead of reading the file there.
     *
     * @throws IOException if the model file cannot be read
     */
    public byte[] modelBytes() throws IOException {
        return switch (kind) {
            case NONE -> null;
            case PRETRAINED -> readModel();
            case RANDOM_INIT -> OnnxGraphs.randomlyInitialised(readModel(), seed).model();
        };
    }

    /**
     * Opens the backbone from {@link #modelBytes()} obtained elsewhere (e.g. broadcast to the executors of a
     * cluster), without reading the model file.
     *
     * @throws IllegalArgumentException if the bytes are not this source's model (SHA-256 differs)
     */
    public Backbone open(byte[] model, BackboneOptions options) {
        if (kind == Kind.NONE) {
            return PixelBackbone.of(spec);
        }
        String sha = OnnxGraphs.sha256(Objects.requireNonNull(model, "model"));
        if (!sha.equals(sha256)) {
            throw new IllegalArgumentException("Model bytes for source '" + name + "' have SHA-256 " + sha
                    + ", expected " + sha256);
        }
        String label = kind == Kind.PRETRAINED ? Path.of(modelFile).getFileName().toString() : name;
        return OnnxBackbone.open(model, label, spec, options);
    }

    /** The source's name, e.g. {@code mobilefacenet-512d}, {@code random:mobilefacenet-512d} or {@code pixels}. */
    public String name() {
        return name;
    }

    /** The kind of source. */
    public Kind kind() {
        return kind;
    }

    /** The spec images are prepared for. */
    public EmbeddingSpec spec() {
        return spec;
    }

    /** The data the network learned from. */
    public String trainedOn() {
        return trainedOn;
    }

    /** The SHA-256 of the computation: the model bytes run (re-initialised ones for {@link Kind#RANDOM_INIT}). */
    public String sha256() {
        return sha256;
    }

    /** The model file, or {@code null} for {@link Kind#NONE}. */
    public Path modelFile() {
        return modelFile == null ? null : Path.of(modelFile);
    }

    /** Provenance of the source: the model file's name and SHA-256, what it holds and its spec. */
    public FileDataProvenance provenance() {
        String file = modelFile == null ? "(none)" : Path.of(modelFile).getFileName().toString();
        String content = switch (kind) {
            case PRETRAINED -> "pretrained embedding network '" + name + "', trained on " + trainedOn;
            case RANDOM_INIT -> "randomly initialised network '" + name + "' (seed " + seed + ", file SHA-256 "
                    + fileSha256 + ")";
            case NONE -> "no source: raw pixels";
        };
        return new FileDataProvenance(file, sha256, content, spec.key(), ImageTransferTask.LABELS);
    }

    @Override
    public String toString() {
        return name + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ", sha256 " + sha256.substring(0, 12) + ")";
    }
}
