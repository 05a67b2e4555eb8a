/**
 * The adapter between Tribuo examples and EJML matrices used by the algorithms.
 */
package org.tl4j.core.matrix;
