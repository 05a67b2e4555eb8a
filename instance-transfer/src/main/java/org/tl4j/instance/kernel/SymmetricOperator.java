package org.tl4j.instance.kernel;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.matrix.ParallelRows;

/**
 * A symmetric positive semi-definite matrix known through its products with vectors: a dense kernel matrix, or a
 * low-rank factorisation {@code ΦΦᵀ} (random Fourier features, Nyström) whose products cost {@code O(nD)} instead
 * of {@code O(n²)}.
 */
public interface SymmetricOperator {

    /** The dimension {@code n} of the {@code n × n} matrix. */
    int size();

    /**
     * Computes {@code out = Q x}.
     *
     * @param x   not modified
     * @param out overwritten; must not be {@code x}
     */
    void apply(double[] x, double[] out);

    /**
     * Computes the product of the principal submatrix on {@code rows[0..count)} with a compact vector:
     * {@code out[a] = Σ_b Q[rows[a], rows[b]] p[b]}. The default scatters into full vectors; implementations
     * override it to cost {@code O(count²)} (dense) or {@code O(count·D)} (low rank).
     *
     * @param rows  distinct row indices; not modified
     * @param count how many of {@code rows} are used
     * @param p     length {@code ≥ count}; not modified
     * @param out   length {@code ≥ count}; overwritten
     */
    default void applyPrincipal(int[] rows, int count, double[] p, double[] out) {
        double[] full = new double[size()];
        double[] q = new double[size()];
        for (int a = 0; a < count; a++) {
            full[rows[a]] = p[a];
        }
        apply(full, q);
        for (int a = 0; a < count; a++) {
            out[a] = q[rows[a]];
        }
    }

    /**
     * Computes the product of the columns {@code rows[0..count)} with a compact vector:
     * {@code out[i] = Σ_b Q[i, rows[b]] p[b]} for every row {@code i}. The default scatters into a full vector;
     * dense implementations override it to cost {@code O(n·count)}.
     *
     * @param rows  distinct column indices; not modified
     * @param count how many of {@code rows} are used
     * @param p     length {@code ≥ count}; not modified
     * @param out   length {@code n}; overwritten
     */
    default void applyColumns(int[] rows, int count, double[] p, double[] out) {
        double[] full = new double[size()];
        for (int a = 0; a < count; a++) {
            full[rows[a]] = p[a];
        }
        apply(full, out);
    }

    /**
     * Whether single columns are stored, so that {@link #column} and {@link #addColumn} cost {@code O(n)}: true for a
     * dense matrix (and a ridge on one), false for operators known through their products (low rank), where a
     * column costs a full product. Coordinate-descent solvers, which touch one or two columns per step, need it.
     */
    default boolean hasCheapColumns() {
        return false;
    }

    /** The diagonal entry {@code Q[i, i]}; the default reads column {@code i}. */
    default double diagonal(int i) {
        double[] col = new double[size()];
        column(i, col);
        return col[i];
    }

    /**
     * Copies column {@code j} of the matrix into {@code out} (length {@code n}). The default costs one product
     * through {@link #applyColumns}; dense implementations copy the stored row ({@code Q} is symmetric).
     */
    default void column(int j, double[] out) {
        applyColumns(new int[]{j}, 1, new double[]{1}, out);
    }

    /**
     * Adds {@code alpha} times column {@code j} to {@code out}: {@code out[i] += alpha·Q[i, j]}. The default costs
     * one product; dense implementations read the stored row.
     */
    default void addColumn(int j, double alpha, double[] out) {
        double[] col = new double[size()];
        column(j, col);
        for (int i = 0; i < col.length; i++) {
            out[i] += alpha * col[i];
        }
    }

