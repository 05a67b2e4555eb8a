/**
 * tl4j on Apache Spark: the evaluation harness's fits as Spark tasks ({@link org.tl4j.spark.SparkFitExecutor}, the
 * same results as {@code tl run}), and distributed embedding of image sets with an ONNX backbone into Parquet
 * ({@code org.tl4j.spark.embed}). Nothing else in tl4j depends on this package, so Spark stays off the plain
 * {@code tl} class path.
 */
package org.tl4j.spark;
