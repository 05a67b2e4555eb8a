package org.tl4j.experiments.cli;

import org.tl4j.core.Domain;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.datasets.LabelledSample;
import org.tl4j.datasets.OfficeCaltech;
import org.tl4j.datasets.Preprocessing;
import org.tl4j.datasets.RealDataSuites;
import org.tl4j.core.learn.NearestNeighbourTrainer;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.feature.jda.JdaStrategy;
import org.tl4j.feature.mmd.EmbeddingKernel;
import org.tl4j.feature.pca.PcaStrategy;
import org.tl4j.feature.tca.TcaStrategy;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * {@code tl bench feature}: the speed of the feature-transfer algorithms on Office-Caltech10 SURF. Part 1 fits JDA
 * (k = 100, λ = 1, T = 10, linear kernel, 1-NN: the published protocol) on each of the 12 pairs and prints its time
 * beside PCA+1NN (k = 100) fitted on the same pair in the same run, as a ratio; then the 12 JDA fits on
 * {@code --threads} threads. Part 2 fits TCA (k = 100, linear kernel) at growing sample sizes {@code n} (Caltech
 * source and Amazon target in their proportion 1123 : 958, drawn with a fixed seed) beside PCA+1NN at the same
 * {@code n}, and the growth
 * exponent between consecutive sizes. Wall-clock and CPU time of the fitting thread are both printed: on a
 * shared machine the wall time includes waiting for a core.
 */
@Command(name = "feature", mixinStandardHelpOptions = true,
        description = "Time JDA on the 12 Office-Caltech pairs and TCA at growing n, as ratios against PCA+1NN "
                + "measured in the same run.")
