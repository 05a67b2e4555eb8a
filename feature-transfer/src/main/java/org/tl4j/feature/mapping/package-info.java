/**
 * Fitted representations and their Tribuo adapter: {@link org.tl4j.feature.mapping.VectorMap} (pure, immutable
 * maps: {@link org.tl4j.feature.mapping.LinearMap}, {@link org.tl4j.feature.mapping.KernelMap}),
 * {@link org.tl4j.feature.mapping.ExampleMapping} (a {@link org.tl4j.core.FeatureMapping} over a task's feature
 * space), the numeric view of a task ({@link org.tl4j.feature.mapping.TaskMatrices}) and the base class of the
 * mapping strategies ({@link org.tl4j.feature.mapping.MappingStrategy}).
 */
package org.tl4j.feature.mapping;
