/**
 * Principal component analysis, the no-adaptation baseline of the domain-adaptation tables ("PCA+1NN": PCA fitted
 * on the pooled source and target samples, an inner learner on the components), and the per-domain subspaces used
 * by {@link org.tl4j.feature.sa} and {@link org.tl4j.feature.gfk}.
 */
package org.tl4j.feature.pca;
