/**
 * Dense matrix numerics shared by every module: the adapter between Tribuo examples and EJML matrices, the one
 * dense product kernel ({@link org.tl4j.core.matrix.DenseProducts}), column statistics of samples and row-parallel
 * loops whose results do not depend on the thread count.
 */
package org.tl4j.core.matrix;
