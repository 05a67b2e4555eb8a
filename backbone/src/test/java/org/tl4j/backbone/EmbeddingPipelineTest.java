package org.tl4j.backbone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where batches are prepared (on the inference thread, on background threads, on several inference threads) changes
 * nothing in the result; a damaged image stops the run naming it, after caching the batches that finished.
 */
class EmbeddingPipelineTest {

    private static InMemoryImageSource images(int n) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(String.format("p/img_%02d.jpg", i), TinyOnnx.jpeg(TinyOnnx.noiseImage(12, 10, i % 2 == 1, i)));
        }
        return new InMemoryImageSource("toy-images", m);
    }

    private static EmbeddingPipeline pipeline(ToyBackbone b, int decodeThreads, int inferenceThreads) {
        return EmbeddingPipeline.builder(b, Preprocessor.cropping(ToyBackbone.SPEC)).batchSize(3).chunkImages(3)
                .decodeThreads(decodeThreads).inferenceThreads(inferenceThreads).build();
    }

    @ParameterizedTest(name = "decode threads {0}, inference threads {1}")
    @CsvSource({"0, 1", "0, 3", "1, 1", "2, 1", "2, 3"})
    void everyWayOfPreparingGivesTheSameEmbeddings(int decodeThreads, int inferenceThreads) throws IOException {
        InMemoryImageSource src = images(11);
        EmbeddingPipeline.Result reference = pipeline(new ToyBackbone(-1), 0, 1).embed(src, src.keys());
        ToyBackbone b = new ToyBackbone(-1);
        EmbeddingPipeline.Result r = pipeline(b, decodeThreads, inferenceThreads).embed(src, src.keys());
        assertEquals(11, b.images.get(), "every image embedded once");
        assertEquals(src.keys(), r.embeddings().keySet().stream().toList(), "in the order asked for");
        for (String k : src.keys()) {
            assertArrayEquals(reference.embeddings().get(k), r.embeddings().get(k), 0f, k);
        }
        if (ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported()) {
            double ms = r.stats().prepareCpuMsPerImage();
            assertTrue(ms > 0 && Double.isFinite(ms), "preparation CPU per image measured: " + ms);
        }
    }

    @Test
    void theDefaultPreparesOnTheInferenceThread() {
        assertEquals(0, EmbeddingPipeline.DEFAULT_DECODE_THREADS);
        assertEquals(0, EmbedderSettings.defaults().decodeThreads());
        assertThrows(IllegalArgumentException.class, () -> pipeline(new ToyBackbone(-1), -1, 1));
        assertThrows(IllegalArgumentException.class, () -> EmbedderSettings.defaults().withDecodeThreads(-1));
    }

    @ParameterizedTest(name = "decode threads {0}, inference threads {1}")
    @CsvSource({"0, 1", "0, 3", "1, 1", "2, 3"})
    void aTruncatedJpegStopsTheRunNamingItAndFinishedBatchesStayCached(int decodeThreads, int inferenceThreads,
                                                                        @TempDir Path dir) throws IOException {
        InMemoryImageSource good = images(11);
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String k : good.keys()) {
            m.put(k, good.read(k));
        }
        byte[] b7 = m.get("p/img_07.jpg");
        m.put("p/img_07.jpg", Arrays.copyOf(b7, b7.length / 3));
        InMemoryImageSource damaged = new InMemoryImageSource("toy-images", m);
        EmbeddingCache cache = EmbeddingCache.open(dir, "toy", ToyBackbone.SPEC,
                Preprocessor.cropping(ToyBackbone.SPEC).key());
        EmbeddingPipeline p = EmbeddingPipeline.builder(new ToyBackbone(-1), Preprocessor.cropping(ToyBackbone.SPEC))
                .batchSize(3).chunkImages(3).decodeThreads(decodeThreads).inferenceThreads(inferenceThreads)
                .cache(cache).build();
        CorruptImageException e = assertThrows(CorruptImageException.class, () -> p.embed(damaged, damaged.keys()));
        assertEquals("p/img_07.jpg", e.image());
        assertTrue(e.getMessage().startsWith("Cannot decode image 'p/img_07.jpg' as JPEG"), e.getMessage());
        // Batches 0-2 and 3-5 finished before the damaged one (6-8): a rerun with the file replaced resumes.
        ToyBackbone again = new ToyBackbone(-1);
        EmbeddingPipeline.Result r = EmbeddingPipeline.builder(again, Preprocessor.cropping(ToyBackbone.SPEC))
                .batchSize(3).cache(cache).build().embed(good, good.keys());
        assertEquals(6, r.stats().fromCache());
        assertEquals(5, again.images.get());
    }

    @Test
    void ofTwoDamagedImagesInABatchTheFirstIsNamed() throws IOException {
        InMemoryImageSource good = images(6);
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String k : good.keys()) {
            byte[] b = good.read(k);
            m.put(k, k.endsWith("_01.jpg") || k.endsWith("_04.jpg") ? Arrays.copyOf(b, b.length / 2) : b);
        }
        InMemoryImageSource damaged = new InMemoryImageSource("toy-images", m);
        for (int run = 0; run < 5; run++) {
            CorruptImageException e = assertThrows(CorruptImageException.class, () -> EmbeddingPipeline
                    .builder(new ToyBackbone(-1), Preprocessor.cropping(ToyBackbone.SPEC)).batchSize(6).build()
                    .embed(damaged, damaged.keys()));
            assertEquals("p/img_01.jpg", e.image());
        }
    }
}
