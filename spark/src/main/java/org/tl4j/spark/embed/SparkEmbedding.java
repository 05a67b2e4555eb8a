package org.tl4j.spark.embed;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.tl4j.backbone.Backbone;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.EmbeddingCache;
import org.tl4j.backbone.EmbeddingPipeline;
import org.tl4j.backbone.FlipAveragedBackbone;
import org.tl4j.backbone.ImageEmbedder;
import org.tl4j.backbone.InMemoryImageSource;
import org.tl4j.backbone.Preprocessor;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.backbone.YuNetDetector;
import org.tl4j.spark.SparkSessions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Embeds an image set on Spark with a {@link PretrainedSource} and writes the embeddings as Parquet
 * ({@link EmbeddingTable}). The model's bytes (and the face detector's, when aligning) are broadcast once; each
 * executor JVM opens one ONNX Runtime session from them and shares it between its task threads. Each partition runs
 * through the single-machine {@link EmbeddingPipeline} (decoding overlapped with inference, the same preprocessing),
 * so the values equal those of {@code tl lfw}'s embedding cache (to ONNX Runtime's batch-to-batch rounding).
 */
public final class SparkEmbedding {

    /** Images per partition by default: one cache chunk's worth, a few seconds of work per task. */
    public static final int DEFAULT_PARTITION_IMAGES = 256;

    /**
     * What a run did.
     *
     * @param images         images embedded
     * @param dim            embedding size
     * @param partitions     Spark partitions (tasks)
     * @param aligned        images aligned on a detected face
     * @param noFace         images where alignment found no face (fixed crop used)
     * @param taskSeconds    summed wall time of the tasks' embedding (decode, preprocess, infer)
     * @param wallSeconds    wall time of the Spark job, writing Parquet included
     * @param modelSha256    the embedding computation's SHA-256 (flip-aware)
     * @param spec           the spec key
     * @param preprocessing  the preprocessing key
     * @param out            the Parquet folder
     * @param threadsPerSession intra-op threads of each executor's session (0: every processor of the executor's
     *                          machine)
     */
    public record Result(long images, int dim, int partitions, long aligned, long noFace, double taskSeconds,
                         double wallSeconds, String modelSha256, String spec, String preprocessing, Path out,
                         int threadsPerSession) {
        /** Images per second of wall time. */
        public double imagesPerSecond() {
            return images / wallSeconds;
        }

        /** The run's facts for provenance files. */
        public Map<String, Object> provenance() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("images", images);
            m.put("partitions", partitions);
            m.put("modelSha256", modelSha256);
            m.put("spec", spec);
            m.put("preprocessing", preprocessing);
            m.put("dim", dim);
            m.put("aligned", aligned);
            m.put("noFace", noFace);
            m.put("wallSeconds", wallSeconds);
            m.put("taskSeconds", taskSeconds);
            m.put("threadsPerSession", threadsPerSession);
            return m;
        }

