/**
 * Deep feature-representation transfer on the CPU: a frozen, pretrained ONNX embedding network (the source
 * knowledge) maps target images to feature vectors, and a small Tribuo classifier is trained on them — the
 * white paper's case study ("compute the forward pass once using the pretrained model to convert images to
 * feature vectors, then train a single classification layer on them").
 * <p>
 * The strategy {@link org.tl4j.feature.deep.PretrainedEmbeddingStrategy} works on
 * {@link org.tl4j.backbone.ImageTransferTask}s; the backbone, the image pipeline and the embedding cache live in the
 * {@code backbone} module ({@link org.tl4j.backbone}), below the approach modules.
 */
package org.tl4j.feature.deep;
