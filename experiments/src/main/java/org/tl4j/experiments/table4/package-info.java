/**
 * The white paper's Table 4 measured on this machine: FaceNet's Inception-ResNet v1 trained from random weights
 * with softmax over the LFW identities (DJL, {@code org.tl4j.deep}) against transfer learning (one ONNX Runtime pass
 * over LFW with a backbone, then the same softmax layer trained on the embeddings).
 */
package org.tl4j.experiments.table4;
