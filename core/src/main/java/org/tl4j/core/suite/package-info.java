/**
 * The suite SPI behind {@code tl run --suite NAME}: modules register {@link org.tl4j.core.suite.SuiteProvider}s
 * through {@code META-INF/services}.
 */
package org.tl4j.core.suite;
