package org.tl4j.feature.linalg;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.matrix.NativeBlas;

import java.util.Arrays;
import java.util.Optional;

/**
 * {@link DenseBackend} on OpenBLAS (Xianyi, Wang &amp; Zhang; BLAS kernels after Goto &amp; van de Geijn, ACM TOMS
 * 2008) and its reference LAPACK, loaded through JavaCPP from the {@code org.bytedeco:openblas} Maven artifact — no
 * system installation. Symmetric eigenproblems use LAPACK's divide and conquer {@code dsyevd} for all pairs
 * (Gu &amp; Eisenstat, SIAM J. Matrix Anal. Appl. 1995) and the MRRR algorithm {@code dsyevr} for the leading
 * {@code k} (Dhillon &amp; Parlett, Linear Algebra Appl. 2004), the routines numpy/scipy's {@code eigh} call.
 * <p>
 * Why native: the Householder tridiagonalisation behind any dense symmetric eigensolver is half matrix–vector
 * products, which the JIT does not vectorise; EJML's symmetric QR algorithm takes about a second on an 800 × 800
 * covariance that LAPACK decomposes in a tenth of that. OpenBLAS runs with {@code tl4j.lapack.threads} threads
 * (default 1) so that the bits do not depend on the number of cores.
 */
public final class NativeLapack implements DenseBackend {

    private static final Holder HOLDER = new Holder();

    private final NativeBlas blas;
    private final String name;

    private NativeLapack(NativeBlas blas, String name) {
        this.blas = blas;
        this.name = name;
    }

    /** The backend, or empty when the native library cannot load on this platform. */
    public static Optional<NativeLapack> instance() {
        return Optional.ofNullable(HOLDER.instance);
    }

    /** Why the library could not load, or {@code "loaded"}. */
    public static String unavailableReason() {
        return HOLDER.reason;
    }

    /** Loads OpenBLAS once; any failure (no build for this platform, no JavaCPP) leaves the instance empty. */
    private static final class Holder {
        final NativeLapack instance;
        final String reason;

        Holder() {
            NativeLapack made = null;
            String why;
            int threads = NativeBlas.threads();
            Optional<NativeBlas> blas = NativeBlas.instance();
            if (blas.isEmpty()) {
                why = NativeBlas.unavailableReason();
            } else {
                try {
                    Loader.load(openblas.class);
                    openblas.blas_set_num_threads(threads);
                    made = new NativeLapack(blas.get(), blas.get().name());
                    why = "loaded";
                } catch (Throwable t) { // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError
                    why = t.getClass().getSimpleName() + ": " + t.getMessage();
                }
            }
            instance = made;
            reason = why;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DMatrixRMaj gram(DMatrixRMaj a) {
        return blas.gram(a);
    }

    @Override
    public DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        return blas.mult(a, b);
    }

    @Override
    public DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
        return blas.multTransB(a, b);
    }

    @Override
    public SymmetricEigen eigen(DMatrixRMaj s, String what) {
        return top(s, s.numRows, what);
    }

    @Override
    public SymmetricEigen top(DMatrixRMaj s, int k, String what) {
        int n = s.numRows;
        if (s.numCols != n) {
            throw new IllegalArgumentException(what + " is " + s.numRows + "x" + s.numCols + ": a symmetric matrix must be square");
        }
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("Cannot take " + k + " eigenpairs of the " + n + "x" + n + " " + what);
        }
        DMatrixRMaj a = SymmetricEigen.symmetrised(s, what);
        if (n == 0 || k == 0) {
            return new SymmetricEigen(new double[0], new DMatrixRMaj(n, 0));
        }
        double[] w = new double[n];
        double[] z;
        int ldz;
        int info;
        if (k == n) {
            info = openblas.LAPACKE_dsyevd(openblas.LAPACK_ROW_MAJOR, (byte) 'V', (byte) 'U', n, a.data, n, w);
            z = a.data;
            ldz = n;
        } else {
            int[] found = new int[1];
            z = new double[n * k];
            ldz = k;
            int[] support = new int[2 * k];
            info = openblas.LAPACKE_dsyevr(openblas.LAPACK_ROW_MAJOR, (byte) 'V', (byte) 'I', (byte) 'U', n, a.data, n,
                    0.0, 0.0, n - k + 1, n, 0.0, found, w, z, ldz, support);
            if (info == 0 && found[0] != k) {
                throw new ArithmeticException("LAPACK dsyevr returned " + found[0] + " of the " + k
                        + " leading eigenpairs of the " + n + "x" + n + " " + what);
            }
        }
        if (info != 0) {
            throw new ArithmeticException("LAPACK's symmetric eigen-decomposition of the " + n + "x" + n + " " + what
                    + " failed (info " + info + "): the matrix is badly scaled or holds extreme values");
        }
        // LAPACK returns ascending eigenvalues with the vectors in matching columns: reverse into descending order.
        double[] values = new double[k];
        DMatrixRMaj vectors = new DMatrixRMaj(n, k);
        double[] col = new double[n];
        for (int c = 0; c < k; c++) {
            int src = k - 1 - c;
            values[c] = w[src];
            for (int r = 0; r < n; r++) {
                col[r] = z[r * ldz + src];
            }
            SymmetricEigen.canonicalise(col);
            for (int r = 0; r < n; r++) {
                vectors.data[r * k + c] = col[r];
            }
        }
        if (!Arrays.stream(values).allMatch(Double::isFinite)) {
            throw new ArithmeticException("LAPACK returned non-finite eigenvalues for the " + what);
        }
        return new SymmetricEigen(values, vectors);
    }

    @Override
    public String toString() {
        return name;
    }
}
