package org.tl4j.core.eval;

import org.tl4j.core.BaselineRole;
import org.tl4j.core.NamedProviders;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.StrategyOptions;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.selection.LabelFreeSelection;
import org.tl4j.core.selection.SelectedStrategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The evaluation harness, for every kind of problem: runs strategies × tasks × seeds, always beside the
 * {@linkplain BaselineRole#TARGET_ONLY target-only} and {@linkplain BaselineRole#SOURCE_ONLY source-only} baselines
 * of each problem's kind (found by role, {@link StrategyRegistry#baseline}), and reports each problem's metrics,
 * the negative transfer gap against target-only and a negative-transfer verdict per task and strategy
 * ({@link NegativeTransferTest}).
 * <p>
 * For each seed the task source is asked for that seed's draw of every task, and every strategy is fitted with that
 * seed, so a strategy and its baselines are compared on the same data (paired over seeds). A strategy that does not
 * apply to a task (wrong data kind, setting or output type) is skipped for it with the reason; a fit that throws is
 * recorded as a failure with its message and the evaluation goes on. Finished runs are kept in a {@link RunStore},
 * so an interrupted evaluation resumes where it stopped.
 * <p>
 * The work is split by concern: {@link StrategyFactory} (which strategies run, each with its options and
 * selection grid), {@link FitRunner} (one fit and its metrics), {@link FitExecutor} (where fits run: local threads,
 * or a cluster), {@link DiscrepancyProbe} (domain discrepancy before training) and the aggregation into rows,
 * summaries and verdicts; this class schedules them, resumes from the store and reports progress.
 */
public final class Evaluator {

    /** Key of options applied to every strategy that has the option ({@link StrategyFactory#ALL_STRATEGIES}). */
    public static final String ALL_STRATEGIES = StrategyFactory.ALL_STRATEGIES;

    /** Supplies the tasks of a suite for one seed. */
    @FunctionalInterface
    public interface TaskSource {
        /** The draw of every task for {@code seed}; task names must be unique and equal across seeds. */
        List<? extends TransferProblem<?>> tasks(long seed);
    }

    private final String suite;
    private final StrategyFactory factory;
    private final List<Long> seeds;
    private final double alpha;
    private final ProgressListener listener;
    private final RunStore store;
    private final PublishedValues published;
    private final boolean discrepancies;
    private final List<Metric> metrics;
    private final FitExecutor executor;

    private Evaluator(Builder b) {
        this.suite = b.suite;
        this.factory = new StrategyFactory(b.registry, new StrategyFactory.Settings(b.strategies, b.options, b.grid,
                b.criterion, b.selectionFolds));
        this.seeds = List.copyOf(b.seeds);
        this.alpha = b.alpha;
        this.listener = b.listener;
        this.store = b.store;
        this.published = b.published;
        this.discrepancies = b.discrepancies;
        this.metrics = b.metrics;
        this.executor = b.executor != null ? b.executor : FitExecutor.local(b.threads);
    }

    /** Starts a builder for a suite's evaluation. */
    public static Builder builder(String suite, StrategyRegistry registry) {
        return new Builder(suite, registry);
    }

    /** The strategy factory (options, grids) this evaluator uses; a distributed executor rebuilds it remotely. */
    public StrategyFactory factory() {
        return factory;
    }

    /**
     * Runs the evaluation.
     *
     * @throws RequestException         if a requested strategy applies to none of the tasks, a requested metric
     *                                  measures none of them, or a task is measured by none of the requested metrics
     * @throws IllegalArgumentException if the task source returns no or duplicate task names
     */
    public EvaluationReport run(TaskSource source) {
        Map<String, String> taskDescriptions = new LinkedHashMap<>();
        Map<String, List<Metric>> taskMetrics = new LinkedHashMap<>();
        Map<String, Map<BaselineRole, String>> baselines = new LinkedHashMap<>();
        Map<String, StrategyDescriptor> used = new LinkedHashMap<>();
        Map<String, Map<String, String>> skipped = new LinkedHashMap<>();
        List<DiscrepancyRecord> disc = new ArrayList<>();
        List<FitJob> jobs = new ArrayList<>();
        Set<String> applied = new LinkedHashSet<>();
        for (long seed : seeds) {
            List<? extends TransferProblem<?>> tasks = source.tasks(seed);
            if (tasks.isEmpty()) {
                throw new IllegalArgumentException("Suite '" + suite + "' produced no tasks for seed " + seed);
            }
            Set<String> names = new LinkedHashSet<>();
            for (TransferProblem<?> t : tasks) {
                if (!names.add(t.name())) {
                    throw new IllegalArgumentException("Suite '" + suite + "' has two tasks named '" + t.name() + "'");
                }
                taskDescriptions.putIfAbsent(t.name(), t.description());
                List<Metric> m = taskMetrics.computeIfAbsent(t.name(), k -> metricsOf(t));
                StrategyFactory.Plan plan = factory.plan(t);
                baselines.putIfAbsent(t.name(), plan.baselines());
                Map<String, String> why = skipped.computeIfAbsent(t.name(), k -> new LinkedHashMap<>());
                plan.skipped().forEach(why::putIfAbsent);
                for (String s : plan.strategies()) {
                    used.putIfAbsent(s, factory.registry().provider(s).descriptor());
                    applied.add(s);
                    jobs.add(new FitJob(t, s, seed, m));
                }
                if (discrepancies) {
                    disc.addAll(DiscrepancyProbe.measure(t, seed));
                }
            }
            if (seed == seeds.get(0)) {
                checkRequest(tasks, applied, taskMetrics);
            }
        }
        listener.start("suite " + suite, jobs.size());
        Map<String, RunRecord> done = new LinkedHashMap<>();
        List<FitJob> todo = new ArrayList<>();
        for (FitJob j : jobs) {
            Optional<RunRecord> previous = store.find(j.problem().name(), j.strategy(), j.seed());
            if (previous.isPresent()) {
                done.put(j.key(), previous.get());
                listener.resumed(j.label() + " (resumed)");
            } else {
                todo.add(j);
            }
        }
        FitRunner runner = new FitRunner(suite, factory);
        int[] next = {0};
        executor.execute(runner, todo, r -> {
            FitJob j = todo.get(next[0]++);
            store.save(r);
            done.put(j.key(), r);
            listener.step(j.label() + (r.failed() ? " FAILED: " + r.error() : ""));
        });
        listener.finish();
        List<RunRecord> runs = new ArrayList<>(jobs.size());
        for (FitJob j : jobs) {
            runs.add(Objects.requireNonNull(done.get(j.key()), () -> "no run recorded for " + j.label()));
        }
        List<ResultRow> rows = new ArrayList<>();
        List<SummaryRow> summary = new ArrayList<>();
        new ResultAggregator(suite, alpha, published).aggregate(runs, taskMetrics, baselines, rows, summary);
        skipped.values().removeIf(Map::isEmpty);
        return new EvaluationReport(suite, seeds, alpha, taskDescriptions, new ArrayList<>(used.values()), runs, rows,
                summary, disc, skipped, baselines, taskMetrics, executor.describe());
    }

    /**
     * Checks the request against one draw of the tasks (e.g. the first seed's) before anything is fitted: every
     * strategy's options and grid suit every task it runs on, every requested strategy applies to some task, every
     * requested metric measures some task and every task is measured by some requested metric. {@link #run} makes
     * the same checks; a command calls this first to refuse a bad request before it writes anything.
     *
     * @throws RequestException naming what to change
     */
    public void check(List<? extends TransferProblem<?>> tasks) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("Suite '" + suite + "' produced no tasks");
        }
        Map<String, List<Metric>> taskMetrics = new LinkedHashMap<>();
        Set<String> applied = new LinkedHashSet<>();
        for (TransferProblem<?> t : tasks) {
            taskMetrics.putIfAbsent(t.name(), metricsOf(t));
            applied.addAll(factory.plan(t).strategies());
        }
        checkRequest(tasks, applied, taskMetrics);
    }

    private void checkRequest(List<? extends TransferProblem<?>> tasks, Set<String> applied,
                              Map<String, List<Metric>> taskMetrics) {
        for (String s : factory.settings().strategies()) {
            if (!applied.contains(s)) {
                throw new RequestException("Strategy '" + s + "' applies to none of the tasks of suite '" + suite
                        + "' (" + String.join(", ", taskMetrics.keySet()) + "): " + factory.whyNot(s, tasks.get(0)));
            }
        }
        for (Metric m : metrics) {
            if (taskMetrics.values().stream().noneMatch(l -> l.contains(m))) {
                throw new RequestException("Metric '" + m.name() + "' measures none of the tasks of suite '"
                        + suite + "'");
            }
        }
    }

    private List<Metric> metricsOf(TransferProblem<?> t) {
        if (metrics.isEmpty()) {
            return List.copyOf(t.metrics());
        }
        List<Metric> m = new ArrayList<>();
        for (Metric x : metrics) {
            if (x.appliesTo(t.outputFactory())) {
                m.add(x);
            }
        }
        if (m.isEmpty()) {
            throw new RequestException("None of the requested metrics (" + metrics + ") measures task '"
                    + t.name() + "' (" + t.outputFactory().getUnknownOutput().getClass().getSimpleName()
                    + " outputs; its own metrics: " + t.metrics() + "): add one that does");
        }
        return m;
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
        private FitExecutor executor;
        private List<Metric> metrics = List.of();

        private Builder(String suite, StrategyRegistry registry) {
            this.suite = Objects.requireNonNull(suite, "suite");
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /**
         * Fits to run at once on local threads (default 1). Every fit has its own strategy instance, seed and inner
         * trainer, so the results are the same bits for any number of threads; runs are recorded, saved and
         * reported in the same order as with one thread. Fit times ({@code fit_ms}) are measured per fit and
         * include contention.
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("Invalid thread count: " + threads + " (must be >= 1)");
            }
            this.threads = threads;
            return this;
        }

        /** Where the fits run (default: {@link FitExecutor#local(int)} with {@link #threads(int)} threads). */
        public Builder executor(FitExecutor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Strategies to compare (the baselines always run); empty means every registered strategy that applies. */
        public Builder strategies(List<String> names) {
            this.strategies = List.copyOf(names);
            return this;
        }

        /**
         * The metrics of every task, primary first, instead of each problem's own ({@link TransferProblem#metrics()}):
         * each task gets those that measure its output type (a task measured by none of them is an error). Empty
         * (the default) keeps the problems' metrics.
         */
        public Builder metrics(List<Metric> metrics) {
            this.metrics = List.copyOf(metrics);
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
         * @throws IllegalArgumentException            if a grid is given without a criterion
         */
        public Evaluator build() {
            return new Evaluator(this);
        }
    }
}
