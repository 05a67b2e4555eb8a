package org.tl4j.experiments.cli;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.core.StrategyOptions;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.eval.Metrics;
import org.tl4j.core.learn.LogisticRegression;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.datasets.lfw.LfwFewShotSuite;
import org.tl4j.deep.net.Layer;
import org.tl4j.deep.net.Network;
import org.tl4j.parameter.finetune.FineTuneSettings;
import org.tl4j.parameter.finetune.NetworkFineTuning;
import org.tl4j.parameter.finetune.TailFineTuneStrategy;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code tl bench finetune}: the speed of parameter transfer's network fine-tuning. (1) A 2-layer head (512 → 256
 * ReLU → classes) fine-tuned on {@code --examples} synthetic 512-d unit embeddings for {@code --epochs} epochs
 * (batches of 64, L2-SP, DJL on PyTorch), against core's converged logistic regression on the same embeddings
 * measured in the same run. (2) With the shared data, {@code fine-tune-tail} on the {@code lfw-few-shot} suite's
 * largest setting (10 shots, seed 0) with an empty trunk cache — the one-off ONNX Runtime trunk pass included — and
 * again with the cache filled, the difference being the trunk pass.
 */
@Command(name = "finetune", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fine-tuning speed: a 2-layer head on synthetic 512-d embeddings vs logistic regression, and the "
                + "backbone tail on the LFW few-shot suite's 10-shot task (trunk pass included).")
final class FineTuneBenchCommand implements Callable<Integer> {

