package org.tl4j.backbone;

import org.tl4j.core.eval.ProgressListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Embeds images with a {@link Backbone}: reads, decodes and preprocesses each batch, runs the backbone on it,
 * serves images already in the {@link EmbeddingCache} and appends newly computed batches to it as they finish, so an
 * interrupted run resumes where it stopped.
 * <p>
 * <b>Where batches are prepared.</b> By default ({@code decodeThreads = 0}) each batch is prepared just before it
 * runs through the backbone, by the thread that runs it with the other cores' help (the batch is cut into one slice
 * per core): preparation and inference take turns with all the cores and never compete for them. Inference with
 * intra-op threads splits every operator across the cores and waits for the slowest part, so a decoding thread that
 * takes a core from it for a moment stalls them all: overlapping preparation with inference on 2 cores cost 6–17 %
 * of the throughput at batches 1–8 (README), far more than the preparation's own CPU time, which is under 2 % of
 * MobileFaceNet's inference per image — all that taking turns costs, on slow and fast cores alike, since both scale
 * with the core's speed and preparation is spread over the cores as inference is. With {@code decodeThreads ≥ 1}
 * batches are prepared on that many background threads ahead of inference instead (the former default). With
 * several {@link Builder#inferenceThreads inference threads} each prepares and runs its own batches.
 * <p>
 * The tensors of finished batches are reused for the next ones. The CPU time spent preparing (reading, checksumming,
 * decoding, aligning, resampling, normalising) is measured per thread and reported in {@link Stats}.
 * <p>
 * Batches are formed from the requested keys in order and consumed in order, so the same keys give the same
 * batches, the same bits and the same list of images without a detected face, in every mode. With background
 * preparation at most {@code inFlight} batches are prepared ahead of inference, bounding memory. A non-finite
 * embedding fails the run naming the image; an image that cannot be decoded fails it with a
 * {@link CorruptImageException} naming the image, after the batches before it are cached.
 */
public final class EmbeddingPipeline {
    /** Default {@link Builder#decodeThreads}: batches are prepared on the inference thread, in turn with inference. */
    public static final int DEFAULT_DECODE_THREADS = 0;

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /**
     * Counts and timings of one {@link #embed} call.
     *
     * @param requested      distinct images asked for
     * @param computed       images run through the backbone
     * @param fromCache      images served from the cache
     * @param stale          cached images whose bytes changed since (recomputed)
     * @param corruptChunks  cache chunks rejected as corrupt (their images recomputed)
     * @param aligned        computed images aligned on a detected face
     * @param noFace         computed images where alignment found no face (fixed crop used)
     * @param computeSeconds wall time of decoding, preprocessing and inference of the computed images
     * @param totalSeconds   wall time of the call, cache reading included
     * @param prepareCpuSeconds CPU time of the threads preparing the computed images (reading, checksumming,
     *                       decoding, detecting and aligning faces, resampling, normalising), summed over threads;
     *                       NaN where the JVM does not measure thread CPU time
     */
    public record Stats(int requested, int computed, int fromCache, int stale, int corruptChunks, int aligned,
                        int noFace, double computeSeconds, double totalSeconds, double prepareCpuSeconds) {
        /** Computed images per second of compute time (NaN when nothing was computed). */
        public double imagesPerSecond() {
            return computed == 0 ? Double.NaN : computed / computeSeconds;
        }

        /** Milliseconds of preparation CPU per computed image (NaN when nothing was computed or not measured). */
        public double prepareCpuMsPerImage() {
            return computed == 0 ? Double.NaN : 1e3 * prepareCpuSeconds / computed;
        }

        /** A one-line summary. */
        public String summary() {
            return String.format(Locale.ROOT, "%d images: %d computed (%.1f images/s), %d from cache%s%s%s", requested,
                    computed, imagesPerSecond(), fromCache, stale > 0 ? ", " + stale + " stale" : "",
                    corruptChunks > 0 ? ", " + corruptChunks + " corrupt cache chunks rejected" : "",
                    aligned + noFace > 0 ? ", " + aligned + " aligned, " + noFace + " without a detected face" : "");
        }
    }

    /**
     * Embeddings and what it took to get them.
     *
     * @param embeddings by image key, in the order asked for (arrays owned by the result)
     * @param dim        embedding size
     * @param stats      counts and timings
     * @param noFaceKeys computed images for which alignment found no face
     */
    public record Result(Map<String, float[]> embeddings, int dim, Stats stats, List<String> noFaceKeys) {
    }

    private final Backbone backbone;
    private final Preprocessor preprocessor;
    private final EmbeddingCache cache;
    private final int batchSize;
    private final int chunkImages;
    private final int decodeThreads;
    private final int inferenceThreads;
    private final int inFlight;
    private final ProgressListener progress;

    private EmbeddingPipeline(Builder b) {
        this.backbone = b.backbone;
        this.preprocessor = b.preprocessor;
        this.cache = b.cache;
        this.batchSize = b.batchSize;
        this.chunkImages = b.chunkImages;
        this.decodeThreads = b.decodeThreads;
        this.inferenceThreads = b.inferenceThreads;
        this.inFlight = b.inFlight;
        this.progress = b.progress;
    }

    /** A builder for a pipeline feeding {@code backbone} with images prepared by {@code preprocessor}. */
    public static Builder builder(Backbone backbone, Preprocessor preprocessor) {
        return new Builder(backbone, preprocessor);
    }

    /**
     * Embeds the images {@code keys} of {@code source} (duplicates are embedded once).
     *
     * @throws IOException              if an image cannot be read or decoded (naming it) or the cache cannot be written
     * @throws IllegalArgumentException if a key names no image of the source
     */
    public Result embed(ImageSource source, List<String> keys) throws IOException {
        long t0 = System.nanoTime();
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(keys));
        List<String> missing = new ArrayList<>();
        for (String k : wanted) {
            if (!source.contains(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(missing.size() + " of " + wanted.size() + " images are not in "
                    + source.name() + ", e.g. " + missing.subList(0, Math.min(5, missing.size())));
        }
        Map<String, float[]> got = new LinkedHashMap<>();
        List<String> todo = new ArrayList<>();
        int stale = 0;
        int corrupt = 0;
        if (cache != null) {
            EmbeddingCache.Loaded loaded = cache.load();
            corrupt = loaded.corrupt().size();
            for (String k : wanted) {
                EmbeddingCache.Entry e = loaded.entries().get(k);
                if (e != null && e.contentCrc() == EmbeddingCache.contentCrc(source.read(k))) {
                    got.put(k, e.embedding());
                } else {
                    if (e != null) {
                        stale++;
                    }
                    todo.add(k);
                }
            }
        } else {
            todo.addAll(wanted);
        }
        int fromCache = got.size();
        long c0 = System.nanoTime();
        Counts counts = todo.isEmpty() ? new Counts() : compute(source, todo, got);
        long c1 = System.nanoTime();
        Map<String, float[]> ordered = new LinkedHashMap<>();
        for (String k : wanted) {
            ordered.put(k, got.get(k));
        }
        Stats stats = new Stats(wanted.size(), todo.size(), fromCache, stale, corrupt, counts.aligned.get(),
                counts.noFace.get(), (c1 - c0) / 1e9, (System.nanoTime() - t0) / 1e9,
                CPU.isCurrentThreadCpuTimeSupported() ? counts.prepareCpuNanos.get() / 1e9 : Double.NaN);
        return new Result(Collections.unmodifiableMap(ordered), backbone.spec().embeddingDim(), stats,
                List.copyOf(counts.noFaceKeys));
    }

    /** Outcome counts (kept by the consumer, in batch order) and the preparing threads' CPU time. */
    private static final class Counts {
        final AtomicInteger aligned = new AtomicInteger();
        final AtomicInteger noFace = new AtomicInteger();
        final List<String> noFaceKeys = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong prepareCpuNanos = new AtomicLong();

        void add(Prepared p) {
            for (int i = 0; i < p.outcomes().length; i++) {
                if (p.outcomes()[i] == Preprocessor.Outcome.ALIGNED) {
                    aligned.incrementAndGet();
                } else if (p.outcomes()[i] == Preprocessor.Outcome.NO_FACE_CROPPED) {
                    noFace.incrementAndGet();
                    noFaceKeys.add(p.keys().get(i));
                }
            }
        }
    }

    /** One prepared batch. */
    private record Prepared(List<String> keys, int[] crc, Preprocessor.Outcome[] outcomes, float[] tensor) {
    }

    /** A prepared batch with its embeddings. */
    private record Embedded(Prepared prepared, float[][] embeddings) {
    }

    /**
     * A batch on its way: being prepared (null when an inference thread prepares it itself), and with several
     * inference threads being embedded (null when this thread embeds it).
     */
    private record Slot(Future<Prepared> prepared, Future<Embedded> embedded) {
        void cancel() {
            if (prepared != null) {
                prepared.cancel(true);
            }
            if (embedded != null) {
                embedded.cancel(true);
            }
        }
    }

    private Counts compute(ImageSource source, List<String> todo, Map<String, float[]> got) throws IOException {
        Counts counts = new Counts();
        int size = backbone.spec().imageSize();
        int step = Math.max(1, Math.min(batchSize, backbone.maxBatch()));
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < todo.size(); i += step) {
            batches.add(todo.subList(i, Math.min(todo.size(), i + step)));
        }
        int chunks = (todo.size() + chunkImages - 1) / chunkImages;
        progress.start("embedding " + todo.size() + " images with " + backbone.spec().name(), chunks);
        Tensors tensors = new Tensors(Math.min(step, todo.size()) * size);
        ExecutorService pool = decodeThreads > 0
                ? Executors.newFixedThreadPool(decodeThreads, daemon("tl4j-image-decode-")) : null;
        // Several inference threads call the (thread-safe) backbone on different batches at once; results are
        // still consumed in batch order, so the cache and the returned map are the same as with one thread.
        ExecutorService infer = inferenceThreads > 1
                ? Executors.newFixedThreadPool(inferenceThreads, daemon("tl4j-inference-")) : null;
        int ahead = (pool == null ? 0 : inFlight) + (infer == null ? 0 : inferenceThreads);
        // Prepared on the inference thread with one batch at a time: the other cores help prepare it.
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService helpers = ahead == 0 && step > 1 && cores > 1
                ? Executors.newFixedThreadPool(cores - 1, daemon("tl4j-image-prepare-")) : null;
        Consumer out = new Consumer(got, todo.size(), counts);
        Deque<Slot> window = new ArrayDeque<>();
        try {
            if (ahead == 0) {
                // Prepared on this thread, then embedded on it: preparation never competes with inference.
                for (List<String> batch : batches) {
                    Prepared p = prepare(source, batch, size, counts, tensors, helpers, cores);
                    out.accept(p, backbone.embed(p.tensor(), p.keys().size()));
                    tensors.release(p.tensor());
                }
            } else {
                int next = 0;
                while (next < batches.size() && window.size() < ahead) {
                    window.add(submit(pool, infer, source, batches.get(next++), size, counts, tensors));
                }
                while (!window.isEmpty()) {
                    Slot slot = window.poll();
                    Embedded done;
                    if (slot.embedded() != null) {
                        done = awaitEmbedded(slot.embedded());
                        if (done == null) {
                            await(slot.prepared()); // throws the preparation's failure
                        }
                    } else {
                        done = null;
                    }
                    Prepared p = done != null ? done.prepared() : await(slot.prepared());
                    if (next < batches.size()) {
                        window.add(submit(pool, infer, source, batches.get(next++), size, counts, tensors));
                    }
                    out.accept(p, done != null ? done.embeddings() : backbone.embed(p.tensor(), p.keys().size()));
                    tensors.release(p.tensor());
                }
            }
            out.flushRest();
        } catch (IOException | RuntimeException | Error e) {
            out.salvage(e);
            throw e;
        } finally {
            for (Slot f : window) {
                f.cancel();
            }
            for (ExecutorService e : new ExecutorService[]{pool, helpers}) {
                if (e != null) {
                    e.shutdownNow();
                }
            }
            if (infer != null) {
                infer.shutdownNow();
            }
            progress.finish();
        }
        return counts;
    }

    /** Collects finished batches in order, checks them and writes them to the cache chunk by chunk. */
    private final class Consumer {
        private final Map<String, float[]> got;
        private final int total;
        private final Counts counts;
        private final List<EmbeddingCache.Entry> pending = new ArrayList<>();
        private int done;

        Consumer(Map<String, float[]> got, int total, Counts counts) {
            this.got = got;
            this.total = total;
            this.counts = counts;
        }

        void accept(Prepared p, float[][] e) throws IOException {
            counts.add(p);
            for (int i = 0; i < e.length; i++) {
                for (float v : e[i]) {
                    if (!Float.isFinite(v)) {
                        throw new IllegalStateException("Backbone " + backbone.spec().name() + " produced a "
                                + "non-finite embedding for image '" + p.keys().get(i) + "'");
                    }
                }
                got.put(p.keys().get(i), e[i]);
                pending.add(new EmbeddingCache.Entry(p.keys().get(i), p.crc()[i], e[i]));
            }
            done += e.length;
            if (pending.size() >= chunkImages) {
                flush();
            }
        }

        void flushRest() throws IOException {
            if (!pending.isEmpty()) {
                flush();
            }
        }

        /** A failure part-way: keep the batches that finished, so a rerun resumes after them. */
        void salvage(Throwable failure) {
            if (!pending.isEmpty()) {
                try {
                    flush();
                } catch (IOException | RuntimeException suppressed) {
                    failure.addSuppressed(suppressed);
                }
            }
        }

        private void flush() throws IOException {
            if (cache != null) {
                cache.append(List.copyOf(pending));
            }
            pending.clear();
            progress.step(done + "/" + total + " images");
        }
    }

    /** Batch tensors for reuse: a finished batch's tensor goes to a later batch instead of a new allocation. */
    private static final class Tensors {
        private final int length;
        private final ConcurrentLinkedQueue<float[]> free = new ConcurrentLinkedQueue<>();

        Tensors(int length) {
            this.length = length;
        }

        float[] take() {
            float[] t = free.poll();
            return t != null ? t : new float[length];
        }

        void release(float[] t) {
            free.add(t);
        }
    }

    private Slot submit(ExecutorService pool, ExecutorService infer, ImageSource source, List<String> keys, int size,
                        Counts counts, Tensors tensors) {
        if (pool == null) {
            // Each inference thread prepares its own batch, then embeds it.
            return new Slot(null, infer.submit(() -> {
                Prepared p = prepare(source, keys, size, counts, tensors, null, 1);
                return new Embedded(p, backbone.embed(p.tensor(), p.keys().size()));
            }));
        }
        Future<Prepared> prepared = pool.submit(() -> prepare(source, keys, size, counts, tensors, null, 1));
        if (infer == null) {
            return new Slot(prepared, null);
        }
        Future<Embedded> embedded = infer.submit(() -> {
            Prepared p;
            try {
                p = prepared.get();
            } catch (ExecutionException e) {
                return null; // the preparation's own failure is reported from its future, in batch order
            }
            return new Embedded(p, backbone.embed(p.tensor(), p.keys().size()));
        });
        return new Slot(prepared, embedded);
    }

    /**
     * Reads, checksums and prepares one batch into a tensor, counting the CPU time it takes; with {@code helpers},
     * in up to {@code parts} consecutive slices at once (each image is written to its own place in the tensor, so
     * the result does not depend on it). A failure is that of the first failing slice, so the same image is named
     * whichever finishes first.
     */
    private Prepared prepare(ImageSource source, List<String> keys, int size, Counts counts, Tensors tensors,
                             ExecutorService helpers, int parts) throws IOException {
        float[] tensor = tensors.take();
        int n = keys.size();
        int[] crc = new int[n];
        Preprocessor.Outcome[] outcomes = new Preprocessor.Outcome[n];
        int slices = helpers == null ? 1 : Math.min(n, parts);
        List<Future<Void>> others = new ArrayList<>();
        for (int j = 1; j < slices; j++) {
            int from = j * n / slices;
            int to = (j + 1) * n / slices;
            others.add(helpers.submit(() -> {
                prepareSlice(source, keys, from, to, size, tensor, crc, outcomes, counts);
                return null;
            }));
        }
        IOException first = null;
        try {
            prepareSlice(source, keys, 0, n / slices, size, tensor, crc, outcomes, counts);
        } catch (IOException e) {
            first = e;
        } finally {
            for (Future<Void> f : others) {
                try {
                    await(f);
                } catch (IOException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return new Prepared(List.copyOf(keys), crc, outcomes, tensor);
    }

    /** Prepares images {@code from … to − 1} of a batch on this thread. */
    private void prepareSlice(ImageSource source, List<String> keys, int from, int to, int size, float[] tensor,
                              int[] crc, Preprocessor.Outcome[] outcomes, Counts counts) throws IOException {
        long cpu0 = cpuNanos();
        try {
            for (int i = from; i < to; i++) {
                String k = keys.get(i);
                byte[] bytes = source.read(k);
                crc[i] = EmbeddingCache.contentCrc(bytes);
                outcomes[i] = preprocessor.prepare(bytes, k, tensor, i * size);
            }
        } finally {
            counts.prepareCpuNanos.addAndGet(cpuNanos() - cpu0);
        }
    }

    private static long cpuNanos() {
        return CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : 0;
    }

    private static Embedded awaitEmbedded(Future<Embedded> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while embedding images", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("embedding failed: " + c, c);
        }
    }

    private static <T> T await(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while preparing images", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("image preparation failed: " + c, c);
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Builds {@link EmbeddingPipeline}s. */
    public static final class Builder {
        private final Backbone backbone;
        private final Preprocessor preprocessor;
        private EmbeddingCache cache;
        private int batchSize = 32;
        private int chunkImages = 256;
        private int decodeThreads = DEFAULT_DECODE_THREADS;
        private int inferenceThreads = 1;
        private int inFlight = 3;
        private ProgressListener progress = ProgressListener.NONE;

        private Builder(Backbone backbone, Preprocessor preprocessor) {
            this.backbone = Objects.requireNonNull(backbone, "backbone");
            this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
            if (!backbone.spec().equals(preprocessor.spec())) {
                throw new IllegalArgumentException("The preprocessor prepares images for spec '"
                        + preprocessor.spec().name() + "' but the backbone expects '" + backbone.spec().name() + "'");
            }
        }

        /** Images per backbone run (default 32). */
        public Builder batchSize(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("Invalid batch size: " + n + " (must be at least 1)");
            }
            this.batchSize = n;
            return this;
        }

        /** The cache to read and append to (default none). */
        public Builder cache(EmbeddingCache c) {
            this.cache = c;
            return this;
        }

        /** Images per cache chunk: finished batches are written once this many are pending (default 256). */
        public Builder chunkImages(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("Invalid chunk size: " + n + " (must be at least 1)");
            }
            this.chunkImages = n;
            return this;
        }

        /**
         * Batches embedded at once (default 1). With a backbone opened with one intra-op thread, {@code n} = cores
         * runs one batch per core without the synchronisation of intra-op parallelism, which is faster for small
         * batches; the embeddings do not depend on it.
         */
        public Builder inferenceThreads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("Invalid inference thread count: " + n + " (must be at least 1)");
            }
            this.inferenceThreads = n;
            return this;
        }

        /**
         * Background threads preparing batches ahead of inference; 0 (the default) prepares each batch on the thread
         * that embeds it, just before (see the class documentation for why).
         */
        public Builder decodeThreads(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("Invalid decode thread count: " + n + " (must be at least 0; 0 "
                        + "prepares each batch on the inference thread)");
            }
            this.decodeThreads = n;
            return this;
        }

        /** Batches prepared ahead of inference at most (default 3). */
        public Builder inFlight(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("Invalid in-flight batch count: " + n + " (must be at least 1)");
            }
            this.inFlight = n;
            return this;
        }

        /** Progress reporting, one step per cache chunk (default none). */
        public Builder progress(ProgressListener p) {
            this.progress = Objects.requireNonNull(p, "progress");
            return this;
        }

        /** The pipeline. */
        public EmbeddingPipeline build() {
            return new EmbeddingPipeline(this);
        }
    }
}
