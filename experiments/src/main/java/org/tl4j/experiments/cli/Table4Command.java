package org.tl4j.experiments.cli;

import org.tl4j.core.eval.ProgressListener;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.datasets.lfw.LfwDataset;
import org.tl4j.experiments.lfw.SourceArguments;
import org.tl4j.experiments.table4.FaceNetExport;
import org.tl4j.experiments.table4.Table4;
import org.tl4j.backbone.BackboneOptions;
import org.tl4j.backbone.BuiltInModels;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.PretrainedSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tl table4}: the white paper's Table 4 on this machine — Inception-ResNet v1 trained from scratch on LFW
 * (bounded by {@code --traditional-steps}, extrapolated to the paper's schedule) against transfer learning with it
 * and with every pretrained backbone.
 */
@Command(name = "table4", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Table 4 of the white paper: training Inception-ResNet v1 from scratch vs transfer learning on "
                + "LFW; writes table4.csv, table4.md and table4.png.")
final class Table4Command implements Callable<Integer> {
    private static final List<String> PRETRAINED = List.of("mobilefacenet-512d", "mobilefacenet-128d",
            "dlib-resnet-128d");

    @Option(names = "--lfw", paramLabel = "PATH", description = "lfw.tgz or its folder (default: <data>/data/lfw/lfw-gray.tgz).")
    Path lfw;

    @Option(names = "--model", split = ",", paramLabel = "NAME|NAME=FILE|FILE",
            description = "Rows (default: facenet-irv1 and each pretrained model in <data>/models/face). "
                    + "facenet-irv1 alone means: the network exported here with --seed, timed on both sides.")
    List<String> models = new ArrayList<>();

    @Option(names = "--traditional-steps", defaultValue = "2", paramLabel = "N",
            description = "Steps of the traditional schedule to run; the total is extrapolated (default: ${DEFAULT-VALUE}).")
    long traditionalSteps;

    @Option(names = "--traditional-images", defaultValue = "0", paramLabel = "M",
            description = "Instead of whole steps, run one step on only M images (a multiple of --micro-batch below "
                    + "1,024) and extrapolate by time per image: for busy or slow machines (default: off).")
    int traditionalImages;

    @Option(names = "--full-traditional", description = "Run the whole traditional schedule (1,040 steps: hours).")
    boolean fullTraditional;

    @Option(names = "--micro-batch", defaultValue = "32", description = "Images per forward/backward pass of the "
            + "traditional side; batches of 1,024 are accumulated (default: ${DEFAULT-VALUE}).")
    int microBatch;

    @Option(names = "--no-traditional-eval", description = "Do not score the traditional network on the test images.")
    boolean noEval;

    @Option(names = "--min-images", defaultValue = "10", description = "The transfer classifier's classes: the people "
            + "with at least this many LFW images (default: ${DEFAULT-VALUE}: 158 people).")
    int minImages;

    @Option(names = "--classifier-c", defaultValue = "1", description = "Inverse regularisation strength C of the "
            + "logistic regression on embeddings (default: ${DEFAULT-VALUE}).")
    double classifierC;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the split, weights, batches and classifiers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--batch", defaultValue = "32", description = "Images per inference batch of the transfer side (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", defaultValue = "0", description = "ONNX Runtime intra-op threads, 0 = one per processor (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--torch-threads", defaultValue = "0", description = "libtorch (DJL) threads of the traditional "
            + "training, 0 = one per processor (default: ${DEFAULT-VALUE}; tl4j's other commands use "
            + "-Dtl4j.torch.threads, default 1).")
    int torchThreads;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/table4-<timestamp>); "
            + "must not hold table4 outputs already.")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "Shared data folder (default: ../shared).")
    Path data;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        long steps = fullTraditional ? Table4.schedule().steps() : traditionalSteps;
        if (steps < 1 || steps > Table4.schedule().steps()) {
            throw new CommandLine.ParameterException(cl, "Invalid --traditional-steps " + traditionalSteps
                    + ": need 1.." + Table4.schedule().steps() + " (or --full-traditional)");
        }
        if (traditionalImages != 0 && (traditionalImages < 0 || traditionalImages >= Table4.schedule().batchSize()
                || traditionalImages % microBatch != 0 || fullTraditional)) {
            throw new CommandLine.ParameterException(cl, "Invalid --traditional-images " + traditionalImages
                    + ": need a multiple of --micro-batch (" + microBatch + ") below " + Table4.schedule().batchSize()
                    + ", without --full-traditional");
        }
        if (microBatch < 2 || microBatch > Table4.schedule().batchSize()) {
            throw new CommandLine.ParameterException(cl, "Invalid --micro-batch " + microBatch + ": need 2.."
                    + Table4.schedule().batchSize() + " (batch norm needs two images per pass)");
        }
        if (minImages < 2) {
            throw new CommandLine.ParameterException(cl, "Invalid --min-images " + minImages + " (must be >= 2, so that "
                    + "each person scored has a test image)");
        }
        if (!(classifierC > 0) || Double.isInfinite(classifierC)) {
            throw new CommandLine.ParameterException(cl, "Invalid --classifier-c " + classifierC + " (must be finite "
                    + "and > 0)");
        }
        if (torchThreads < 0) {
            throw new CommandLine.ParameterException(cl, "Invalid --torch-threads " + torchThreads
                    + " (0 = one per processor, or a positive count)");
        }
        DeepBenchCommand.torchThreads(torchThreads, cl);
        Path root = data != null ? data : SuiteContext.defaults().dataRoot();
        SuiteContext ctx = new SuiteContext(root, Map.of());
        Path lfwPath = lfw != null ? lfw : ctx.require("data/lfw/lfw-gray.tgz", "LFW archive (--lfw)");
        Path modelsFolder = root.resolve("models/face");
        Path dir = out != null ? out
                : Path.of("results", "table4-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        for (String f : Table4.OUTPUTS) {
            if (Files.exists(dir.resolve(f))) {
                throw new CommandLine.ParameterException(cl, "--out " + dir + " already holds " + f + ": choose another "
                        + "folder or remove the earlier table4 outputs");
            }
        }
        EmbedderSettings emb;
        try {
            emb = EmbedderSettings.defaults().withBackbone(BackboneOptions.defaults().withThreads(threads))
                    .withBatchSize(batch);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "Invalid --threads or --batch: " + e.getMessage());
        }
        List<String> wanted = new ArrayList<>(models);
        if (wanted.isEmpty()) {
            wanted.add("facenet-irv1");
            for (String m : PRETRAINED) {
                if (Files.isRegularFile(modelsFolder.resolve(BuiltInModels.get(m).fileName()))) {
                    wanted.add(m);
                }
            }
        }
        PrintWriter o = cl.getOut();
        PrintStream err = System.err;
        PretrainedSource irv1 = null;
        List<PretrainedSource> sources = new ArrayList<>();
        try {
            for (String m : wanted) {
                if (m.trim().equals("facenet-irv1")) {
                    Files.createDirectories(dir);
                    Path file = dir.resolve("facenet-irv1-seed" + seed + ".onnx");
                    if (Files.exists(file)) {
                        throw new IllegalArgumentException(file + " exists already: choose another --out");
                    }
                    FaceNetExport.Result r = FaceNetExport.export(seed, file);
                    err.printf(Locale.ROOT, "exported Inception-ResNet v1 (seed %d) to %s; ONNX Runtime vs DJL max "
                            + "|difference| %.2e%n", seed, file, r.parity());
                    irv1 = PretrainedSource.file(file, BuiltInModels.FACENET_IRV1, "nothing (random weights, seed "
                            + seed + ", exported by tl4j)");
                    continue;
                }
                PretrainedSource s = SourceArguments.resolve(m, modelsFolder, Map.of(), seed, BuiltInModels.FACENET_IRV1);
                if (s.kind() != PretrainedSource.Kind.PRETRAINED) {
                    throw new IllegalArgumentException("'" + m + "' is not a network file; table4 compares networks");
                }
                if (s.spec().name().equals(BuiltInModels.FACENET_IRV1.name()) && irv1 == null) {
                    irv1 = s;
                } else {
                    sources.add(s);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --model: " + e.getMessage());
        }
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        err.println("reading " + lfwPath + " ...");
        LfwDataset dataset = LfwDataset.open(lfwPath);
        Table4.Settings settings = new Table4.Settings(steps, traditionalImages, microBatch, !noEval, irv1, sources, emb,
                new Table4.ClassifierView(minImages, classifierC), seed);
        String md = Table4.run(dataset, settings, dir, () -> (ProgressListener) new ConsoleProgress(err, terminal,
                "steps / chunks"), err);
        o.print(md);
        o.println("Wrote " + dir.resolve("table4.csv") + ", table4.md, table4.png");
        o.flush();
        return 0;
    }
}
