package org.tl4j.spark.embed;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tl4j.backbone.EmbeddingCache;
import org.tl4j.backbone.EmbeddingSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Embeddings as a Parquet table: one row per image with its id, label, embedding, the SHA-256 of the embedding
 * computation (model bytes; flip-averaged variants have their own), the backbone spec, the preprocessing (crop or
 * alignment with the detector's checksum) and the CRC-32C of the encoded image — the same identity as the
 * single-machine {@link EmbeddingCache}'s key, so a table can be loaded into that cache and the existing protocols run
 * on it unchanged.
 */
public final class EmbeddingTable {

    /** The table's columns. */
    public static final StructType SCHEMA = new StructType()
            .add("image_id", DataTypes.StringType, false)
            .add("label", DataTypes.StringType, true)
            .add("embedding", DataTypes.createArrayType(DataTypes.FloatType, false), false)
            .add("model_sha256", DataTypes.StringType, false)
            .add("spec", DataTypes.StringType, false)
            .add("preprocessing", DataTypes.StringType, false)
            .add("content_crc32c", DataTypes.IntegerType, false);

    /**
     * A table read back.
     *
     * @param embeddings    by image id, sorted by id
     * @param labels        by image id (absent when the row had none)
     * @param crc           CRC-32C of each image's encoded bytes
     * @param modelSha256   the one embedding computation of the table
     * @param spec          its spec key
     * @param preprocessing its preprocessing key
     */
    public record Table(Map<String, float[]> embeddings, Map<String, String> labels, Map<String, Integer> crc,
                        String modelSha256, String spec, String preprocessing) {
        /** Number of images. */
        public int size() {
            return embeddings.size();
        }
    }

    private EmbeddingTable() {
    }

    /**
     * Reads a table into memory (for image sets that fit on one machine; a larger one stays in Spark).
     *
     * @throws IllegalArgumentException if the table mixes models, specs or preprocessing, or repeats an id
     */
    public static Table read(SparkSession spark, Path folder) {
        List<Row> rows = spark.read().schema(SCHEMA).parquet(folder.toAbsolutePath().toString())
                .orderBy("image_id").collectAsList();
        Map<String, float[]> emb = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Integer> crc = new LinkedHashMap<>();
        TreeSet<String> shas = new TreeSet<>();
        TreeSet<String> specs = new TreeSet<>();
        TreeSet<String> preps = new TreeSet<>();
        for (Row r : rows) {
            String id = r.getString(0);
            List<Float> v = r.getList(2);
            float[] a = new float[v.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = v.get(i);
            }
            if (emb.put(id, a) != null) {
                throw new IllegalArgumentException("Embedding table " + folder + " holds image '" + id + "' twice");
            }
            if (!r.isNullAt(1)) {
                labels.put(id, r.getString(1));
            }
            shas.add(r.getString(3));
            specs.add(r.getString(4));
            preps.add(r.getString(5));
            crc.put(id, r.getInt(6));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("Embedding table " + folder + " is empty");
        }
        if (shas.size() != 1 || specs.size() != 1 || preps.size() != 1) {
            throw new IllegalArgumentException("Embedding table " + folder + " mixes " + shas.size() + " models, "
                    + specs.size() + " specs and " + preps.size() + " preprocessings: one table per embedding");
        }
        return new Table(Collections.unmodifiableMap(emb), Collections.unmodifiableMap(labels),
                Collections.unmodifiableMap(crc), shas.first(), specs.first(), preps.first());
    }

    /**
     * Writes {@code table} into the single-machine embedding cache under {@code cacheRoot}, so that
     * {@code ImageEmbedder} (and {@code tl lfw}'s protocols) serve these vectors instead of computing them.
     *
     * @param spec the spec the table was embedded with (its key must equal the table's)
     * @return the cache folder
     * @throws IllegalArgumentException if {@code spec} is not the table's
     */
    public static Path toCache(Table table, Path cacheRoot, EmbeddingSpec spec) throws IOException {
        if (!spec.key().equals(table.spec())) {
            throw new IllegalArgumentException("The table was embedded with spec " + table.spec() + ", not "
                    + spec.key());
        }
        EmbeddingCache cache = EmbeddingCache.open(cacheRoot, table.modelSha256(), spec, table.preprocessing());
        List<EmbeddingCache.Entry> chunk = new ArrayList<>();
        for (Map.Entry<String, float[]> e : table.embeddings().entrySet()) {
            chunk.add(new EmbeddingCache.Entry(e.getKey(), table.crc().get(e.getKey()), e.getValue()));
            if (chunk.size() == 4096) {
                cache.append(chunk);
                chunk.clear();
            }
        }
        cache.append(chunk);
        return cache.folder();
    }
}
