package org.tl4j.experiments.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tl4j.core.NamedProviders;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.Evaluator;
import org.tl4j.core.eval.FitExecutor;
import org.tl4j.core.eval.Metric;
import org.tl4j.core.eval.Metrics;
import org.tl4j.core.eval.ProgressListener;
import org.tl4j.core.eval.RequestException;
import org.tl4j.core.eval.RunRecord;
import org.tl4j.core.eval.SummaryRow;
import org.tl4j.core.selection.LabelFreeSelection;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.core.suite.SuiteProvider;
import org.tl4j.core.suite.SuiteRegistry;
import org.tl4j.experiments.report.ComparisonChart;
import org.tl4j.experiments.report.CsvRunStore;
import org.tl4j.experiments.report.ReportWriter;
import org.tl4j.experiments.report.TextTable;
import org.tribuo.Tribuo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tl run}: runs strategies × tasks × seeds of a suite with the baselines and writes {@code results.csv},
 * {@code results.md}, {@code discrepancy.csv}, {@code provenance.json} and {@code chart.png}. Finished fits are
 * appended to {@code runs.csv} as they complete, so {@code --resume} continues an interrupted run.
 * <p>
 * Seam for {@code tl spark run} (module {@code spark}): that command subclasses this one, keeping every option and
 * all argument handling, and overrides only {@link #executor} to run the fits on Spark.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run transfer strategies on a suite beside the target-only and source-only baselines, with "
                + "negative-transfer checks.")
public class RunCommand implements Callable<Integer> {

    @Option(names = "--suite", defaultValue = "synthetic", paramLabel = "NAME",
            description = "Suite to run (default: ${DEFAULT-VALUE}; see tl suites).")
    String suite;

    @Option(names = "--strategies", split = ",", paramLabel = "a,b,...",
            description = "Strategies to compare (default: every strategy that applies to each task; the baselines always run).")
    List<String> strategies = new ArrayList<>();

    @Option(names = "--seeds", defaultValue = "5", paramLabel = "N",
            description = "Number of seeds 0..N-1; each seed draws the synthetic data and seeds every fit (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/<suite>-<timestamp>).")
    Path out;

    @Option(names = {"-o", "--option"}, paramLabel = "[STRATEGY.]KEY=VALUE", mapFallbackValue = "",
            description = "Strategy option, e.g. pooled.inner=1nn; without a strategy prefix it applies to every "
                    + "strategy that has the option (e.g. inner=linear-svm). Repeatable.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Suite parameter (see the suite's documentation). Repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder holding the shared data/ and models/ (default: ../shared, or -Dtl4j.shared / TL4J_SHARED).")
    Path data;

    @Option(names = "--alpha", defaultValue = "0.05", description = "Significance level of the negative-transfer test (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--resume", description = "Continue the run in --out, reusing the fits recorded in its runs.csv.")
    boolean resume;

    @Option(names = "--no-discrepancy", description = "Skip the domain-discrepancy measures.")
    boolean noDiscrepancy;

    @Option(names = "--select", paramLabel = "CRITERION",
            description = "Label-free model selection for the options given by --grid, per task and seed: iwcv, dev "
                    + "or reverse-validation (target test labels are never read).")
    String select;

    @Option(names = "--grid", paramLabel = "[STRATEGY.]KEY=V1,V2,...", mapFallbackValue = "",
            description = "Candidate values of a strategy option for --select, e.g. kmm.bound=1,10,1000; several "
                    + "keys form a grid. Repeatable.")
    Map<String, String> grid = new LinkedHashMap<>();

