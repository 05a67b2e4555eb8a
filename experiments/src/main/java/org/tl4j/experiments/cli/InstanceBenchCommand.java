package org.tl4j.experiments.cli;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.kernel.GaussianKernel;
import org.tl4j.core.learn.Seeds;
import org.tl4j.instance.discriminative.DiscriminativeRatio;
import org.tl4j.instance.kliep.Kliep;
import org.tl4j.instance.kmm.BoxSumQuadraticProgram;
import org.tl4j.instance.kmm.KernelMeanMatching;
import org.tl4j.instance.nnw.NearestNeighbourWeighting;
import org.tl4j.instance.ulsif.ULsif;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code tl bench instance}: wall-clock time of every importance-weight estimator at the sizes the instance-transfer
 * issue names (2,000 × 2,000 points in 800 dimensions, the Office-Caltech scale; 10,000 × 10,000 in 50) and at three
 * sizes that show how cost grows with {@code n}. Every time is printed with its ratio to a baseline measured in the
 * same run on the same data: computing the {@code n × n} Gaussian kernel matrix of the source sample, the unit of
 * work of kernel methods. Targets (2 cores): KMM at 2,000 × 2,000 under 5 s, KLIEP and uLSIF under 2 s. The KMM row
 * names the QP solver the defaults chose; {@code --compare-solvers} adds rows with each solver forced.
 */
@Command(name = "instance", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time the importance-weight estimators (KMM, KLIEP, uLSIF, RuLSIF, discriminative, NN weighting) "
                + "against the kernel-matrix baseline measured in the same run.")
