package org.tl4j.core.math;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VectorsTest {

    @Test
    void dotProductsOfKnownVectors() {
        assertEquals(1 * 4 - 2 * 5 + 3 * 6, Vectors.dot(new double[]{1, -2, 3}, new double[]{4, 5, 6}), 0.0);
        assertEquals(1 * 4 - 2 * 5, Vectors.dot(new double[]{1, -2, 3}, new double[]{4, 5, 6}, 2), 0.0);
        assertEquals(0, Vectors.dot(new double[0], new double[0]), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Vectors.dot(new double[2], new double[3]));
    }
}
