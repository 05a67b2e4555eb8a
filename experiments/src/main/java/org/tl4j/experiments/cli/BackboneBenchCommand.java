package org.tl4j.experiments.cli;

import org.tl4j.core.math.SampleStatistics;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.datasets.lfw.LfwDataset;
import org.tl4j.experiments.lfw.SourceArguments;
import org.tl4j.experiments.report.TextTable;
import org.tl4j.backbone.Backbone;
import org.tl4j.backbone.BackboneOptions;
import org.tl4j.backbone.BuiltInModels;
import org.tl4j.backbone.DecodedImage;
import org.tl4j.backbone.EmbeddingCache;
import org.tl4j.backbone.EmbeddingPipeline;
import org.tl4j.backbone.ImageDecoder;
import org.tl4j.backbone.ImageSource;
import org.tl4j.backbone.Preprocessor;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.backbone.YuNetDetector;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code tl bench backbone}: images per second of the raw ONNX Runtime session (inference on tensors prepared
 * beforehand) and of the full pipeline (read, decode, crop or align, normalise, infer) on the same LFW images, the
 * same backbone and the same batch sizes, measured alternately in one run, with their ratio against the target of
 * 0.9; beside them the CPU time per image of preparation (in the pipeline runs, per thread) and of inference (the
 * process's CPU time during the raw-session runs: every ONNX Runtime thread, spinning included), whose ratio should
 * stay at most 10 %; and where preparation's CPU time goes, stage by stage, measured on one thread.
 */
@Command(name = "backbone", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Raw ONNX Runtime session vs full image pipeline throughput of an embedding backbone on LFW images, "
                + "with preparation and inference CPU time per image.")
final class BackboneBenchCommand implements Callable<Integer> {
    /** The pipeline should reach this fraction of the raw session's throughput. */
    static final double TARGET_RATIO = 0.9;
    /** Preparation should cost at most this fraction of inference's CPU time per image. */
    static final double TARGET_CPU_SHARE = 0.10;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Option(names = "--model", defaultValue = "mobilefacenet-512d", paramLabel = "NAME|NAME=FILE|FILE|random:NAME",
            description = "Backbone (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--batch", split = ",", defaultValue = "1,8,32,64", paramLabel = "B1,B2,...",
            description = "Batch sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Option(names = "--images", defaultValue = "256", description = "LFW images per measurement (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--repeats", defaultValue = "3", description = "Alternating repeats per batch size; the median is "
            + "reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--threads", defaultValue = "0", description = "Intra-op threads, 0 = one per processor (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--decode-threads", defaultValue = "" + EmbeddingPipeline.DEFAULT_DECODE_THREADS,
            description = "Background threads preparing batches ahead of inference; 0 = each batch is prepared on the "
                    + "inference thread just before it runs (default: ${DEFAULT-VALUE}).")
    int decodeThreads;

    @Option(names = "--inference-threads", defaultValue = "1", description = "Batches embedded at once, in the raw "
            + "session and the pipeline alike; with --threads 1 and one per core, batches run in parallel instead of "
            + "each batch's operators (default: ${DEFAULT-VALUE}).")
    int inferenceThreads;

    @Option(names = "--no-spinning", description = "Stop idle ONNX Runtime threads from spinning.")
    boolean noSpinning;

    @Option(names = "--align", description = "Include YuNet face alignment in the pipeline (the raw session never detects).")
    boolean align;

    @Option(names = "--lfw", paramLabel = "PATH", description = "LFW archive or folder (default: <data>/data/lfw/lfw-gray.tgz).")
    Path lfw;

    @Option(names = "--data", paramLabel = "DIR", description = "Shared data folder (default: ../shared).")
    Path data;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One batch size's medians. */
    private record Row(int batch, double raw, double full, double inferenceCpuMs, double prepareCpuMs) {
    }

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if (images < 1 || repeats < 1 || inferenceThreads < 1 || batches.isEmpty() || batches.stream().anyMatch(b -> b < 1)) {
            throw new CommandLine.ParameterException(cl, "--images, --repeats, --inference-threads and every --batch "
                    + "must be at least 1");
        }
        if (decodeThreads < 0) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --decode-threads: " + decodeThreads
                    + " (must be at least 0; 0 prepares each batch on the inference thread)");
        }
        Path root = data != null ? data : SuiteContext.defaults().dataRoot();
        SuiteContext ctx = new SuiteContext(root, Map.of());
        Path lfwPath = lfw != null ? lfw : ctx.require("data/lfw/lfw-gray.tgz", "LFW archive (--lfw)");
        PretrainedSource source;
        try {
            source = SourceArguments.resolve(model, root.resolve("models/face"), Map.of(), 0,
                    BuiltInModels.MOBILEFACENET_512D);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --model: " + e.getMessage());
        }
        AtomicInteger taken = new AtomicInteger();
        LfwDataset lfwData = LfwDataset.open(lfwPath, k -> taken.getAndIncrement() < images);
        ImageSource src = lfwData.images();
        List<String> keys = src.keys();
        BackboneOptions options = BackboneOptions.defaults().withThreads(threads).withSpinning(!noSpinning);
        PrintWriter o = cl.getOut();
        try (Backbone backbone = source.open(options);
             YuNetDetector det = align ? YuNetDetector.open(root.resolve("models/face/yunet-2023mar.onnx"), options,
                     YuNetDetector.DEFAULT_SCORE, YuNetDetector.DEFAULT_NMS) : null) {
            Preprocessor pre = det == null ? Preprocessor.cropping(source.spec())
                    : Preprocessor.aligning(source.spec(), det, Preprocessor.FaceChoice.COVERING_CENTRE);
            int size = source.spec().imageSize();
            float[] all = new float[keys.size() * size];
            for (int i = 0; i < keys.size(); i++) {
                pre.prepare(src.read(keys.get(i)), keys.get(i), all, i * size);
            }
            o.printf(Locale.ROOT, "backbone: %s%nimages: %d LFW images (%s), pipeline: %s, %s, %d batch(es) at once%n"
                            + "machine: %d processors, load average %.2f at start%n", backbone.describe(), keys.size(),
                    lfwPath.getFileName(), align ? "decode + YuNet alignment + normalise" : "decode + crop + normalise",
                    decodeThreads == 0 ? "batches prepared on the inference thread"
                            : decodeThreads + " background preparation thread(s)",
                    inferenceThreads, Runtime.getRuntime().availableProcessors(), MemoryPeak.loadAverage());
            o.flush();
            double[] stages = stages(src, keys, pre, det, size);
            List<Row> rows = new ArrayList<>();
            for (int b : batches) {
                List<float[]> tensors = new ArrayList<>();
                for (int i = 0; i < keys.size(); i += b) {
                    int n = Math.min(b, keys.size() - i);
                    tensors.add(Arrays.copyOfRange(all, i * size, (i + n) * size));
                }
                EmbeddingPipeline pipe = EmbeddingPipeline.builder(backbone, pre).batchSize(b)
                        .decodeThreads(decodeThreads).inferenceThreads(inferenceThreads).build();
                raw(backbone, tensors, size, inferenceThreads);
                double[] raw = new double[repeats];
                double[] full = new double[repeats];
                double[] inferCpu = new double[repeats];
                double[] prepCpu = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    long cpu0 = processCpuNanos();
                    raw[r] = keys.size() / raw(backbone, tensors, size, inferenceThreads);
                    inferCpu[r] = (processCpuNanos() - cpu0) / 1e6 / keys.size();
                    long t0 = System.nanoTime();
                    EmbeddingPipeline.Result res = pipe.embed(src, keys);
                    full[r] = keys.size() / ((System.nanoTime() - t0) / 1e9);
                    prepCpu[r] = res.stats().prepareCpuMsPerImage();
                }
                rows.add(new Row(b, SampleStatistics.median(raw), SampleStatistics.median(full),
                        SampleStatistics.median(inferCpu), SampleStatistics.median(prepCpu)));
            }
            o.print(throughputTable(rows).render());
            o.printf(Locale.ROOT, "medians of %d alternating repeats; inference CPU = the process's CPU time during the "
                    + "raw session (all ONNX Runtime threads); preparation CPU = the preparing threads' CPU time in the "
                    + "pipeline%n", repeats);
            double leastInference = rows.stream().mapToDouble(Row::inferenceCpuMs).min().orElse(Double.NaN);
            o.printf(Locale.ROOT, "%nwhere preparation goes (CPU time on one thread, median of %d passes over the "
                    + "images; share of the least inference CPU per image above, %.3f ms):%n", repeats, leastInference);
            o.print(stageTable(stages, det != null, leastInference).render());
            o.printf(Locale.ROOT, "load average %.2f at the end; memory %s%n", MemoryPeak.loadAverage(),
                    MemoryPeak.describe());
            o.flush();
        }
        return 0;
    }

    private TextTable throughputTable(List<Row> rows) {
        TextTable t = new TextTable(List.of("batch", "raw session images/s", "full pipeline images/s", "pipeline/raw",
                "target >= " + TARGET_RATIO, "inference CPU ms/image", "preparation CPU ms/image",
                "preparation/inference", "target <= " + pct(TARGET_CPU_SHARE)));
        for (Row r : rows) {
            double share = r.prepareCpuMs() / r.inferenceCpuMs();
            t.add(List.of(Integer.toString(r.batch()), num(r.raw(), 1), num(r.full(), 1), num(r.full() / r.raw(), 3),
                    r.full() / r.raw() >= TARGET_RATIO ? "yes" : "NO", num(r.inferenceCpuMs(), 3),
                    num(r.prepareCpuMs(), 3), pct(share), Double.isNaN(share) ? "n/a" : share <= TARGET_CPU_SHARE
                            ? "yes" : "NO"));
        }
        return t;
    }

    private static TextTable stageTable(double[] s, boolean aligned, double inferenceMs) {
        TextTable t = new TextTable(List.of("stage", "CPU ms/image", "share of inference"));
        List<String> names = List.of("read + CRC-32C of the encoded bytes", "decode (JDK Image I/O, whole image)",
                "face detection (YuNet)", (aligned ? "align" : "crop") + " + bilinear resize + gray->RGB + normalise "
                        + "into the tensor", "total");
        for (int i = 0; i < names.size(); i++) {
            if (i == 2 && !aligned) {
                continue;
            }
            t.add(List.of(names.get(i), num(s[i], 3), pct(s[i] / inferenceMs)));
        }
        return t;
    }

    /**
     * Thread CPU milliseconds per image of each preparation stage — read + checksum, decode, detection, warp — and
     * of their sum, medians over {@code repeats} passes over the images on this thread.
     */
    private double[] stages(ImageSource src, List<String> keys, Preprocessor pre, YuNetDetector det, int size)
            throws IOException {
        float[] tensor = new float[size];
        double[][] passes = new double[5][repeats];
        for (int r = 0; r < repeats; r++) {
            long[] ns = new long[4];
            for (String k : keys) {
                long c0 = threadCpuNanos();
                byte[] bytes = src.read(k);
                EmbeddingCache.contentCrc(bytes);
                long c1 = threadCpuNanos();
                DecodedImage img = ImageDecoder.decode(bytes, k);
                long c2 = threadCpuNanos();
                List<YuNetDetector.Face> faces = det == null ? List.of() : det.detect(img);
                long c3 = threadCpuNanos();
                pre.prepare(img, faces, tensor, 0);
                long c4 = threadCpuNanos();
                ns[0] += c1 - c0;
                ns[1] += c2 - c1;
                ns[2] += c3 - c2;
                ns[3] += c4 - c3;
            }
            long total = 0;
            for (int i = 0; i < 4; i++) {
                passes[i][r] = ns[i] / 1e6 / keys.size();
                total += ns[i];
            }
            passes[4][r] = total / 1e6 / keys.size();
        }
        double[] m = new double[5];
        for (int i = 0; i < 5; i++) {
            m[i] = SampleStatistics.median(passes[i]);
        }
        return m;
    }

    /** Seconds to embed every prepared batch, {@code threads} batches at once. */
    private static double raw(Backbone backbone, List<float[]> tensors, int size, int threads) {
        long t0 = System.nanoTime();
        if (threads == 1) {
            for (float[] x : tensors) {
                backbone.embed(x, x.length / size);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<float[][]>> all = new ArrayList<>();
                for (float[] x : tensors) {
                    all.add(pool.submit(() -> backbone.embed(x, x.length / size)));
                }
                for (Future<float[][]> f : all) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("embedding failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** CPU time of the whole process (all threads, native ones included), or 0 where the JVM does not report it. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    private static long threadCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

}
