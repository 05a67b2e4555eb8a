package org.tl4j.experiments.cli;

import org.tl4j.experiments.report.DriftCurve;
import org.tl4j.experiments.report.ReportWriter;
import org.tl4j.parameter.DriftSuite;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tl drift}: parameter transfer over the drift × labelled-target-size grid of the {@code drifting-linear}
 * suite. It runs {@code tl run --suite drifting-linear} (all its outputs, resumable) and adds {@code drift.md} (the
 * table of MSE relative to target-only per strategy, negative transfer marked) and {@code drift.png} (the curves).
 */
@Command(name = "drift", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Parameter transfer over drift x target size (drifting-linear suite): tl run's outputs plus "
                + "drift.md and drift.png.")
final class DriftCommand implements Callable<Integer> {

    @Option(names = "--drifts", defaultValue = DriftSuite.DEFAULT_DRIFTS, split = ",", paramLabel = "d1,d2,...",
            description = "Relative weight drifts (default: ${DEFAULT-VALUE}).")
    List<Double> drifts;

    @Option(names = "--sizes", defaultValue = DriftSuite.DEFAULT_SIZES, split = ",", paramLabel = "n1,n2,...",
            description = "Labelled target sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--strategies", split = ",", paramLabel = "a,b,...",
            description = "Strategies (default: the suite's parameter-transfer strategies; baselines always run).")
    List<String> strategies = new ArrayList<>();

    @Option(names = "--seeds", defaultValue = "10", paramLabel = "N", description = "Seeds 0..N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = {"-o", "--option"}, paramLabel = "[STRATEGY.]KEY=VALUE", mapFallbackValue = "",
            description = "Strategy option, as for tl run. Repeatable.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--param", paramLabel = "KEY=VALUE",
            description = "Further suite parameters: dim, noise, source, test. Repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/drift-<timestamp>).")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out.")
    boolean resume;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "T", description = "Fits at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        for (String k : params.keySet()) {
            if (k.equals("drifts") || k.equals("sizes")) {
                throw new CommandLine.ParameterException(cl, "Invalid value for --param: give " + k + " with --" + k);
            }
        }
        if (drifts.isEmpty() || sizes.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--drifts and --sizes need at least one value each");
        }
        Path dir = out != null ? out
                : Path.of("results", "drift-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        List<String> args = new ArrayList<>(List.of("--suite", DriftSuite.NAME, "--seeds", Integer.toString(seeds),
                "--out", dir.toString(), "--no-discrepancy", "--threads", Integer.toString(threads),
                "--param", "drifts=" + join(drifts), "--param", "sizes=" + join(sizes)));
        params.forEach((k, v) -> args.addAll(List.of("--param", k + "=" + v)));
        if (!strategies.isEmpty()) {
            args.addAll(List.of("--strategies", String.join(",", strategies)));
        }
        options.forEach((k, v) -> args.addAll(List.of("-o", k + "=" + v)));
        if (resume) {
            args.add("--resume");
        }
        CommandLine run = new CommandLine(new RunCommand());
        run.setOut(cl.getOut());
        run.setErr(cl.getErr());
        run.setParameterExceptionHandler(cl.getParameterExceptionHandler());
        run.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
        int code = run.execute(args.toArray(new String[0]));
        if (code == CommandLine.ExitCode.USAGE) {
            return code;
        }
        DriftCurve curve = DriftCurve.read(dir.resolve("results.csv"), drifts, sizes, DriftSuite::taskName);
        String md = "# Parameter transfer over drift × target size (`" + DriftSuite.NAME + "`)\n\n"
                + "Command: `tl " + String.join(" ", cl.getParseResult().originalArgs()) + "`\n\n" + curve.markdown(seeds);
        ReportWriter.atomically(dir.resolve("drift.md"), w -> w.write(md));
        curve.chart(dir.resolve("drift.png"));
        PrintWriter o = cl.getOut();
        o.println();
        o.print(md);
        o.println("Wrote " + dir.resolve("drift.md") + " and drift.png");
        o.flush();
        return code;
    }

    private static String join(List<? extends Number> values) {
        List<String> s = new ArrayList<>();
        for (Number v : values) {
            s.add(v.toString());
        }
        return String.join(",", s);
    }
}
