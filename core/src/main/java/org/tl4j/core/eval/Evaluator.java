package org.tl4j.core.eval;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.Domain;
import org.tl4j.core.NamedProviders;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.StrategyOptions;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.discrepancy.DomainDiscrepancy;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.matrix.TribuoMatrices;
import org.tl4j.core.selection.LabelFreeSelection;
import org.tl4j.core.selection.SelectedStrategy;
import org.tribuo.Output;
import org.tribuo.Prediction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The evaluation harness: runs strategies × tasks × seeds, always alongside the {@code target-only} and
 * {@code source-only} baselines, and reports the target metrics, the negative transfer gap against
 * {@code target-only} and a negative-transfer verdict per task and strategy ({@link NegativeTransferTest}).
 * <p>
 * For each seed the task source is asked for that seed's draw of every task, and every strategy is fitted with that
 * seed, so a strategy and its baselines are compared on the same data (paired over seeds). A strategy that does not
 * apply to a task (wrong data kind, setting or output type) is skipped for it; a fit that throws is recorded as a
 * failure with its message and the evaluation goes on. Finished runs are kept in a {@link RunStore}, so an
 * interrupted evaluation resumes where it stopped.
 */
public final class Evaluator {
    private static final Logger logger = Logger.getLogger(Evaluator.class.getName());

    /** Name of the target-only baseline. */
    public static final String TARGET_ONLY = "target-only";
    /** Name of the source-only baseline. */
    public static final String SOURCE_ONLY = "source-only";
    /** Key of options applied to every strategy that has the option. */
    public static final String ALL_STRATEGIES = "*";

    /** Supplies the tasks of a suite for one seed. */
    @FunctionalInterface
    public interface TaskSource {
        /** The draw of every task for {@code seed}; task names must be unique and equal across seeds. */
        List<? extends TransferProblem<?>> tasks(long seed);
    }

    private final String suite;
    private final StrategyRegistry registry;
    private final List<String> strategies;
    private final Map<String, Map<String, String>> options;
    private final List<Long> seeds;
    private final double alpha;
    private final ProgressListener listener;
    private final RunStore store;
    private final PublishedValues published;
    private final boolean discrepancies;
    private final Map<String, Map<String, List<String>>> grid;
    private final LabelFreeSelection.Criterion criterion;
    private final int selectionFolds;
    private final int threads;

    private Evaluator(Builder b) {
        this.suite = b.suite;
        this.registry = b.registry;
        this.strategies = List.copyOf(b.strategies);
        this.options = Map.copyOf(b.options);
        this.seeds = List.copyOf(b.seeds);
        this.alpha = b.alpha;
        this.listener = b.listener;
        this.store = b.store;
        this.published = b.published;
        this.discrepancies = b.discrepancies;
        this.grid = Map.copyOf(b.grid);
        this.criterion = b.criterion;
        this.selectionFolds = b.selectionFolds;
        this.threads = b.threads;
        if (!grid.isEmpty() && criterion == null) {
            throw new IllegalArgumentException("A selection grid needs a criterion: call selection(...) (tl run --select)");
        }
        for (String s : grid.keySet()) {
            if (!s.equals(ALL_STRATEGIES)) {
                registry.provider(s);
            }
        }
        for (String s : strategies) {
            registry.provider(s);
        }
        for (String s : options.keySet()) {
            if (!s.equals(ALL_STRATEGIES)) {
                registry.provider(s);
            }
        }
    }

    /** Starts a builder for a suite's evaluation. */
    public static Builder builder(String suite, StrategyRegistry registry) {
        return new Builder(suite, registry);
    }

