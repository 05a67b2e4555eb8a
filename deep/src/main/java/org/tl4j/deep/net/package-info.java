/**
 * Networks described as data ({@link org.tl4j.deep.net.Layer}) and built as DJL blocks with named parameters
 * ({@link org.tl4j.deep.net.Network}); FaceNet's Inception-ResNet v1 ({@link org.tl4j.deep.net.InceptionResNetV1}).
 */
package org.tl4j.deep.net;
