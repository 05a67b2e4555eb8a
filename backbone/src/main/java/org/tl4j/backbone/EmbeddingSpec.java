package org.tl4j.backbone;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an ONNX embedding model expects and returns: the input tensor's name, image size, channel order, layout and
 * pixel normalisation, whether its batch dimension is fixed, the output's name and size, and whether embeddings are
 * L2-normalised afterwards; plus how a face is cut out of an image for it — the crop of an unaligned image and the
 * {@link Alignment} used when a detector is on.
 * <p>
 * {@link OnnxBackbone} checks a model's declared inputs and outputs against its spec. The spec's {@link #key()} is
 * part of every embedding-cache key, so changing any field invalidates cached embeddings. Instances are immutable;
 * build custom specs with {@link #builder(String)} and see {@link BuiltInModels} for the shipped ones.
 *
 * @param name          short name, e.g. {@code mobilefacenet-512d}
 * @param inputName     name of the model's image input
 * @param outputName    name of the model's embedding output
 * @param width         input width in pixels
 * @param height        input height in pixels
 * @param channelOrder  colour channel order of the input
 * @param layout        tensor layout of the input
 * @param normalisation pixel normalisation
 * @param fixedBatch    the batch size the model declares, or {@code 0} for a dynamic batch dimension
 * @param embeddingDim  size of the embedding output
 * @param l2Normalise   whether embeddings are scaled to unit Euclidean norm after inference
 * @param crop          the face's rectangle in unaligned images, relative to the image size
 * @param alignment     how a detected face is cut out when alignment is on
 */
public record EmbeddingSpec(String name, String inputName, String outputName, int width, int height,
                            ChannelOrder channelOrder, TensorLayout layout, PixelNormalisation normalisation,
                            int fixedBatch, int embeddingDim, boolean l2Normalise, RelativeCrop crop,
                            Alignment alignment) implements Serializable {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+:\\-]*");

    /** Validates every field. */
    public EmbeddingSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid spec name '" + name + "': use letters, digits, '.', '_', '+', "
                    + "':' and '-'");
        }
        requireText(inputName, "inputName", name);
        requireText(outputName, "outputName", name);
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Spec '" + name + "': invalid input size " + width + "x" + height
                    + " (must be positive)");
        }
        Objects.requireNonNull(channelOrder, "channelOrder");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(normalisation, "normalisation");
        if (fixedBatch < 0) {
            throw new IllegalArgumentException("Spec '" + name + "': invalid fixed batch " + fixedBatch
                    + " (use 0 for a dynamic batch dimension)");
        }
        if (embeddingDim <= 0) {
            throw new IllegalArgumentException("Spec '" + name + "': invalid embedding size " + embeddingDim
                    + " (must be positive)");
        }
        Objects.requireNonNull(crop, "crop");
        Objects.requireNonNull(alignment, "alignment");
    }

    private static void requireText(String s, String field, String name) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("Spec '" + name + "': " + field + " is empty: give the tensor's name as "
                    + "the model declares it");
        }
    }

    /** Whether the model declares a dynamic batch dimension. */
    public boolean dynamicBatch() {
        return fixedBatch == 0;
    }

    /** Number of floats one image occupies in the input tensor ({@code 3·width·height}). */
    public int imageSize() {
        return 3 * width * height;
    }

    /** The input tensor's shape for a batch of {@code n} images. */
    public long[] inputShape(int n) {
        return layout == TensorLayout.NCHW ? new long[]{n, 3, height, width} : new long[]{n, height, width, 3};
    }

    /**
     * A canonical text holding every field, used in cache keys and provenance: equal keys mean equal specs.
     */
    public String key() {
        return String.format(Locale.ROOT, "spec=%s;input=%s;output=%s;size=%dx%d;channels=%s;layout=%s;norm=%s;"
                        + "batch=%s;dim=%d;l2=%b;%s;align=%s", name, inputName, outputName, width, height, channelOrder,
                layout, normalisation, fixedBatch == 0 ? "dynamic" : Integer.toString(fixedBatch), embeddingDim,
                l2Normalise, crop, alignment.key());
    }

    /** A builder starting from this spec. */
    public Builder toBuilder() {
        return new Builder(name).input(inputName).output(outputName).size(width, height).channelOrder(channelOrder)
                .layout(layout).normalisation(normalisation).fixedBatch(fixedBatch).embeddingDim(embeddingDim)
                .l2Normalise(l2Normalise).crop(crop).alignment(alignment);
    }

    /**
     * A builder for a custom spec. Defaults: input {@code input}, output {@code output}, RGB, NCHW,
     * {@link PixelNormalisation#FACENET}, dynamic batch, L2-normalised, the whole image as crop, and alignment onto
     * the ArcFace template scaled to the input size. Size and embedding size must be set.
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds {@link EmbeddingSpec}s. */
    public static final class Builder {
        private String name;
        private String inputName = "input";
        private String outputName = "output";
        private int width;
        private int height;
        private ChannelOrder channelOrder = ChannelOrder.RGB;
        private TensorLayout layout = TensorLayout.NCHW;
        private PixelNormalisation normalisation = PixelNormalisation.FACENET;
        private int fixedBatch;
        private int embeddingDim;
        private boolean l2Normalise = true;
        private RelativeCrop crop = RelativeCrop.FULL;
        private Alignment alignment;

        private Builder(String name) {
            this.name = name;
        }

        /** The spec's name. */
        public Builder name(String n) {
            this.name = n;
            return this;
        }

        /** The input tensor's name. */
        public Builder input(String n) {
            this.inputName = n;
            return this;
        }

        /** The output tensor's name. */
        public Builder output(String n) {
            this.outputName = n;
            return this;
        }

        /** The input size in pixels. */
        public Builder size(int w, int h) {
            this.width = w;
            this.height = h;
            return this;
        }

        /** The channel order. */
        public Builder channelOrder(ChannelOrder c) {
            this.channelOrder = c;
            return this;
        }

        /** The tensor layout. */
        public Builder layout(TensorLayout l) {
            this.layout = l;
            return this;
        }

        /** The pixel normalisation. */
        public Builder normalisation(PixelNormalisation p) {
            this.normalisation = p;
            return this;
        }

        /** The declared batch size, or 0 for dynamic. */
        public Builder fixedBatch(int b) {
            this.fixedBatch = b;
            return this;
        }

        /** The embedding size. */
        public Builder embeddingDim(int d) {
            this.embeddingDim = d;
            return this;
        }

        /** Whether to L2-normalise embeddings. */
        public Builder l2Normalise(boolean b) {
            this.l2Normalise = b;
            return this;
        }

        /** The crop of unaligned images. */
        public Builder crop(RelativeCrop c) {
            this.crop = c;
            return this;
        }

        /** The alignment used when a detector is on. */
        public Builder alignment(Alignment a) {
            this.alignment = a;
            return this;
        }

        /** The spec. */
        public EmbeddingSpec build() {
            Alignment a = alignment != null ? alignment
                    : new Alignment.Similarity(FaceTemplate.ARCFACE_112.resizedTo(Math.max(1, width), Math.max(1, height)));
            return new EmbeddingSpec(name, inputName, outputName, width, height, channelOrder, layout, normalisation,
                    fixedBatch, embeddingDim, l2Normalise, crop, a);
        }
    }
}
