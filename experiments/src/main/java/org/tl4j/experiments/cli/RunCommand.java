package org.tl4j.experiments.cli;

import org.tl4j.core.eval.FitExecutor;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.ProgressListener;
import org.tl4j.core.eval.RunRecord;
import org.tl4j.core.eval.SummaryRow;
import org.tl4j.experiments.report.ReportWriter;
import org.tl4j.experiments.report.TextTable;
import org.tl4j.experiments.run.RunArguments;
import org.tl4j.experiments.run.RunSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tl run}: runs strategies × tasks × seeds of a suite with the baselines and writes {@code results.csv},
 * {@code results.md}, {@code discrepancy.csv}, {@code provenance.json} and {@code chart.png}. Finished fits are
 * appended to {@code runs.csv} as they complete, so {@code --resume} continues an interrupted run. Arguments are
 * resolved and checked by {@link RunSetup} before anything is fitted; this command adds local threads.
 * <p>
 * Seam for {@code tl spark run} (module {@code spark}): that command subclasses this one, keeping every option and
 * all argument handling, and overrides only {@link #executor} to run the fits on Spark.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run transfer strategies on a suite beside the target-only and source-only baselines, with "
                + "negative-transfer checks.")
public class RunCommand implements Callable<Integer> {

    @CommandLine.Mixin
    RunArguments run = new RunArguments();

    @Option(names = "--threads", defaultValue = "1", paramLabel = "T",
            description = "Fits to run at once; results are the same bits for any T (default: ${DEFAULT-VALUE}).")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if (threads < 1) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --threads: " + threads + " (must be at least 1)");
        }
        String command = "tl " + String.join(" ", cl.getParseResult().originalArgs());
        PrintStream errStream = new PrintStream(new WriterOutputStream(cl.getErr()), true);
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        ProgressListener progress = terminal ? new ConsoleProgress(System.err, true) : new ConsoleProgress(errStream, false);
        int[] resumed = {0};
        ProgressListener counting = new ProgressListener() {
            @Override
            public void start(String what, long total) {
                progress.start(what, total);
            }

            @Override
            public void step(String message) {
                progress.step(message);
            }

            @Override
            public void resumed(String message) {
                resumed[0]++;
                progress.step(message);
            }

            @Override
            public void finish() {
                progress.finish();
            }
        };
        OffsetDateTime started = OffsetDateTime.now();
        EvaluationReport report;
        Path dir;
        try (RunSetup setup = RunSetup.prepare(run, command, cl.getErr())) {
            dir = setup.dir();
            report = setup.evaluator().listener(counting).executor(executor(cl, threads)).build().run(setup.tasks());
            setup.writeReports(report, setup.provenance(report, new Tl.Version().getVersion()[0], command, started,
                    resumed[0]));
        }
        PrintWriter o = cl.getOut();
        o.print(table(report));
        o.println();
        o.println("Wrote " + dir.resolve("results.csv") + ", results.md, discrepancy.csv, provenance.json, chart.png");
        if (resumed[0] > 0) {
            o.println("Resumed " + resumed[0] + " finished fits from " + dir.resolve(RunSetup.RUNS_CSV));
        }
        o.flush();
        List<RunRecord> failures = report.failures();
        if (!failures.isEmpty()) {
            cl.getErr().println("tl: " + failures.size() + " fit(s) failed; see the Failures section of results.md");
            cl.getErr().flush();
            return CommandLine.ExitCode.SOFTWARE;
        }
        return 0;
    }

    /** The terminal table: primary metric per task and strategy. */
    static String table(EvaluationReport r) {
        TextTable t = new TextTable(List.of("task", "strategy", "approach", "metric", "mean ± std", "target-only",
                "source-only", "NTG", "negative transfer"));
        Map<String, String> primary = new LinkedHashMap<>();
        for (SummaryRow s : r.summary()) {
            primary.putIfAbsent(s.task(), s.metric().name());
            if (!s.metric().name().equals(primary.get(s.task()))) {
                continue;
            }
            t.add(List.of(s.task(), s.strategy(), s.approach(), s.metric().name(), ReportWriter.pm(s.mean(), s.std()),
                    ReportWriter.fmt(s.targetOnlyMean()), ReportWriter.fmt(s.sourceOnlyMean()),
                    s.test().n() == 0 ? "n/a" : ReportWriter.fmt(s.test().meanGap()),
                    ReportWriter.verdict(s.verdict()).replace("*", "")));
        }
        return t.render();
    }

    /** Bridges a PrintWriter to an OutputStream for the progress printer. */
    private static final class WriterOutputStream extends java.io.OutputStream {
        private final PrintWriter w;
        private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();

        WriterOutputStream(PrintWriter w) {
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

    /**
     * Where the fits run: {@code threads} local threads here; {@code tl spark run} overrides it. Called after the
     * arguments are checked, once per run.
     */
    protected FitExecutor executor(CommandLine cl, int threads) {
        return FitExecutor.local(threads);
    }
}
