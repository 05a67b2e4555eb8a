/**
 * Data mechanisms every module shares: file provenance with checksums, the published reference numbers a suite
 * reproduces ({@code META-INF/tl4j/published/<suite>.csv}) and the strategy options its protocol fixes
 * ({@code META-INF/tl4j/options/<suite>.csv}). The readers of the benchmark files live in the {@code datasets}
 * module.
 */
package org.tl4j.core.data;
