/**
 * The white paper's case study on Labeled Faces in the Wild (G. B. Huang, M. Ramesh, T. Berg and E. Learned-Miller,
 * <i>Labeled Faces in the Wild: A Database for Studying Face Recognition in Unconstrained Environments</i>, UMass
 * Amherst TR 07-49, 2007): the archive and list readers, FaceNet's 10-fold verification protocol, identity
 * classification on frozen embeddings, and the {@code tl lfw} report.
 */
package org.tl4j.experiments.lfw;
