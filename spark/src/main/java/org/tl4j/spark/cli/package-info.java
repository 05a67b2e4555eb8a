/**
 * {@code tl spark run|embed|lfw}: the {@code tl} command with a {@code spark} group, started by the {@code tl}
 * launcher from the spark module's own class path ({@link org.tl4j.spark.cli.TlSpark}), so Spark stays off the plain
 * {@code tl} class path.
 */
package org.tl4j.spark.cli;
