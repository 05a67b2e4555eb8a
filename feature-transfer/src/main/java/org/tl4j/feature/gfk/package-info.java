/**
 * The geodesic flow kernel (Gong et al., CVPR 2012): all subspaces on the Grassmannian geodesic between the source
 * and target PCA subspaces, with the dimension chosen by the subspace disagreement measure or given
 * (strategy {@code gfk}).
 */
package org.tl4j.feature.gfk;
