package org.tl4j.core.matrix;

import org.ejml.data.DMatrixRMaj;

/**
 * The dense matrix product of tl4j: every product of the learners and kernels (a data matrix times itself, times a
 * thin projection, against another set of rows as in nearest-neighbour search and kernel matrices, or a block of
 * rows of such a product) is computed here, as dot products of contiguous rows with 4×4 register blocking. On the
 * 2-core machines this project targets they run several times faster than EJML's general row-major products for
 * these shapes, and as fast as or faster than a cache-panelled product that streams row blocks past a copied panel.
 * <p>
 * Every entry is the sum {@code ((0 + a₀b₀) + a₁b₁) + …} in index order (as EJML and the textbook loop sum it),
 * whatever the shape, the block of rows asked for or the thread that computes it, so results are reproducible bit
 * for bit and a kernel matrix computed in parallel blocks equals the one computed at once. No method modifies its
 * arguments except the documented output.
 */
public final class DenseProducts {
    private DenseProducts() {
    }

    /** {@code AᵀA} ({@code d×d}, symmetric) for {@code A} ({@code n×d}); {@code A} is not modified. */
    public static DMatrixRMaj gram(DMatrixRMaj a) {
        DMatrixRMaj t = transpose(a);
        return multTransB(t, t, true);
    }

