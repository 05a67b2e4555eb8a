package org.tl4j.backbone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The on-disk cache: round trips, resumes without recomputation, and rejects corrupt chunks. */
class EmbeddingCacheTest {
    private static final EmbeddingSpec SPEC = ToyBackbone.SPEC;

    private static InMemoryImageSource images(int n) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(String.format("p/img_%02d.png", i), TinyOnnx.patternImage(i % 3, 4, i));
        }
        return new InMemoryImageSource("toy-images", m);
    }

    private static EmbeddingPipeline.Result run(ToyBackbone b, EmbeddingCache c, ImageSource src) throws IOException {
        return EmbeddingPipeline.builder(b, Preprocessor.cropping(SPEC)).batchSize(4).chunkImages(4).cache(c).build()
                .embed(src, src.keys());
    }

    private static EmbeddingCache open(Path dir) throws IOException {
        return EmbeddingCache.open(dir, "toy", SPEC, Preprocessor.cropping(SPEC).key());
    }

    private static List<Path> chunks(EmbeddingCache c, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(c.folder())) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void secondRunServesEverythingFromTheCacheWithTheSameValues(@TempDir Path dir) throws IOException {
        InMemoryImageSource src = images(10);
        ToyBackbone first = new ToyBackbone(-1);
        EmbeddingPipeline.Result a = run(first, open(dir), src);
        assertEquals(10, first.images.get());
        ToyBackbone second = new ToyBackbone(-1);
        EmbeddingPipeline.Result b = run(second, open(dir), src);
        assertEquals(0, second.images.get(), "nothing recomputed");
        assertEquals(10, b.stats().fromCache());
        for (String k : src.keys()) {
            assertArrayEquals(a.embeddings().get(k), b.embeddings().get(k), 0f);
        }
    }

    @Test
    void parallelInferenceGivesTheSameEmbeddingsAndCache(@TempDir Path dir) throws IOException {
        InMemoryImageSource src = images(11);
        EmbeddingPipeline.Result one = EmbeddingPipeline.builder(new ToyBackbone(-1), Preprocessor.cropping(SPEC)).batchSize(2)
                .build().embed(src, src.keys());
        ToyBackbone parallel = new ToyBackbone(-1);
        EmbeddingPipeline.Result three = EmbeddingPipeline.builder(parallel, Preprocessor.cropping(SPEC)).batchSize(2)
                .chunkImages(4).inferenceThreads(3).cache(open(dir)).build().embed(src, src.keys());
        assertEquals(11, parallel.images.get(), "every image embedded once");
        assertEquals(one.embeddings().keySet(), three.embeddings().keySet());
        for (String k : src.keys()) {
            assertArrayEquals(one.embeddings().get(k), three.embeddings().get(k), 0f, k);
        }
        ToyBackbone again = new ToyBackbone(-1);
        EmbeddingPipeline.Result cached = run(again, open(dir), src);
        assertEquals(0, again.images.get(), "the parallel run cached everything");
        for (String k : src.keys()) {
            assertArrayEquals(one.embeddings().get(k), cached.embeddings().get(k), 0f, k);
        }
        ToyBackbone crashing = new ToyBackbone(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EmbeddingPipeline.builder(crashing,
                Preprocessor.cropping(SPEC)).batchSize(2).inferenceThreads(3).build().embed(src, src.keys()));
        assertEquals("simulated crash", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddingPipeline.builder(crashing, Preprocessor.cropping(SPEC)).inferenceThreads(0));
    }

    @Test
    void aCrashedRunResumesAfterItsFinishedBatches(@TempDir Path dir) throws IOException {
        InMemoryImageSource src = images(10);
        ToyBackbone crashing = new ToyBackbone(3);
        assertThrows(IllegalStateException.class, () -> run(crashing, open(dir), src));
        assertEquals(8, crashing.images.get(), "two batches of four finished before the crash");
        ToyBackbone resumed = new ToyBackbone(-1);
        EmbeddingPipeline.Result r = run(resumed, open(dir), src);
        assertEquals(2, resumed.images.get(), "only the unfinished batch is recomputed");
        assertEquals(8, r.stats().fromCache());
        assertEquals(10, r.embeddings().size());
    }

    @Test
    void corruptChunksAreDetectedSetAsideAndRecomputed(@TempDir Path dir) throws IOException {
        InMemoryImageSource src = images(8);
        EmbeddingCache c = open(dir);
        run(new ToyBackbone(-1), c, src);
        List<Path> files = chunks(c, ".emb");
        assertEquals(2, files.size());
        byte[] b = Files.readAllBytes(files.get(0));
        b[b.length / 2] ^= 0x40;
        Files.write(files.get(0), b);
        Path truncated = files.get(1);
        byte[] t = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(t, t.length - 9));

        EmbeddingCache.Loaded loaded = open(dir).load();
        assertEquals(2, loaded.corrupt().size(), loaded.corrupt().toString());
        assertTrue(loaded.corrupt().get(0).contains("checksum"), loaded.corrupt().get(0));
        assertEquals(2, chunks(c, ".corrupt").size(), "corrupt chunks are kept aside, not deleted");
        assertTrue(loaded.entries().isEmpty());

        ToyBackbone again = new ToyBackbone(-1);
        EmbeddingPipeline.Result r = run(again, open(dir), src);
        assertEquals(8, again.images.get(), "untrusted embeddings are recomputed");
        assertEquals(0, r.stats().corruptChunks(), "set-aside chunks are not read again");
    }

    @Test
    void changedImagesAreRecomputed(@TempDir Path dir) throws IOException {
        InMemoryImageSource src = images(4);
        run(new ToyBackbone(-1), open(dir), src);
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String k : src.keys()) {
            m.put(k, src.read(k));
        }
        m.put("p/img_01.png", TinyOnnx.patternImage(2, 4, 99));
        ToyBackbone b = new ToyBackbone(-1);
        EmbeddingPipeline.Result r = run(b, open(dir), new InMemoryImageSource("toy-images", m));
        assertEquals(1, b.images.get());
        assertEquals(1, r.stats().stale());
    }

    @Test
    void anotherSpecOrPreprocessingUsesAnotherFolder(@TempDir Path dir) throws IOException {
        EmbeddingCache a = open(dir);
        EmbeddingCache b = EmbeddingCache.open(dir, "toy", SPEC.toBuilder().normalisation(PixelNormalisation.RAW)
                .build(), Preprocessor.cropping(SPEC).key());
        EmbeddingCache c = EmbeddingCache.open(dir, "other-model", SPEC, Preprocessor.cropping(SPEC).key());
        assertTrue(!a.folder().equals(b.folder()) && !a.folder().equals(c.folder()));
    }

    @Test
    void anAlteredKeyFileIsRefused(@TempDir Path dir) throws IOException {
        EmbeddingCache c = open(dir);
        Files.writeString(c.folder().resolve("key.txt"), "something else");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> open(dir));
        assertTrue(e.getMessage().contains("delete the folder"), e.getMessage());
    }

    @Test
    void missingImagesAreNamed() throws IOException {
        InMemoryImageSource src = images(2);
        List<String> keys = new ArrayList<>(src.keys());
        keys.add("p/nope.png");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmbeddingPipeline
                .builder(new ToyBackbone(-1), Preprocessor.cropping(SPEC)).build().embed(src, keys));
        assertTrue(e.getMessage().contains("p/nope.png"), e.getMessage());
    }

    @Test
    void aFolderNamedLikeAChunkIsSetAsideAndNamed(@TempDir Path dir) throws IOException {
        EmbeddingCache c = open(dir);
        Files.createDirectories(c.folder().resolve("chunk-odd.emb"));
        EmbeddingCache.Loaded loaded = c.load();
        assertEquals(List.of("chunk-odd.emb: a folder named like a chunk"), loaded.corrupt());
        assertTrue(Files.isDirectory(c.folder().resolve("chunk-odd.emb.corrupt")));
        ToyBackbone b = new ToyBackbone(-1);
        assertEquals(3, run(b, open(dir), images(3)).embeddings().size());
    }

    @Test
    void temporaryFilesOfEndedProcessesAreRemovedAndThoseOfLiveOnesKept(@TempDir Path dir) throws Exception {
        EmbeddingCache c = open(dir);
        Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).start();
        ended.getInputStream().readAllBytes();
        ended.waitFor();
        Path dead = Files.write(c.folder().resolve(".chunk-x.emb." + ended.pid() + ".7.tmp"), new byte[10]);
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Path live = Files.write(c.folder().resolve(".chunk-y.emb." + parent + ".8.tmp"), new byte[10]);
        c.load();
        assertTrue(Files.notExists(dead), "left by a process that ended");
        assertTrue(Files.exists(live), "a running process may still rename it");
    }

    @Test
    void aFailedWriteNamesTheFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve("chunk-z.emb"));
        Files.writeString(target.resolve("occupied"), "x");
        IOException e = assertThrows(IOException.class, () -> EmbeddingCache.writeAtomically(target, new byte[64]));
        assertTrue(e.getMessage().startsWith("Cannot write " + target + " ("), e.getMessage());
        assertTrue(e.getMessage().contains("free space on that disk or move the embedding cache"), e.getMessage());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList(), "no temporary file is left");
        }
    }
}
