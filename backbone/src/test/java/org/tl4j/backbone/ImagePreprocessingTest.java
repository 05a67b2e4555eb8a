package org.tl4j.backbone;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden values of decoding, cropping, resizing and normalising tiny generated images. */
class ImagePreprocessingTest {
    /** Float arithmetic of the warp and the normalisation. */
    private static final float TOL = 1e-5f;

    /** A 4×4 gray image with value {@code 10x + 40y + 20} at pixel (x, y). */
    private static byte[] ramp() throws IOException {
        int[] v = new int[16];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                v[y * 4 + x] = 10 * x + 40 * y + 20;
            }
        }
        return TinyOnnx.grayPng(4, 4, v);
    }

    private static EmbeddingSpec spec(int size, RelativeCrop crop, PixelNormalisation norm, ChannelOrder order,
                                      TensorLayout layout) {
        return EmbeddingSpec.builder("t").size(size, size).crop(crop).normalisation(norm).channelOrder(order)
                .layout(layout).embeddingDim(1).build();
    }

    @Test
    void grayPngDecodesToOneChannelWithItsValues() throws IOException {
        DecodedImage img = ImageDecoder.decode(ramp(), "ramp");
        assertEquals(1, img.channels());
        assertEquals(4, img.width());
        assertEquals(10 * 3 + 40 * 2 + 20, img.value(3, 2, 0));
        assertEquals(img.value(3, 2, 0), img.value(3, 2, 2), "gray reads the same on every channel");
    }

    @Test
    void colourPngDecodesToRgbOrder() throws IOException {
        byte[] png = TinyOnnx.rgbPng(2, 1, new int[][]{{200, 100, 50}, {1, 2, 3}});
        DecodedImage img = ImageDecoder.decode(png, "rgb");
        assertEquals(3, img.channels());
        assertEquals(200, img.value(0, 0, 0));
        assertEquals(100, img.value(0, 0, 1));
        assertEquals(50, img.value(0, 0, 2));
        assertEquals(3, img.value(1, 0, 2));
    }

    @Test
    void garbageIsRejectedNamingTheImage() {
        IOException e = assertThrows(IOException.class,
                () -> ImageDecoder.decode(new byte[]{1, 2, 3, 4, 5}, "people/x.jpg"));
        assertTrue(e.getMessage().contains("people/x.jpg"), e.getMessage());
    }

    @Test
    void halvingTheWholeImageAveragesBlocksAndNormalisesLikeFaceNet() throws IOException {
        // Crop = whole 4x4 image, output 2x2: samples at (0.5, 0.5), (2.5, 0.5), (0.5, 2.5), (2.5, 2.5), i.e. the
        // means of the 2x2 blocks: 45, 65, 125, 145; then (x - 127.5) / 128, replicated to R, G, B (NCHW).
        EmbeddingSpec s = spec(2, RelativeCrop.FULL, PixelNormalisation.FACENET, ChannelOrder.RGB, TensorLayout.NCHW);
        float[] t = new float[s.imageSize()];
        assertEquals(Preprocessor.Outcome.CROPPED, Preprocessor.cropping(s).prepare(ramp(), "ramp", t, 0));
        float[] plane = {(45 - 127.5f) / 128, (65 - 127.5f) / 128, (125 - 127.5f) / 128, (145 - 127.5f) / 128};
        float[] want = new float[12];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(plane, 0, want, 4 * c, 4);
        }
        assertArrayEquals(want, t, TOL);
    }

    @Test
    void cropAtScaleOneCopiesThePixels() throws IOException {
        // Crop (1, 1, 2, 2) of the 4x4 image, output 2x2, raw values: pixels (1,1), (2,1), (1,2), (2,2).
        EmbeddingSpec s = spec(2, RelativeCrop.ofPixels(1, 1, 2, 2, 4, 4), PixelNormalisation.RAW, ChannelOrder.RGB,
                TensorLayout.NCHW);
        float[] t = new float[s.imageSize()];
        Preprocessor.cropping(s).prepare(ramp(), "ramp", t, 0);
        assertArrayEquals(new float[]{70, 80, 110, 120}, java.util.Arrays.copyOf(t, 4), TOL);
    }

    @Test
    void upsamplingInterpolatesBilinearlyWithAZeroBorder() throws IOException {
        // Crop (0, 0, 2, 2) to 3x3: output u samples x = (u + 0.5)·2/3 − 0.5 = −1/6, 1/2, 7/6.
        // At (−1/6, −1/6) three of the four neighbours lie outside (value 0): (5/6)²·v(0,0) = (25/36)·20.
        // At (1/2, 1/2) all neighbours are inside: the ramp's value there, 10·0.5 + 40·0.5 + 20 = 45.
        // At (7/6, −1/6): x between pixels 1 and 2 (weights 5/6, 1/6), y between row −1 (outside) and row 0 (5/6):
        // (5/6)·(5/6·30 + 1/6·40).
        EmbeddingSpec s = spec(3, RelativeCrop.ofPixels(0, 0, 2, 2, 4, 4), PixelNormalisation.RAW, ChannelOrder.RGB,
                TensorLayout.NCHW);
        float[] t = new float[s.imageSize()];
        Preprocessor.cropping(s).prepare(ramp(), "ramp", t, 0);
        assertEquals(25.0 / 36 * 20, t[0], TOL);
        assertEquals(45, t[4], TOL);
        assertEquals(5.0 / 6 * (5.0 / 6 * 30 + 1.0 / 6 * 40), t[2], TOL);
    }

    @Test
    void colourImagesFollowChannelOrderAndLayout() throws IOException {
        byte[] png = TinyOnnx.rgbPng(1, 1, new int[][]{{200, 100, 50}});
        EmbeddingSpec s = spec(1, RelativeCrop.FULL, PixelNormalisation.RAW, ChannelOrder.BGR, TensorLayout.NHWC);
        float[] t = new float[s.imageSize()];
        Preprocessor.cropping(s).prepare(png, "px", t, 0);
        assertArrayEquals(new float[]{50, 100, 200}, t, TOL);
        EmbeddingSpec rgb = spec(1, RelativeCrop.FULL, new PixelNormalisation(100, 2), ChannelOrder.RGB,
                TensorLayout.NCHW);
        Preprocessor.cropping(rgb).prepare(png, "px", t, 0);
        assertArrayEquals(new float[]{50, 0, -25}, t, TOL);
    }

    @Test
    void flipMirrorsEachRow() {
        EmbeddingSpec s = spec(2, RelativeCrop.FULL, PixelNormalisation.RAW, ChannelOrder.RGB, TensorLayout.NCHW);
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        float[] m = new float[12];
        FlipAveragedBackbone.mirror(x, 0, m, 0, s);
        assertArrayEquals(new float[]{2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11}, m);
    }

    @Test
    void alignmentWarpMapsTheLandmarksOntoTheTemplate() {
        // Landmarks = the template scaled by 2 and shifted by (10, 20): the aligned map takes template points back.
        FaceTemplate t = FaceTemplate.ARCFACE_112;
        double[] p = t.points();
        double[] lm = new double[10];
        for (int i = 0; i < 5; i++) {
            lm[2 * i] = 2 * p[2 * i] + 10;
            lm[2 * i + 1] = 2 * p[2 * i + 1] + 20;
        }
        EmbeddingSpec s = EmbeddingSpec.builder("a").size(112, 112).embeddingDim(1)
                .alignment(new Alignment.Similarity(t)).build();
        double[] m = Preprocessor.cropping(s).alignedMap(new YuNetDetector.Face(0, 0, 1, 1, 1, lm));
        for (int i = 0; i < 5; i++) {
            double sx = m[0] * p[2 * i] + m[1] * p[2 * i + 1] + m[2];
            double sy = m[3] * p[2 * i] + m[4] * p[2 * i + 1] + m[5];
            assertEquals(lm[2 * i], sx, 1e-9);
            assertEquals(lm[2 * i + 1], sy, 1e-9);
        }
    }
}
