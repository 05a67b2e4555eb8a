package org.tl4j.deep.net;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class InceptionResNetV1Test {

    @Test
    void parameterCountMatchesFaceNet() {
        try (Network n = Network.build(InceptionResNetV1.trunk(InceptionResNetV1.Config.facenet()), 1, 3, 160, 160)) {
            assertEquals(InceptionResNetV1.PARAMETERS, n.parameterCount(true));
        }
        var port = new InceptionResNetV1.Config(512, 0.8f, 1, 5, 10, 5, true);
        try (Network n = Network.build(InceptionResNetV1.trunk(port), 1, 3, 160, 160)) {
            assertEquals(23_482_624L, n.parameterCount(true));
        }
    }

    @Test
    void embeddingShape() {
        try (Network n = Network.build(InceptionResNetV1.trunk(InceptionResNetV1.Config.facenet()), 1, 3, 160, 160)) {
            float[][] y = n.predict(new float[2 * 3 * 160 * 160], 2);
            assertEquals(2, y.length);
            assertEquals(512, y[0].length);
            assertArrayEquals(new long[]{1792, 384, 1, 1}, n.shape("repeat_3.0.branch.conv2d.weight"));
        }
    }
}
