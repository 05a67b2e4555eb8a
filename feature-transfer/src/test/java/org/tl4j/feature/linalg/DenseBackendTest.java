package org.tl4j.feature.linalg;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tl4j.core.learn.Seeds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The native LAPACK path agrees with the pure-Java path up to rounding, and is chosen as configured. */
class DenseBackendTest {
    /** Relative agreement of two backward-stable eigensolvers on a well-separated spectrum. */
    private static final double EIGEN_AGREE = 1e-9;
    /** Relative agreement of two summation orders of the same products. */
    private static final double PRODUCT_AGREE = 1e-12;

    private static NativeLapack nativeOrSkip() {
        Assumptions.assumeTrue(NativeLapack.instance().isPresent(),
                "OpenBLAS does not load on this platform: " + NativeLapack.unavailableReason());
        return NativeLapack.instance().orElseThrow();
    }

    private static DMatrixRMaj random(int n, int d, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextDouble() * 2 - 1 + (i % d == 0 ? 3 * rng.nextDouble() : 0);
        }
        return x;
    }

    @Test
    void nativeEigenpairsMatchTheJavaPathInCanonicalForm() {
        NativeLapack lapack = nativeOrSkip();
        DMatrixRMaj x = random(200, 60, 1);
        DMatrixRMaj s = DenseBackend.java().gram(x);
        SymmetricEigen java = DenseBackend.java().eigen(s, "test matrix");
        SymmetricEigen all = lapack.eigen(s, "test matrix");
        SymmetricEigen top = lapack.top(s, 7, "test matrix");
        double scale = java.values()[0];
        for (int c = 0; c < 60; c++) {
            assertEquals(java.values()[c], all.values()[c], EIGEN_AGREE * scale, "eigenvalue " + c);
        }
        for (int c = 0; c < 7; c++) {
            assertEquals(java.values()[c], top.values()[c], EIGEN_AGREE * scale, "leading eigenvalue " + c);
            assertArrayEquals(java.vector(c), top.vector(c), 1e-7, "leading eigenvector " + c);
            assertArrayEquals(java.vector(c), all.vector(c), 1e-7, "eigenvector " + c);
        }
        assertEquals(7, top.size());
    }

    @Test
    void nativeProductsMatchTheJavaPath() {
        NativeLapack lapack = nativeOrSkip();
        DMatrixRMaj a = random(150, 40, 2);
        DMatrixRMaj b = random(40, 25, 3);
        DMatrixRMaj g1 = DenseBackend.java().gram(a);
        DMatrixRMaj g2 = lapack.gram(a);
        DMatrixRMaj m1 = DenseBackend.java().mult(a, b);
        DMatrixRMaj m2 = lapack.mult(a, b);
        for (int i = 0; i < g1.data.length; i++) {
            assertEquals(g1.data[i], g2.data[i], PRODUCT_AGREE * 150 * 9);
        }
        for (int i = 0; i < m1.data.length; i++) {
            assertEquals(m1.data[i], m2.data[i], PRODUCT_AGREE * 40 * 9);
        }
        assertEquals(g2.get(3, 7), g2.get(7, 3), 0, "the Gram matrix is exactly symmetric");
    }

    @Test
    void theNativePathRepeatsBitForBit() {
        NativeLapack lapack = nativeOrSkip();
        DMatrixRMaj s = DenseBackend.java().gram(random(120, 50, 4));
        assertArrayEquals(lapack.eigen(s, "m").vectors().data, lapack.eigen(s, "m").vectors().data, 0);
        assertArrayEquals(lapack.top(s, 5, "m").vectors().data, lapack.top(s, 5, "m").vectors().data, 0);
    }

    @Test
    void nonFiniteInputIsReportedByBothPaths() {
        DMatrixRMaj s = new DMatrixRMaj(new double[][]{{1, Double.NaN}, {Double.NaN, 1}});
        assertTrue(assertThrows(ArithmeticException.class, () -> DenseBackend.java().eigen(s, "bad matrix"))
                .getMessage().contains("bad matrix"));
        NativeLapack.instance().ifPresent(l -> assertTrue(assertThrows(ArithmeticException.class,
                () -> l.eigen(s, "bad matrix")).getMessage().contains("bad matrix")));
    }

    @Test
    void thePropertyChoosesTheBackend() {
        String old = System.getProperty("tl4j.lapack");
        try {
            System.setProperty("tl4j.lapack", "java");
            assertSame(DenseBackend.java(), DenseBackend.preferred());
            System.setProperty("tl4j.lapack", "fortran");
            assertTrue(assertThrows(IllegalStateException.class, DenseBackend::preferred).getMessage()
                    .contains("expected auto, native or java"));
            System.setProperty("tl4j.lapack", "auto");
            assertEquals(NativeLapack.instance().isPresent() ? NativeLapack.instance().get() : DenseBackend.java(),
                    DenseBackend.preferred());
        } finally {
            if (old == null) {
                System.clearProperty("tl4j.lapack");
            } else {
                System.setProperty("tl4j.lapack", old);
            }
        }
    }
}
