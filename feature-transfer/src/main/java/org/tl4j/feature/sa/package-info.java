/**
 * Subspace Alignment (Fernando et al., ICCV 2013): the source PCA subspace aligned to the target's by a linear map
 * (strategy {@code sa}).
 */
package org.tl4j.feature.sa;
