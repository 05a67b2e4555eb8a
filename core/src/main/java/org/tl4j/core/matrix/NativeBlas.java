package org.tl4j.core.matrix;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.ejml.data.DMatrixRMaj;

import java.util.Optional;

/**
 * {@link BlasBackend} on OpenBLAS (Xianyi, Wang &amp; Zhang; kernels after Goto &amp; van de Geijn, ACM TOMS 2008),
 * loaded through JavaCPP from the {@code org.bytedeco:openblas} Maven artifact (its BLAS-only build) — no system
 * installation. OpenBLAS runs with {@code tl4j.lapack.threads} threads (default 1), so that its bits do not depend
 * on the number of cores.
 * <p>
 * Why native: a product of two {@code 1,000 × 800} matrices is 1.6 GFlop. The pure-Java kernel must sum every entry
 * in index order to stay reproducible across machines, which keeps the JIT from vectorising it (about 4.5 GFlop/s
 * on this project's machines); OpenBLAS's blocked AVX2 kernel runs at about 45 GFlop/s on one core. Loading the
 * library costs a few hundred milliseconds of JavaCPP's class-path work, once per process; {@link #preload()} moves
 * it off the critical path.
 */
public final class NativeBlas implements BlasBackend {

    /** The system property holding OpenBLAS's thread count (default 1). */
    public static final String THREADS_PROPERTY = "tl4j.lapack.threads";

    private final String name;

    private NativeBlas(String name) {
        this.name = name;
    }

    /**
     * The backend, or empty when OpenBLAS cannot load on this platform (loads it on the first call).
     *
     * @throws IllegalStateException if {@value #THREADS_PROPERTY} is below 1
     */
    public static Optional<NativeBlas> instance() {
        threads();
        return Optional.ofNullable(Holder.INSTANCE);
    }

    /** Why OpenBLAS could not load, or {@code "loaded"} (loads it on the first call). */
    public static String unavailableReason() {
        return Holder.REASON;
    }

    /**
     * Starts loading OpenBLAS on a background daemon thread, unless {@value BlasBackend#PROPERTY} asks for the pure
     * Java path or it is loaded already; a later {@link #instance()} waits for that load instead of starting its
     * own. For commands that know early that they will multiply large matrices.
     */
    public static void preload() {
        if (System.getProperty(PROPERTY, "auto").trim().equalsIgnoreCase("java")) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                instance();
            } catch (RuntimeException e) {
                // instance() reports the failure to whoever asks for the backend; nothing to do here.
            }
        }, "tl4j-openblas-load");
        t.setDaemon(true);
        t.start();
    }

    /** Loads OpenBLAS once; any failure (no build for this platform, no JavaCPP) leaves the instance empty. */
    private static final class Holder {
        static final NativeBlas INSTANCE;
        static final String REASON;

        static {
            int threads = Math.max(1, Integer.getInteger(THREADS_PROPERTY, 1));
            NativeBlas made = null;
            String why;
            try {
                Loader.load(openblas_nolapack.class);
                openblas_nolapack.blas_set_num_threads(threads);
                made = new NativeBlas("openblas-" + openblas_nolapack.OPENBLAS_VERSION.replace("OpenBLAS", "").trim()
                        + "-t" + threads);
                why = "loaded";
            } catch (Throwable t) { // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError
                why = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
            INSTANCE = made;
            REASON = why;
        }
    }

    /**
     * The thread count {@value #THREADS_PROPERTY} asks for.
     *
     * @throws IllegalStateException if it is below 1
     */
    public static int threads() {
        int threads = Integer.getInteger(THREADS_PROPERTY, 1);
        if (threads < 1) {
            throw new IllegalStateException("Invalid " + THREADS_PROPERTY + "=" + threads + " (must be >= 1)");
        }
        return threads;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DMatrixRMaj gram(DMatrixRMaj a) {
        int n = a.numRows;
        int d = a.numCols;
        DMatrixRMaj c = new DMatrixRMaj(d, d);
        if (n == 0 || d == 0) {
            return c;
        }
        openblas_nolapack.cblas_dsyrk(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasUpper,
                openblas_nolapack.CblasTrans, d, n, 1.0, a.data, d, 0.0, c.data, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                c.data[i * d + j] = c.data[j * d + i];
            }
        }
        return c;
    }

    @Override
    public DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numCols != b.numRows) {
            throw new IllegalArgumentException("Cannot multiply " + a.numRows + "x" + a.numCols + " by " + b.numRows
                    + "x" + b.numCols);
        }
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numCols;
        DMatrixRMaj c = new DMatrixRMaj(m, n);
        if (m == 0 || n == 0 || k == 0) {
            return c;
        }
        openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                openblas_nolapack.CblasNoTrans, m, n, k, 1.0, a.data, k, b.data, n, 0.0, c.data, n);
        return c;
    }

    @Override
    public DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numCols != b.numCols) {
            throw new IllegalArgumentException("Cannot multiply " + a.numRows + "x" + a.numCols + " by the transpose of "
                    + b.numRows + "x" + b.numCols);
        }
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numRows;
        DMatrixRMaj c = new DMatrixRMaj(m, n);
        if (m == 0 || n == 0 || k == 0) {
            return c;
        }
        openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                openblas_nolapack.CblasTrans, m, n, k, 1.0, a.data, k, b.data, k, 0.0, c.data, n);
        return c;
    }

    @Override
    public String toString() {
        return name;
    }
}
