package org.tl4j.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tl4j.core.NamedProviders;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.Evaluator;
import org.tl4j.core.eval.Metric;
import org.tl4j.core.eval.Metrics;
import org.tl4j.core.eval.ProgressListener;
import org.tl4j.core.eval.RequestException;
import org.tl4j.core.eval.StrategyFactory;
import org.tl4j.core.selection.LabelFreeSelection;
import org.tl4j.core.suite.DataIdentity;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.core.suite.SuiteProvider;
import org.tl4j.core.suite.SuiteRegistry;
import org.tl4j.experiments.report.ComparisonChart;
import org.tl4j.experiments.report.CsvRunStore;
import org.tl4j.experiments.report.ReportWriter;
import org.tribuo.Tribuo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A suite run resolved and checked before anything is fitted, for any executor: {@code tl run} fits on local
 * threads, a cluster command with its own {@link org.tl4j.core.eval.FitExecutor}; both get the same checks, the same
 * output folder handling and the same reports.
 * <p>
 * {@link #prepare} refuses, as a {@link RequestException} (a usage error, exit code 2), every argument that cannot be
 * met — naming it and the closest valid names — before it writes anything:
 * <ul>
 *   <li>{@code --seeds} outside 1..{@value #MAX_SEEDS}, {@code --alpha} outside (0, 1), {@code --resume} without
 *   {@code --out} or with {@code --overwrite}, unknown suites, strategies, metrics and selection criteria;</li>
 *   <li>an option or grid key that is empty, names an unknown strategy or a strategy that does not run on any of the
 *   suite's tasks, or (without a strategy prefix) is an option of none of the strategies that run; a suite parameter
 *   the suite does not declare ({@link SuiteProvider#parameters()});</li>
 *   <li>an option value that does not suit a task its strategy runs on (e.g. a classifier as inner learner where the
 *   suite has regression tasks: an option applies to every task its strategy runs on), a value that is not finite,
 *   a requested strategy or metric that fits none of the tasks ({@link Evaluator#check});</li>
 *   <li>an output folder that is a file or cannot be written, is in use by another process ({@link OutputFolder}),
 *   or is not empty without being either a run to {@code --resume} with the same arguments and the same data (the
 *   SHA-256 of every file the suite reads, {@link DataIdentity}) or named with {@code --overwrite}.</li>
 * </ul>
 * The checks that need data use the first seed's tasks, which the run then reuses. A failed start leaves the folder
 * as it found it (a folder it created is removed). After a successful start the folder holds {@value #RUN_JSON} (the
 * request and its data) and {@value #RUNS_CSV}, and stays locked until {@link #close()}.
 */
public final class RunSetup implements AutoCloseable {

    /**
     * The most seeds a run takes: every seed's draw of the tasks is held until the run ends, and far fewer seeds
     * already give the paired tests over seeds their power.
     */
    public static final int MAX_SEEDS = 1000;
    /** The request and its data identity, in the output folder. */
    public static final String RUN_JSON = "run.json";
    /** The finished fits, appended as they finish. */
    public static final String RUNS_CSV = "runs.csv";
    /** Every file a run writes in its folder: what {@code --overwrite} replaces. */
    public static final List<String> OUTPUTS = List.of(RUN_JSON, RUNS_CSV, "results.csv", "results.md",
            "discrepancy.csv", "provenance.json", "chart.png");

    private final StrategyRegistry registry;
    private final SuiteProvider suite;
    private final SuiteContext context;
    private final RunArguments args;
    private final List<String> strategies;
    private final Map<String, Map<String, String>> options;
    private final Map<String, Map<String, List<String>>> grids;
    private final LabelFreeSelection.Criterion criterion;
    private final List<Metric> metrics;
    private final DataIdentity data;
    private final List<? extends TransferProblem<?>> firstTasks;
    private final OutputFolder folder;
    private final CsvRunStore store;

    private RunSetup(Builder b) {
        this.registry = b.registry;
        this.suite = b.suite;
        this.context = b.context;
        this.args = b.args;
        this.strategies = b.strategies;
        this.options = b.options;
        this.grids = b.grids;
        this.criterion = b.criterion;
        this.metrics = b.metrics;
        this.data = b.data;
        this.firstTasks = b.firstTasks;
        this.folder = b.folder;
        this.store = b.store;
    }

    /**
     * Resolves and checks {@code args}, takes the output folder and records the request in it.
     *
     * @param args    the parsed arguments
     * @param command the command line, recorded in the output folder's lock file
     * @param notices where to say what is done on the user's behalf (e.g. a {@code --resume} that starts a new run)
     * @throws RequestException         for a request that cannot be met (a usage error), before anything is written
     * @throws IllegalArgumentException if the suite's data are missing or malformed (naming the file)
     * @throws IOException              if the output folder cannot be read or written
     */
    public static RunSetup prepare(RunArguments args, String command, PrintWriter notices) throws IOException {
        Builder b = new Builder(args);
        b.resolveNames();
        b.folder = OutputFolder.lock(b.dir(), "--out", command);
        try {
            b.checkFolder(notices);
            b.loadData();
            b.checkKeys();
            b.checkValues();
            b.commit();
            return new RunSetup(b);
        } catch (IOException | RuntimeException | Error e) {
            if (b.store != null) {
                b.store.close();
            }
            b.folder.abandon();
            throw e;
        }
    }

    /** The output folder. */
    public Path dir() {
        return folder.dir();
    }

    /** The suite. */
    public SuiteProvider suite() {
        return suite;
    }

    /** The data root and parameters the suite is read with. */
    public SuiteContext context() {
        return context;
    }

    /** The checksums of the files the suite reads. */
    public DataIdentity data() {
        return data;
    }

    /** The store of finished fits ({@value #RUNS_CSV}); on {@code --resume} it holds the fits already made. */
    public CsvRunStore store() {
        return store;
    }

    /** The options per strategy ({@link Evaluator#ALL_STRATEGIES} for all): the suite's protocol, then the user's. */
    public Map<String, Map<String, String>> options() {
        return options;
    }

    /**
     * A builder configured with everything but where the fits run: add {@code threads} or an {@code executor},
     * then build and run it on {@link #tasks()}.
     */
    public Evaluator.Builder evaluator(ProgressListener listener) {
        return configure().store(store).listener(listener);
    }

    /** The suite's tasks per seed (the first seed's draw is the one the checks used). */
    public Evaluator.TaskSource tasks() {
        return seed -> seed == 0 ? firstTasks : suite.tasks(context, seed);
    }

    /**
     * Writes {@code results.csv}, {@code discrepancy.csv}, {@code results.md}, {@code provenance.json} and
     * {@code chart.png}.
     */
    public void writeReports(EvaluationReport report, Map<String, Object> provenance) throws IOException {
        Path dir = dir();
        ReportWriter.writeResultsCsv(report, dir.resolve("results.csv"));
        ReportWriter.writeDiscrepancyCsv(report, dir.resolve("discrepancy.csv"));
        ReportWriter.writeMarkdown(report, provenance, dir.resolve("results.md"));
        ReportWriter.writeProvenance(provenance, dir.resolve("provenance.json"));
        ComparisonChart.write(report, dir.resolve("chart.png"));
    }

    /**
     * The provenance of a finished run: tool and command, environment, suite, data (root and checksums), tasks,
     * seeds, the rule of the verdicts, the executor, each task's metrics and baselines, each strategy's options and
     * the fit counts.
     *
     * @param tool    the tool's version line
     * @param command the command line
     * @param resumed fits taken from the store instead of fitted
     */
    public Map<String, Object> provenance(EvaluationReport r, String tool, String command, OffsetDateTime started,
                                          int resumed) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tool", tool);
        p.put("command", command);
        p.put("started", started.toString());
        p.put("finished", OffsetDateTime.now().toString());
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        env.put("processors", Runtime.getRuntime().availableProcessors());
        env.put("tribuo", Tribuo.VERSION);
        p.put("environment", env);
        Map<String, String> suiteInfo = new LinkedHashMap<>();
        suiteInfo.put("name", suite.name());
        suiteInfo.put("description", suite.description());
        p.put("suite", suiteInfo);
        p.put("dataRoot", data.root());
        p.put("dataFiles", data.files());
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
        List<Map<String, Object>> used = new ArrayList<>();
        for (StrategyDescriptor d : r.strategies()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("approach", d.approachLabel());
            m.put("settings", d.settings().stream().map(x -> x.label()).toList());
            m.put("module", d.module());
            Map<String, String> valid = registry.options(d.name());
            Map<String, String> o = new LinkedHashMap<>();
            options.getOrDefault(Evaluator.ALL_STRATEGIES, Map.of()).forEach((k, v) -> {
                if (valid.containsKey(k)) {
                    o.put(k, v);
                }
            });
            o.putAll(options.getOrDefault(d.name(), Map.of()));
            m.put("options", o);
            used.add(m);
        }
        p.put("strategies", used);
        p.put("fits", Map.of("total", r.runs().size(), "resumed", resumed, "failed", r.failures().size()));
        p.put("registered", registry.names());
        return p;
    }

    /** Closes the store and releases the output folder. */
    @Override
    public void close() throws IOException {
        try {
            store.close();
        } finally {
            folder.close();
        }
    }

    private Evaluator.Builder configure() {
        return Builder.configure(registry, suite, args, strategies, options, grids, criterion, metrics);
    }

    /** The state of {@link #prepare} as it goes. */
    private static final class Builder {
        private final RunArguments args;
        private final StrategyRegistry registry = StrategyRegistry.load();
        private SuiteProvider suite;
        private List<String> strategies;
        private final Map<String, Map<String, String>> userOptions = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> options = new LinkedHashMap<>();
        private final Map<String, Map<String, List<String>>> grids = new LinkedHashMap<>();
        private LabelFreeSelection.Criterion criterion;
        private final List<Metric> metrics = new ArrayList<>();
        private SuiteContext context;
        private OutputFolder folder;
        private boolean resuming;
        private boolean freshStart;
        private Map<String, Object> config;
        private DataIdentity data;
        private List<? extends TransferProblem<?>> firstTasks;
        private CsvRunStore store;

        Builder(RunArguments args) {
            this.args = args;
        }

        Path dir() {
            return args.out != null ? args.out : Path.of("results", args.suite + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }

        /** Everything that needs neither the data nor the output folder. */
        void resolveNames() {
            if (args.seeds < 1 || args.seeds > MAX_SEEDS) {
                throw new RequestException("Invalid value for --seeds: " + args.seeds + " (must be in 1.." + MAX_SEEDS
                        + ")");
            }
            if (!(args.alpha > 0 && args.alpha < 1)) {
                throw new RequestException("Invalid value for --alpha: " + args.alpha + " (must be in (0, 1))");
            }
            if (args.resume && args.out == null) {
                throw new RequestException("--resume needs --out DIR: the folder of the run to continue");
            }
            if (args.resume && args.overwrite) {
                throw new RequestException("--resume continues the run in --out and --overwrite discards it: pass one");
            }
            try {
                suite = SuiteRegistry.load().get(args.suite);
            } catch (NamedProviders.UnknownNameException e) {
                throw new RequestException("Invalid value for --suite: " + e.getMessage());
            }
            strategies = List.copyOf(args.strategies.isEmpty() ? suite.defaultStrategies() : args.strategies);
            for (String name : strategies) {
                try {
                    registry.provider(name);
                } catch (NamedProviders.UnknownNameException e) {
                    throw new RequestException("Invalid value for --strategies: " + e.getMessage());
                }
            }
            for (Map.Entry<String, String> e : args.options.entrySet()) {
                String[] target = target("--option", e.getKey(), e.getValue());
                userOptions.computeIfAbsent(target[0], k -> new LinkedHashMap<>()).put(target[1], e.getValue());
            }
            suite.defaultOptions().forEach((k, v) -> options.computeIfAbsent(k, x -> new LinkedHashMap<>()).putAll(v));
            userOptions.forEach((k, v) -> options.computeIfAbsent(k, x -> new LinkedHashMap<>()).putAll(v));
            Map<String, String> declared = suite.parameters();
            for (String key : args.params.keySet()) {
                if (key.isBlank()) {
                    throw new RequestException("Invalid value for --param: '=" + args.params.get(key) + "' has no key: "
                            + "write KEY=VALUE");
                }
                if (!declared.containsKey(key)) {
                    List<String> close = NamedProviders.closest(key, declared.keySet());
                    throw new RequestException("Invalid value for --param: suite '" + suite.name() + "' has no parameter '"
                            + key + "'" + (close.isEmpty() ? "." : "; did you mean " + String.join(", ", close) + "?")
                            + (declared.isEmpty() ? " It takes no parameters."
                            : " Its parameters: " + String.join(", ", declared.keySet()) + " (see tl suites)."));
                }
            }
            if (args.select != null) {
                try {
                    criterion = LabelFreeSelection.Criterion.parse(args.select);
                } catch (IllegalArgumentException e) {
                    throw new RequestException("Invalid value for --select: " + e.getMessage());
                }
                if (args.grid.isEmpty()) {
                    throw new RequestException("--select needs candidate values: add --grid [STRATEGY.]KEY=V1,V2,...");
                }
                if (args.selectFolds < 2) {
                    throw new RequestException("Invalid value for --select-folds: " + args.selectFolds
                            + " (must be at least 2)");
                }
            } else if (!args.grid.isEmpty()) {
                throw new RequestException("--grid needs a selection criterion: add --select iwcv, dev or "
                        + "reverse-validation");
            }
            for (Map.Entry<String, String> e : args.grid.entrySet()) {
                String[] target = target("--grid", e.getKey(), e.getValue());
                List<String> values = new ArrayList<>();
                for (String v : e.getValue().split(",")) {
                    if (!v.isBlank()) {
                        values.add(v.trim());
                    }
                }
                if (values.isEmpty()) {
                    throw new RequestException("Invalid value for --grid: '" + e.getKey() + "' has no values");
                }
                grids.computeIfAbsent(target[0], x -> new LinkedHashMap<>()).put(target[1], values);
            }
            for (String m : args.metrics) {
                try {
                    metrics.add(Metrics.named(m));
                } catch (IllegalArgumentException e) {
                    throw new RequestException("Invalid value for --metrics: " + e.getMessage());
                }
            }
        }

        /** {strategy or *, key} of {@code [STRATEGY.]KEY}. */
        private String[] target(String option, String text, String value) {
            int dot = text.indexOf('.');
            String strategy = Evaluator.ALL_STRATEGIES;
            String key = text;
            if (dot > 0 && registry.contains(text.substring(0, dot))) {
                strategy = text.substring(0, dot);
                key = text.substring(dot + 1);
            } else if (dot > 0) {
                List<String> close = NamedProviders.closest(text.substring(0, dot), registry.names());
                throw new RequestException("Invalid value for " + option + ": '" + text + "' names no known strategy "
                        + "before the dot; " + (close.isEmpty() ? "see tl strategies"
                        : "did you mean " + String.join(", ", close) + "?"));
            }
            if (key.isBlank()) {
                throw new RequestException("Invalid value for " + option + ": '" + text + "=" + value + "' has no "
                        + "option name: write [STRATEGY.]KEY=VALUE");
            }
            return new String[]{strategy, key};
        }

        /** What the folder may already hold: nothing, a run to resume, or outputs to overwrite. */
        void checkFolder(PrintWriter notices) throws IOException {
            List<String> contents = folder.contents();
            Path dir = folder.dir();
            Path runJson = dir.resolve(RUN_JSON);
            long fits = finishedFits(dir.resolve(RUNS_CSV));
            boolean leftover = Set.of(RUN_JSON, RUNS_CSV).containsAll(contents) && fits == 0;
            if (contents.isEmpty() || leftover) {
                freshStart = true;
                if (args.resume) {
                    notices.println("tl: --resume: " + dir + " holds no finished fit yet; starting the run");
                    notices.flush();
                }
                return;
            }
            if (args.overwrite) {
                freshStart = true;
                return;
            }
            if (args.resume) {
                if (!Files.exists(runJson)) {
                    throw new RequestException("--resume: " + dir + " holds no " + RUN_JSON + ", so it is not a tl run "
                            + "folder (it holds " + String.join(", ", contents) + "): choose the folder of the run "
                            + "to continue");
                }
                resuming = true;
                return;
            }
            if (Files.exists(runJson) || fits > 0) {
                throw new RequestException("Invalid value for --out: " + dir + " already holds a run (" + fits
                        + " finished fits): pass --resume to continue it (with the same arguments), --overwrite to "
                        + "discard it, or choose another --out");
            }
            throw new RequestException("Invalid value for --out: " + dir + " is not empty (it holds "
                    + String.join(", ", contents.subList(0, Math.min(5, contents.size())))
                    + (contents.size() > 5 ? ", ..." : "") + ") and holds no tl run: choose another --out, or pass "
                    + "--overwrite to replace the files tl run writes there (" + String.join(", ", OUTPUTS)
                    + "; other files are kept)");
        }

        /** The data's checksums (compared with the run's on resume), then the first seed's tasks. */
        void loadData() throws IOException {
            context = new SuiteContext(args.data != null ? args.data : SuiteContext.defaults().dataRoot(), args.params);
            config = new LinkedHashMap<>();
            config.put("suite", args.suite);
            config.put("strategies", strategies);
            config.put("seeds", args.seeds);
            config.put("options", options);
            config.put("params", args.params);
            config.put("alpha", args.alpha);
            if (!metrics.isEmpty()) {
                config.put("metrics", metrics.stream().map(Metric::name).toList());
            }
            if (criterion != null) {
                config.put("select", criterion.label());
                config.put("grid", grids);
                config.put("selectFolds", args.selectFolds);
            }
            ObjectMapper om = new ObjectMapper();
            Map<String, Object> previous = null;
            if (resuming) {
                previous = readRunJson(om);
                Map<String, Object> then = new LinkedHashMap<>(previous);
                Object thenData = then.remove("data");
                Map<String, Object> now = om.readValue(om.writeValueAsString(config),
                        om.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
                if (!then.equals(now)) {
                    Set<String> keys = new TreeSet<>(then.keySet());
                    keys.addAll(now.keySet());
                    List<String> diff = new ArrayList<>();
                    for (String k : keys) {
                        if (!java.util.Objects.equals(then.get(k), now.get(k))) {
                            diff.add(k + " " + om.writeValueAsString(then.get(k)) + " then, "
                                    + om.writeValueAsString(now.get(k)) + " now");
                        }
                    }
                    throw new RequestException("--resume: the run in " + folder.dir() + " was started with other "
                            + "arguments (" + String.join("; ", diff) + "); resume it with the same arguments or "
                            + "choose another --out");
                }
                if (thenData == null) {
                    throw new RequestException("--resume: " + folder.dir().resolve(RUN_JSON) + " records no data "
                            + "checksums (it was written by an older tl), so its fits cannot be checked against the "
                            + "data: start a new run in another --out");
                }
                data = DataIdentity.of(suite, context);
                String why = data.differenceFrom(DataIdentity.fromMap(thenData)).orElse(null);
                if (why != null) {
                    throw new RequestException("--resume: the data differ from those the run in " + folder.dir()
                            + " was started on: " + why + "; resume it on the same data or choose another --out");
                }
                store = new CsvRunStore(folder.dir().resolve(RUNS_CSV));
            } else {
                data = DataIdentity.of(suite, context);
            }
            config.put("data", data.toMap());
            firstTasks = suite.tasks(context, 0);
        }

        private Map<String, Object> readRunJson(ObjectMapper om) throws IOException {
            Path f = folder.dir().resolve(RUN_JSON);
            try {
                return om.readValue(Files.readString(f, StandardCharsets.UTF_8),
                        om.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
            } catch (IOException e) {
                throw new IllegalArgumentException(f + " is not a readable run description (" + e.getMessage()
                        + "): restore it, or start a new run in another --out", e);
            }
        }

        /**
         * The user's option and grid keys against the strategies that run on the first seed's tasks: a prefixed key
         * must belong to a strategy that runs and be one of its options; an unprefixed key must be an option of at
         * least one strategy that runs.
         */
        void checkKeys() {
            StrategyFactory plain = new StrategyFactory(registry, new StrategyFactory.Settings(strategies,
                    suite.defaultOptions(), Map.of(), null, LabelFreeSelection.DEFAULT_FOLDS));
            Set<String> running = new LinkedHashSet<>();
            for (TransferProblem<?> t : firstTasks) {
                running.addAll(plain.plan(t).strategies());
            }
            Map<String, String> anyOption = new LinkedHashMap<>();
            for (String s : running) {
                anyOption.putAll(registry.options(s));
            }
            checkKeys("--option", userOptions.keySet(), k -> userOptions.get(k).keySet(), running, anyOption);
            checkKeys("--grid", grids.keySet(), k -> grids.get(k).keySet(), running, anyOption);
        }

        private void checkKeys(String option, Set<String> strategiesNamed,
                               java.util.function.Function<String, Set<String>> keysOf, Set<String> running,
                               Map<String, String> anyOption) {
            for (String s : strategiesNamed) {
                for (String key : keysOf.apply(s)) {
                    if (s.equals(Evaluator.ALL_STRATEGIES)) {
                        if (!anyOption.containsKey(key)) {
                            List<String> close = NamedProviders.closest(key, anyOption.keySet());
                            throw new RequestException("Invalid value for " + option + ": none of the strategies that "
                                    + "run (" + String.join(", ", running) + ") has an option '" + key + "'"
                                    + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                                    + " Their options: " + String.join(", ", anyOption.keySet()));
                        }
                        continue;
                    }
                    if (!running.contains(s)) {
                        throw new RequestException("Invalid value for " + option + ": '" + s + "." + key + "' is for "
                                + "strategy '" + s + "', which does not run (strategies that run: "
                                + String.join(", ", running) + "): add it to --strategies or drop the option");
                    }
                    Map<String, String> own = registry.options(s);
                    if (!own.containsKey(key)) {
                        List<String> close = NamedProviders.closest(key, own.keySet());
                        throw new RequestException("Invalid value for " + option + ": strategy '" + s + "' has no "
                                + "option '" + key + "'" + (close.isEmpty() ? "" : "; did you mean "
                                + String.join(", ", close) + "?") + " Its options: "
                                + (own.isEmpty() ? "(none)" : String.join(", ", own.keySet())));
                    }
                }
            }
        }

        /** Option values per task, strategies and metrics that fit no task ({@link Evaluator#check}). */
        void checkValues() {
            configure(registry, suite, args, strategies, options, grids, criterion, metrics).build().check(firstTasks);
        }

        /** Writes the request into the folder and opens the store. */
        void commit() throws IOException {
            if (freshStart) {
                folder.delete(OUTPUTS);
                store = new CsvRunStore(folder.dir().resolve(RUNS_CSV));
            }
            ObjectMapper om = new ObjectMapper();
            ReportWriter.atomically(folder.dir().resolve(RUN_JSON),
                    w -> w.write(om.writerWithDefaultPrettyPrinter().writeValueAsString(config)));
        }

        static Evaluator.Builder configure(StrategyRegistry registry, SuiteProvider suite, RunArguments args,
                                           List<String> strategies, Map<String, Map<String, String>> options,
                                           Map<String, Map<String, List<String>>> grids,
                                           LabelFreeSelection.Criterion criterion, List<Metric> metrics) {
            Evaluator.Builder b = Evaluator.builder(args.suite, registry).strategies(strategies).seeds(args.seeds)
                    .alpha(args.alpha).published(suite.published()).discrepancies(!args.noDiscrepancy)
                    .metrics(metrics);
            options.forEach(b::options);
            if (criterion != null) {
                b.selection(criterion, args.selectFolds);
                grids.forEach((strategy, axes) -> axes.forEach((k, v) -> b.grid(strategy, k, v)));
            }
            return b;
        }

        /** Lines after the header of a runs file (0 when it is absent). */
        private static long finishedFits(Path runs) throws IOException {
            if (!Files.isRegularFile(runs)) {
                return 0;
            }
            try (var lines = Files.lines(runs, StandardCharsets.UTF_8)) {
                return Math.max(0, lines.filter(l -> !l.isBlank()).count() - 1);
            }
        }
    }
}
