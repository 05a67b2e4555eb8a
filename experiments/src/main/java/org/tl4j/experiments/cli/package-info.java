/**
 * The {@code tl} command line (picocli).
 */
package org.tl4j.experiments.cli;
