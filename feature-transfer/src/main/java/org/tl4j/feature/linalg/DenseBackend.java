package org.tl4j.feature.linalg;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.matrix.BlasBackend;
import org.tl4j.core.matrix.NativeBlas;

import java.util.logging.Logger;

/**
 * The dense kernels that Subspace Alignment and CORAL spend their time in — the Gram matrix {@code AᵀA}, the
 * product {@code AB} (core's {@link BlasBackend}) and all or the leading eigenpairs of a symmetric matrix — behind
 * one interface with two implementations: {@link #java()}, the pure-Java path (EJML's symmetric QR algorithm and
 * {@link org.tl4j.core.matrix.DenseProducts}), and {@link NativeLapack}, OpenBLAS's LAPACK ({@code dsyevd},
 * {@code dsyevr}) on core's {@link NativeBlas} products ({@code dsyrk}, {@code dgemm}), shipped in the
 * {@code org.bytedeco:openblas} artifact, 10–30 times faster on the 800 × 800 eigenproblems of Office-Caltech.
 * <p>
 * {@link #preferred()} chooses by the system property {@code tl4j.lapack} ({@link BlasBackend.Mode}): {@code auto}
 * (the default: native when its library loads on this platform, else Java, with one log line saying why),
 * {@code native} (an error if it cannot load) or {@code java}. Eigenpairs come back in {@link SymmetricEigen}'s
 * canonical form from both (descending values, unit vectors with their largest entry positive), so the two paths
 * differ by rounding only. Each path gives the same bits on every run; the native one depends on OpenBLAS's kernel
 * for the CPU and on its thread count, which tl4j fixes ({@code tl4j.lapack.threads}, default 1) so that results do
 * not depend on the number of cores.
 */
public interface DenseBackend extends BlasBackend {

    /**
     * All eigenpairs of the symmetric matrix {@code s} (its two triangles are averaged first), canonical form.
     *
     * @param s    the matrix; not modified
     * @param what a name for error messages
     * @throws ArithmeticException if the decomposition fails or the matrix holds non-finite values
     */
    SymmetricEigen eigen(DMatrixRMaj s, String what);

    /**
     * The {@code k} eigenpairs of largest eigenvalue of {@code s}, canonical form (see {@link #eigen}).
     *
     * @throws IllegalArgumentException if {@code s} is not square or {@code k} is outside {@code [0, n]}
     */
    SymmetricEigen top(DMatrixRMaj s, int k, String what);

    /** The pure-Java path. */
    static DenseBackend java() {
        return JavaBackend.INSTANCE;
    }

    /**
     * The backend selected by the system property {@code tl4j.lapack} ({@code auto}, {@code native} or {@code java}).
     *
     * @throws IllegalStateException for {@code native} when the native library cannot load, or for an unknown value
     */
    static DenseBackend preferred() {
        return switch (BlasBackend.Mode.current()) {
            case JAVA -> java();
            case NATIVE -> NativeLapack.instance().orElseThrow(() -> new IllegalStateException(
                    PROPERTY + "=native, but OpenBLAS could not load: " + NativeLapack.unavailableReason()
                            + "; use -D" + PROPERTY + "=java or auto"));
            case AUTO -> NativeLapack.instance().<DenseBackend>map(n -> n).orElseGet(() -> {
                JavaBackend.logFallbackOnce();
                return java();
            });
        };
    }

    /** The pure-Java implementation: exactly the arithmetic tl4j used before the native path existed. */
    final class JavaBackend implements DenseBackend {
        static final JavaBackend INSTANCE = new JavaBackend();

        private JavaBackend() {
        }

        private static volatile boolean logged;

        static void logFallbackOnce() {
            if (!logged) {
                logged = true;
                Logger.getLogger(DenseBackend.class.getName()).info("Native LAPACK unavailable ("
                        + NativeLapack.unavailableReason() + "): using the pure-Java dense eigensolver");
            }
        }

        @Override
        public String name() {
            return "java";
        }

        @Override
        public DMatrixRMaj gram(DMatrixRMaj a) {
            return org.tl4j.core.matrix.DenseProducts.gram(a);
        }

        @Override
        public DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
            return org.tl4j.core.matrix.DenseProducts.mult(a, b);
        }

        @Override
        public DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
            return org.tl4j.core.matrix.DenseProducts.multTransB(a, b, false);
        }

        @Override
        public SymmetricEigen eigen(DMatrixRMaj s, String what) {
            return SymmetricEigen.of(s, what);
        }

        @Override
        public SymmetricEigen top(DMatrixRMaj s, int k, String what) {
            return SymmetricEigen.top(s, k, what);
        }
    }
}