final class InstanceBenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Small sizes only (a smoke test of the benchmark itself).")
    boolean quick;

    @Option(names = "--repeats", defaultValue = "1", paramLabel = "R",
            description = "Timed repetitions per measurement, the fastest kept (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--random-features", defaultValue = "1000", paramLabel = "D",
            description = "Random Fourier features of the approximate KMM at 10,000 points (default: ${DEFAULT-VALUE}).")
    int randomFeatures;

    @Option(names = "--compare-solvers",
            description = "Also time KMM with the GPCG solver (the default solver is SMO) at every size, for comparison "
                    + "(GPCG takes minutes at 10,000 points).")
    boolean compareSolvers;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PrintWriter out;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        if (repeats < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for --repeats: " + repeats
                    + " (must be at least 1)");
        }
        out.printf(Locale.ROOT, "tl bench instance: %d processors, max heap %.1f GiB, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1073741824.0,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        warmUp();
        if (quick) {
            table("n = m = 300, d = 20", 300, 20, true, false);
            out.flush();
            return 0;
        }
        Map<String, Double> office = table("n = m = 2,000, d = 800 (Office-Caltech scale)", 2000, 800, true, false);
        out.printf(Locale.ROOT, "targets on 2 cores: KMM %s (< 5 s), KLIEP %s (< 2 s), uLSIF %s (< 2 s)%n",
                verdict(office.get("KMM"), 5), verdict(office.get("KLIEP"), 2), verdict(office.get("uLSIF"), 2));
        table("n = m = 10,000, d = 50", 10_000, 50, kernelFits(10_000), true);
        out.println();
        out.println("growth with n (d = 50): seconds, and the exponent k in time ~ n^k between consecutive sizes");
        int[] sizes = {1000, 2000, 4000};
        List<Map<String, Double>> runs = new ArrayList<>();
        for (int n : sizes) {
            runs.add(table("n = m = " + n + ", d = 50", n, 50, true, false));
        }
        out.printf(Locale.ROOT, "%-28s %10s %10s %10s %12s %12s%n", "estimator", "n=1000", "n=2000", "n=4000",
                "k(1k->2k)", "k(2k->4k)");
        for (String e : runs.get(0).keySet()) {
            double a = runs.get(0).get(e);
            double b = runs.get(1).get(e);
            double c = runs.get(2).get(e);
            out.printf(Locale.ROOT, "%-28s %10.3f %10.3f %10.3f %12.2f %12.2f%n", e, a, b, c,
                    Math.log(b / a) / Math.log(2), Math.log(c / b) / Math.log(2));
        }
        out.flush();
        return 0;
    }

    /** Whether the exact n × n kernel of KMM fits comfortably in the heap (with the working-set copies). */
    private static boolean kernelFits(int n) {
        return Runtime.getRuntime().maxMemory() > 2.5 * 8.0 * n * n;
    }

    private static String verdict(double seconds, double target) {
        return String.format(Locale.ROOT, "%.2f s %s", seconds, seconds < target ? "PASS" : "MISS");
    }

    private void warmUp() {
        DMatrixRMaj s = sample(200, 10, 0, 1, 1);
        DMatrixRMaj t = sample(200, 10, 0.5, 0.8, 2);
        KernelMeanMatching.fit(s, t, KernelMeanMatching.Options.defaults(), 1);
        Kliep.fit(s, t, Kliep.Options.defaults(), 1);
        ULsif.fit(s, t, ULsif.Options.defaults(0), 1);
        DiscriminativeRatio.fit(s, t, DiscriminativeRatio.Options.defaults(), 1);
        NearestNeighbourWeighting.fit(s, t, 1);
    }

    /** Times every estimator on one size; returns seconds by estimator (baseline excluded). */
    private Map<String, Double> table(String title, int n, int d, boolean exactKmm, boolean approxKmm) {
        DMatrixRMaj s = sample(n, d, 0, 1, 11);
        DMatrixRMaj t = sample(n, d, 1.0, 0.95, 12);
        out.println();
        out.println(title);
        double sigma = GaussianKernel.medianWidth(s, t, 1);
        double base = time(() -> GaussianKernel.withWidth(sigma).symmetricMatrix(s));
        out.printf(Locale.ROOT, "  %-30s %9.3f s   1.00x  (baseline: n x n Gaussian kernel matrix)%n",
                "kernel matrix", base);
        out.flush();
        Map<String, Supplier<Object>> runs = new LinkedHashMap<>();
        if (exactKmm) {
            // The row is named after the solver the default options actually use.
            KernelMeanMatching.Options defaults = KernelMeanMatching.Options.defaults();
            runs.put("KMM", () -> KernelMeanMatching.fit(s, t, defaults, 1));
            if (compareSolvers) {
                runs.put("KMM (gpcg)", () -> KernelMeanMatching.fit(s, t,
                        defaults.withSolver(BoxSumQuadraticProgram.Method.GPCG), 1));
                runs.put("KMM (smo)", () -> KernelMeanMatching.fit(s, t,
                        defaults.withSolver(BoxSumQuadraticProgram.Method.SMO), 1));
            }
        } else {
            out.printf(Locale.ROOT, "  %-30s skipped: the %d x %d kernel needs %.1f GiB of the %.1f GiB heap%n", "KMM",
                    n, n, 8.0 * n * n / 1073741824.0, Runtime.getRuntime().maxMemory() / 1073741824.0);
        }
        if (approxKmm) {
            KernelMeanMatching.Options d0 = KernelMeanMatching.Options.defaults();
            runs.put("KMM, " + randomFeatures + " random features", () -> KernelMeanMatching.fit(s, t,
                    new KernelMeanMatching.Options(d0.sigma(), d0.bound(), d0.epsilon(), d0.tolerance(),
                            d0.maxIterations(), randomFeatures, d0.ridge()), 1));
        }
        runs.put("KLIEP", () -> Kliep.fit(s, t, Kliep.Options.defaults(), 1));
        runs.put("uLSIF", () -> ULsif.fit(s, t, ULsif.Options.defaults(0), 1));
        runs.put("RuLSIF", () -> ULsif.fit(s, t, ULsif.Options.defaults(0.1), 1));
        runs.put("discriminative (quadratic)", () -> DiscriminativeRatio.fit(s, t, DiscriminativeRatio.Options.defaults(), 1));
        runs.put("NN weighting", () -> NearestNeighbourWeighting.fit(s, t, 1));
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<Object>> e : runs.entrySet()) {
            Object[] last = new Object[1];
            double sec = time(() -> last[0] = e.getValue().get());
            seconds.put(e.getKey(), sec);
            String label = e.getKey();
            if (last[0] instanceof KernelMeanMatching.Result r && label.equals("KMM")) {
                label = "KMM (" + r.solver().name().toLowerCase(Locale.ROOT) + ")";
            }
            out.printf(Locale.ROOT, "  %-30s %9.3f s %7.2fx%n", label, sec, sec / base);
            out.flush();
        }
        return seconds;
    }

    private double time(Supplier<Object> work) {
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            Object result = work.get();
            long t1 = System.nanoTime();
            if (result == null) {
                throw new IllegalStateException("benchmark produced no result");
            }
            best = Math.min(best, (t1 - t0) / 1e9);
        }
        return best;
    }

    /** {@code n} points of {@code N(mean·1/√d, sd² I_d)}: a shift of length {@code mean} spread over all axes. */
    private static DMatrixRMaj sample(int n, int d, double mean, double sd, long seed) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(Seeds.rng(seed));
        DMatrixRMaj m = new DMatrixRMaj(n, d);
        double shift = mean / Math.sqrt(d);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = shift + sd * g.sample();
        }
        return m;
    }
}
