/**
 * Seeded synthetic transfer tasks with known ground truth, and the built-in {@code synthetic} suite.
 */
package org.tl4j.core.synthetic;
