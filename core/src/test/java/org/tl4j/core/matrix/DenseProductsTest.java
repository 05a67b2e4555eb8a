package org.tl4j.core.matrix;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.tl4j.core.learn.Seeds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void blocksOfAProductEqualTheWholeProductBitForBit() {
        DMatrixRMaj a = random(37, 13, 5);
        DMatrixRMaj b = random(29, 13, 6);
        DMatrixRMaj whole = DenseProducts.multTransB(a, b, false);
        int[][] blocks = {{0, 37, 0, 29}, {3, 10, 5, 6}, {0, 4, 0, 4}, {33, 37, 1, 29}, {7, 7, 0, 29}, {5, 22, 17, 29}};
        for (int[] k : blocks) {
            DMatrixRMaj out = new DMatrixRMaj(k[1] - k[0], k[3] - k[2]);
            out.fill(Double.NaN);
            DenseProducts.multTransB(a, b, k[0], k[1], k[2], k[3], out);
            for (int i = k[0]; i < k[1]; i++) {
                for (int j = k[2]; j < k[3]; j++) {
                    assertEquals(whole.get(i, j), out.get(i - k[0], j - k[2]), 0.0);
                }
            }
        }
        DMatrixRMaj sym = DenseProducts.multTransB(a, a, true);
        assertArrayEquals(DenseProducts.multTransB(a, a, false).data, sym.data, 0.0);
    }

    @Test
    void mismatchedShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DenseProducts.mult(random(3, 4, 1), random(5, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> DenseProducts.multTransB(random(3, 4, 1), random(5, 2, 2), false));
        DMatrixRMaj a = random(6, 3, 1);
        assertThrows(IllegalArgumentException.class, () -> DenseProducts.multTransB(a, a, 0, 7, 0, 6, new DMatrixRMaj(7, 6)));
        assertThrows(IllegalArgumentException.class, () -> DenseProducts.multTransB(a, a, 0, 2, 0, 6, new DMatrixRMaj(2, 5)));
    }
}
