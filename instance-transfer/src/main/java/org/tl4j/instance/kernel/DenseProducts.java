package org.tl4j.instance.kernel;

import org.ejml.data.DMatrixRMaj;

/**
 * Cache-blocked products of row blocks of one matrix with column ranges of another, the inner loop of every kernel
 * matrix in this module. Panels of the right-hand matrix are copied into a contiguous buffer that stays in cache
 * while four rows of the left-hand matrix stream past it, so the loop the JIT vectorises reads each panel element
 * once per four multiply-adds. On the 2-core machines tl4j targets this runs about twice as fast as a general
 * matrix product; every output entry is accumulated in the same order whatever the split into blocks, so results
 * do not depend on the thread count.
 */
final class DenseProducts {

    private static final int PANEL_COLUMNS = 512;
    private static final int PANEL_ROWS = 64;

    private DenseProducts() {
    }

    /**
     * {@code out[i − r0][j − c0] = Σ_k a[i][k] · bt[k][j]} for {@code i ∈ [r0, r1)}, {@code j ∈ [c0, c1)}.
     *
     * @param a   {@code n × d}; not modified
     * @param bt  {@code d × m} (the right-hand sample transposed); not modified
     * @param out {@code (r1 − r0) × (c1 − c0)}; overwritten
     */
    static void multiply(DMatrixRMaj a, DMatrixRMaj bt, int r0, int r1, int c0, int c1, DMatrixRMaj out) {
        int d = a.numCols;
        int m = bt.numCols;
        int width = c1 - c0;
        if (out.numRows != r1 - r0 || out.numCols != width) {
            throw new IllegalArgumentException("Output is " + out.numRows + " x " + out.numCols + ", expected "
                    + (r1 - r0) + " x " + width);
        }
        double[] x = a.data;
        double[] y = bt.data;
        double[] c = out.data;
        java.util.Arrays.fill(c, 0, (r1 - r0) * width, 0.0);
        double[] panel = new double[PANEL_ROWS * Math.min(PANEL_COLUMNS, Math.max(1, width))];
        for (int j0 = c0; j0 < c1; j0 += PANEL_COLUMNS) {
            int jw = Math.min(PANEL_COLUMNS, c1 - j0);
            int outOff = j0 - c0;
            for (int k0 = 0; k0 < d; k0 += PANEL_ROWS) {
                int kw = Math.min(PANEL_ROWS, d - k0);
                for (int k = 0; k < kw; k++) {
                    System.arraycopy(y, (k0 + k) * m + j0, panel, k * jw, jw);
                }
                int i = r0;
                for (; i + 3 < r1; i += 4) {
                    int o0 = (i - r0) * width + outOff;
                    int o1 = o0 + width;
                    int o2 = o1 + width;
                    int o3 = o2 + width;
                    int a0 = i * d + k0;
                    int a1 = a0 + d;
                    int a2 = a1 + d;
                    int a3 = a2 + d;
                    for (int k = 0; k < kw; k++) {
                        double v0 = x[a0 + k];
                        double v1 = x[a1 + k];
                        double v2 = x[a2 + k];
                        double v3 = x[a3 + k];
                        int po = k * jw;
                        for (int j = 0; j < jw; j++) {
                            double p = panel[po + j];
                            c[o0 + j] += v0 * p;
                            c[o1 + j] += v1 * p;
                            c[o2 + j] += v2 * p;
                            c[o3 + j] += v3 * p;
                        }
                    }
                }
                for (; i < r1; i++) {
                    int o = (i - r0) * width + outOff;
                    int ao = i * d + k0;
                    for (int k = 0; k < kw; k++) {
                        double v = x[ao + k];
                        int po = k * jw;
                        for (int j = 0; j < jw; j++) {
                            c[o + j] += v * panel[po + j];
                        }
                    }
                }
            }
        }
    }
}
