package org.tl4j.backbone;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingSpecTest {

    @Test
    void builtInSpecsDescribeTheSharedModels() {
        EmbeddingSpec m = BuiltInModels.MOBILEFACENET_512D;
        assertEquals("input", m.inputName());
        assertEquals(1, m.fixedBatch());
        assertEquals(112 * 112 * 3, m.imageSize());
        assertEquals(61 / 250.0, m.crop().x(), 1e-12);
        EmbeddingSpec d = BuiltInModels.DLIB_RESNET_128D;
        assertTrue(d.dynamicBatch() && !d.l2Normalise());
        assertEquals(PixelNormalisation.RAW, d.normalisation());
        assertEquals(BuiltInModels.names(), java.util.List.of("mobilefacenet-512d", "mobilefacenet-128d",
                "dlib-resnet-128d", "facenet-irv1"));
    }

    @Test
    void dlibTemplateComesFromItsMeanFaceWithPadding() {
        // Left eye: mean of dlib's points 36-41, x = 1.352951/6; in the chip: 150·(0.25 + x)/1.5.
        double[] p = FaceTemplate.DLIB_150.points();
        assertEquals(150 * (0.25 + 1.352951 / 6) / 1.5, p[0], 1e-12);
        assertEquals(100 * (0.25 + 0.515625), p[5], 1e-12);
        assertTrue(p[0] < p[2] && p[6] < p[8], "image-left landmarks first");
    }

    @Test
    void keyChangesWithEveryField() {
        EmbeddingSpec a = BuiltInModels.MOBILEFACENET_512D;
        assertNotEquals(a.key(), a.toBuilder().normalisation(PixelNormalisation.RAW).build().key());
        assertNotEquals(a.key(), a.toBuilder().l2Normalise(false).build().key());
        assertNotEquals(a.key(), a.toBuilder().channelOrder(ChannelOrder.BGR).build().key());
        assertNotEquals(a.key(), a.toBuilder().crop(RelativeCrop.FULL).build().key());
        assertEquals(a.key(), a.toBuilder().build().key());
    }

    @Test
    void overridesAreParsedAndBadOnesNamed() {
        EmbeddingSpec s = BuiltInModels.override(BuiltInModels.FACENET_IRV1,
                Map.of("input", "input:0", "layout", "nhwc", "batch", "dynamic", "mean", "0", "scale", "255"));
        assertEquals("input:0", s.inputName());
        assertEquals(TensorLayout.NHWC, s.layout());
        assertEquals(new PixelNormalisation(0, 255), s.normalisation());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BuiltInModels.override(s, Map.of("size", "160")));
        assertTrue(e.getMessage().contains("size=160") && e.getMessage().contains("WxH"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BuiltInModels.override(s, Map.of("colour", "rgb")));
        assertTrue(e.getMessage().contains("unknown key"), e.getMessage());
    }

    @Test
    void invalidSpecsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> EmbeddingSpec.builder("x").size(0, 3).embeddingDim(1).build());
        assertThrows(IllegalArgumentException.class, () -> EmbeddingSpec.builder("x").size(3, 3).embeddingDim(0).build());
        assertThrows(IllegalArgumentException.class, () -> new PixelNormalisation(0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BuiltInModels.get("arcface"));
        assertTrue(e.getMessage().contains("mobilefacenet-512d"), e.getMessage());
    }
}
