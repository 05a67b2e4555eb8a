package org.tl4j.feature.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.Arrays;
import java.util.Objects;

/**
 * Eigen-decomposition of a real symmetric matrix on EJML's symmetric QR algorithm, returned in a canonical form:
 * eigenvalues in descending order (ties keep EJML's order) and each eigenvector scaled to unit length with its
 * largest-magnitude entry positive (the first such entry on ties), so two runs on the same matrix give the same
 * bits and callers never depend on the solver's arbitrary signs.
 *
 * @param values  eigenvalues, descending
 * @param vectors one unit eigenvector per column, in the order of {@code values}
 * @see LowRankUpdatedEigen
 */
public record SymmetricEigen(double[] values, DMatrixRMaj vectors) {

    /** Checks the shapes. */
    public SymmetricEigen {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(vectors, "vectors");
        if (vectors.numCols != values.length) {
            throw new IllegalArgumentException(values.length + " eigenvalues but " + vectors.numCols + " eigenvectors");
        }
    }

    /** Number of eigenpairs held. */
    public int size() {
        return values.length;
    }

    /** Eigenvector {@code i} as a new array. */
    public double[] vector(int i) {
        double[] v = new double[vectors.numRows];
        for (int r = 0; r < v.length; r++) {
            v[r] = vectors.unsafe_get(r, i);
        }
        return v;
    }

    /**
     * All eigenpairs of {@code s}, which must be symmetric up to rounding (its two triangles are averaged first).
     *
     * @param s    the matrix; not modified
     * @param what a name for error messages, e.g. {@code "source covariance"}
     * @throws ArithmeticException if the QR algorithm does not converge or the matrix holds non-finite values
     */
    public static SymmetricEigen of(DMatrixRMaj s, String what) {
        return top(s, s.numRows, what);
    }

    /**
     * The {@code k} eigenpairs of largest eigenvalue of {@code s} (see {@link #of}).
     *
     * @throws IllegalArgumentException if {@code s} is not square or {@code k} is outside {@code [0, n]}
     */
    public static SymmetricEigen top(DMatrixRMaj s, int k, String what) {
        int n = s.numRows;
        if (s.numCols != n) {
            throw new IllegalArgumentException(what + " is " + s.numRows + "x" + s.numCols + ": a symmetric matrix must be square");
        }
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("Cannot take " + k + " eigenpairs of the " + n + "x" + n + " " + what);
        }
        DMatrixRMaj a = symmetrised(s, what);
        if (n == 0) {
            return new SymmetricEigen(new double[0], new DMatrixRMaj(0, 0));
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(a)) {
            throw new ArithmeticException("The symmetric eigen-decomposition of the " + n + "x" + n + " " + what
                    + " did not converge: the matrix is badly scaled or holds extreme values");
        }
        double[] ev = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            ev[i] = eig.getEigenvalue(i).real;
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(ev[y], ev[x]));
        double[] values = new double[k];
        DMatrixRMaj vectors = new DMatrixRMaj(n, k);
        for (int c = 0; c < k; c++) {
            int j = order[c];
            values[c] = ev[j];
            DMatrixRMaj v = eig.getEigenVector(j);
            if (v == null) {
                throw new ArithmeticException("No eigenvector for eigenvalue " + ev[j] + " of the " + what);
            }
            double[] col = new double[n];
            for (int r = 0; r < n; r++) {
                col[r] = v.get(r);
            }
            canonicalise(col);
            for (int r = 0; r < n; r++) {
                vectors.unsafe_set(r, c, col[r]);
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /**
     * Scales {@code v} in place to unit length with its largest-magnitude entry positive.
     *
     * @throws ArithmeticException if {@code v} is zero or not finite
     */
    public static void canonicalise(double[] v) {
        double norm = 0;
        int big = 0;
        for (int i = 0; i < v.length; i++) {
            norm += v[i] * v[i];
            if (Math.abs(v[i]) > Math.abs(v[big])) {
                big = i;
            }
        }
        norm = Math.sqrt(norm);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new ArithmeticException("Cannot normalise an eigenvector of norm " + norm);
        }
        double scale = (v[big] < 0 ? -1 : 1) / norm;
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
    }

    /** A copy of {@code s} with both triangles replaced by their average; rejects non-finite entries. */
    static DMatrixRMaj symmetrised(DMatrixRMaj s, String what) {
        int n = s.numRows;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = 0.5 * (s.unsafe_get(i, j) + s.unsafe_get(j, i));
                if (!Double.isFinite(v)) {
                    throw new ArithmeticException("The " + what + " holds " + v + " at (" + i + "," + j
                            + "): check the input data for extreme or non-finite values");
                }
                a.unsafe_set(i, j, v);
                a.unsafe_set(j, i, v);
            }
        }
        return a;
    }
}