    @Option(names = "--threads", defaultValue = "1", paramLabel = "T",
            description = "Fits to run at once; results are the same bits for any T (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--metrics", split = ",", paramLabel = "m1,m2,...",
            description = "Metrics of every task, primary first, instead of each problem's own (accuracy,macro_f1 "
                    + "for classes; mse,r2 for regression): accuracy, macro_f1, mse, r2, auc_roc, average_precision, "
                    + "log_loss, cll; auc_roc:CLASS for one positive class.")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--select-folds", defaultValue = "5", paramLabel = "K",
            description = "Source folds of --select (default: ${DEFAULT-VALUE}).")
    int selectFolds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if (seeds < 1) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --seeds: " + seeds + " (must be at least 1)");
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --threads: " + threads + " (must be at least 1)");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --alpha: " + alpha + " (must be in (0, 1))");
        }
        StrategyRegistry registry = StrategyRegistry.load();
        SuiteProvider s;
        try {
            s = SuiteRegistry.load().get(suite);
        } catch (NamedProviders.UnknownNameException e) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --suite: " + e.getMessage());
        }
        List<String> chosen = strategies.isEmpty() ? s.defaultStrategies() : strategies;
        for (String name : chosen) {
            try {
                registry.provider(name);
            } catch (NamedProviders.UnknownNameException e) {
                throw new CommandLine.ParameterException(cl, "Invalid value for --strategies: " + e.getMessage());
            }
        }
        Map<String, Map<String, String>> opts = new LinkedHashMap<>();
        s.defaultOptions().forEach((k, v) -> opts.computeIfAbsent(k, x -> new LinkedHashMap<>()).putAll(v));
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            String target = Evaluator.ALL_STRATEGIES;
            if (dot > 0 && registry.contains(key.substring(0, dot))) {
                target = key.substring(0, dot);
                key = key.substring(dot + 1);
            } else if (dot > 0) {
                throw new CommandLine.ParameterException(cl, "Invalid value for --option: '" + e.getKey()
                        + "' names no known strategy before the dot; "
                        + NamedProviders.closest(key.substring(0, dot), registry.names()));
            }
            opts.computeIfAbsent(target, x -> new LinkedHashMap<>()).put(key, e.getValue());
        }
        LabelFreeSelection.Criterion criterion = null;
        if (select != null) {
            try {
                criterion = LabelFreeSelection.Criterion.parse(select);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "Invalid value for --select: " + e.getMessage());
            }
            if (grid.isEmpty()) {
                throw new CommandLine.ParameterException(cl, "--select needs candidate values: add --grid "
                        + "[STRATEGY.]KEY=V1,V2,...");
            }
            if (selectFolds < 2) {
                throw new CommandLine.ParameterException(cl, "Invalid value for --select-folds: " + selectFolds + " (must be at least 2)");
            }
        } else if (!grid.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--grid needs a selection criterion: add --select iwcv, dev "
                    + "or reverse-validation");
        }
        List<Metric> chosenMetrics = new ArrayList<>();
        for (String m : metrics) {
            try {
                chosenMetrics.add(Metrics.named(m));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "Invalid value for --metrics: " + e.getMessage());
            }
        }
        Map<String, Map<String, List<String>>> grids = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : grid.entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            String target = Evaluator.ALL_STRATEGIES;
            if (dot > 0 && registry.contains(key.substring(0, dot))) {
                target = key.substring(0, dot);
                key = key.substring(dot + 1);
            } else if (dot > 0) {
                throw new CommandLine.ParameterException(cl, "Invalid value for --grid: '" + e.getKey()
                        + "' names no known strategy before the dot; "
                        + NamedProviders.closest(key.substring(0, dot), registry.names()));
            }
            List<String> values = new ArrayList<>();
            for (String v : e.getValue().split(",")) {
                if (!v.isBlank()) {
                    values.add(v.trim());
                }
            }
            if (values.isEmpty()) {
                throw new CommandLine.ParameterException(cl, "Invalid value for --grid: '" + e.getKey() + "' has no values");
            }
            grids.computeIfAbsent(target, x -> new LinkedHashMap<>()).put(key, values);
        }
        Path dir = out != null ? out
                : Path.of("results", suite + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Path runs = dir.resolve("runs.csv");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("suite", suite);
        config.put("strategies", chosen);
        config.put("seeds", seeds);
        config.put("options", opts);
        config.put("params", params);
        config.put("alpha", alpha);
        if (!chosenMetrics.isEmpty()) {
            config.put("metrics", chosenMetrics.stream().map(Metric::name).toList());
        }
        if (criterion != null) {
            config.put("select", criterion.label());
            config.put("grid", grids);
            config.put("selectFolds", selectFolds);
        }
        Path configFile = dir.resolve("run.json");
        ObjectMapper om = new ObjectMapper();
        if (Files.exists(runs) && !resume) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --out: " + dir + " already holds runs.csv; "
                    + "pass --resume to continue that run, or choose another --out");
        }
        if (resume && Files.exists(configFile)) {
            Object previous = om.readValue(configFile.toFile(), Object.class);
            Object now = om.readValue(om.writeValueAsString(config), Object.class);
            if (!previous.equals(now)) {
                throw new CommandLine.ParameterException(cl, "--resume: the run in " + dir + " was started with "
                        + om.writeValueAsString(previous) + "; resume it with the same arguments or choose another --out");
            }
        }
        Files.createDirectories(dir);
        ReportWriter.atomically(configFile, w -> w.write(om.writerWithDefaultPrettyPrinter().writeValueAsString(config)));

        SuiteContext context = new SuiteContext(data != null ? data : SuiteContext.defaults().dataRoot(), params);
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
        try (CsvRunStore store = new CsvRunStore(runs)) {
            Evaluator.Builder b = Evaluator.builder(suite, registry).strategies(chosen).seeds(seeds).alpha(alpha)
                    .store(store).listener(counting).published(s.published()).discrepancies(!noDiscrepancy);
            b.executor(executor(cl, threads)).metrics(chosenMetrics);
            opts.forEach(b::options);
            if (criterion != null) {
                b.selection(criterion, selectFolds);
                grids.forEach((strategy, axes) -> axes.forEach((k, v) -> b.grid(strategy, k, v)));
            }
            Evaluator evaluator;
            try {
                evaluator = b.build();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
            try {
                report = evaluator.run(seed -> s.tasks(context, seed));
            } catch (RequestException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
        }
        Map<String, Object> prov = provenance(report, s, registry, opts, context, started, resumed[0]);
        ReportWriter.writeResultsCsv(report, dir.resolve("results.csv"));
        ReportWriter.writeDiscrepancyCsv(report, dir.resolve("discrepancy.csv"));
        ReportWriter.writeMarkdown(report, prov, dir.resolve("results.md"));
        ReportWriter.writeProvenance(prov, dir.resolve("provenance.json"));
        ComparisonChart.write(report, dir.resolve("chart.png"));

        PrintWriter o = cl.getOut();
        o.print(table(report));
        o.println();
        o.println("Wrote " + dir.resolve("results.csv") + ", results.md, discrepancy.csv, provenance.json, chart.png");
        if (resumed[0] > 0) {
            o.println("Resumed " + resumed[0] + " finished fits from " + runs);
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

    /**
     * Where the fits run, called once the arguments are validated: {@code threads} local threads here;
     * {@code tl spark run} overrides it (the seam of the {@code spark} module).
     */
    protected FitExecutor executor(CommandLine cl, int threads) {
        return FitExecutor.local(threads);
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

    private Map<String, Object> provenance(EvaluationReport r, SuiteProvider s, StrategyRegistry registry,
                                           Map<String, Map<String, String>> opts, SuiteContext context,
                                           OffsetDateTime started, int resumed) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tool", new Tl.Version().getVersion()[0]);
        p.put("command", "tl " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        p.put("started", started.toString());
        p.put("finished", OffsetDateTime.now().toString());
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("processors", Runtime.getRuntime().availableProcessors());
        env.put("tribuo", Tribuo.VERSION);
        p.put("environment", env);
        Map<String, String> suiteInfo = new LinkedHashMap<>();
        suiteInfo.put("name", s.name());
        suiteInfo.put("description", s.description());
        p.put("suite", suiteInfo);
        p.put("dataRoot", context.dataRoot().toAbsolutePath().normalize().toString());
        p.put("suiteParameters", context.parameters());
        p.put("tasks", r.tasks());
        p.put("seeds", r.seeds());
        p.put("alpha", r.alpha());
        p.put("negativeTransferRule", "NTG = error(strategy) - error(target-only) per seed; flagged when the mean gap "
                + "is > 0 and a one-sided paired t-test over seeds gives p < alpha");
        p.put("executor", r.executor());
        Map<String, Object> perTask = new LinkedHashMap<>();
        for (String task : r.tasks().keySet()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("metrics", r.metrics().getOrDefault(task, List.of()).stream().map(Metric::name).toList());
            Map<String, String> roles = new LinkedHashMap<>();
            r.baselines().getOrDefault(task, Map.of()).forEach((role, name) -> roles.put(role.label(), name));
            t.put("baselines", roles);
            perTask.put(task, t);
        }
        p.put("taskMetricsAndBaselines", perTask);
        List<Map<String, Object>> strategiesUsed = new ArrayList<>();
        for (StrategyDescriptor d : r.strategies()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("approach", d.approachLabel());
            m.put("settings", d.settings().stream().map(x -> x.label()).toList());
            m.put("module", d.module());
            Map<String, String> o = new LinkedHashMap<>(opts.getOrDefault(Evaluator.ALL_STRATEGIES, Map.of()));
            o.putAll(opts.getOrDefault(d.name(), Map.of()));
            m.put("options", o);
            strategiesUsed.add(m);
        }
        p.put("strategies", strategiesUsed);
        p.put("fits", Map.of("total", r.runs().size(), "resumed", resumed, "failed", r.failures().size()));
        p.put("registered", registry.names());
        return p;
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
}
