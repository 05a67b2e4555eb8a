package org.tl4j.core.matrix;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.tl4j.core.learn.Seeds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DenseProductsTest {

    private static DMatrixRMaj random(int r, int c, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextDouble() - 0.5;
        }
        return m;
    }

    @Test
    void productsEqualEjmlBitForBit() {
        // Odd sizes exercise the 4x4 blocks' remainders.
        DMatrixRMaj x = random(37, 13, 1);
        DMatrixRMaj y = random(13, 6, 2);
        DMatrixRMaj z = random(11, 13, 3);
        DMatrixRMaj g = new DMatrixRMaj(13, 13);
        CommonOps_DDRM.multTransA(x, x, g);
        DMatrixRMaj p = new DMatrixRMaj(37, 6);
        CommonOps_DDRM.mult(x, y, p);
        DMatrixRMaj t = new DMatrixRMaj(37, 11);
        CommonOps_DDRM.multTransB(x, z, t);
        assertArrayEquals(g.data, DenseProducts.gram(x).data, 0.0);
        assertArrayEquals(p.data, DenseProducts.mult(x, y).data, 0.0);
        assertArrayEquals(t.data, DenseProducts.multTransB(x, z, false).data, 0.0);
        DMatrixRMaj ta = new DMatrixRMaj(13, 6);
        CommonOps_DDRM.multTransA(x, random(37, 6, 4), ta);
        assertArrayEquals(ta.data, DenseProducts.multTransA(x, random(37, 6, 4)).data, 1e-15);
    }

    @Test
    void mismatchedShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DenseProducts.mult(random(3, 4, 1), random(5, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> DenseProducts.multTransB(random(3, 4, 1), random(5, 2, 2), false));
    }
}
