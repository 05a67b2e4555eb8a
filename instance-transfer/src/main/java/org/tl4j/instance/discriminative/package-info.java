/**
 * Discriminative density-ratio estimation from a probabilistic domain classifier (Bickel et al., ICML 2007),
 * and the {@code discriminative-ratio} strategy.
 */
package org.tl4j.instance.discriminative;