    /**
     * The principal submatrix on the sorted, distinct {@code rows}, as an operator of size {@code rows.length}. The
     * default reads through {@link #applyPrincipal}; dense matrices copy the submatrix when it is small enough to
     * make products contiguous, low-rank ones keep the selected rows of their factor.
     */
    default SymmetricOperator principal(int[] rows) {
        SymmetricOperator parent = this;
        int size = rows.length;
        return new SymmetricOperator() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public void apply(double[] x, double[] out) {
                parent.applyPrincipal(rows, size, x, out);
            }

            @Override
            public void applyPrincipal(int[] sub, int count, double[] p, double[] out) {
                int[] mapped = new int[count];
                for (int a = 0; a < count; a++) {
                    mapped[a] = rows[sub[a]];
                }
                parent.applyPrincipal(mapped, count, p, out);
            }
        };
    }

    /**
     * This matrix plus {@code ridge} times the identity ({@code ridge ≥ 0}); the original is held, not copied.
     */
    default SymmetricOperator plusRidge(double ridge) {
        if (!(ridge >= 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("Invalid ridge: " + ridge + " (must be finite and >= 0)");
        }
        if (ridge == 0) {
            return this;
        }
        SymmetricOperator base = this;
        return new SymmetricOperator() {
            @Override
            public int size() {
                return base.size();
            }

            @Override
            public void apply(double[] x, double[] out) {
                base.apply(x, out);
                for (int i = 0; i < out.length; i++) {
                    out[i] += ridge * x[i];
                }
            }

            @Override
            public void applyPrincipal(int[] rows, int count, double[] p, double[] out) {
                base.applyPrincipal(rows, count, p, out);
                for (int a = 0; a < count; a++) {
                    out[a] += ridge * p[a];
                }
            }

            @Override
            public void applyColumns(int[] rows, int count, double[] p, double[] out) {
                base.applyColumns(rows, count, p, out);
                for (int a = 0; a < count; a++) {
                    out[rows[a]] += ridge * p[a];
                }
            }

            @Override
            public boolean hasCheapColumns() {
                return base.hasCheapColumns();
            }

            @Override
            public void column(int j, double[] out) {
                base.column(j, out);
                out[j] += ridge;
            }

            @Override
            public double diagonal(int i) {
                return base.diagonal(i) + ridge;
            }

            @Override
            public void addColumn(int j, double alpha, double[] out) {
                base.addColumn(j, alpha, out);
                out[j] += alpha * ridge;
            }

            @Override
            public SymmetricOperator principal(int[] rows) {
                return base.principal(rows).plusRidge(ridge);
            }
        };
    }

    /** Largest principal submatrix {@link #dense} copies out (8·4096² bytes = 128 MB). */
    int COPY_LIMIT = 4096;

    /**
     * A dense symmetric matrix; products are split over threads by rows (each row summed by one thread, so the
     * result does not depend on the thread count).
     *
     * @param q an {@code n × n} symmetric matrix; held, not copied, and must not change afterwards
     */
    static SymmetricOperator dense(DMatrixRMaj q) {
        if (q.numRows != q.numCols) {
            throw new IllegalArgumentException("Expected a square matrix, found " + q.numRows + " x " + q.numCols);
        }
        return new SymmetricOperator() {
            @Override
            public int size() {
                return q.numRows;
            }

            @Override
            public void apply(double[] x, double[] out) {
                int n = q.numRows;
                double[] a = q.data;
                ParallelRows.forEach(n, i -> {
                    int off = i * n;
                    double s0 = 0;
                    double s1 = 0;
                    int j = 0;
                    for (; j + 1 < n; j += 2) {
                        s0 += a[off + j] * x[j];
                        s1 += a[off + j + 1] * x[j + 1];
                    }
                    if (j < n) {
                        s0 += a[off + j] * x[j];
                    }
                    out[i] = s0 + s1;
                });
            }

            @Override
            public boolean hasCheapColumns() {
                return true;
            }

            @Override
            public void column(int j, double[] out) {
                int n = q.numRows;
                System.arraycopy(q.data, j * n, out, 0, n); // row j = column j
            }

            @Override
            public double diagonal(int i) {
                return q.data[i * q.numRows + i];
            }

            @Override
            public void addColumn(int j, double alpha, double[] out) {
                int n = q.numRows;
                double[] a = q.data;
                int off = j * n;
                for (int i = 0; i < n; i++) {
                    out[i] += alpha * a[off + i];
                }
            }

            @Override
            public SymmetricOperator principal(int[] rows) {
                if (rows.length > COPY_LIMIT) {
                    return SymmetricOperator.super.principal(rows);
                }
                int n = q.numRows;
                int size = rows.length;
                DMatrixRMaj sub = new DMatrixRMaj(size, size);
                ParallelRows.forEach(size, a -> {
                    int off = rows[a] * n;
                    for (int b = 0; b < size; b++) {
                        sub.data[a * size + b] = q.data[off + rows[b]];
                    }
                });
                return dense(sub);
            }

            @Override
            public void applyColumns(int[] rows, int count, double[] p, double[] out) {
                int n = q.numRows;
                double[] a = q.data;
                // Q is symmetric: column rows[b] is row rows[b]; rows are read contiguously.
                int blocks = Math.max(1, Math.min(8, n / 256));
                double[][] partial = new double[blocks][];
                java.util.stream.IntStream.range(0, blocks).parallel().forEach(blk -> {
                    int start = (int) ((long) n * blk / blocks);
                    int end = (int) ((long) n * (blk + 1) / blocks);
                    double[] acc = new double[end - start];
                    for (int b = 0; b < count; b++) {
                        double pb = p[b];
                        if (pb != 0) {
                            int off = rows[b] * n;
                            for (int i = start; i < end; i++) {
                                acc[i - start] += a[off + i] * pb;
                            }
                        }
                    }
                    partial[blk] = acc;
                });
                for (int blk = 0; blk < blocks; blk++) {
                    int start = (int) ((long) n * blk / blocks);
                    System.arraycopy(partial[blk], 0, out, start, partial[blk].length);
                }
            }

            @Override
            public void applyPrincipal(int[] rows, int count, double[] p, double[] out) {
                int n = q.numRows;
                double[] a = q.data;
                ParallelRows.forEach(count, r -> {
                    int off = rows[r] * n;
                    double s = 0;
                    for (int b = 0; b < count; b++) {
                        s += a[off + rows[b]] * p[b];
                    }
                    out[r] = s;
                });
            }
        };
    }

    /**
     * The low-rank matrix {@code ΦΦᵀ}.
     *
     * @param phi an {@code n × D} feature matrix; held, not copied, and must not change afterwards
     */
    static SymmetricOperator lowRank(DMatrixRMaj phi) {
        return new SymmetricOperator() {
            @Override
            public int size() {
                return phi.numRows;
            }

            @Override
            public void apply(double[] x, double[] out) {
                int n = phi.numRows;
                int dd = phi.numCols;
                double[] z = new double[dd];
                for (int i = 0; i < n; i++) {
                    double xi = x[i];
                    if (xi != 0) {
                        int off = i * dd;
                        for (int k = 0; k < dd; k++) {
                            z[k] += phi.data[off + k] * xi;
                        }
                    }
                }
                ParallelRows.forEach(n, i -> {
                    int off = i * dd;
                    double s = 0;
                    for (int k = 0; k < dd; k++) {
                        s += phi.data[off + k] * z[k];
                    }
                    out[i] = s;
                });
            }

            @Override
            public SymmetricOperator principal(int[] rows) {
                return lowRank(org.tl4j.core.matrix.TribuoMatrices.selectRows(phi, rows));
            }

            @Override
            public void applyPrincipal(int[] rows, int count, double[] p, double[] out) {
                int dd = phi.numCols;
                double[] z = new double[dd];
                for (int a = 0; a < count; a++) {
                    int off = rows[a] * dd;
                    for (int k = 0; k < dd; k++) {
                        z[k] += phi.data[off + k] * p[a];
                    }
                }
                for (int a = 0; a < count; a++) {
                    int off = rows[a] * dd;
                    double s = 0;
                    for (int k = 0; k < dd; k++) {
                        s += phi.data[off + k] * z[k];
                    }
                    out[a] = s;
                }
            }
        };
    }
}
