/**
 * Fine-tuning networks with L2-SP and progressive unfreezing (DJL, PyTorch engine): a dense head on frozen
 * embeddings pretrained on the source task, and the last layers of a pretrained ONNX backbone cut from its graph and
 * written back as ONNX.
 */
package org.tl4j.parameter.finetune;
