/**
 * Joint Distribution Adaptation (Long et al., ICCV 2013): marginal and class-conditional MMD with iterative
 * pseudo-labels ({@link org.tl4j.feature.jda.JointDistributionAdaptation}, strategy {@code jda}), and the
 * pseudo-labelling strategy base shared with BDA.
 */
package org.tl4j.feature.jda;
