/**
 * Result files of {@code tl run}: CSV, Markdown, provenance JSON, the PNG chart, and the resumable run store.
 */
package org.tl4j.experiments.report;
