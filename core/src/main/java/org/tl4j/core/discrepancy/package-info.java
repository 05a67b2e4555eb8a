/**
 * Domain-discrepancy measures usable before training: MMD (linear and Gaussian kernels), proxy A-distance and the
 * CORAL covariance distance.
 */
package org.tl4j.core.discrepancy;
