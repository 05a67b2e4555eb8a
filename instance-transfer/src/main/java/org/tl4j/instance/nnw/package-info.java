/**
 * Nearest-neighbour importance weighting (Loog, MLSP 2012) and the {@code nn-weighting} strategy.
 */
package org.tl4j.instance.nnw;
