/** Hypothesis transfer by a warm-started, early-stopped fine-tune of the source linear model. */
package org.tl4j.parameter.warmstart;
