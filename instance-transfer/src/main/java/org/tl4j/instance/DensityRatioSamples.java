package org.tl4j.instance;

import org.ejml.data.DMatrixRMaj;

/**
 * The input checks of the density-ratio estimators: the source (denominator) and target (numerator) samples are
 * non-empty, have the same features and hold finite values. Each failure names the problem and the fix.
 */
public final class DensityRatioSamples {
    private DensityRatioSamples() {
    }

    /**
     * Checks the two samples of a density-ratio estimator: both non-empty, the same number of features, finite.
     *
     * @param method the estimator's name for the messages, e.g. {@code KMM}
     * @throws IllegalArgumentException naming the problem and the fix
     */
    public static void check(String method, DMatrixRMaj source, DMatrixRMaj target) {
        if (source.numRows == 0) {
            throw new IllegalArgumentException(method + " needs source points: the source sample is empty");
        }
        if (target.numRows == 0) {
            throw new IllegalArgumentException(method + " needs target points: the target sample is empty (pass "
                    + "unlabelled target data)");
        }
        if (source.numCols != target.numCols) {
            throw new IllegalArgumentException("Source has " + source.numCols + " features, target " + target.numCols);
        }
        checkFinite(source, "source");
        checkFinite(target, "target");
    }

    /**
     * Checks that every entry of {@code m} is finite.
     *
     * @param what the matrix's role in the message, e.g. {@code source}
     * @throws IllegalArgumentException naming the row and column of the first non-finite value
     */
    public static void checkFinite(DMatrixRMaj m, String what) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                double v = m.unsafe_get(i, j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(what + " row " + i + " column " + j + " is " + v
                            + ": remove or impute non-finite values before estimating importance weights");
                }
            }
        }
    }
}
