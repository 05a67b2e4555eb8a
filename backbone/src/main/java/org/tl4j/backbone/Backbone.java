package org.tl4j.backbone;

/**
 * A frozen feature extractor for preprocessed images: a batch of input tensors in its {@link EmbeddingSpec}'s
 * layout goes in, one embedding per image comes out. {@link OnnxBackbone} runs a pretrained network;
 * {@link PixelBackbone} is the no-source control that returns the pixels themselves.
 * <p>
 * Implementations are safe for concurrent {@link #embed} calls and must be closed.
 */
public interface Backbone extends AutoCloseable {

    /** The spec the input tensors follow. */
    EmbeddingSpec spec();

    /** A SHA-256 identifying the computation (the model bytes for ONNX models); part of embedding-cache keys. */
    String sha256();

    /** A short description for logs and reports, e.g. {@code mobilefacenet-512d (batched by graph rewrite)}. */
    String describe();

    /** The largest batch {@link #embed} accepts in one call ({@link Integer#MAX_VALUE} when unlimited). */
    default int maxBatch() {
        return Integer.MAX_VALUE;
    }

    /**
     * Embeds {@code n} images.
     *
     * @param input {@code n · spec().imageSize()} floats (or more; the rest is ignored), not modified
     * @param n     number of images, at least 1
     * @return {@code n} embeddings of {@code spec().embeddingDim()} values, L2-normalised when the spec says so
     */
    float[][] embed(float[] input, int n);

    @Override
    void close();
}