    /** {@code A B} for {@code A} ({@code n×d}) and {@code B} ({@code d×k}); neither is modified. */
    public static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numCols != b.numRows) {
            throw new IllegalArgumentException("Cannot multiply " + a.numRows + "x" + a.numCols + " by " + b.numRows
                    + "x" + b.numCols);
        }
        return multTransB(a, transpose(b), false);
    }

    /** {@code Aᵀ B} for {@code A} ({@code n×d}) and {@code B} ({@code n×k}); neither is modified. */
    public static DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows) {
            throw new IllegalArgumentException("Cannot multiply the transpose of " + a.numRows + "x" + a.numCols + " by "
                    + b.numRows + "x" + b.numCols);
        }
        return multTransB(transpose(a), transpose(b), false);
    }

    /**
     * {@code A Bᵀ} for {@code A} ({@code n×d}) and {@code B} ({@code m×d}), both row-major, so every entry is a dot
     * product of two contiguous rows; when {@code symmetric} ({@code A == B}) only one triangle is computed.
     */
    public static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b, boolean symmetric) {
        checkTransB(a, b);
        int n = a.numRows;
        int m = b.numRows;
        DMatrixRMaj c = new DMatrixRMaj(n, m);
        block(a, b, 0, n, 0, m, symmetric, c.data);
        if (symmetric) {
            double[] cd = c.data;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    cd[i * m + j] = cd[j * m + i];
                }
            }
        }
        return c;
    }

    /**
     * One block of {@code A Bᵀ}: {@code out[i − r0][j − c0] = Σ_k a[i][k] · b[j][k]} for {@code i ∈ [r0, r1)} and
     * {@code j ∈ [c0, c1)}, each entry bit for bit the entry {@link #multTransB(DMatrixRMaj, DMatrixRMaj, boolean)}
     * computes, so a product split into blocks (over threads, or to bound memory) equals the product computed at
     * once.
     *
     * @param a   {@code n×d}; not modified
     * @param b   {@code m×d}; not modified
     * @param out {@code (r1 − r0) × (c1 − c0)}; overwritten
     * @throws IllegalArgumentException if the column counts differ, a range is outside its matrix or {@code out}
     *                                  has another shape
     */
    public static void multTransB(DMatrixRMaj a, DMatrixRMaj b, int r0, int r1, int c0, int c1, DMatrixRMaj out) {
        checkTransB(a, b);
        if (r0 < 0 || r1 < r0 || r1 > a.numRows || c0 < 0 || c1 < c0 || c1 > b.numRows) {
            throw new IllegalArgumentException("Invalid block rows [" + r0 + ", " + r1 + ") of " + a.numRows
                    + " and columns [" + c0 + ", " + c1 + ") of " + b.numRows);
        }
        if (out.numRows != r1 - r0 || out.numCols != c1 - c0) {
            throw new IllegalArgumentException("Output is " + out.numRows + "x" + out.numCols + ", expected "
                    + (r1 - r0) + "x" + (c1 - c0));
        }
        block(a, b, r0, r1, c0, c1, false, out.data);
    }

    private static void checkTransB(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numCols != b.numCols) {
            throw new IllegalArgumentException("Cannot multiply " + a.numRows + "x" + a.numCols + " by the transpose of "
                    + b.numRows + "x" + b.numCols);
        }
    }

    /**
     * Writes the block rows {@code [r0, r1)} × columns {@code [c0, c1)} of {@code A Bᵀ} into {@code cd} (row-major,
     * {@code c1 − c0} columns); with {@code upper}, 4×4 tiles left of the diagonal ({@code j < i}) are skipped.
     */
    private static void block(DMatrixRMaj a, DMatrixRMaj b, int r0, int r1, int c0, int c1, boolean upper,
                              double[] cd) {
        int m = c1 - c0;
        int len = a.numCols;
        double[] x = a.data;
        double[] y = b.data;
        for (int i = r0; i < r1; i += 4) {
            int ib = Math.min(4, r1 - i);
            for (int j = upper ? i : c0; j < c1; j += 4) {
                int jb = Math.min(4, c1 - j);
                int row = i - r0;
                int col = j - c0;
                if (ib == 4 && jb == 4) {
                    int o0 = i * len;
                    int o1 = o0 + len;
                    int o2 = o1 + len;
                    int o3 = o2 + len;
                    int p0 = j * len;
                    int p1 = p0 + len;
                    int p2 = p1 + len;
                    int p3 = p2 + len;
                    double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                    double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
                    for (int k = 0; k < len; k++) {
                        double a0 = x[o0 + k];
                        double a1 = x[o1 + k];
                        double a2 = x[o2 + k];
                        double a3 = x[o3 + k];
                        double b0 = y[p0 + k];
                        double b1 = y[p1 + k];
                        double b2 = y[p2 + k];
                        double b3 = y[p3 + k];
                        s00 += a0 * b0;
                        s01 += a0 * b1;
                        s02 += a0 * b2;
                        s03 += a0 * b3;
                        s10 += a1 * b0;
                        s11 += a1 * b1;
                        s12 += a1 * b2;
                        s13 += a1 * b3;
                        s20 += a2 * b0;
                        s21 += a2 * b1;
                        s22 += a2 * b2;
                        s23 += a2 * b3;
                        s30 += a3 * b0;
                        s31 += a3 * b1;
                        s32 += a3 * b2;
                        s33 += a3 * b3;
                    }
                    put(cd, m, row, col, s00, s01, s02, s03);
                    put(cd, m, row + 1, col, s10, s11, s12, s13);
                    put(cd, m, row + 2, col, s20, s21, s22, s23);
                    put(cd, m, row + 3, col, s30, s31, s32, s33);
                } else {
                    for (int r = 0; r < ib; r++) {
                        int o = (i + r) * len;
                        for (int s = 0; s < jb; s++) {
                            int p = (j + s) * len;
                            double sum = 0;
                            for (int k = 0; k < len; k++) {
                                sum += x[o + k] * y[p + k];
                            }
                            cd[(row + r) * m + col + s] = sum;
                        }
                    }
                }
            }
        }
    }

    private static void put(double[] c, int m, int row, int col, double v0, double v1, double v2, double v3) {
        int o = row * m + col;
        c[o] = v0;
        c[o + 1] = v1;
        c[o + 2] = v2;
        c[o + 3] = v3;
    }

    /** The transpose of {@code a} as a new matrix. */
    public static DMatrixRMaj transpose(DMatrixRMaj a) {
        int n = a.numRows;
        int d = a.numCols;
        DMatrixRMaj t = new DMatrixRMaj(d, n);
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                t.data[j * n + i] = a.data[row + j];
            }
        }
        return t;
    }
}
