package org.tl4j.backbone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The embedding models tl4j knows by name, with their {@link EmbeddingSpec}s, file names (in the shared
 * {@code models/face/} folder) and what they were trained on.
 * <ul>
 *   <li>{@code mobilefacenet-512d}: MobileFaceNet (S. Chen et al., <i>MobileFaceNets: Efficient CNNs for Accurate
 *   Real-Time Face Verification on Mobile Devices</i>, CCBR 2018), 112×112 RGB, {@code (x−127.5)/128}, 512-d,
 *   fixed batch 1;</li>
 *   <li>{@code mobilefacenet-128d}: MobileFaceNet with ReLU6, 112×112 RGB, {@code (x−127.5)/128}, 128-d, fixed
 *   batch 1;</li>
 *   <li>{@code dlib-resnet-128d}: dlib's 29-layer face-recognition ResNet, 150×150 RGB 0..255 (normalised inside
 *   the graph), 128-d, not L2-normalised (dlib compares raw embeddings), dynamic batch;</li>
 *   <li>{@code facenet-irv1}: FaceNet Inception-ResNet v1 (F. Schroff, D. Kalenichenko, J. Philbin, <i>FaceNet: A
 *   Unified Embedding for Face Recognition and Clustering</i>, CVPR 2015), 160×160 RGB, {@code (x−127.5)/128},
 *   512-d, dynamic batch. No weights ship with tl4j: pass your own export as {@code facenet-irv1=FILE}.</li>
 * </ul>
 * The unaligned crops are the rectangles that work on LFW's 250×250 framing: (61, 58, 128) for the MobileFaceNets
 * and (65, 65, 120) for dlib, as fractions of the image size.
 */
public final class BuiltInModels {

    /** A known model: its spec, the file it is shipped as, and the data it was trained on. */
    public record Entry(EmbeddingSpec spec, String fileName, String trainedOn) {
    }

    private static final RelativeCrop MOBILEFACENET_CROP = RelativeCrop.ofPixels(61, 58, 128, 128, 250, 250);
    private static final RelativeCrop DLIB_CROP = RelativeCrop.ofPixels(65, 65, 120, 120, 250, 250);

    /** {@code mobilefacenet-512d}. */
    public static final EmbeddingSpec MOBILEFACENET_512D = EmbeddingSpec.builder("mobilefacenet-512d")
            .input("input").output("output").size(112, 112).fixedBatch(1).embeddingDim(512)
            .crop(MOBILEFACENET_CROP).alignment(new Alignment.Similarity(FaceTemplate.ARCFACE_112)).build();

    /** {@code mobilefacenet-128d}. */
    public static final EmbeddingSpec MOBILEFACENET_128D = EmbeddingSpec.builder("mobilefacenet-128d")
            .input("input0").output("output0").size(112, 112).fixedBatch(1).embeddingDim(128)
            .crop(MOBILEFACENET_CROP).alignment(new Alignment.Similarity(FaceTemplate.ARCFACE_112)).build();

    /** {@code dlib-resnet-128d}. */
    public static final EmbeddingSpec DLIB_RESNET_128D = EmbeddingSpec.builder("dlib-resnet-128d")
            .input("input").output("embedding").size(150, 150).normalisation(PixelNormalisation.RAW).fixedBatch(0)
            .embeddingDim(128).l2Normalise(false).crop(DLIB_CROP)
            .alignment(new Alignment.Similarity(FaceTemplate.DLIB_150)).build();

