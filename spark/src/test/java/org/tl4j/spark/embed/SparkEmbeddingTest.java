package org.tl4j.spark.embed;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.backbone.BackboneOptions;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.EmbeddingPipeline;
import org.tl4j.backbone.ImageEmbedder;
import org.tl4j.backbone.ImageSource;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.backbone.TinyImages;
import org.tl4j.core.eval.ProgressListener;
import org.tl4j.spark.SparkTestSessions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark embedding (local mode) against the single-machine embedder, and the Parquet table's round trip. */
public class SparkEmbeddingTest {
    /** ONNX Runtime may round differently between batch compositions; the table must agree to this. */
    public static final double TOLERANCE = 1e-6;

    @TempDir
    Path dir;

    public static EmbedderSettings settings() {
        return EmbedderSettings.defaults().withBackbone(BackboneOptions.defaults().withThreads(1)).withBatchSize(4);
    }

    /** What the single-machine embedder gives. */
    public static Map<String, float[]> reference(PretrainedSource src, ImageSource images, List<String> keys)
            throws IOException {
        try (ImageEmbedder e = ImageEmbedder.open(src, settings())) {
            return e.embed(images, keys, ProgressListener.NONE).embeddings();
        }
    }

    /** Largest absolute difference over every value, failing if a key is missing. */
    public static double maxDifference(Map<String, float[]> expected, Map<String, float[]> actual) {
        double worst = 0;
        for (Map.Entry<String, float[]> e : expected.entrySet()) {
            float[] a = actual.get(e.getKey());
            assertTrue(a != null, "no embedding for " + e.getKey());
            assertEquals(e.getValue().length, a.length);
            for (int i = 0; i < a.length; i++) {
                worst = Math.max(worst, Math.abs(e.getValue()[i] - a[i]));
            }
        }
        return worst;
    }

    @Test
    void embeddingsEqualTheSingleMachineEmbedderAndFillItsCache() throws IOException {
        SparkSession spark = SparkTestSessions.local();
        PretrainedSource trained = TinyImages.source(dir);
        ImageTransferTask t = TinyImages.task(7, trained);
        List<String> keys = t.images().keys();
        for (PretrainedSource src : List.of(trained, trained.randomlyInitialised(3))) {
            Path out = dir.resolve(src.name().replace(':', '_') + ".parquet");
            SparkEmbedding.Result r = SparkEmbedding.embed(spark, ImageRows.carrying(t.images(), keys), src,
                    settings(), 7, out);
            assertEquals(keys.size(), r.images());
            assertEquals((keys.size() + 6) / 7, r.partitions());
            EmbeddingTable.Table table = EmbeddingTable.read(spark, out);
            assertEquals(keys.size(), table.size());
            assertTrue(maxDifference(reference(src, t.images(), keys), table.embeddings()) <= TOLERANCE);
            assertEquals(src.sha256(), table.modelSha256());
            assertEquals(src.spec().key(), table.spec());
            assertEquals("class1", table.labels().get("class1/img3.png"));

            Path cache = dir.resolve("cache");
            EmbeddingTable.toCache(table, cache, src.spec());
            try (ImageEmbedder e = ImageEmbedder.open(src, settings().withCache(cache))) {
                EmbeddingPipeline.Result served = e.embed(t.images(), keys, ProgressListener.NONE);
                assertEquals(0, served.stats().computed(), "every image must come from the Spark table");
                assertEquals(keys.size(), served.stats().fromCache());
            }
        }
    }

    @Test
    void executorsReadFoldersAndListsThemselves() throws IOException {
        SparkSession spark = SparkTestSessions.local();
        PretrainedSource src = TinyImages.source(dir);
        ImageTransferTask t = TinyImages.task(11, src);
        Path folder = dir.resolve("images");
        for (String k : t.images().keys()) {
            Files.createDirectories(folder.resolve(k).getParent());
            Files.write(folder.resolve(k), t.images().read(k));
        }
        Map<String, float[]> expected = reference(src, t.images(), t.images().keys());

        Path fromFolder = dir.resolve("folder.parquet");
        SparkEmbedding.embed(spark, ImageRows.folder(folder), src, settings(), 8, fromFolder);
        assertTrue(maxDifference(expected, EmbeddingTable.read(spark, fromFolder).embeddings()) <= TOLERANCE);

        List<String> lines = new ArrayList<>(List.of("# images with labels", ""));
        for (String k : t.images().keys()) {
            lines.add(folder.resolve(k).toUri() + "\tlabel-" + k.substring(0, k.indexOf('/')));
        }
        Path list = dir.resolve("list.txt");
        Files.write(list, lines);
        Path fromList = dir.resolve("list.parquet");
        SparkEmbedding.embed(spark, ImageRows.list(list), src, settings(), 8, fromList);
        EmbeddingTable.Table table = EmbeddingTable.read(spark, fromList);
        for (String k : t.images().keys()) {
            String id = folder.resolve(k).toUri().toString();
            assertTrue(maxDifference(Map.of(id, expected.get(k)), table.embeddings()) <= TOLERANCE);
            assertEquals("label-" + k.substring(0, k.indexOf('/')), table.labels().get(id));
        }

        // A list the executors read themselves, with paths relative to its folder.
        Path relative = folder.resolve("relative.txt");
        Files.write(relative, t.images().keys());
        Path fromRdd = dir.resolve("rdd.parquet");
        SparkEmbedding.Result r = SparkEmbedding.embed(spark, ImageRows.list(SparkTestSessions.context(spark),
                relative.toString()), src, settings(), 8, fromRdd);
        assertEquals(t.images().keys().size(), r.images());
        assertEquals((t.images().keys().size() + 7) / 8, r.partitions());
        assertTrue(maxDifference(expected, EmbeddingTable.read(spark, fromRdd).embeddings()) <= TOLERANCE);

        Path twice = folder.resolve("twice.txt");
        Files.write(twice, List.of(t.images().keys().get(0), t.images().keys().get(1), t.images().keys().get(0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkEmbedding.embed(spark,
                ImageRows.list(SparkTestSessions.context(spark), twice.toString()), src, settings(), 8,
                dir.resolve("twice.parquet")));
        assertTrue(e.getMessage().contains("'" + t.images().keys().get(0) + "' is listed 2 times"), e.getMessage());
    }

    @Test
    void repeatedIdsAndExistingOutputsAreRefused() throws IOException {
        SparkSession spark = SparkTestSessions.local();
        PretrainedSource src = TinyImages.source(dir);
        ImageTransferTask t = TinyImages.task(1, src);
        String k = t.images().keys().get(0);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ImageRows.carrying(t.images(), List.of(k, k)));
        assertTrue(twice.getMessage().contains("listed twice"), twice.getMessage());
        Path out = Files.createDirectories(dir.resolve("exists.parquet"));
        IllegalArgumentException exists = assertThrows(IllegalArgumentException.class, () -> SparkEmbedding.embed(
                spark, ImageRows.carrying(t.images(), List.of(k)), src, settings(), 4, out));
        assertTrue(exists.getMessage().contains("exists"), exists.getMessage());
        Path list = dir.resolve("bad.txt");
        Files.writeString(list, "a.png\tx\ty\n");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ImageRows.list(list));
        assertTrue(bad.getMessage().contains("line 1"), bad.getMessage());
    }
}
