/** Hypothesis transfer by linear interpolation of the source and target models' outputs (ADAPT's LinInt). */
package org.tl4j.parameter.linint;
