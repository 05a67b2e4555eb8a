/**
 * The baselines every comparison needs: {@code source-only}, {@code target-only} and {@code pooled}.
 */
package org.tl4j.core.baseline;
