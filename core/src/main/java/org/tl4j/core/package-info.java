/**
 * The tl4j core: domains and transfer problems on Tribuo types ({@link org.tl4j.core.TransferTask}), the Pan &amp;
 * Yang taxonomy as data ({@link org.tl4j.core.Approach}, {@link org.tl4j.core.Setting}), the
 * {@link org.tl4j.core.TransferStrategy} SPI with its {@link org.tl4j.core.StrategyRegistry}, and fitted
 * {@link org.tl4j.core.TransferModel}s whose provenance names both domains.
 */
package org.tl4j.core;