    /**
     * Runs the evaluation.
     *
     * @throws IllegalArgumentException if the task source returns duplicate task names, or a requested strategy
     *                                  applies to none of the tasks
     */
    public EvaluationReport run(TaskSource source) {
        Map<String, String> taskDescriptions = new LinkedHashMap<>();
        Map<String, List<Metric>> taskMetrics = new LinkedHashMap<>();
        Map<String, StrategyDescriptor> used = new LinkedHashMap<>();
        List<RunRecord> runs = new ArrayList<>();
        List<DiscrepancyRecord> disc = new ArrayList<>();
        Set<String> requestedUsed = new LinkedHashSet<>();
        Map<String, Map<String, String>> skipped = new LinkedHashMap<>();
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tl4j-fit");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            return run(source, taskDescriptions, taskMetrics, used, runs, disc, requestedUsed, skipped, pool);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private EvaluationReport run(TaskSource source, Map<String, String> taskDescriptions,
                                 Map<String, List<Metric>> taskMetrics, Map<String, StrategyDescriptor> used,
                                 List<RunRecord> runs, List<DiscrepancyRecord> disc, Set<String> requestedUsed,
                                 Map<String, Map<String, String>> skipped, ExecutorService pool) {
        boolean started = false;
        for (long seed : seeds) {
            List<? extends TransferProblem<?>> tasks = source.tasks(seed);
            if (tasks.isEmpty()) {
                throw new IllegalArgumentException("Suite '" + suite + "' produced no tasks for seed " + seed);
            }
            Map<TransferProblem<?>, List<String>> plan = new LinkedHashMap<>();
            Set<String> names = new LinkedHashSet<>();
            for (TransferProblem<?> t : tasks) {
                if (!names.add(t.name())) {
                    throw new IllegalArgumentException("Suite '" + suite + "' has two tasks named '" + t.name() + "'");
                }
                taskDescriptions.putIfAbsent(t.name(), t.description());
                taskMetrics.putIfAbsent(t.name(), Metrics.forOutput(t.outputFactory()));
                List<String> applicable = plan(t, skipped.computeIfAbsent(t.name(), k -> new LinkedHashMap<>()));
                plan.put(t, applicable);
                requestedUsed.addAll(applicable);
                for (String s : applicable) {
                    used.putIfAbsent(s, registry.provider(s).descriptor());
                }
            }
            if (!started) {
                for (String s : strategies) {
                    if (!requestedUsed.contains(s)) {
                        throw new IllegalArgumentException("Strategy '" + s + "' applies to none of the tasks of suite '"
                                + suite + "' (" + String.join(", ", names) + "): " + whyNone(s, tasks));
                    }
                }
                long perSeed = plan.values().stream().mapToLong(List::size).sum();
                listener.start("suite " + suite, perSeed * seeds.size());
                started = true;
            }
            List<Future<RunRecord>> pending = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (Map.Entry<TransferProblem<?>, List<String>> e : plan.entrySet()) {
                TransferProblem<?> task = e.getKey();
                if (discrepancies && task instanceof TransferTask<?> tt) {
                    disc.addAll(discrepancy(tt, seed));
                }
                for (String strategy : e.getValue()) {
                    String label = task.name() + " / " + strategy + " / seed " + seed;
                    Optional<RunRecord> done = store.find(task.name(), strategy, seed);
                    if (done.isPresent()) {
                        listener.resumed(label + " (resumed)");
                        pending.add(CompletableFuture.completedFuture(done.get()));
                        labels.add(null);
                    } else if (pool == null) {
                        pending.add(CompletableFuture.completedFuture(runOne(task, strategy, seed)));
                        labels.add(label);
                    } else {
                        pending.add(pool.submit(() -> runOne(task, strategy, seed)));
                        labels.add(label);
                    }
                    if (pool == null) {
                        record(pending.remove(0), labels.remove(0), runs);
                    }
                }
            }
            // In submission order, whatever order the fits finish in: the same runs.csv and report as one thread.
            for (int i = 0; i < pending.size(); i++) {
                record(pending.get(i), labels.get(i), runs);
            }
        }
        listener.finish();
        List<ResultRow> rows = new ArrayList<>();
        List<SummaryRow> summary = new ArrayList<>();
        aggregate(runs, taskMetrics, rows, summary);
        skipped.values().removeIf(Map::isEmpty);
        return new EvaluationReport(suite, seeds, alpha, taskDescriptions, new ArrayList<>(used.values()), runs, rows,
                summary, disc, skipped);
    }

