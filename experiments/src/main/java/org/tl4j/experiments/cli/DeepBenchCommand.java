package org.tl4j.experiments.cli;

import org.apache.commons.rng.UniformRandomProvider;
import org.tl4j.core.learn.Seeds;
import org.tl4j.deep.net.InceptionResNetV1;
import org.tl4j.deep.net.Network;
import org.tl4j.deep.train.LearningRate;
import org.tl4j.deep.train.SoftmaxTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tl bench deep}: Inception-ResNet v1 in DJL on the PyTorch engine — one training step (forward, backward,
 * Adam) per image at a batch size, with a softmax head over {@code --classes}, against the inference forward pass
 * measured alternately in the same run.
 */
@Command(name = "deep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Inception-ResNet v1 training step (DJL, PyTorch CPU) per image, against inference in the same run.")
final class DeepBenchCommand implements Callable<Integer> {

    @Option(names = "--batch", split = ",", defaultValue = "32", description = "Batch sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Option(names = "--classes", defaultValue = "5749", description = "Classes of the softmax head (default: ${DEFAULT-VALUE}, LFW's people).")
    int classes;

    @Option(names = "--repeats", defaultValue = "3", description = "Measured steps per batch size after one warm-up; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--torch-threads", defaultValue = "0", description = "libtorch threads, 0 = one per processor "
            + "(default: ${DEFAULT-VALUE}; tl4j's other commands use -Dtl4j.torch.threads, default 1).")
    int torchThreads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (repeats < 1 || classes < 2 || batches.stream().anyMatch(b -> b < 2) || torchThreads < 0) {
            throw new CommandLine.ParameterException(cl, "Need --repeats >= 1, --classes >= 2, batches >= 2 and "
                    + "--torch-threads >= 0");
        }
        torchThreads(torchThreads, cl);
        PrintWriter o = cl.getOut();
        long[] shape = {1, 3, InceptionResNetV1.INPUT_SIZE, InceptionResNetV1.INPUT_SIZE};
        o.printf(Locale.ROOT, "Inception-ResNet v1 (%,d parameters) + %,d-class softmax, DJL on PyTorch %s, %d "
                        + "processors, %d libtorch threads%n", InceptionResNetV1.PARAMETERS, classes,
                org.tl4j.deep.DeepEngine.pytorch().getVersion(), Runtime.getRuntime().availableProcessors(),
                org.tl4j.deep.DeepEngine.activeThreads());
        o.println("| batch | train step ms/image | inference ms/image | train / inference |");
        o.println("|---:|---:|---:|---:|");
        try (Network trunk = Network.build(InceptionResNetV1.trunk(InceptionResNetV1.Config.facenet()), shape)) {
            trunk.initialise(0);
            for (int b : batches) {
                var settings = new SoftmaxTrainer.Settings(b, b, 5e-4f, LearningRate.constant(0.05f), 0.9f, 0.999f, 0.1f);
                try (SoftmaxTrainer t = new SoftmaxTrainer(trunk, shape, classes, settings, 0)) {
                    float[] x = new float[b * 3 * 160 * 160];
                    UniformRandomProvider rng = Seeds.rng(1);
                    for (int i = 0; i < x.length; i++) {
                        x[i] = (float) (2 * rng.nextDouble() - 1);
                    }
                    int[] y = new int[b];
                    for (int i = 0; i < b; i++) {
                        y[i] = rng.nextInt(classes);
                    }
                    t.step(x, y, b);
                    trunk.predict(x, b);
                    double[] train = new double[repeats];
                    double[] infer = new double[repeats];
                    for (int r = 0; r < repeats; r++) {
                        long t0 = System.nanoTime();
                        t.step(x, y, b);
                        long t1 = System.nanoTime();
                        trunk.predict(x, b);
                        long t2 = System.nanoTime();
                        train[r] = (t1 - t0) / 1e6 / b;
                        infer[r] = (t2 - t1) / 1e6 / b;
                    }
                    double tm = median(train);
                    double im = median(infer);
                    o.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.2f |%n", b, tm, im, tm / im);
                    o.flush();
                }
            }
        }
        return 0;
    }

    /**
     * Asks libtorch for {@code n} threads (0 = one per processor) before DJL's engine loads; says so on standard
     * error when the engine had already loaded with another count (libtorch reads it once).
     */
    static void torchThreads(int n, CommandLine cl) {
        int want = n == 0 ? Runtime.getRuntime().availableProcessors() : n;
        int got = org.tl4j.deep.DeepEngine.useThreads(n);
        if (got != want) {
            cl.getErr().printf(Locale.ROOT, "tl: libtorch runs %d threads, not the %d asked for (the engine had "
                    + "already loaded, or -D%s is set)%n", got, want, org.tl4j.deep.DeepEngine.DJL_THREADS);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
