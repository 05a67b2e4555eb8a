/**
 * Balanced Distribution Adaptation (Wang et al., ICDM 2017): JDA with a balance factor between marginal and
 * conditional MMD, and the class-prior weighted variant W-BDA (strategy {@code bda}).
 */
package org.tl4j.feature.bda;