    /** Adds a finished run; a new one ({@code label} not null) is saved and reported first. */
    private void record(Future<RunRecord> f, String label, List<RunRecord> runs) {
        RunRecord r = join(f);
        if (label == null) {
            runs.add(r);
            return;
        }
        store.save(r);
        runs.add(r);
        listener.step(label + (r.failed() ? " FAILED: " + r.error() : ""));
    }

    private static RunRecord join(Future<RunRecord> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a fit; finished fits are saved and "
                    + "--resume continues", e);
        } catch (ExecutionException e) {
            // runOne records strategy failures itself; anything else is a bug worth surfacing as it is.
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(c);
        }
    }

    /**
     * The strategies to run on {@code task}: the baselines that apply, then the requested ones that apply; the others
     * go into {@code skipped} with the reason.
     */
    private List<String> plan(TransferProblem<?> task, Map<String, String> skipped) {
        List<String> candidates = new ArrayList<>();
        candidates.add(TARGET_ONLY);
        candidates.add(SOURCE_ONLY);
        candidates.addAll(strategies.isEmpty() ? registry.names() : strategies);
        List<String> out = new ArrayList<>();
        for (String name : new LinkedHashSet<>(candidates)) {
            if (!registry.contains(name)) {
                continue;
            }
            if (!registry.provider(name).supports(task.outputFactory())) {
                skipped.putIfAbsent(name, "it does not support "
                        + task.outputFactory().getUnknownOutput().getClass().getSimpleName() + " outputs");
                continue;
            }
            TransferStrategy<?, ?> s = create(name, task);
            String why = s.whyNotApplicable(task);
            if (why == null) {
                out.add(name);
            } else {
                skipped.putIfAbsent(name, why);
                logger.fine(() -> "Skipping " + name + " on " + task.name() + ": " + why);
            }
        }
        return out;
    }

    private String whyNone(String name, List<? extends TransferProblem<?>> tasks) {
        TransferProblem<?> first = tasks.get(0);
        if (!registry.provider(name).supports(first.outputFactory())) {
            return "it does not support " + first.outputFactory().getUnknownOutput().getClass().getSimpleName() + " outputs";
        }
        return create(name, first).whyNotApplicable(first);
    }

    private <T extends Output<T>> TransferStrategy<T, ?> create(String name, TransferProblem<T> task) {
        TransferStrategy<T, ?> s = registry.create(name, task.outputFactory(), Map.of());
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, String> global = options.getOrDefault(ALL_STRATEGIES, Map.of());
        Set<String> valid = StrategyOptions.describe(s.getClass()).keySet();
        for (Map.Entry<String, String> e : global.entrySet()) {
            if (valid.contains(e.getKey())) {
                opts.put(e.getKey(), e.getValue());
            }
        }
        opts.putAll(options.getOrDefault(name, Map.of()));
        StrategyOptions.apply(s, opts, task.outputFactory());
        Map<String, List<String>> axes = new LinkedHashMap<>();
        if (!name.equals(TARGET_ONLY) && !name.equals(SOURCE_ONLY)) {
            // A grid for every strategy leaves the reference baselines as configured.
            grid.getOrDefault(ALL_STRATEGIES, Map.of()).forEach((k, v) -> {
                if (valid.contains(k)) {
                    axes.put(k, v);
                }
            });
        }
        axes.putAll(grid.getOrDefault(name, Map.of()));
        if (axes.isEmpty()) {
            return s;
        }
        if (!TransferTask.class.equals(s.problemType())) {
            throw new IllegalArgumentException("Label-free selection of '" + name + "' needs a feature-vector strategy; "
                    + "it accepts " + s.problemType().getSimpleName());
        }
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> p : points) {
                for (String v : axis.getValue()) {
                    Map<String, String> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        List<TransferStrategy<T, TransferTask<T>>> candidates = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Map<String, String> p : points) {
            TransferStrategy<T, ?> c = registry.create(name, task.outputFactory(), Map.of());
            Map<String, String> all = new LinkedHashMap<>(opts);
            all.putAll(p);
            StrategyOptions.apply(c, all, task.outputFactory());
            @SuppressWarnings("unchecked")
            TransferStrategy<T, TransferTask<T>> typed = (TransferStrategy<T, TransferTask<T>>) c;
            candidates.add(typed);
            StringJoiner label = new StringJoiner(",");
            p.forEach((k, v) -> label.add(k + "=" + v));
            labels.add(label.toString());
        }
        return new SelectedStrategy<>(candidates, labels, criterion, selectionFolds);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T extends Output<T>> RunRecord runOne(TransferProblem<T> task, String name, long seed) {
        StrategyDescriptor d = registry.provider(name).descriptor();
        long start = System.nanoTime();
        try {
            TransferStrategy<T, ?> s = create(name, task);
            TransferModel<T> model = ((TransferStrategy) s).fit(task, seed);
            long fitMillis = (System.nanoTime() - start) / 1_000_000;
            List<Prediction<T>> predictions = model.predictTargetTest(task);
            Map<Metric, Double> m = Metrics.compute(task.outputFactory(), task.targetTestTruth(), predictions);
            return new RunRecord(suite, task.name(), name, d.approachLabel(), seed, m, fitMillis, null);
        } catch (RuntimeException | LinkageError e) {
            long fitMillis = (System.nanoTime() - start) / 1_000_000;
            logger.log(Level.WARNING, "Strategy " + name + " failed on task " + task.name() + " (seed " + seed + ")", e);
            String msg = e.getClass().getSimpleName() + ": " + Objects.requireNonNullElse(e.getMessage(), "(no message)");
            return new RunRecord(suite, task.name(), name, d.approachLabel(), seed, Map.of(), fitMillis, msg);
        }
    }

    private <T extends Output<T>> List<DiscrepancyRecord> discrepancy(TransferTask<T> task, long seed) {
        List<Domain<T>> target = new ArrayList<>();
        String targetLabel;
        if (!task.targetTrain().isEmpty() || !task.targetUnlabelled().isEmpty()) {
            target.add(task.targetTrain());
            target.add(task.targetUnlabelled());
            targetLabel = task.targetName() + "(train+unlabelled)";
        } else {
            target.add(task.targetTest());
            targetLabel = task.targetName() + "(test features)";
        }
        DMatrixRMaj xt = DomainDiscrepancy.subsample(TribuoMatrices.stack(target, task.featureSpace()),
                MAX_DISCREPANCY_POINTS, Seeds.derive(seed, "disc-target"));
        List<DiscrepancyRecord> out = new ArrayList<>();
        for (Domain<T> s : task.sources()) {
            DMatrixRMaj xs = DomainDiscrepancy.subsample(TribuoMatrices.features(s, task.featureSpace()),
                    MAX_DISCREPANCY_POINTS, Seeds.derive(seed, "disc-" + s.name()));
            double lin = Double.NaN;
            double rbf = Double.NaN;
            double sigma = Double.NaN;
            double pad = Double.NaN;
            double coral = Double.NaN;
            try {
                lin = DomainDiscrepancy.mmdLinear(xs, xt);
                coral = xs.numRows > 1 && xt.numRows > 1 ? DomainDiscrepancy.coral(xs, xt) : Double.NaN;
                sigma = DomainDiscrepancy.medianHeuristic(xs, xt, seed);
                rbf = xs.numRows > 1 && xt.numRows > 1 ? DomainDiscrepancy.mmdRbf(xs, xt, sigma) : Double.NaN;
                pad = Math.min(xs.numRows, xt.numRows) >= 4 ? DomainDiscrepancy.proxyADistance(xs, xt, seed) : Double.NaN;
            } catch (RuntimeException e) {
                logger.warning("Discrepancy between " + s.name() + " and " + targetLabel + " on task " + task.name()
                        + " is incomplete: " + e.getMessage());
            }
            out.add(new DiscrepancyRecord(task.name(), seed, s.name(), targetLabel, lin, rbf, sigma, pad, coral));
        }
        return out;
    }

    /** Most points per sample used for discrepancies (subsampled with the seed beyond this). */
    public static final int MAX_DISCREPANCY_POINTS = 1000;

    private void aggregate(List<RunRecord> runs, Map<String, List<Metric>> taskMetrics, List<ResultRow> rows,
                           List<SummaryRow> summary) {
        Map<String, RunRecord> byKey = new HashMap<>();
        Map<String, Map<String, List<RunRecord>>> grouped = new LinkedHashMap<>();
        for (RunRecord r : runs) {
            byKey.put(r.key(), r);
            grouped.computeIfAbsent(r.task(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.strategy(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, Map<String, List<RunRecord>>> te : grouped.entrySet()) {
            String task = te.getKey();
            for (Map.Entry<String, List<RunRecord>> se : te.getValue().entrySet()) {
                String strategy = se.getKey();
                List<RunRecord> rs = se.getValue();
                for (Metric metric : taskMetrics.get(task)) {
                    int k = rs.size();
                    double[] values = new double[k];
                    double[] targetOnly = new double[k];
                    double[] sourceOnly = new double[k];
                    double[] gaps = new double[k];
                    for (int i = 0; i < k; i++) {
                        RunRecord r = rs.get(i);
                        values[i] = r.value(metric);
                        targetOnly[i] = baseline(byKey, task, TARGET_ONLY, r.seed(), metric);
                        sourceOnly[i] = baseline(byKey, task, SOURCE_ONLY, r.seed(), metric);
                        gaps[i] = metric.error(values[i]) - metric.error(targetOnly[i]);
                    }
                    NegativeTransferTest.Result test = NegativeTransferTest.decide(gaps, alpha);
                    double pub = published.lookup(task, strategy, metric).orElse(Double.NaN);
                    long fitSum = 0;
                    int failures = 0;
                    for (int i = 0; i < k; i++) {
                        RunRecord r = rs.get(i);
                        fitSum += r.fitMillis();
                        if (r.failed()) {
                            failures++;
                        }
                        rows.add(new ResultRow(suite, task, strategy, r.approach(), r.seed(), metric, values[i],
                                targetOnly[i], sourceOnly[i], gaps[i], test.verdict(), r.fitMillis(), pub, r.error()));
                    }
                    summary.add(new SummaryRow(task, strategy, rs.get(0).approach(), metric, countFinite(values),
                            mean(values), std(values), mean(targetOnly), mean(sourceOnly), test, fitSum / (double) k,
                            pub, failures));
                }
            }
        }
    }

    private static double baseline(Map<String, RunRecord> byKey, String task, String strategy, long seed, Metric m) {
        RunRecord r = byKey.get(RunRecord.key(task, strategy, seed));
        return r == null ? Double.NaN : r.value(m);
    }

    private static int countFinite(double[] v) {
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                n++;
            }
        }
        return n;
    }

    /** Mean of the finite entries, NaN if none. */
    static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Sample standard deviation of the finite entries, NaN with fewer than two. */
    static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                s += (x - m) * (x - m);
                n++;
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(s / (n - 1));
    }

    /** Configures an {@link Evaluator}. */
    public static final class Builder {
        private final String suite;
        private final StrategyRegistry registry;
        private List<String> strategies = List.of();
        private final Map<String, Map<String, String>> options = new LinkedHashMap<>();
        private List<Long> seeds = List.of(0L, 1L, 2L, 3L, 4L);
        private double alpha = NegativeTransferTest.DEFAULT_ALPHA;
        private ProgressListener listener = ProgressListener.NONE;
        private RunStore store = RunStore.inMemory();
        private PublishedValues published = PublishedValues.NONE;
        private boolean discrepancies = true;
        private final Map<String, Map<String, List<String>>> grid = new LinkedHashMap<>();
        private LabelFreeSelection.Criterion criterion;
        private int selectionFolds = LabelFreeSelection.DEFAULT_FOLDS;
        private int threads = 1;

        private Builder(String suite, StrategyRegistry registry) {
            this.suite = Objects.requireNonNull(suite, "suite");
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /**
         * Fits to run at once (default 1). Every fit has its own strategy instance, seed and inner trainer, so the
         * results are the same bits for any number of threads; runs are recorded, saved and reported in the same
         * order as with one thread. Fit times ({@code fit_ms}) are measured per fit and include contention.
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("Invalid thread count: " + threads + " (must be >= 1)");
            }
            this.threads = threads;
            return this;
        }

        /** Strategies to compare (the baselines always run); empty means every registered strategy that applies. */
        public Builder strategies(List<String> names) {
            this.strategies = List.copyOf(names);
            return this;
        }

        /**
         * Options for one strategy ({@link StrategyOptions}), or for every strategy that has them when
         * {@code strategy} is {@value #ALL_STRATEGIES}.
         */
        public Builder options(String strategy, Map<String, String> values) {
            options.computeIfAbsent(strategy, k -> new LinkedHashMap<>()).putAll(values);
            return this;
        }

        /** The seeds (default 0–4). */
        public Builder seeds(List<Long> seeds) {
            if (seeds.isEmpty()) {
                throw new IllegalArgumentException("An evaluation needs at least one seed");
            }
            if (new LinkedHashSet<>(seeds).size() != seeds.size()) {
                throw new IllegalArgumentException("Seeds must be distinct: " + seeds);
            }
            this.seeds = List.copyOf(seeds);
            return this;
        }

        /** Seeds {@code 0 … n−1}. */
        public Builder seeds(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("Invalid seed count: " + n + " (must be at least 1)");
            }
            List<Long> s = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                s.add(i);
            }
            return seeds(s);
        }

        /** Significance level of the negative-transfer test (default 0.05). */
        public Builder alpha(double alpha) {
            NegativeTransferTest.decide(new double[0], alpha);
            this.alpha = alpha;
            return this;
        }

        /** Progress reporting. */
        public Builder listener(ProgressListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /** Where finished runs are kept and found again. */
        public Builder store(RunStore store) {
            this.store = Objects.requireNonNull(store);
            return this;
        }

        /** Published numbers to report beside the results. */
        public Builder published(PublishedValues published) {
            this.published = Objects.requireNonNull(published);
            return this;
        }

        /** Whether to compute domain discrepancies of feature-vector tasks (default true). */
        public Builder discrepancies(boolean on) {
            this.discrepancies = on;
            return this;
        }

        /**
         * Chooses the configuration of {@code strategy} ({@value #ALL_STRATEGIES} for every strategy that has the
         * option) on each task and seed by label-free model selection ({@link SelectedStrategy}) among the values
         * of {@code key}; several keys form a grid. Needs {@link #selection(LabelFreeSelection.Criterion, int)}.
         *
         * @throws IllegalArgumentException if no values are given
         */
        public Builder grid(String strategy, String key, List<String> values) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("Grid option '" + key + "' needs at least one value");
            }
            grid.computeIfAbsent(strategy, k -> new LinkedHashMap<>()).put(key, List.copyOf(values));
            return this;
        }

        /**
         * The label-free criterion and source folds used for strategies with a {@link #grid}; never reads target
         * test labels.
         */
        public Builder selection(LabelFreeSelection.Criterion criterion, int folds) {
            this.criterion = Objects.requireNonNull(criterion, "criterion");
            if (folds < 2) {
                throw new IllegalArgumentException("Invalid selection folds: " + folds + " (must be >= 2)");
            }
            this.selectionFolds = folds;
            return this;
        }

        /**
         * Builds the evaluator.
         *
         * @throws NamedProviders.UnknownNameException if a strategy name is unknown
         */
        public Evaluator build() {
            return new Evaluator(this);
        }
    }
}
