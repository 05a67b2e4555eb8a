package org.tl4j.backbone;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SimilarityTransformTest {
    private static final double TOL = 1e-10;

    @Test
    void recoversAnExactSimilarityFromFivePoints() {
        SimilarityTransform truth = new SimilarityTransform(1.5 * Math.cos(0.3), 1.5 * Math.sin(0.3), 7, -4);
        double[] from = FaceTemplate.ARCFACE_112.points();
        double[] to = new double[10];
        for (int i = 0; i < 5; i++) {
            double[] q = truth.apply(from[2 * i], from[2 * i + 1]);
            to[2 * i] = q[0];
            to[2 * i + 1] = q[1];
        }
        SimilarityTransform t = SimilarityTransform.estimate(from, to);
        assertEquals(truth.a(), t.a(), TOL);
        assertEquals(truth.b(), t.b(), TOL);
        assertEquals(7, t.tx(), TOL);
        assertEquals(-4, t.ty(), TOL);
        assertEquals(1.5, t.scale(), TOL);
        assertEquals(0.3, t.angle(), TOL);
    }

    @Test
    void leastSquaresMatchesTheHandComputedSolution() {
        // Unit square, each corner pushed by d along the edge leaving it: centred, Σ p·q = 2 + 2d, Σ p×q = 2d and
        // Σ |p|² = 2, so a = 1 + d, b = d, and both centroids are (0.5, 0.5).
        double[] from = {0, 0, 1, 0, 1, 1, 0, 1};
        double d = 0.01;
        double[] to = {0, -d, 1 + d, 0, 1, 1 + d, -d, 1};
        SimilarityTransform t = SimilarityTransform.estimate(from, to);
        assertEquals(1 + d, t.a(), 1e-12);
        assertEquals(d, t.b(), 1e-12);
        double[] c = t.apply(0.5, 0.5);
        assertEquals(0.5, c[0], 1e-12);
        assertEquals(0.5, c[1], 1e-12);
    }

    @Test
    void inverseUndoesTheTransform() {
        SimilarityTransform t = new SimilarityTransform(0.8, -0.6, 3, 5);
        double[] p = t.apply(2, -1);
        double[] q = t.inverse().apply(p[0], p[1]);
        assertEquals(2, q[0], TOL);
        assertEquals(-1, q[1], TOL);
    }

    @Test
    void coincidentLandmarksAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimilarityTransform.estimate(new double[]{1, 1, 1, 1}, new double[]{0, 0, 1, 1}));
        assertEquals(true, e.getMessage().contains("coincide"));
    }
}
