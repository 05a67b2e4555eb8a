/**
 * Trainable networks for tl4j on DJL with the PyTorch engine (CPU, offline): {@link org.tl4j.deep.DeepEngine}
 * configures the engine; {@code net} describes and builds networks (FaceNet's Inception-ResNet v1), {@code onnx}
 * writes them to ONNX and loads ONNX weights back, {@code train} trains them with softmax and gradient accumulation.
 * Only modules that train depend on this one.
 */
package org.tl4j.deep;
