/**
 * Kernel mean matching (Huang et al., NIPS 2006): {@link org.tl4j.instance.kmm.KernelMeanMatching} and its
 * certified QP solver, and the {@code kmm} strategy.
 */
package org.tl4j.instance.kmm;
