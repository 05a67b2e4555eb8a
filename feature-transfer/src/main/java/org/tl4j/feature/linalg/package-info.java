/**
 * Numerical building blocks of the feature-transfer algorithms, on EJML: canonical symmetric eigen-decompositions,
 * the leading eigenpairs of a diagonal-plus-low-rank matrix by verified Lanczos (the core of the fast MMD
 * embeddings), dense symmetric-definite generalised eigenproblems, kernels, and the dense backend
 * ({@link org.tl4j.feature.linalg.DenseBackend}: pure Java, or OpenBLAS's LAPACK through
 * {@link org.tl4j.feature.linalg.NativeLapack}) that SA and CORAL run on. No Tribuo types.
 */
package org.tl4j.feature.linalg;
