package org.tl4j.backbone;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** YuNet's output format decoded by hand on a 64×64 input (8×8, 4×4 and 2×2 cells). */
class YuNetDecodeTest {
    private static final double TOL = 1e-5;

    private static Map<String, float[]> empty() {
        Map<String, float[]> m = new HashMap<>();
        for (int s : new int[]{8, 16, 32}) {
            int cells = (64 / s) * (64 / s);
            m.put("cls_" + s, new float[cells]);
            m.put("obj_" + s, new float[cells]);
            m.put("bbox_" + s, new float[4 * cells]);
            m.put("kps_" + s, new float[10 * cells]);
        }
        return m;
    }

    @Test
    void oneCellDecodesToItsBoxAndLandmarks() {
        Map<String, float[]> m = empty();
        // stride 16, row 2, column 1 -> cell index 2·4 + 1 = 9.
        int i = 9;
        m.get("cls_16")[i] = 0.9f;
        m.get("obj_16")[i] = 1.2f; // clamped to 1: score = sqrt(0.9)
        float[] box = m.get("bbox_16");
        box[4 * i] = 0.5f;
        box[4 * i + 1] = 0.25f;
        box[4 * i + 2] = (float) Math.log(2);
        box[4 * i + 3] = 0f;
        float[] kps = m.get("kps_16");
        for (int k = 0; k < 10; k++) {
            kps[10 * i + k] = 0.1f * k;
        }
        List<YuNetDetector.Face> faces = YuNetDetector.decode(m, 64, 64, 0.5, 1.0);
        assertEquals(1, faces.size());
        YuNetDetector.Face f = faces.get(0);
        assertEquals(Math.sqrt(0.9), f.score(), TOL);
        // centre ((1 + 0.5)·16, (2 + 0.25)·16) = (24, 36); size (2·16, 16)
        assertEquals(24 - 16, f.x(), TOL);
        assertEquals(36 - 8, f.y(), TOL);
        assertEquals(32, f.width(), TOL);
        assertEquals(16, f.height(), TOL);
        for (int k = 0; k < 5; k++) {
            assertEquals((1 + 0.1 * 2 * k) * 16, f.landmarks()[2 * k], TOL);
            assertEquals((2 + 0.1 * (2 * k + 1)) * 16, f.landmarks()[2 * k + 1], TOL);
        }
        assertTrue(YuNetDetector.decode(m, 64, 64, 0.96, 1.0).isEmpty(), "below the threshold");
        assertEquals(2 * 8, YuNetDetector.decode(m, 64, 64, 0.5, 2.0).get(0).x(), TOL,
                "coordinates scale back to the original image");
    }

    @Test
    void nonMaximumSuppressionKeepsTheStrongestOfOverlappingBoxes() {
        double[] lm = new double[10];
        YuNetDetector.Face a = new YuNetDetector.Face(0, 0, 10, 10, 0.9, lm);
        YuNetDetector.Face b = new YuNetDetector.Face(1, 1, 10, 10, 0.8, lm);
        YuNetDetector.Face c = new YuNetDetector.Face(30, 30, 10, 10, 0.7, lm);
        assertEquals(81.0 / 119, YuNetDetector.iou(a, b), 1e-12);
        assertEquals(List.of(a, c), YuNetDetector.nms(List.of(c, b, a), 0.3));
        assertEquals(List.of(a, b, c), YuNetDetector.nms(List.of(c, b, a), 0.9));
    }
}
