package org.tl4j.core.matrix;

import org.ejml.data.DMatrixRMaj;

/**
 * Dense matrix products for the shapes the learners spend their time in (a data matrix times itself, times a thin
 * projection, or against another set of rows as in nearest-neighbour search), computed with 4×4 register blocking
 * over contiguous rows. On the 2-core machines this project targets they run several times faster than EJML's
 * general row-major products for these shapes. Every entry is summed in index order (as EJML sums it), so results
 * are reproducible bit for bit.
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
        if (a.numCols != b.numCols) {
            throw new IllegalArgumentException("Cannot multiply " + a.numRows + "x" + a.numCols + " by the transpose of "
                    + b.numRows + "x" + b.numCols);
        }
        int n = a.numRows;
        int m = b.numRows;
        int len = a.numCols;
        double[] x = a.data;
        double[] y = b.data;
        DMatrixRMaj c = new DMatrixRMaj(n, m);
        double[] cd = c.data;
        for (int i = 0; i < n; i += 4) {
            int ib = Math.min(4, n - i);
            for (int j = symmetric ? i : 0; j < m; j += 4) {
                int jb = Math.min(4, m - j);
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
                    put(cd, m, i, j, s00, s01, s02, s03);
                    put(cd, m, i + 1, j, s10, s11, s12, s13);
                    put(cd, m, i + 2, j, s20, s21, s22, s23);
                    put(cd, m, i + 3, j, s30, s31, s32, s33);
                } else {
                    for (int r = 0; r < ib; r++) {
                        int o = (i + r) * len;
                        for (int s = 0; s < jb; s++) {
                            int p = (j + s) * len;
                            double sum = 0;
                            for (int k = 0; k < len; k++) {
                                sum += x[o + k] * y[p + k];
                            }
                            cd[(i + r) * m + j + s] = sum;
                        }
                    }
                }
            }
        }
        if (symmetric) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    cd[i * m + j] = cd[j * m + i];
                }
            }
        }
        return c;
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
