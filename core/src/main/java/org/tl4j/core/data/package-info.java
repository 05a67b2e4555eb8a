/**
 * Readers for the benchmark data in the shared folder (MATLAB v5 files through the MAT File Library), the
 * preprocessing variants of the literature, file provenance with checksums, published reference numbers, and the
 * real-data suites built on them.
 */
package org.tl4j.core.data;
