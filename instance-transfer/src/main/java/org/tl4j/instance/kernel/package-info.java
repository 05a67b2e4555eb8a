/**
 * Gaussian kernel matrices, cache-blocked products and random Fourier features on EJML matrices: the shared
 * numerics of the kernel-based density-ratio estimators.
 */
package org.tl4j.instance.kernel;
