package org.tl4j.core.matrix;

import org.ejml.data.DMatrixRMaj;

import java.util.Locale;
import java.util.logging.Logger;

/**
 * The level-3 BLAS products of tl4j — {@code AᵀA}, {@code AB} and {@code ABᵀ} — behind one interface with two
 * implementations: {@link #java()}, the pure-Java {@link DenseProducts} (every entry summed in index order, the
 * same bits on every machine), and {@link NativeBlas}, OpenBLAS's {@code dsyrk} and {@code dgemm} from the
 * {@code org.bytedeco:openblas} Maven artifact, about ten times faster on the {@code 1,000 × 800} shapes of
 * Office-Caltech.
 * <p>
 * {@link #preferred()} chooses by the system property {@code tl4j.lapack} (shared with feature transfer's LAPACK
 * backend): {@code auto} (the default: native when OpenBLAS loads on this platform, else Java with one log line
 * saying why), {@code native} (an error if it cannot load) or {@code java}. The native products differ from the Java
 * ones by rounding only (OpenBLAS sums in blocks and with fused multiply-adds); each path gives the same bits on every
 * run, the native one because tl4j fixes OpenBLAS's thread count ({@code tl4j.lapack.threads}, default 1). Callers
 * whose outputs must not depend on the path either use {@link #java()} or, like the nearest-neighbour model, use the
 * product only to shortlist candidates that are then decided with exact arithmetic.
 */
public interface BlasBackend {

    /** The system property that selects the backend: {@code auto}, {@code native} or {@code java}. */
    String PROPERTY = "tl4j.lapack";

    /** A short name for provenance and logs ({@code java} or {@code openblas-…}). */
    String name();

    /** {@code AᵀA} ({@code d×d}, symmetric) for {@code A} ({@code n×d}); {@code A} is not modified. */
    DMatrixRMaj gram(DMatrixRMaj a);

    /** {@code A B} for {@code A} ({@code n×d}) and {@code B} ({@code d×k}); neither is modified. */
    DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b);

    /** {@code A Bᵀ} for {@code A} ({@code n×d}) and {@code B} ({@code m×d}); neither is modified. */
    DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b);

    /** The pure-Java path ({@link DenseProducts}). */
    static BlasBackend java() {
        return JavaBlas.INSTANCE;
    }

    /** The backend {@link #PROPERTY} selects; see {@link Mode#current()}. */
    static BlasBackend preferred() {
        return switch (Mode.current()) {
            case JAVA -> java();
            case NATIVE -> NativeBlas.instance().orElseThrow(() -> new IllegalStateException(
                    PROPERTY + "=native, but OpenBLAS could not load: " + NativeBlas.unavailableReason()
                            + "; use -D" + PROPERTY + "=java or auto"));
            case AUTO -> NativeBlas.instance().<BlasBackend>map(n -> n).orElseGet(() -> {
                JavaBlas.logFallbackOnce();
                return java();
            });
        };
    }

    /** How {@link #PROPERTY} asks for the dense numerics to run. */
    enum Mode {
        /** Native when its library loads, else pure Java (the default). */
        AUTO,
        /** Native; an error where it cannot load. */
        NATIVE,
        /** Pure Java. */
        JAVA;

        /**
         * The mode {@link #PROPERTY} names now.
         *
         * @throws IllegalStateException for a value other than {@code auto}, {@code native} or {@code java}
         */
        public static Mode current() {
            String value = System.getProperty(PROPERTY, "auto").trim();
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(value)) {
                    return m;
                }
            }
            throw new IllegalStateException("Invalid " + PROPERTY + "='" + value + "': expected auto, native or java");
        }

        /** The mode as it is written in {@link #PROPERTY}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@link DenseProducts}: exactly the arithmetic tl4j used before the native path existed. */
    final class JavaBlas implements BlasBackend {
        static final JavaBlas INSTANCE = new JavaBlas();
        private static volatile boolean logged;

        private JavaBlas() {
        }

        static void logFallbackOnce() {
            if (!logged) {
                logged = true;
                Logger.getLogger(BlasBackend.class.getName()).info("Native BLAS unavailable ("
                        + NativeBlas.unavailableReason() + "): using the pure-Java dense products");
            }
        }

        @Override
        public String name() {
            return "java";
        }

        @Override
        public DMatrixRMaj gram(DMatrixRMaj a) {
            return DenseProducts.gram(a);
        }

        @Override
        public DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
            return DenseProducts.mult(a, b);
        }

        @Override
        public DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
            return DenseProducts.multTransB(a, b, false);
        }

        @Override
        public String toString() {
            return name();
        }
    }
}
