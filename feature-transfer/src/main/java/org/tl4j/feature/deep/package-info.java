/**
 * Deep feature-representation transfer on the CPU: a frozen, pretrained ONNX embedding network (the source
 * knowledge) maps target images to feature vectors, and a small Tribuo classifier is trained on them — the
 * white paper's case study ("compute the forward pass once using the pretrained model to convert images to
 * feature vectors, then train a single classification layer on them").
 * <p>
 * The parts: {@link org.tl4j.feature.deep.EmbeddingSpec} (what a model expects: input name, size, channel order,
 * layout, pixel normalisation, batch, output), {@link org.tl4j.feature.deep.OnnxBackbone} (an ONNX Runtime session
 * checked against its spec), the image pipeline ({@link org.tl4j.feature.deep.ImageDecoder},
 * {@link org.tl4j.feature.deep.ImageWarp}, {@link org.tl4j.feature.deep.YuNetDetector} and
 * {@link org.tl4j.feature.deep.SimilarityTransform} for face alignment, {@link org.tl4j.feature.deep.Preprocessor}),
 * {@link org.tl4j.feature.deep.EmbeddingPipeline} (decoding overlapped with inference) with its resumable on-disk
 * {@link org.tl4j.feature.deep.EmbeddingCache}, and the strategy
 * {@link org.tl4j.feature.deep.PretrainedEmbeddingStrategy} over {@link org.tl4j.feature.deep.ImageTransferTask}s.
 */
package org.tl4j.feature.deep;
