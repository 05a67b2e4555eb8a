/** Regularised transfer: the source model's weights as the centre of the target model's penalty (Chelba &amp; Acero 2006). */
package org.tl4j.parameter.regular;
