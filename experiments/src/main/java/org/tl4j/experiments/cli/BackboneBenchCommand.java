package org.tl4j.experiments.cli;

import org.tl4j.core.math.SampleStatistics;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.datasets.lfw.LfwDataset;
import org.tl4j.experiments.lfw.SourceArguments;
import org.tl4j.experiments.report.TextTable;
import org.tl4j.backbone.Backbone;
import org.tl4j.backbone.BackboneOptions;
import org.tl4j.backbone.BuiltInModels;
import org.tl4j.backbone.EmbeddingPipeline;
import org.tl4j.backbone.ImageSource;
import org.tl4j.backbone.Preprocessor;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.backbone.YuNetDetector;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code tl bench backbone}: images per second of the raw ONNX Runtime session (inference on tensors prepared
 * beforehand) and of the full pipeline (read, decode, crop or align, normalise, infer; decoding overlapped with
 * inference) on the same LFW images, the same backbone and the same batch sizes, measured alternately in one run;
 * prints their ratio against the target of 0.9 and the memory peak.
 */
@Command(name = "backbone", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Raw ONNX Runtime session vs full image pipeline throughput of an embedding backbone on LFW images.")
final class BackboneBenchCommand implements Callable<Integer> {
    /** The pipeline should reach this fraction of the raw session's throughput. */
    static final double TARGET_RATIO = 0.9;

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

    @Option(names = "--decode-threads", defaultValue = "1", description = "Pipeline decoding threads (default: ${DEFAULT-VALUE}).")
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

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if (images < 1 || repeats < 1 || inferenceThreads < 1 || batches.isEmpty() || batches.stream().anyMatch(b -> b < 1)) {
            throw new CommandLine.ParameterException(cl, "--images, --repeats, --inference-threads and every --batch "
                    + "must be at least 1");
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
            o.printf(Locale.ROOT, "backbone: %s%nimages: %d LFW images (%s), pipeline: %s, %d decode thread(s), %d batch(es) at once%n"
                            + "machine: %d processors, load average %.2f at start%n", backbone.describe(), keys.size(),
                    lfwPath.getFileName(), align ? "decode + YuNet alignment + normalise" : "decode + crop + normalise",
                    decodeThreads, inferenceThreads, Runtime.getRuntime().availableProcessors(), MemoryPeak.loadAverage());
            o.flush();
            TextTable t = new TextTable(List.of("batch", "raw session images/s", "full pipeline images/s",
                    "pipeline/raw", "target >= " + TARGET_RATIO));
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
                for (int r = 0; r < repeats; r++) {
                    raw[r] = keys.size() / raw(backbone, tensors, size, inferenceThreads);
                    long t0 = System.nanoTime();
                    pipe.embed(src, keys);
                    full[r] = keys.size() / ((System.nanoTime() - t0) / 1e9);
                }
                double rm = SampleStatistics.median(raw);
                double fm = SampleStatistics.median(full);
                t.add(List.of(Integer.toString(b), String.format(Locale.ROOT, "%.1f", rm),
                        String.format(Locale.ROOT, "%.1f", fm), String.format(Locale.ROOT, "%.3f", fm / rm),
                        fm / rm >= TARGET_RATIO ? "yes" : "NO"));
            }
            o.print(t.render());
            o.printf(Locale.ROOT, "medians of %d alternating repeats; load average %.2f at the end; memory %s%n",
                    repeats, MemoryPeak.loadAverage(), MemoryPeak.describe());
            o.flush();
        }
        return 0;
    }

    /** Seconds to embed every prepared batch, {@code threads} batches at once. */
    private static double raw(Backbone backbone, List<float[]> tensors, int size, int threads) {
        long t0 = System.nanoTime();
        if (threads == 1) {
            for (float[] x : tensors) {
                backbone.embed(x, x.length / size);
            }
        } else {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<float[][]>> all = new ArrayList<>();
                for (float[] x : tensors) {
                    all.add(pool.submit(() -> backbone.embed(x, x.length / size)));
                }
                for (java.util.concurrent.Future<float[][]> f : all) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("embedding failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
