/**
 * The maximum-mean-discrepancy embedding shared by TCA, JDA and BDA: {@link org.tl4j.feature.mmd.MmdMatrix} (the
 * low-rank MMD matrix as weighted vectors) and {@link org.tl4j.feature.mmd.MmdEmbedding} (one scatter
 * eigen-decomposition, then a cheap exact solve per MMD matrix).
 */
package org.tl4j.feature.mmd;
