package org.tl4j.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.Evaluator;
import org.tl4j.core.eval.Metric;
import org.tl4j.core.eval.RequestException;
import org.tl4j.core.suite.DataIdentity;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.core.suite.SuiteProvider;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

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
     * The most seeds a run takes: every seed's draw of the tasks is held until the run ends (about 2 MB per seed for
     * the synthetic suite), and far fewer seeds already give the paired tests over seeds their power.
     */
    public static final int MAX_SEEDS = 1000;
    /** The request and its data identity, in the output folder. */
    public static final String RUN_JSON = "run.json";
    /** The finished fits, appended as they finish. */
    public static final String RUNS_CSV = "runs.csv";
    /** Every file a run writes in its folder: what {@code --overwrite} replaces. */
    public static final List<String> OUTPUTS = List.of(RUN_JSON, RUNS_CSV, "results.csv", "results.md",
            "discrepancy.csv", "provenance.json", "chart.png");

    private final RunRequest request;
    private final OutputFolder folder;
    private final SuiteContext context;
    private DataIdentity data;
    private List<? extends TransferProblem<?>> firstTasks;
    private CsvRunStore store;
    private boolean resuming;

    private RunSetup(RunRequest request, OutputFolder folder) {
        this.request = request;
        this.folder = folder;
        RunArguments a = request.args;
        this.context = new SuiteContext(a.data != null ? a.data : SuiteContext.defaults().dataRoot(), a.params);
    }

    /**
     * Resolves and checks {@code args}, takes the output folder and records the request in it.
     *
     * @param args    the parsed arguments
     * @param command the command line, recorded in the output folder's lock file
     * @param notices where to say what is done on the user's behalf (a {@code --resume} that starts the run)
     * @throws RequestException         for a request that cannot be met (a usage error), before anything is written
     * @throws IllegalArgumentException if the suite's data are missing or malformed (naming the file)
     * @throws IOException              if the output folder cannot be read or written
     */
    public static RunSetup prepare(RunArguments args, String command, PrintWriter notices) throws IOException {
        RunRequest request = new RunRequest(args, StrategyRegistry.load());
        Path dir = args.out != null ? args.out : Path.of("results", args.suite + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        RunSetup setup = new RunSetup(request, OutputFolder.lock(dir, "--out", command));
        try {
            boolean fresh = setup.checkFolder(notices);
            setup.loadData();
            request.check(setup.firstTasks);
            setup.commit(fresh);
            return setup;
        } catch (IOException | RuntimeException | Error e) {
            if (setup.store != null) {
                setup.store.close();
            }
            setup.folder.abandon();
            throw e;
        }
    }

    /** The output folder. */
    public Path dir() {
        return folder.dir();
    }

    /** The suite. */
    public SuiteProvider suite() {
        return request.suite;
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

    /**
     * A builder configured with the whole request and the store: add a listener, {@code threads} or an
     * {@code executor}, then build it and run it on {@link #tasks()}.
     */
    public Evaluator.Builder evaluator() {
        return request.evaluator().store(store);
    }

    /** The suite's tasks per seed (the first seed's draw is the one the checks used). */
    public Evaluator.TaskSource tasks() {
        return seed -> seed == 0 ? firstTasks : request.suite.tasks(context, seed);
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
        suiteInfo.put("name", request.suite.name());
        suiteInfo.put("description", request.suite.description());
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
            Map<String, String> valid = request.registry.options(d.name());
            Map<String, String> o = new LinkedHashMap<>();
            request.options.getOrDefault(Evaluator.ALL_STRATEGIES, Map.of()).forEach((k, v) -> {
                if (valid.containsKey(k)) {
                    o.put(k, v);
                }
            });
            o.putAll(request.options.getOrDefault(d.name(), Map.of()));
            m.put("options", o);
            used.add(m);
        }
        p.put("strategies", used);
        p.put("fits", Map.of("total", r.runs().size(), "resumed", resumed, "failed", r.failures().size()));
        p.put("registered", request.registry.names());
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

    /**
     * What the folder may already hold: nothing (or only what a start that recorded no fit left), the run to
     * {@code --resume}, or outputs to replace with {@code --overwrite}.
     *
     * @return whether the run starts afresh
     */
    private boolean checkFolder(PrintWriter notices) throws IOException {
        RunArguments a = request.args;
        List<String> contents = folder.contents();
        Path dir = folder.dir();
        long fits = finishedFits(dir.resolve(RUNS_CSV));
        boolean leftover = Set.of(RUN_JSON, RUNS_CSV).containsAll(contents) && fits == 0;
        if (contents.isEmpty() || leftover) {
            if (a.resume) {
                notices.println("tl: --resume: " + dir + " holds no finished fit yet; starting the run");
                notices.flush();
            }
            return true;
        }
        if (a.overwrite) {
            return true;
        }
        boolean described = Files.exists(dir.resolve(RUN_JSON));
        if (a.resume) {
            if (!described) {
                throw new RequestException("--resume: " + dir + " holds no " + RUN_JSON + ", so it is not a tl run "
                        + "folder (it holds " + list(contents) + "): choose the folder of the run to continue");
            }
            resuming = true;
            return false;
        }
        if (described || fits > 0) {
            throw new RequestException("Invalid value for --out: " + dir + " already holds a run (" + fits
                    + " finished fits): pass --resume to continue it (with the same arguments), --overwrite to "
                    + "discard it, or choose another --out");
        }
        throw new RequestException("Invalid value for --out: " + dir + " is not empty (it holds " + list(contents)
                + ") and holds no tl run: choose another --out, or pass --overwrite to replace the files tl run writes "
                + "there (" + String.join(", ", OUTPUTS) + "; other files are kept)");
    }

    private static String list(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(5, names.size()))) + (names.size() > 5 ? ", ..." : "");
    }

    /** The data's checksums (on resume: the request and the data must be the run's), then the first seed's tasks. */
    private void loadData() throws IOException {
        if (resuming) {
            ObjectMapper om = new ObjectMapper();
            Map<String, Object> then = readRunJson(om);
            Object thenData = then.remove("data");
            Map<String, Object> now = om.readValue(om.writeValueAsString(request.describe()),
                    om.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
            if (!then.equals(now)) {
                Set<String> keys = new TreeSet<>(then.keySet());
                keys.addAll(now.keySet());
                List<String> diff = new ArrayList<>();
                for (String k : keys) {
                    if (!Objects.equals(then.get(k), now.get(k))) {
                        diff.add(k + " " + om.writeValueAsString(then.get(k)) + " then, "
                                + om.writeValueAsString(now.get(k)) + " now");
                    }
                }
                throw new RequestException("--resume: the run in " + folder.dir() + " was started with other "
                        + "arguments (" + String.join("; ", diff) + "); resume it with the same arguments or choose "
                        + "another --out");
            }
            if (thenData == null) {
                throw new RequestException("--resume: " + folder.dir().resolve(RUN_JSON) + " records no data "
                        + "checksums (it was written by an older tl), so its fits cannot be checked against the data: "
                        + "start a new run in another --out");
            }
            data = DataIdentity.of(request.suite, context);
            String why = data.differenceFrom(DataIdentity.fromMap(thenData)).orElse(null);
            if (why != null) {
                throw new RequestException("--resume: the data differ from those the run in " + folder.dir()
                        + " was started on: " + why + "; resume it on the same data or choose another --out");
            }
            store = new CsvRunStore(folder.dir().resolve(RUNS_CSV));
        } else {
            data = DataIdentity.of(request.suite, context);
        }
        firstTasks = request.suite.tasks(context, 0);
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

    /** Writes the request and its data into the folder and opens the store (replacing earlier outputs if fresh). */
    private void commit(boolean fresh) throws IOException {
        if (fresh) {
            folder.delete(OUTPUTS);
            store = new CsvRunStore(folder.dir().resolve(RUNS_CSV));
        }
        Map<String, Object> config = request.describe();
        config.put("data", data.toMap());
        ObjectMapper om = new ObjectMapper();
        ReportWriter.atomically(folder.dir().resolve(RUN_JSON),
                w -> w.write(om.writerWithDefaultPrettyPrinter().writeValueAsString(config)));
    }

    /** Lines after the header of a runs file (0 when it is absent). */
    private static long finishedFits(Path runs) throws IOException {
        if (!Files.isRegularFile(runs)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(runs, StandardCharsets.ISO_8859_1)) {
            return Math.max(0, lines.filter(l -> !l.isBlank()).count() - 1);
        }
    }
}
