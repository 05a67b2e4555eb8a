package org.tl4j.backbone;

/** How a batch of images is laid out in the input tensor. */
public enum TensorLayout {
    /** {@code [batch, channels, height, width]} (PyTorch, ONNX exports of PyTorch models). */
    NCHW,
    /** {@code [batch, height, width, channels]} (TensorFlow exports, e.g. FaceNet checkpoints converted by tf2onnx). */
    NHWC
}