        /** One line for logs. */
        public String summary() {
            return String.format(Locale.ROOT, "%d images in %d partitions, %.1f s (%.1f images/s)%s", images, partitions,
                    wallSeconds, imagesPerSecond(), aligned + noFace > 0 ? ", " + aligned + " aligned, " + noFace
                            + " without a detected face" : "");
        }
    }

    private SparkEmbedding() {
    }

    /**
     * Embeds {@code rows} and writes them to the Parquet folder {@code out}.
     *
     * @param settings           how to embed (alignment, flip, batch size, ONNX Runtime threads per session); its
     *                           cache is not used
     * @param partitionImages    images per Spark partition
     * @throws IllegalArgumentException if ids repeat, {@code out} exists, or the source cannot be opened
     */
    public static Result embed(SparkSession spark, List<ImageRow> rows, PretrainedSource source,
                               EmbedderSettings settings, int partitionImages, Path out) throws IOException {
        checkPartitionImages(partitionImages);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("No images to embed");
        }
        Set<String> ids = new HashSet<>();
        boolean anyUri = false;
        for (ImageRow r : rows) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("Image id '" + r.id() + "' is listed twice");
            }
            anyUri |= r.uri() != null;
        }
        int partitions = (int) Math.min(Integer.MAX_VALUE, (rows.size() + (long) partitionImages - 1) / partitionImages);
        JavaSparkContext jsc = SparkSessions.context(spark);
        return run(spark, () -> jsc.parallelize(rows, partitions), rows.size(), partitions, anyUri, source, settings,
                out);
    }

    /**
     * Embeds rows that are already distributed (e.g. {@link ImageRows#list(JavaSparkContext, String)} over a list
     * too long for the driver) into {@code partitionImages}-image partitions, and writes them to {@code out}.
     *
     * @throws IllegalArgumentException if an id repeats (naming one), there are no rows, or {@code out} exists
     */
    public static Result embed(SparkSession spark, JavaRDD<ImageRow> rows, PretrainedSource source,
                               EmbedderSettings settings, int partitionImages, Path out) throws IOException {
        checkPartitionImages(partitionImages);
        rows = rows.cache();
        long n = rows.count();
        if (n == 0) {
            throw new IllegalArgumentException("No images to embed");
        }
        List<scala.Tuple2<String, Integer>> twice = rows.mapToPair(r -> new scala.Tuple2<>(r.id(), 1))
                .reduceByKey(Integer::sum).filter(t -> t._2() > 1).take(1);
        if (!twice.isEmpty()) {
            throw new IllegalArgumentException("Image id '" + twice.get(0)._1() + "' is listed "
                    + twice.get(0)._2() + " times");
        }
        int partitions = (int) Math.min(Integer.MAX_VALUE, (n + partitionImages - 1) / partitionImages);
        JavaRDD<ImageRow> distributed = rows;
        try {
            return run(spark, () -> distributed.repartition(partitions), n, partitions, true, source, settings, out);
        } finally {
            rows.unpersist();
        }
    }

    /**
     * Cores of one executor: N of {@code local[N]}, else {@code spark.executor.cores}, else 0 (every processor of the
     * executor's machine, which is what a standalone executor without that setting takes).
     */
    static int coresPerExecutor(JavaSparkContext sc) {
        if (sc.isLocal()) {
            return sc.defaultParallelism();
        }
        return sc.getConf().getInt("spark.executor.cores", 0);
    }

    private static void checkPartitionImages(int partitionImages) {
        if (partitionImages < 1) {
            throw new IllegalArgumentException("Invalid images per partition: " + partitionImages + " (must be >= 1)");
        }
    }

    private static Result run(SparkSession spark, java.util.function.Supplier<JavaRDD<ImageRow>> rows, long count,
                              int partitions, boolean anyUri, PretrainedSource source, EmbedderSettings settings,
                              Path out) throws IOException {
        Objects.requireNonNull(source, "source");
        if (Files.exists(out)) {
            throw new IllegalArgumentException("Output " + out + " exists: choose another --out or delete it");
        }
        EmbedderSettings s = settings.withCache(null);
        if (s.backbone().intraOpThreads() == 0) {
            // One session per executor, pinned to one thread (PinnedBackbone): its intra-op threads use the cores.
            s = s.withBackbone(s.backbone().withThreads(coresPerExecutor(SparkSessions.context(spark))));
        }
        Plan plan;
        try (ImageEmbedder e = ImageEmbedder.open(source, s)) {
            plan = new Plan(source, s, source.modelBytes(),
                    s.align() ? Files.readAllBytes(s.detectorPath()) : null, e.sha256(), source.spec().key(),
                    e.preprocessor().key());
        }
        JavaSparkContext jsc = SparkSessions.context(spark);
        Broadcast<byte[]> shipped = jsc.broadcast(plan.toBytes());
        Broadcast<SerializableConfiguration> conf = anyUri
                ? jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration())) : null;
        LongAccumulator aligned = jsc.sc().longAccumulator("tl4j aligned");
        LongAccumulator noFace = jsc.sc().longAccumulator("tl4j no face");
        LongAccumulator nanos = jsc.sc().longAccumulator("tl4j embedding nanoseconds");
        long t0 = System.nanoTime();
        try {
            JavaRDD<Row> embedded = rows.get().mapPartitions(new RemoteEmbed(shipped, java.util.UUID.randomUUID().toString(), conf,
                    aligned, noFace, nanos));
            jsc.setJobDescription("tl4j: embed " + count + " images with " + source.name());
            spark.createDataFrame(embedded, EmbeddingTable.SCHEMA).write().mode(SaveMode.ErrorIfExists)
                    .parquet(out.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Spark embedding failed: " + SparkSessions.rootMessage(e), e);
        } finally {
            shipped.destroy();
            if (conf != null) {
                conf.destroy();
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        return new Result(count, source.spec().embeddingDim(), partitions, aligned.value(), noFace.value(),
                nanos.value() / 1e9, wall, plan.sha256, plan.spec, plan.preprocessing, out,
                plan.settings.backbone().intraOpThreads());
    }

    /** What every executor needs to embed: the source, its settings and the model (and detector) bytes. */
    static final class Plan implements Serializable {
        private static final long serialVersionUID = 1L;

        final PretrainedSource source;
        final EmbedderSettings settings;
        final byte[] model;
        final byte[] detector;
        final String sha256;
        final String spec;
        final String preprocessing;

        Plan(PretrainedSource source, EmbedderSettings settings, byte[] model, byte[] detector, String sha256,
             String spec, String preprocessing) {
            this.source = source;
            this.settings = settings;
            this.model = model;
            this.detector = detector;
            this.sha256 = sha256;
            this.spec = spec;
            this.preprocessing = preprocessing;
        }

        byte[] toBytes() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (ObjectOutputStream o = new ObjectOutputStream(b)) {
                o.writeObject(this);
            }
            return b.toByteArray();
        }

        static Plan fromBytes(byte[] bytes) {
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
                @Override
                protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException,
                        ClassNotFoundException {
                    ClassLoader cl = Thread.currentThread().getContextClassLoader();
                    try {
                        return cl == null ? super.resolveClass(desc) : Class.forName(desc.getName(), false, cl);
                    } catch (ClassNotFoundException e) {
                        return super.resolveClass(desc);
                    }
                }
            }) {
                return (Plan) in.readObject();
            } catch (IOException | ClassNotFoundException e) {
                throw new IllegalStateException("Cannot read the embedding plan on this Spark executor: " + e
                        + " (are tl4j's jars on the executors' class path? Pass them with spark-submit --jars)", e);
            }
        }
    }

    /** The backbone and preprocessing one executor JVM shares between its tasks. */
    private record Opened(Plan plan, Backbone backbone, Preprocessor preprocessor) {
    }

    /** Embeds one partition on an executor. */
    static final class RemoteEmbed implements FlatMapFunction<Iterator<ImageRow>, Row> {
        private static final long serialVersionUID = 1L;

        /**
         * Opened backbones by key (the latest few), closed when evicted. Keyed by a UUID of the driver, not the
         * broadcast id: ids restart with every SparkContext, and a JVM may outlive one (local mode, tests).
         */
        private static final Map<String, Opened> OPENED = new LinkedHashMap<>();

        private final Broadcast<byte[]> plan;
        private final String key;
        private final Broadcast<SerializableConfiguration> conf;
        private final LongAccumulator aligned;
        private final LongAccumulator noFace;
        private final LongAccumulator nanos;

        RemoteEmbed(Broadcast<byte[]> plan, String key, Broadcast<SerializableConfiguration> conf,
                    LongAccumulator aligned, LongAccumulator noFace, LongAccumulator nanos) {
            this.plan = plan;
            this.key = key;
            this.conf = conf;
            this.aligned = aligned;
            this.noFace = noFace;
            this.nanos = nanos;
        }

        @Override
        public Iterator<Row> call(Iterator<ImageRow> rows) throws Exception {
            long t0 = System.nanoTime();
            Opened o = opened(plan, key);
            Plan p = o.plan();
            List<ImageRow> part = new ArrayList<>();
            Map<String, byte[]> bytes = new LinkedHashMap<>();
            while (rows.hasNext()) {
                ImageRow r = rows.next();
                part.add(r);
                bytes.put(r.id(), r.bytes() != null ? r.bytes() : read(r.uri()));
            }
            if (part.isEmpty()) {
                return java.util.Collections.emptyIterator();
            }
            List<String> ids = new ArrayList<>(bytes.keySet());
            InMemoryImageSource src = new InMemoryImageSource("partition", bytes);
            EmbeddingPipeline.Result r = EmbeddingPipeline.builder(o.backbone(), o.preprocessor())
                    .batchSize(p.settings.batchSize()).decodeThreads(p.settings.decodeThreads()).build()
                    .embed(src, ids);
            aligned.add(r.stats().aligned());
            noFace.add(r.stats().noFace());
            List<Row> out = new ArrayList<>(part.size());
            for (ImageRow row : part) {
                out.add(RowFactory.create(row.id(), row.label(), r.embeddings().get(row.id()), p.sha256, p.spec,
                        p.preprocessing, EmbeddingCache.contentCrc(bytes.get(row.id()))));
            }
            nanos.add(System.nanoTime() - t0);
            return out.iterator();
        }

        private byte[] read(String uri) throws IOException {
            try {
                org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(new URI(uri));
                org.apache.hadoop.conf.Configuration c = conf != null ? conf.value().value()
                        : new org.apache.hadoop.conf.Configuration();
                org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(c);
                try (java.io.InputStream in = fs.open(path)) {
                    return in.readAllBytes();
                }
            } catch (java.net.URISyntaxException e) {
                throw new IOException("Invalid image URI '" + uri + "': " + e.getMessage(), e);
            } catch (IOException e) {
                throw new IOException("Cannot read image " + uri + " on this executor: " + e.getMessage()
                        + " (executors read images themselves: the path must be on storage every executor sees)", e);
            }
        }

        private static Opened opened(Broadcast<byte[]> plan, String key) throws IOException {
            synchronized (OPENED) {
                Opened o = OPENED.get(key);
                if (o == null) {
                    o = open(Plan.fromBytes(plan.value()));
                    OPENED.put(key, o);
                    while (OPENED.size() > 2) {
                        String oldest = OPENED.keySet().iterator().next();
                        OPENED.remove(oldest).backbone().close();
                    }
                }
                return o;
            }
        }

        private static Opened open(Plan p) throws IOException {
            Backbone b = PinnedBackbone.open(() -> {
                Backbone opened = p.source.open(p.model, p.settings.backbone());
                return p.settings.flip() ? new FlipAveragedBackbone(opened) : opened;
            });
            Preprocessor prep;
            if (p.detector != null) {
                Path tmp = Files.createTempFile("tl4j-yunet-", ".onnx");
                tmp.toFile().deleteOnExit();
                Files.write(tmp, p.detector);
                YuNetDetector d = YuNetDetector.open(tmp, p.settings.backbone(), p.settings.detectionScore(),
                        YuNetDetector.DEFAULT_NMS);
                prep = Preprocessor.aligning(p.source.spec(), d, p.settings.choice());
            } else {
                prep = Preprocessor.cropping(p.source.spec());
            }
            if (!prep.key().equals(p.preprocessing) || !b.sha256().equals(p.sha256)) {
                b.close();
                throw new IllegalStateException("The embedding on this executor differs from the driver's: "
                        + "preprocessing " + prep.key() + " vs " + p.preprocessing + ", model " + b.sha256() + " vs "
                        + p.sha256);
            }
            return new Opened(p, b, prep);
        }
    }
}
