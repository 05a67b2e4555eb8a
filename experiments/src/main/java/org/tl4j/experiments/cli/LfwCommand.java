package org.tl4j.experiments.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tl4j.core.eval.ProgressListener;
import org.tl4j.core.eval.RequestException;
import org.tl4j.experiments.run.OutputFolder;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.datasets.lfw.LfwDataset;
import org.tl4j.experiments.lfw.LfwEvaluation;
import org.tl4j.datasets.lfw.LfwPairs;
import org.tl4j.experiments.lfw.LfwReport;
import org.tl4j.experiments.lfw.RocChart;
import org.tl4j.experiments.lfw.SourceArguments;
import org.tl4j.experiments.lfw.TransferVerdict;
import org.tl4j.experiments.report.ReportWriter;
import org.tl4j.backbone.BackboneOptions;
import org.tl4j.backbone.BuiltInModels;
import org.tl4j.backbone.CorruptImageException;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.EmbeddingPipeline;
import org.tl4j.backbone.EmbeddingSpec;
import org.tl4j.backbone.OnnxGraphs;
import org.tl4j.backbone.PretrainedSource;
import org.tribuo.Tribuo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tl lfw}: the white paper's case study — frozen pretrained face embeddings transferred to LFW, judged by
 * FaceNet's 10-fold verification protocol and by identity classification with a linear classifier, beside the
 * no-source control (raw pixels) and, on request, the same networks with random weights.
 */
@Command(name = "lfw", mixinStandardHelpOptions = true, sortOptions = false,
        description = "LFW verification (10-fold, FaceNet protocol) and identity classification on frozen "
                + "pretrained embeddings; writes lfw.csv, lfw.md, lfw-folds.csv, roc.png and provenance.json.")
final class LfwCommand implements Callable<Integer> {

    /** The files a run writes (what --overwrite replaces). */
    static final List<String> OUTPUTS = List.of("lfw.csv", "lfw.md", "lfw-folds.csv", "roc.png", "provenance.json");

    @Option(names = "--lfw", paramLabel = "PATH",
            description = "lfw.tgz or its extracted folder (default: <data>/data/lfw/lfw-gray.tgz).")
    Path lfw;

    @Option(names = "--pairs", paramLabel = "PATH", description = "LFW View 2 pairs.txt (default: <data>/data/lfw/pairs.txt).")
    Path pairs;

    @Option(names = "--model", split = ",", paramLabel = "NAME|NAME=FILE|FILE|random:NAME|pixels",
            description = "Models to evaluate (default: mobilefacenet-512d). Built-in: " + "mobilefacenet-512d, "
                    + "mobilefacenet-128d, dlib-resnet-128d, facenet-irv1 (needs facenet-irv1=FILE). Repeatable.")
    List<String> models = new ArrayList<>();

    @Option(names = "--align", description = "Align faces with the YuNet detector (five landmarks, similarity transform).")
    boolean align;

    @Option(names = "--compare-alignment", description = "Run every model both without and with alignment.")
    boolean compareAlignment;

    @Option(names = "--random-control", description = "Also run each pretrained model with seeded random weights "
            + "(the negative-transfer control).")
    boolean randomControl;

    @Option(names = "--no-pixels", description = "Skip the no-source control (raw pixels); no transfer verdicts then.")
    boolean noPixels;

