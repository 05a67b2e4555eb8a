package org.tl4j.feature.linalg;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.tl4j.core.learn.Seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymmetricEigenTest {
    private static final double TOLERANCE = 1e-10;

    private static DMatrixRMaj randomSymmetric(int n, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = rng.nextDouble() - 0.5;
                a.set(i, j, v);
                a.set(j, i, v);
            }
        }
        return a;
    }

    @Test
    void decompositionIsDescendingCanonicalAndReconstructs() {
        DMatrixRMaj a = randomSymmetric(12, 1);
        SymmetricEigen e = SymmetricEigen.of(a, "test");
        for (int i = 1; i < e.size(); i++) {
            assertTrue(e.values()[i - 1] >= e.values()[i]);
        }
        for (int c = 0; c < e.size(); c++) {
            double[] v = e.vector(c);
            int big = 0;
            for (int i = 0; i < v.length; i++) {
                if (Math.abs(v[i]) > Math.abs(v[big])) {
                    big = i;
                }
            }
            assertTrue(v[big] > 0, "largest entry of each eigenvector is positive");
        }
        DMatrixRMaj vd = new DMatrixRMaj(12, 12);
        for (int c = 0; c < 12; c++) {
            for (int r = 0; r < 12; r++) {
                vd.set(r, c, e.vectors().get(r, c) * e.values()[c]);
            }
        }
        DMatrixRMaj back = new DMatrixRMaj(12, 12);
        CommonOps_DDRM.multTransB(vd, e.vectors(), back);
        for (int i = 0; i < a.data.length; i++) {
            assertEquals(a.data[i], back.data[i], TOLERANCE);
        }
    }

    @Test
    void generalisedEigenpairsSatisfyThePencil() {
        DMatrixRMaj b = randomSymmetric(10, 2);
        DMatrixRMaj a = randomSymmetric(10, 3);
        DMatrixRMaj spd = new DMatrixRMaj(10, 10);
        CommonOps_DDRM.multTransB(a, a, spd);
        for (int i = 0; i < 10; i++) {
            spd.add(i, i, 1);
        }
        SymmetricEigen g = GeneralizedEigen.top(b, spd, 4, "test pencil");
        for (int c = 0; c < 4; c++) {
            DMatrixRMaj w = DMatrixRMaj.wrap(10, 1, g.vector(c));
            DMatrixRMaj bw = new DMatrixRMaj(10, 1);
            DMatrixRMaj aw = new DMatrixRMaj(10, 1);
            CommonOps_DDRM.mult(b, w, bw);
            CommonOps_DDRM.mult(spd, w, aw);
            for (int i = 0; i < 10; i++) {
                assertEquals(bw.get(i), g.values()[c] * aw.get(i), 1e-9);
            }
            assertEquals(1.0, CommonOps_DDRM.dot(w, w), TOLERANCE, "unit length, as eigs returns them");
        }
    }

    @Test
    void nonFiniteMatricesAreRejectedWithThePosition() {
        DMatrixRMaj a = randomSymmetric(4, 4);
        a.set(1, 2, Double.NaN);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> SymmetricEigen.of(a, "scatter"));
        assertTrue(e.getMessage().contains("scatter") && e.getMessage().contains("(1,2)"), e.getMessage());
    }

    @Test
    void indefiniteConstraintIsReported() {
        DMatrixRMaj a = CommonOps_DDRM.identity(3);
        a.set(2, 2, -1);
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> GeneralizedEigen.top(CommonOps_DDRM.identity(3), a, 1, "pencil"));
        assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
    }
}
