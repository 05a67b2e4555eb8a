package org.tl4j.backbone;

import java.nio.charset.StandardCharsets;

/**
 * The no-source control: the "embedding" of an image is its face crop itself, reduced to gray, centred and scaled
 * to unit norm, so Euclidean distances between embeddings are {@code 2 − 2·r} with {@code r} the normalised
 * cross-correlation of the two crops. Nothing is learned from any source data, so comparing a pretrained backbone
 * with this one measures what the transfer itself brings (the role {@code target-only} plays for feature vectors).
 */
public final class PixelBackbone implements Backbone {

    /** The default size of the gray crop: 32×32 pixels, 1,024 features. */
    public static final int DEFAULT_SIZE = 32;

    private final EmbeddingSpec spec;
    private final String sha256;

    private PixelBackbone(EmbeddingSpec spec) {
        this.spec = spec;
        this.sha256 = OnnxGraphs.sha256(("tl4j-pixels-v1\n" + spec.key()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A pixel backbone reading {@code size × size} crops framed like {@code like}'s crop and alignment.
     */
    public static PixelBackbone framedLike(EmbeddingSpec like, int size) {
        Alignment a = like.alignment() instanceof Alignment.Similarity s
                ? new Alignment.Similarity(s.template().resizedTo(size, size)) : like.alignment();
        return new PixelBackbone(spec(size, like.crop(), a));
    }

    /** A pixel backbone for {@code spec} (as made by {@link #framedLike}). */
    static PixelBackbone of(EmbeddingSpec spec) {
        if (spec.embeddingDim() != spec.width() * spec.height()) {
            throw new IllegalArgumentException("A pixel spec has one feature per pixel: expected dim "
                    + spec.width() * spec.height() + ", found " + spec.embeddingDim());
        }
        return new PixelBackbone(spec);
    }

    /** The spec of a pixel backbone. */
    static EmbeddingSpec spec(int size, RelativeCrop crop, Alignment alignment) {
        return EmbeddingSpec.builder("pixels").size(size, size).normalisation(PixelNormalisation.RAW)
                .fixedBatch(0).embeddingDim(size * size).l2Normalise(true).crop(crop).alignment(alignment).build();
    }

    @Override
    public EmbeddingSpec spec() {
        return spec;
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public String describe() {
        return "pixels (" + spec.width() + "x" + spec.height() + " gray crop, centred, unit norm; no source)";
    }

    @Override
    public float[][] embed(float[] input, int n) {
        int plane = spec.width() * spec.height();
        int size = spec.imageSize();
        if (input.length < (long) n * size) {
            throw new IllegalArgumentException("Input holds " + input.length + " floats, fewer than " + n
                    + " images of " + size);
        }
        float[][] out = new float[n][plane];
        for (int i = 0; i < n; i++) {
            int base = i * size;
            double mean = 0;
            for (int p = 0; p < plane; p++) {
                float g = spec.layout() == TensorLayout.NCHW
                        ? (input[base + p] + input[base + plane + p] + input[base + 2 * plane + p]) / 3f
                        : (input[base + 3 * p] + input[base + 3 * p + 1] + input[base + 3 * p + 2]) / 3f;
                out[i][p] = g;
                mean += g;
            }
            mean /= plane;
            for (int p = 0; p < plane; p++) {
                out[i][p] -= (float) mean;
            }
            OnnxBackbone.l2Normalise(out[i]);
        }
        return out;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
