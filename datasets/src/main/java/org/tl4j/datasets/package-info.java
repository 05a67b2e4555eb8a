/**
 * Readers for the benchmark data in the shared folder (MATLAB v5 files through the MAT File Library), the
 * preprocessing variants of the literature, and the real-data suites built on them ({@code office-caltech},
 * {@code digits}). Below the approach modules, so every module reads the data the same way.
 */
package org.tl4j.datasets;
