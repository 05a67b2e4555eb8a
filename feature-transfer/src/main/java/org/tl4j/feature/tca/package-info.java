/**
 * Transfer Component Analysis (Pan et al., IEEE TNN 2011): unsupervised TCA
 * ({@link org.tl4j.feature.tca.TransferComponentAnalysis}, strategy {@code tca}) and semi-supervised SSTCA
 * ({@link org.tl4j.feature.tca.SemiSupervisedTca}, strategy {@code sstca}), with primal, linear and RBF kernels.
 */
package org.tl4j.feature.tca;
