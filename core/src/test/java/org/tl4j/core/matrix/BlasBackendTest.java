package org.tl4j.core.matrix;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tl4j.core.learn.Seeds;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Native BLAS agrees with the Java products up to rounding, repeats bit for bit, and is chosen as configured. */
class BlasBackendTest {
    /** Relative agreement of two summation orders of the same products (per term). */
    private static final double PRODUCT_AGREE = 1e-15;

    private static NativeBlas nativeOrSkip() {
        Assumptions.assumeTrue(NativeBlas.instance().isPresent(),
                "OpenBLAS does not load on this platform: " + NativeBlas.unavailableReason());
        return NativeBlas.instance().orElseThrow();
    }

    private static DMatrixRMaj random(int n, int d, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextDouble() * 2 - 1;
        }
        return x;
    }

    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, int terms) {
        assertEquals(expected.numRows, actual.numRows);
        assertEquals(expected.numCols, actual.numCols);
        for (int i = 0; i < expected.getNumElements(); i++) {
            assertEquals(expected.data[i], actual.data[i], PRODUCT_AGREE * terms, "entry " + i);
        }
    }

    @Test
    void nativeProductsMatchTheJavaProducts() {
        NativeBlas blas = nativeOrSkip();
        DMatrixRMaj a = random(150, 70, 1);
        DMatrixRMaj b = random(70, 33, 2);
        DMatrixRMaj c = random(41, 70, 3);
        BlasBackend java = BlasBackend.java();
        assertClose(java.gram(a), blas.gram(a), 150);
        assertClose(java.mult(a, b), blas.mult(a, b), 70);
        assertClose(java.multTransB(a, c), blas.multTransB(a, c), 70);
        DMatrixRMaj g = blas.gram(a);
        assertEquals(g.get(3, 7), g.get(7, 3), 0, "the Gram matrix is exactly symmetric");
    }

    @Test
    void theJavaBackendIsDenseProducts() {
        DMatrixRMaj a = random(30, 12, 4);
        DMatrixRMaj c = random(17, 12, 5);
        assertArrayEquals(DenseProducts.multTransB(a, c, false).data, BlasBackend.java().multTransB(a, c).data, 0);
        assertArrayEquals(DenseProducts.gram(a).data, BlasBackend.java().gram(a).data, 0);
    }

    @Test
    void theNativeProductsRepeatBitForBitAndHandleEmptyShapes() {
        NativeBlas blas = nativeOrSkip();
        DMatrixRMaj a = random(300, 90, 6);
        DMatrixRMaj c = random(200, 90, 7);
        assertArrayEquals(blas.multTransB(a, c).data, blas.multTransB(a, c).data, 0);
        assertEquals(0, blas.multTransB(new DMatrixRMaj(0, 5), new DMatrixRMaj(3, 5)).getNumElements());
        assertArrayEquals(new double[9], blas.gram(new DMatrixRMaj(0, 3)).data, 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> blas.multTransB(a, random(2, 3, 8)))
                .getMessage().contains("transpose"));
    }

    @Test
    void thePropertyChoosesTheBackend() {
        String old = System.getProperty(BlasBackend.PROPERTY);
        try {
            System.setProperty(BlasBackend.PROPERTY, "java");
            assertSame(BlasBackend.java(), BlasBackend.preferred());
            assertEquals(BlasBackend.Mode.JAVA, BlasBackend.Mode.current());
            System.setProperty(BlasBackend.PROPERTY, " Native ");
            assertEquals(BlasBackend.Mode.NATIVE, BlasBackend.Mode.current());
            System.setProperty(BlasBackend.PROPERTY, "fortran");
            assertTrue(assertThrows(IllegalStateException.class, BlasBackend::preferred).getMessage()
                    .contains("expected auto, native or java"));
            System.setProperty(BlasBackend.PROPERTY, "auto");
            assertSame(NativeBlas.instance().isPresent() ? NativeBlas.instance().get() : BlasBackend.java(),
                    BlasBackend.preferred());
        } finally {
            if (old == null) {
                System.clearProperty(BlasBackend.PROPERTY);
            } else {
                System.setProperty(BlasBackend.PROPERTY, old);
            }
        }
    }

    @Test
    void anInvalidThreadCountIsRefusedNamingTheProperty() {
        String old = System.getProperty(NativeBlas.THREADS_PROPERTY);
        try {
            System.setProperty(NativeBlas.THREADS_PROPERTY, "0");
            assertTrue(assertThrows(IllegalStateException.class, NativeBlas::instance).getMessage()
                    .contains(NativeBlas.THREADS_PROPERTY + "=0"));
        } finally {
            if (old == null) {
                System.clearProperty(NativeBlas.THREADS_PROPERTY);
            } else {
                System.setProperty(NativeBlas.THREADS_PROPERTY, old);
            }
        }
    }

    @Test
    void featureColumnsAlwaysAnswerWhatTheLookupAnswers() {
        Map<String, Integer> ids = new HashMap<>(Map.of("a", 0, "b", 1, "c", 2));
        int[] calls = {0};
        FeatureColumns columns = new FeatureColumns(n -> {
            calls[0]++;
            return ids.getOrDefault(n, -1);
        });
        String a = "a";
        String b = "b";
        assertEquals(0, columns.column(0, a));
        assertEquals(1, columns.column(1, b));
        assertEquals(0, columns.column(0, a));
        assertEquals(1, columns.column(1, b));
        assertEquals(2, calls[0], "the same strings at the same positions are not looked up again");
        assertEquals(2, columns.column(0, "c"), "another name at a known position");
        assertEquals(1, columns.column(0, new String("b")), "an equal name in another string is looked up");
        assertEquals(-1, columns.column(5, "z"));
        assertEquals(5, calls[0]);
    }
}