final class FeatureBenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder holding the shared data/ (default: ../shared, or -Dtl4j.shared / TL4J_SHARED).")
    Path data;

    @Option(names = "--threads", defaultValue = "2",
            description = "Threads for the all-pairs JDA run (default: ${DEFAULT-VALUE}, the machine the target is set for).")
    int threads;

    @Option(names = "--sizes", split = ",", defaultValue = "500,1000,2000",
            description = "Sample sizes n for the TCA growth measurement (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--pairs", split = ",", description = "Only these pairs in part 1, e.g. W->D,D->W (default: all 12).")
    List<String> pairs;

    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();

    /** Wall and CPU seconds of one run and the accuracy it reached. */
    private record Timing(double wall, double cpu, double accuracy) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for --threads: " + threads
                    + " (must be at least 1)");
        }
        for (int n : sizes) {
            if (n < 20 || n > 2081) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for --sizes: " + n
                        + " (Caltech+Amazon hold 2081 samples; use sizes between 20 and 2081)");
            }
        }
        SuiteContext context = new SuiteContext(data != null ? data : SuiteContext.defaults().dataRoot(), java.util.Map.of());
        List<TransferTask<Label>> tasks = new ArrayList<>();
        for (TransferProblem<?> p : new RealDataSuites.OfficeCaltechSuite().tasks(context, 0)) {
            if (pairs == null || pairs.contains(p.name())) {
                tasks.add(cast(p));
            }
        }
        if (tasks.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for --pairs: " + pairs
                    + " names none of the Office-Caltech pairs (C->A, C->W, ..., D->W)");
        }
        out.println("tl bench feature: " + Runtime.getRuntime().availableProcessors() + " processors, Java "
                + System.getProperty("java.version"));
        out.println("warming up the JIT on " + tasks.get(tasks.size() - 1).name() + " ...");
        out.flush();
        time(this::jda, tasks.get(tasks.size() - 1));
        time(this::pca, tasks.get(tasks.size() - 1));

        out.println();
        out.println("Part 1: JDA (k=100, lambda=1, T=10, linear kernel, 1-NN) per pair vs PCA+1NN (k=100), sequential");
        out.printf(Locale.ROOT, "%-6s %6s %10s %10s %12s %12s %8s %9s%n", "pair", "n", "JDA wall", "JDA cpu",
                "PCA+1NN wall", "PCA+1NN cpu", "ratio", "JDA acc");
        double totalWall = 0;
        double totalCpu = 0;
        double baseWall = 0;
        for (TransferTask<Label> t : tasks) {
            Timing base = time(this::pca, t);
            Timing j = time(this::jda, t);
            totalWall += j.wall();
            totalCpu += j.cpu();
            baseWall += base.wall();
            out.printf(Locale.ROOT, "%-6s %6d %9.2fs %9.2fs %11.2fs %11.2fs %7.1fx %8.2f%%%n", t.name(),
                    t.sourceSize() + t.targetUnlabelled().size(), j.wall(), j.cpu(), base.wall(), base.cpu(),
                    j.wall() / base.wall(), 100 * j.accuracy());
            out.flush();
        }
        out.printf(Locale.ROOT, "total  %6s %9.2fs %9.2fs %11.2fs %12s %7.1fx%n", "", totalWall, totalCpu, baseWall, "",
                totalWall / baseWall);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Timing>> fs = new ArrayList<>();
            for (TransferTask<Label> t : tasks) {
                fs.add(pool.submit(() -> time(this::jda, t)));
            }
            for (Future<Timing> f : fs) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("A JDA fit failed in the parallel run: " + e.getMessage(), e);
        } finally {
            pool.shutdown();
        }
        double parallel = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "all %d JDA fits on %d thread(s): %.2fs wall (target: under 60 s on 2 cores)%n",
                tasks.size(), threads, parallel);
        out.flush();

        out.println();
        out.println("Part 2: TCA (k=100, linear kernel, 1-NN) at growing n (Caltech source, Amazon target, in proportion) "
                + "vs PCA+1NN");
        out.printf(Locale.ROOT, "%6s %10s %10s %12s %8s %10s%n", "n", "TCA wall", "TCA cpu", "PCA+1NN wall", "ratio",
                "growth");
        Path dir = context.require("data/office-caltech10-surf", "Office-Caltech10 SURF data");
        List<Preprocessing> steps = Preprocessing.parse(RealDataSuites.OfficeCaltechSuite.DEFAULT_PREPROCESSING);
        LabelledSample caltech = OfficeCaltech.load(dir, OfficeCaltech.Site.CALTECH, steps);
        LabelledSample amazon = OfficeCaltech.load(dir, OfficeCaltech.Site.AMAZON, steps);
        double previousCpu = Double.NaN;
        int previousN = 0;
        for (int n : sizes) {
            TransferTask<Label> t = subsample(caltech, amazon, n);
            Timing base = time(this::pca, t);
            Timing tca = time(this::tca, t);
            String growth = Double.isNaN(previousCpu) ? "" : String.format(Locale.ROOT, "n^%.2f",
                    Math.log(tca.cpu() / previousCpu) / Math.log((double) n / previousN));
            out.printf(Locale.ROOT, "%6d %9.2fs %9.2fs %11.2fs %7.1fx %10s%n", n, tca.wall(), tca.cpu(), base.wall(),
                    tca.wall() / base.wall(), growth);
            out.flush();
            previousCpu = tca.cpu();
            previousN = n;
        }
        out.println("(growth: exponent of n fitted to the CPU time between consecutive sizes; target: TCA at n = 2,000 "
                + "under 10 s)");
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static TransferTask<Label> cast(TransferProblem<?> p) {
        return (TransferTask<Label>) p;
    }

    private TransferStrategy<Label, TransferTask<Label>> jda() {
        return new JdaStrategy(new NearestNeighbourTrainer<>(1), 100, 1.0, 10, EmbeddingKernel.LINEAR);
    }

    private TransferStrategy<Label, TransferTask<Label>> pca() {
        return new PcaStrategy<>(new NearestNeighbourTrainer<Label>(1), 100);
    }

    private TransferStrategy<Label, TransferTask<Label>> tca() {
        return new TcaStrategy<>(new NearestNeighbourTrainer<Label>(1), 100, 1.0, EmbeddingKernel.LINEAR, 1.0);
    }

    /** Fits and predicts the target test set, timing both. */
    private Timing time(Supplier<TransferStrategy<Label, TransferTask<Label>>> strategy, TransferTask<Label> task) {
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        TransferModel<Label> m = strategy.get().fit(task, 0L);
        List<Prediction<Label>> p = m.predictTargetTest(task);
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        int ok = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.get(i).getOutput().getLabel().equals(task.targetTestTruth().get(i).getLabel())) {
                ok++;
            }
        }
        return new Timing(wall, cpu, ok / (double) p.size());
    }

    /** {@code n} samples, source and target in the proportion of the two domains' sizes, drawn with a fixed seed. */
    private static TransferTask<Label> subsample(LabelledSample source, LabelledSample target, int n) {
        int ns = (int) Math.round(n * (double) source.size() / (source.size() + target.size()));
        Domain<Label> s = draw(source, ns, "source");
        Domain<Label> t = draw(target, n - ns, "target");
        return TransferTask.builder("C->A n=" + n, new LabelFactory()).source(s).targetName(t.name())
                .targetUnlabelled(t).targetTest(t).featureSpace(OfficeCaltech.FEATURES).build();
    }

    private static Domain<Label> draw(LabelledSample sample, int count, String role) {
        if (count > sample.size()) {
            throw new IllegalArgumentException("Cannot draw " + count + " " + role + " samples from " + sample.size());
        }
        int[] order = new int[sample.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        var rng = Seeds.rng(Seeds.derive(20240611L, "bench-" + role));
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        double[][] x = new double[count][];
        List<Label> y = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            x[i] = sample.x()[order[i]];
            y.add(new Label(Integer.toString(sample.labels()[order[i]])));
        }
        return Domain.fromArrays(sample.name() + "-" + count, new LabelFactory(), OfficeCaltech.FEATURES, x, y,
                new SimpleDataSourceProvenance(count + " samples of " + sample.name() + " drawn for tl bench feature",
                        new LabelFactory()));
    }
}