    @Option(names = "--examples", defaultValue = "10000", description = "Synthetic embeddings (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--classes", defaultValue = "100", description = "Their classes (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--epochs", defaultValue = "20", description = "Head epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--no-tail", description = "Skip the LFW tail measurement.")
    boolean noTail;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder holding the shared data/ and models/ (default: ../shared, or -Dtl4j.shared / TL4J_SHARED).")
    Path data;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if (examples < classes || classes < 2 || epochs < 1) {
            throw new CommandLine.ParameterException(cl, "Need --classes >= 2, --examples >= --classes, --epochs >= 1");
        }
        PrintWriter o = cl.getOut();
        o.printf(Locale.ROOT, "tl bench finetune: %d processors, DJL on PyTorch %s with %d libtorch threads (-D%s); "
                + "other processes may share the machine (ratios are same-run)%n",
                Runtime.getRuntime().availableProcessors(), org.tl4j.deep.DeepEngine.pytorch().getVersion(),
                org.tl4j.deep.DeepEngine.activeThreads(), org.tl4j.deep.DeepEngine.THREADS_PROPERTY);
        int d = 512;
        float[] x = new float[examples * d];
        int[] y = new int[examples];
        synthetic(x, y, d);
        int batch = 64;
        int steps = (int) Math.ceil((double) examples / batch) * epochs;
        // Warm-up on a slice (JIT, libtorch's first calls).
        head(x, y, Math.min(examples, 512), d, 20);
        double[] h = head(x, y, examples, d, steps);
        double[] lr = logistic(x, y, examples, d);
        o.printf(Locale.ROOT, "%-52s %9s %9s %11s%n", "", "wall", "cpu", "/ logistic");
        o.printf(Locale.ROOT, "%-52s %8.2fs %8.2fs %10.2fx%n", "2-layer head, " + examples + " x 512, " + epochs
                + " epochs (" + steps + " steps of " + batch + ")", h[0], h[1], h[0] / lr[0]);
        o.printf(Locale.ROOT, "%-52s %8.2fs %8.2fs %10s%n", "logistic regression, same data (converged, C = 1)", lr[0],
                lr[1], "1.00x");
        o.flush();
        if (!noTail) {
            tail(o);
        }
        return 0;
    }

    /** Unit embeddings around {@code classes} random unit centres (noise 0.7 per unit norm). */
    private void synthetic(float[] x, int[] y, int d) {
        UniformRandomProvider rng = Seeds.rng(Seeds.derive(1, "bench-finetune"));
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] centres = new double[classes][d];
        for (double[] c : centres) {
            double n = 0;
            for (int j = 0; j < d; j++) {
                c[j] = g.sample();
                n += c[j] * c[j];
            }
            for (int j = 0; j < d; j++) {
                c[j] /= Math.sqrt(n);
            }
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = i % classes;
            double[] v = new double[d];
            double n = 0;
            for (int j = 0; j < d; j++) {
                v[j] = centres[y[i]][j] + 0.7 * g.sample() / Math.sqrt(d);
                n += v[j] * v[j];
            }
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (v[j] / Math.sqrt(n));
            }
        }
    }

    private double[] head(float[] x, int[] y, int n, int d, int steps) {
        long w0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        try (Network net = Network.build(Layer.Sequence.of("head", new Layer.Linear("fc", 256, true),
                new Layer.Relu("relu")), 1, d)) {
            net.initialise(1);
            NetworkFineTuning.train(net, new long[]{1, d}, List.of(List.of("fc.weight", "fc.bias")),
                    java.util.Arrays.copyOf(x, n * d), java.util.Arrays.copyOf(y, n), n, classes,
                    new FineTuneSettings(steps, 64, 0.01f, 0.1f, 0.1f, 0.01f, false), 1, 1);
        }
        return new double[]{(System.nanoTime() - w0) / 1e9, (mx.getCurrentThreadCpuTime() - c0) / 1e9};
    }

    private double[] logistic(float[] x, int[] y, int n, int d) {
        DMatrixRMaj m = new DMatrixRMaj(n, d);
        for (int i = 0; i < n * d; i++) {
            m.data[i] = x[i];
        }
        long w0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        LogisticRegression.fit(m, y, classes, null, LogisticRegression.Options.defaults(), null);
        return new double[]{(System.nanoTime() - w0) / 1e9, (mx.getCurrentThreadCpuTime() - c0) / 1e9};
    }

    private void tail(PrintWriter o) throws IOException {
        SuiteContext context = new SuiteContext(data != null ? data : SuiteContext.defaults().dataRoot(),
                Map.of("shots", "10"));
        ImageTransferTask task;
        try {
            List<? extends TransferProblem<?>> tasks = new LfwFewShotSuite().tasks(context, 0);
            task = (ImageTransferTask) tasks.get(0);
        } catch (IllegalArgumentException e) {
            o.println("tail: skipped (" + e.getMessage() + ")");
            return;
        }
        Path cache = Files.createTempDirectory("tl4j-bench-finetune");
        try {
            double[] cold = fitTail(task, cache);
            double[] warm = fitTail(task, cache);
            o.printf(Locale.ROOT, "%-52s %8.1fs %8.1fs   test accuracy %.2f%%%n", "fine-tune-tail, " + task.name() + " ("
                    + task.train().size() + " training images), empty trunk cache", cold[0], cold[1], 100 * cold[2]);
            o.printf(Locale.ROOT, "%-52s %8.1fs %8.1fs%n", "the same fit, trunk features cached", warm[0], warm[1]);
            o.printf(Locale.ROOT, "%-52s %8.1fs%n", "one-off trunk pass (difference)", cold[0] - warm[0]);
        } finally {
            try (Stream<Path> s = Files.walk(cache)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private double[] fitTail(ImageTransferTask task, Path cache) {
        TailFineTuneStrategy s = new TailFineTuneStrategy(true);
        StrategyOptions.apply(s, Map.of("cacheDir", cache.toString()), ImageTransferTask.LABELS);
        long w0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        TransferModel<Label> m = s.fit(task, 0);
        double wall = (System.nanoTime() - w0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        List<Prediction<Label>> p = m.predictTargetTest(task);
        double acc = Metrics.accuracy(task.targetTestTruth(), p.stream().map(Prediction::getOutput).toList());
        return new double[]{wall, cpu, acc};
    }
}