    /** {@code facenet-irv1}. */
    public static final EmbeddingSpec FACENET_IRV1 = EmbeddingSpec.builder("facenet-irv1")
            .input("input").output("output").size(160, 160).fixedBatch(0).embeddingDim(512)
            .crop(MOBILEFACENET_CROP).alignment(new Alignment.BoxWithMargin(0.15)).build();

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add(MOBILEFACENET_512D, "mobilefacenet-512d.onnx",
                "face images (pretrained MobileFaceNet of the npm package faceplugin-face-recognition-js 0.0.1; "
                        + "its training set is not documented)");
        add(MOBILEFACENET_128D, "mobilefacenet-128d.onnx", "MS-Celeb-1M (MobileFaceNet weights of foamliu)");
        add(DLIB_RESNET_128D, "dlib-resnet-128d.onnx",
                "about 3 million faces of 7,485 people (dlib face_recognition_resnet_model_v1: FaceScrub, VGG-Face "
                        + "and images gathered by dlib's author)");
        add(FACENET_IRV1, "facenet-irv1.onnx",
                "a FaceNet Inception-ResNet v1 checkpoint (VGGFace2 or CASIA-WebFace), exported to ONNX by the user");
    }

    private static void add(EmbeddingSpec spec, String file, String trainedOn) {
        ENTRIES.put(spec.name(), new Entry(spec, file, trainedOn));
    }

    private BuiltInModels() {
    }

    /** The known names, in a stable order. */
    public static List<String> names() {
        return new ArrayList<>(ENTRIES.keySet());
    }

    /** Whether {@code name} is a known model. */
    public static boolean contains(String name) {
        return ENTRIES.containsKey(name);
    }

    /**
     * The entry called {@code name}.
     *
     * @throws IllegalArgumentException naming the known models when there is none
     */
    public static Entry get(String name) {
        Entry e = ENTRIES.get(name);
        if (e == null) {
            throw new IllegalArgumentException("Unknown model '" + name + "': known models are " + names()
                    + "; for another ONNX file pass NAME=FILE with a known NAME whose spec it follows, or build an "
                    + "EmbeddingSpec");
        }
        return e;
    }

    /**
     * The file of the built-in model {@code name} under {@code modelsFolder} (e.g. {@code ../shared/models/face}).
     *
     * @throws IllegalArgumentException when the file is absent, saying where it was looked for
     */
    public static Path file(String name, Path modelsFolder) {
        Entry e = get(name);
        Path p = modelsFolder.resolve(e.fileName());
        if (!Files.isRegularFile(p)) {
            String hint = name.equals(FACENET_IRV1.name())
                    ? ": no trained FaceNet weights ship with tl4j; export your checkpoint to ONNX and pass "
                    + "facenet-irv1=FILE, or write the architecture with seeded random weights (for timing, not "
                    + "accuracy) with 'tl export facenet-irv1 --out FILE' and pass facenet-irv1=FILE"
                    : ": point tl4j at the shared data (--data DIR, -Dtl4j.shared or TL4J_SHARED) or pass NAME=FILE";
            throw new IllegalArgumentException("Model file for '" + name + "' not found at "
                    + p.toAbsolutePath().normalize() + hint);
        }
        return p;
    }

    /**
     * {@code spec} with fields overridden from {@code KEY=VALUE} text, for models that follow a known spec but
     * name or shape things differently. Keys: {@code name}, {@code input}, {@code output}, {@code size}
     * ({@code WxH}), {@code channels} ({@code rgb|bgr}), {@code layout} ({@code nchw|nhwc}), {@code mean},
     * {@code scale}, {@code batch} ({@code dynamic} or a number), {@code dim}, {@code l2} ({@code true|false}).
     *
     * @throws IllegalArgumentException naming the bad key or value
     */
    public static EmbeddingSpec override(EmbeddingSpec spec, Map<String, String> overrides) {
        EmbeddingSpec.Builder b = spec.toBuilder();
        double mean = spec.normalisation().mean();
        double scale = spec.normalisation().scale();
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String k = e.getKey().trim().toLowerCase(Locale.ROOT);
            String v = e.getValue().trim();
            try {
                switch (k) {
                    case "name" -> b.name(v);
                    case "input" -> b.input(v);
                    case "output" -> b.output(v);
                    case "size" -> {
                        String[] wh = v.toLowerCase(Locale.ROOT).split("x");
                        if (wh.length != 2) {
                            throw new IllegalArgumentException("expected WxH");
                        }
                        b.size(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
                    }
                    case "channels" -> b.channelOrder(ChannelOrder.valueOf(v.toUpperCase(Locale.ROOT)));
                    case "layout" -> b.layout(TensorLayout.valueOf(v.toUpperCase(Locale.ROOT)));
                    case "mean" -> mean = Double.parseDouble(v);
                    case "scale" -> scale = Double.parseDouble(v);
                    case "batch" -> b.fixedBatch(v.equalsIgnoreCase("dynamic") ? 0 : Integer.parseInt(v));
                    case "dim" -> b.embeddingDim(Integer.parseInt(v));
                    case "l2" -> {
                        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                            throw new IllegalArgumentException("expected true or false");
                        }
                        b.l2Normalise(Boolean.parseBoolean(v));
                    }
                    default -> throw new IllegalArgumentException("unknown key; expected one of name, input, output, "
                            + "size, channels, layout, mean, scale, batch, dim, l2");
                }
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("Invalid spec override '" + e.getKey() + "=" + e.getValue() + "': "
                        + ex.getMessage(), ex);
            }
        }
        return b.normalisation(new PixelNormalisation(mean, scale)).build();
    }
}
