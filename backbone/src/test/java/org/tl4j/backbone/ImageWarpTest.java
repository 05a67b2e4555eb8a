package org.tl4j.backbone;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.tl4j.core.learn.Seeds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-pass warp (per-column weights for crops, the box filter over the blocks the map reads) against the direct
 * per-pixel {@link ReferenceWarp}: the same bits (tolerance 0) for gray and colour images, crops inside, across and
 * beyond the border, enlargements, reductions by 2–5 (box prefilter) and rotated maps (alignment), in every layout,
 * channel order and normalisation.
 */
class ImageWarpTest {

    private static DecodedImage image(UniformRandomProvider rng, int w, int h, int ch) {
        byte[] px = new byte[w * h * ch];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) rng.nextInt(256);
        }
        return new DecodedImage(w, h, ch, px);
    }

    private static EmbeddingSpec spec(UniformRandomProvider rng, int size) {
        PixelNormalisation[] norms = {PixelNormalisation.FACENET, PixelNormalisation.RAW,
                new PixelNormalisation(100, 3)};
        return EmbeddingSpec.builder("t").size(size, size + rng.nextInt(3)).embeddingDim(1)
                .normalisation(norms[rng.nextInt(norms.length)])
                .channelOrder(rng.nextBoolean() ? ChannelOrder.RGB : ChannelOrder.BGR)
                .layout(rng.nextBoolean() ? TensorLayout.NCHW : TensorLayout.NHWC).build();
    }

    private static void assertSameAsReference(DecodedImage img, double[] map, EmbeddingSpec s, String what) {
        float[] fast = new float[s.imageSize() + 7];
        float[] ref = new float[s.imageSize() + 7];
        ImageWarp.warpInto(img, map, s, fast, 7);
        ReferenceWarp.warpInto(img, map, s, ref, 7);
        assertArrayEquals(ref, fast, what);
    }

    @Test
    void cropsGiveTheReferenceBits() {
        UniformRandomProvider rng = Seeds.rng(11);
        for (int trial = 0; trial < 300; trial++) {
            int w = 5 + rng.nextInt(80);
            int h = 5 + rng.nextInt(80);
            DecodedImage img = image(rng, w, h, rng.nextBoolean() ? 1 : 3);
            EmbeddingSpec s = spec(rng, 3 + rng.nextInt(20));
            // Crops from inside the image to well beyond its border, scale 0.3 (enlarging) to 5 (box prefilter).
            double cw = s.width() * (0.3 + 4.7 * rng.nextDouble());
            double ch = s.height() * (0.3 + 4.7 * rng.nextDouble());
            double x0 = (rng.nextDouble() * 1.4 - 0.2) * w - cw / 2;
            double y0 = (rng.nextDouble() * 1.4 - 0.2) * h - ch / 2;
            assertSameAsReference(img, ImageWarp.cropMap(x0, y0, cw, ch, s.width(), s.height()), s,
                    "trial " + trial + ": " + w + "x" + h + "x" + img.channels() + " crop " + x0 + "," + y0 + " "
                            + cw + "x" + ch);
        }
    }

    @Test
    void rotatedMapsGiveTheReferenceBits() {
        UniformRandomProvider rng = Seeds.rng(12);
        for (int trial = 0; trial < 200; trial++) {
            int w = 5 + rng.nextInt(80);
            int h = 5 + rng.nextInt(80);
            DecodedImage img = image(rng, w, h, rng.nextBoolean() ? 1 : 3);
            EmbeddingSpec s = spec(rng, 3 + rng.nextInt(20));
            double angle = rng.nextDouble() * 2 * Math.PI;
            double scale = 0.3 + 4.7 * rng.nextDouble();
            double[] map = {scale * Math.cos(angle), -scale * Math.sin(angle), rng.nextDouble() * w,
                    scale * Math.sin(angle), scale * Math.cos(angle), rng.nextDouble() * h - h / 3.0};
            assertSameAsReference(img, map, s, "trial " + trial + ": angle " + angle + ", scale " + scale);
        }
    }

    @Test
    void theMobileFaceNetCropOfAnLfwSizedImageGivesTheReferenceBits() {
        UniformRandomProvider rng = Seeds.rng(13);
        DecodedImage img = image(rng, 250, 250, 1);
        for (EmbeddingSpec s : new EmbeddingSpec[]{BuiltInModels.MOBILEFACENET_512D, BuiltInModels.DLIB_RESNET_128D,
                PixelBackbone.framedLike(BuiltInModels.MOBILEFACENET_512D, 32).spec()}) {
            assertSameAsReference(img, Preprocessor.cropping(s).fixedCropMap(img), s, s.name());
        }
    }

    @Test
    void boxReductionOfSomeBlocksMatchesThoseOfTheWholeImage() {
        UniformRandomProvider rng = Seeds.rng(14);
        for (int trial = 0; trial < 50; trial++) {
            int w = 3 + rng.nextInt(40);
            int h = 3 + rng.nextInt(40);
            int k = 2 + rng.nextInt(4);
            DecodedImage img = image(rng, w, h, rng.nextBoolean() ? 1 : 3);
            DecodedImage whole = ReferenceWarp.boxShrink(img, k);
            assertArrayEquals(whole.data(), img.boxShrink(k).data());
            int bx0 = rng.nextInt(whole.width());
            int by0 = rng.nextInt(whole.height());
            int bx1 = bx0 + 1 + rng.nextInt(whole.width() - bx0);
            int by1 = by0 + 1 + rng.nextInt(whole.height() - by0);
            byte[] part = DecodedImage.boxShrink(img.data(), w, h, img.channels(), k, bx0, by0, bx1, by1);
            int ch = img.channels();
            for (int y = by0; y < by1; y++) {
                for (int x = bx0; x < bx1; x++) {
                    for (int c = 0; c < ch; c++) {
                        assertTrue(part[((y - by0) * (bx1 - bx0) + x - bx0) * ch + c] == whole.data()[(y * whole.width()
                                + x) * ch + c], "block " + x + "," + y);
                    }
                }
            }
        }
    }
}
