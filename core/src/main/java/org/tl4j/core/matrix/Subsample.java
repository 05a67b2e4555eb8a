package org.tl4j.core.matrix;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.learn.Seeds;

import java.util.Arrays;

/**
 * Seeded subsamples of the rows of a sample, used wherever a quadratic-cost statistic (a median pairwise distance,
 * a kernel MMD) is estimated from at most a fixed number of points.
 */
public final class Subsample {
    private Subsample() {
    }

    /**
     * At most {@code max} rows of {@code x}, chosen uniformly without replacement with {@code seed} and kept in their
     * original order; {@code x} itself (not a copy) when it has at most {@code max} rows.
     *
     * @param x    the sample, one example per row; not modified
     * @param max  the most rows to keep, {@code ≥ 0}
     * @param seed the seed of the choice: the same seed gives the same rows
     */
    public static DMatrixRMaj rows(DMatrixRMaj x, int max, long seed) {
        if (max < 0) {
            throw new IllegalArgumentException("Invalid subsample size: " + max + " (must be >= 0)");
        }
        if (x.numRows <= max) {
            return x;
        }
        int[] keep = Arrays.copyOf(Seeds.permutation(x.numRows, seed), max);
        Arrays.sort(keep);
        return TribuoMatrices.selectRows(x, keep);
    }
}
