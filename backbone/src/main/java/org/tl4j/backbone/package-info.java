/**
 * Pretrained embedding networks on the CPU through ONNX Runtime, and the image problem kind — below the approach
 * modules, so feature, parameter and relational transfer can all use them.
 * <p>
 * The parts: {@link org.tl4j.backbone.EmbeddingSpec} (what a model expects: input name, size, channel order,
 * layout, pixel normalisation, batch, output) and {@link org.tl4j.backbone.BuiltInModels}; {@link
 * org.tl4j.backbone.OnnxBackbone} (an ONNX Runtime session checked against its spec) and {@link
 * org.tl4j.backbone.OnnxGraphs} (graph edits: dynamic batch, seeded random re-initialisation); the image pipeline
 * ({@link org.tl4j.backbone.ImageDecoder}, {@link org.tl4j.backbone.ImageWarp}, {@link
 * org.tl4j.backbone.YuNetDetector} and {@link org.tl4j.backbone.SimilarityTransform} for face alignment, {@link
 * org.tl4j.backbone.Preprocessor}; damaged files raise {@link org.tl4j.backbone.CorruptImageException}); {@link
 * org.tl4j.backbone.EmbeddingPipeline} (batches prepared and embedded in turn, preparation's CPU time measured) with
 * its resumable on-disk {@link org.tl4j.backbone.EmbeddingCache}; the problem kind {@link
 * org.tl4j.backbone.ImageTransferTask} with its source ({@link org.tl4j.backbone.PretrainedSource}) and fitted model
 * ({@link org.tl4j.backbone.ImageTransferModel}).
 */
package org.tl4j.backbone;
