/**
 * ONNX export of {@link org.tl4j.deep.net.Network}s ({@link org.tl4j.deep.onnx.OnnxWriter}) and loading of ONNX
 * initializers into them by name ({@link org.tl4j.deep.onnx.OnnxWeights}).
 */
package org.tl4j.deep.onnx;
