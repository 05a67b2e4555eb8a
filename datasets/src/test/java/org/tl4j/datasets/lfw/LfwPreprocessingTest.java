package org.tl4j.datasets.lfw;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tl4j.backbone.BuiltInModels;
import org.tl4j.backbone.DecodedImage;
import org.tl4j.backbone.EmbeddingSpec;
import org.tl4j.backbone.ImageDecoder;
import org.tl4j.backbone.ImageSource;
import org.tl4j.backbone.PixelBackbone;
import org.tl4j.backbone.Preprocessor;
import org.tl4j.backbone.RelativeCrop;
import org.tl4j.backbone.ReferenceWarp;
import org.tl4j.backbone.ImageWarp;
import org.tl4j.core.contract.SharedData;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pipeline's preparation of the real LFW images (reused decoders, one-pass crop into the tensor) gives the same
 * bits as the reference path (Image I/O's generic lookup and {@code BufferedImage}, then the per-pixel
 * {@link ReferenceWarp}) for the three framings the case study uses: so the LFW goldens are unchanged by the fast
 * path. Tolerance 0.
 */
class LfwPreprocessingTest {
    private static final List<EmbeddingSpec> SPECS = List.of(BuiltInModels.MOBILEFACENET_512D,
            BuiltInModels.DLIB_RESNET_128D, PixelBackbone.framedLike(BuiltInModels.MOBILEFACENET_512D, 32).spec());

    @Test
    void everyTwentyFifthImageIsPreparedExactlyAsByTheReferencePath() throws IOException {
        assertEquals(530, check(25));
    }

    @Test
    @Tag("slow")
    void everyImageIsPreparedExactlyAsByTheReferencePath() throws IOException {
        assertEquals(13_233, check(1));
    }

    /** Compares every {@code step}-th image; returns how many were compared. */
    private static int check(int step) throws IOException {
        AtomicInteger i = new AtomicInteger();
        LfwDataset lfw = LfwDataset.open(SharedData.require("data/lfw/lfw-gray.tgz"),
                k -> i.getAndIncrement() % step == 0);
        ImageSource images = lfw.images();
        for (String k : images.keys()) {
            byte[] bytes = images.read(k);
            DecodedImage reference = ImageDecoder.fromBufferedImage(ImageIO.read(new ByteArrayInputStream(bytes)));
            for (EmbeddingSpec s : SPECS) {
                float[] fast = new float[s.imageSize()];
                float[] ref = new float[s.imageSize()];
                Preprocessor.cropping(s).prepare(bytes, k, fast, 0);
                RelativeCrop c = s.crop();
                ReferenceWarp.warpInto(reference, ImageWarp.cropMap(c.x() * reference.width(),
                        c.y() * reference.height(), c.width() * reference.width(), c.height() * reference.height(),
                        s.width(), s.height()), s, ref, 0);
                assertArrayEquals(ref, fast, k + " for " + s.name());
            }
        }
        return images.keys().size();
    }
}
