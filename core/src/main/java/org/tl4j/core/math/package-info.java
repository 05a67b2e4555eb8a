/**
 * Scalar statistics shared by the evaluation, the reports and the benchmarks: one definition of mean, standard
 * deviation, standard error and median.
 */
package org.tl4j.core.math;