    @Option(names = "--flip", description = "Test-time flip augmentation: sum each image's embedding with its mirror's.")
    boolean flip;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/lfw-<timestamp>); an "
            + "existing one must be empty, or be named with --overwrite.")
    Path out;

    @Option(names = "--overwrite", description = "Replace the outputs of an earlier tl lfw run in --out (other files "
            + "are kept).")
    boolean overwrite;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder holding the shared data/ and models/ (default: ../shared, or -Dtl4j.shared / TL4J_SHARED).")
    Path data;

    @Option(names = "--cache", paramLabel = "DIR", description = "Embedding cache (default: results/embedding-cache).")
    Path cache;

    @Option(names = "--detector", paramLabel = "FILE", description = "YuNet model (default: <data>/models/face/yunet-2023mar.onnx).")
    Path detector;

    @Option(names = "--spec", paramLabel = "KEY=VALUE", description = "Spec override for NAME=FILE models, e.g. "
            + "input=input:0, layout=nhwc, size=160x160. Repeatable.")
    Map<String, String> spec = new LinkedHashMap<>();

    @CommandLine.Mixin
    LfwProtocolOptions protocol = new LfwProtocolOptions();

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the split, the classifiers and random weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--alpha", defaultValue = "0.05", description = "Significance level of the transfer verdicts (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--threads", defaultValue = "0", description = "ONNX Runtime intra-op threads, 0 = one per processor (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--batch", defaultValue = "32", description = "Images per inference batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--decode-threads", defaultValue = "" + EmbeddingPipeline.DEFAULT_DECODE_THREADS,
            description = "Background threads preparing images ahead of inference; 0 = each batch is prepared on the "
                    + "inference thread just before it runs (default: ${DEFAULT-VALUE}).")
    int decodeThreads;

    @Option(names = "--inference-threads", defaultValue = "1", description = "Batches embedded at once; with "
            + "--threads 1, one per core runs batches in parallel, faster for small batches (default: ${DEFAULT-VALUE}).")
    int inferenceThreads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec cmdSpec;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = cmdSpec.commandLine();
        long t0 = System.nanoTime();
        OffsetDateTime started = OffsetDateTime.now();
        protocol.validate(cl);
        if (!(alpha > 0 && alpha < 1)) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --alpha: " + alpha + " (must be in (0, 1))");
        }
        Path root = data != null ? data : SuiteContext.defaults().dataRoot();
        SuiteContext ctx = new SuiteContext(root, Map.of());
        Path lfwPath = lfw != null ? lfw : ctx.require("data/lfw/lfw-gray.tgz", "LFW archive (--lfw)");
        Path pairsPath = pairs != null ? pairs : ctx.require("data/lfw/pairs.txt", "LFW pairs.txt (--pairs)");
        Path modelsFolder = root.resolve("models/face");
        Path detectorPath = detector != null ? detector : modelsFolder.resolve("yunet-2023mar.onnx");
        Path dir = out != null ? out
                : Path.of("results", "lfw-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Path cacheDir = cache != null ? cache : Path.of("results", "embedding-cache");
        EmbedderSettings base;
        try {
            base = EmbedderSettings.defaults().withBackbone(BackboneOptions.defaults().withThreads(threads))
                    .withBatchSize(batch).withDecodeThreads(decodeThreads).withInferenceThreads(inferenceThreads)
                    .withCache(cacheDir).withDetector(detectorPath).withFlip(flip);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "Invalid --threads, --batch, --decode-threads or "
                    + "--inference-threads: " + e.getMessage());
        }

        List<PretrainedSource> sources = new ArrayList<>();
        List<String> wanted = models.isEmpty() ? List.of("mobilefacenet-512d") : models;
        EmbeddingSpec framing = BuiltInModels.MOBILEFACENET_512D;
        try {
            for (String m : wanted) {
                PretrainedSource s = SourceArguments.resolve(m, modelsFolder, spec, seed, framing);
                sources.add(s);
                if (randomControl && s.kind() == PretrainedSource.Kind.PRETRAINED) {
                    sources.add(s.randomlyInitialised(seed));
                }
            }
            if (!noPixels && sources.stream().noneMatch(s -> s.kind() == PretrainedSource.Kind.NONE)) {
                sources.add(0, PretrainedSource.pixels(framing, 32));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --model: " + e.getMessage());
        }

        String command = "tl " + String.join(" ", cl.getParseResult().originalArgs());
        OutputFolder folder = OutputFolder.lock(dir, "--out", command);
        boolean done = false;
        try {
            List<String> held = folder.contents();
            if (!held.isEmpty() && !overwrite) {
                boolean earlier = held.stream().anyMatch(OUTPUTS::contains);
                throw new RequestException("Invalid value for --out: " + folder.dir() + " is not empty (it holds "
                        + String.join(", ", held.subList(0, Math.min(5, held.size()))) + (held.size() > 5 ? ", ..." : "")
                        + (earlier ? ", the outputs of an earlier tl lfw run" : "") + "): choose another --out, or pass "
                        + "--overwrite to replace the files tl lfw writes there (" + String.join(", ", OUTPUTS)
                        + "; other files are kept)");
            }
            int code = evaluate(cl, folder, lfwPath, pairsPath, base, sources, root, started, t0);
            done = true;
            return code;
        } finally {
            if (done) {
                folder.close();
            } else {
                folder.abandon();
            }
        }
    }

    /** Embeds, evaluates and writes the outputs into {@code folder}. */
    private int evaluate(CommandLine cl, OutputFolder folder, Path lfwPath, Path pairsPath, EmbedderSettings base,
                         List<PretrainedSource> sources, Path root, OffsetDateTime started, long t0) throws IOException {
        Path dir = folder.dir();
        PrintWriter o = cl.getOut();
        PrintStream err = new PrintStream(new WriterStream(cl.getErr()), true);
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        ProgressListener progress = new ConsoleProgress(terminal ? System.err : err, terminal, "chunks of 256 images");

        LfwPairs pairList = LfwPairs.read(pairsPath);
        if (pairList.folds() < 2) {
            throw new RequestException("Invalid value for --pairs: " + pairsPath + " holds " + pairList.folds()
                    + " fold of pairs; the verification protocol chooses each fold's threshold on the other folds, so "
                    + "it needs at least 2: pass a View 2 list (pairs.txt: 10 folds)");
        }
        err.println("reading " + lfwPath + " ...");
        LfwDataset dataset = LfwDataset.open(lfwPath);
        LfwEvaluation.checkPairs(dataset, pairList, pairsPath.getFileName().toString());
        err.printf(Locale.ROOT, "%d images of %d people; %s%n", dataset.imageCount(), dataset.imagesByPerson().size(),
                pairList);

        List<Boolean> modes = compareAlignment ? List.of(false, true) : List.of(align);
        List<LfwReport.Entry> entries = new ArrayList<>();
        List<LfwEvaluation.Row> rows = new ArrayList<>();
        for (boolean aligned : modes) {
            LfwEvaluation.Options opts = new LfwEvaluation.Options(base.withAlign(aligned), protocol.minImages, protocol.trainPerPerson,
                    seed, protocol.far, protocol.allImages(), protocol.learners);
            LfwEvaluation.Row control = null;
            List<LfwEvaluation.Row> modeRows = new ArrayList<>();
            for (PretrainedSource s : sources) {
                err.println("== " + s.name() + (aligned ? " (aligned)" : "") + ": trained on " + s.trainedOn());
                LfwEvaluation.Row r;
                try {
                    r = LfwEvaluation.run(dataset, pairList, s, opts, progress);
                } catch (CorruptImageException e) {
                    // The protocols' pairs and splits are fixed: a run without an image would not be LFW's.
                    throw new IOException(e.getMessage() + ". tl lfw stops at a damaged image rather than leave it "
                            + "out of the fixed protocols: replace the file (extract or download the archive again) "
                            + "and rerun; the embeddings computed so far are cached, so the rerun resumes", e);
                }
                err.printf(Locale.ROOT, "   verification %.2f%% ± %.2f, %s%n", 100 * r.verification().accuracy(),
                        100 * r.verification().accuracyStd(), r.embedding().summary());
                modeRows.add(r);
                if (s.kind() == PretrainedSource.Kind.NONE) {
                    control = r;
                }
            }
            for (LfwEvaluation.Row r : modeRows) {
                TransferVerdict v = r.source().kind() == PretrainedSource.Kind.NONE ? TransferVerdict.control()
                        : control == null ? null
                        : TransferVerdict.of(r.verification().foldAccuracy(), control.verification().foldAccuracy(), alpha);
                entries.add(new LfwReport.Entry(r, v == null ? TransferVerdict.noControl() : v));
                rows.add(r);
            }
        }
        if (overwrite) {
            folder.delete(OUTPUTS);
        }
        Map<String, Object> info = provenance(cl, started, lfwPath, pairsPath, dataset, pairList, entries, base, root);
        LfwReport.writeCsv(entries, protocol.learners, dir.resolve("lfw.csv"));
        LfwReport.writeFolds(entries, dir.resolve("lfw-folds.csv"));
        RocChart.write(rows, dir.resolve("roc.png"));
        info.put("totalSeconds", (System.nanoTime() - t0) / 1e9);
        info.put("memoryPeak", MemoryPeak.describe());
        LfwReport.writeMarkdown(entries, info, dir.resolve("lfw.md"));
        ReportWriter.atomically(dir.resolve("provenance.json"), w -> w.write(
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(info) + "\n"));
        o.print(LfwReport.table(entries));
        for (LfwReport.Entry e : entries) {
            if (e.verdict().kind() != TransferVerdict.Kind.CONTROL) {
                o.println(e.row().label() + ": " + e.verdict().sentence(e.row().source().name()));
            }
        }
        o.printf(Locale.ROOT, "Total %.1f s; memory %s%n", (System.nanoTime() - t0) / 1e9, MemoryPeak.describe());
        o.println("Wrote " + dir.resolve("lfw.csv") + ", lfw.md, lfw-folds.csv, roc.png, provenance.json");
        o.flush();
        return 0;
    }

    private Map<String, Object> provenance(CommandLine cl, OffsetDateTime started, Path lfwPath, Path pairsPath,
                                           LfwDataset dataset, LfwPairs pairList, List<LfwReport.Entry> entries,
                                           EmbedderSettings base, Path root) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tool", new Tl.Version().getVersion()[0]);
        p.put("command", "tl " + String.join(" ", cl.getParseResult().originalArgs()));
        p.put("started", started.toString());
        p.put("finished", OffsetDateTime.now().toString());
        p.put("java", System.getProperty("java.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("processors", Runtime.getRuntime().availableProcessors());
        p.put("tribuo", Tribuo.VERSION);
        p.put("onnxruntime", ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion());
        p.put("dataRoot", root.toAbsolutePath().normalize().toString());
        p.put("lfw", lfwPath.getFileName().toString());
        p.put("lfwSha256", dataset.sha256());
        p.put("lfwImages", dataset.imageCount());
        p.put("pairs", pairsPath.getFileName().toString());
        p.put("pairsSha256", OnnxGraphs.sha256(pairsPath));
        p.put("pairCount", pairList.pairs().size());
        p.put("folds", pairList.folds());
        p.put("farTarget", protocol.far);
        p.put("minImages", protocol.minImages);
        p.put("trainPerPerson", protocol.trainPerPerson);
        p.put("learners", protocol.learners);
        p.put("seed", seed);
        p.put("alpha", alpha);
        p.put("images", protocol.images);
        p.put("settings", Map.of("threads", base.backbone().threads(), "batch", base.batchSize(),
                "decodeThreads", base.decodeThreads(), "inferenceThreads", base.inferenceThreads(), "flip", base.flip(), "cache", base.cacheDir(),
                "detector", base.detectorPath().toString()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LfwReport.Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", e.row().label());
            m.put("kind", e.row().source().kind().name().toLowerCase(Locale.ROOT));
            m.put("sha256", e.row().source().sha256());
            m.put("file", e.row().source().modelFile() == null ? null : e.row().source().modelFile().toString());
            m.put("trainedOn", e.row().source().trainedOn());
            m.put("spec", e.row().source().spec().key());
            m.put("backbone", e.row().backbone());
            m.put("embedding", e.row().embedding().summary());
            m.put("noFace", e.row().noFaceKeys());
            m.put("verdict", e.verdict().label());
            rows.add(m);
        }
        p.put("rows", rows);
        p.put("negativeTransferRule", "paired one-sided t-tests over the folds' verification errors against the pixels "
                + "control (core NegativeTransferTest, alpha " + alpha + ")");
        return p;
    }

    /** Bridges the command's error writer to a stream for progress lines. */
    private static final class WriterStream extends java.io.OutputStream {
        private final PrintWriter w;
        private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();

        WriterStream(PrintWriter w) {
            this.w = w;
        }

        @Override
        public void write(int b) {
            buf.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void flush() {
            w.print(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
            w.flush();
            buf.reset();
        }
    }
}
