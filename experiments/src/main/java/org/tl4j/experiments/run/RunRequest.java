package org.tl4j.experiments.run;

import org.tl4j.core.NamedProviders;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.eval.Evaluator;
import org.tl4j.core.eval.Metric;
import org.tl4j.core.eval.Metrics;
import org.tl4j.core.eval.RequestException;
import org.tl4j.core.eval.StrategyFactory;
import org.tl4j.core.selection.LabelFreeSelection;
import org.tl4j.core.suite.SuiteProvider;
import org.tl4j.core.suite.SuiteRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of a suite run, resolved against the registries and checked: the suite, the strategies, the options
 * and grids per strategy (the suite's protocol, then the user's), the selection criterion and the metrics. Every
 * problem is a {@link RequestException} naming the argument and, for a name, the closest valid ones.
 */
final class RunRequest {
    final RunArguments args;
    final StrategyRegistry registry;
    final SuiteProvider suite;
    /** The strategies requested (or the suite's default list; empty: every strategy that applies). */
    final List<String> strategies;
    /** The user's {@code -o} options: strategy (or {@link Evaluator#ALL_STRATEGIES}) → key → value. */
    private final Map<String, Map<String, String>> userOptions = new LinkedHashMap<>();
    /** The suite's protocol options overridden by the user's. */
    final Map<String, Map<String, String>> options = new LinkedHashMap<>();
    final Map<String, Map<String, List<String>>> grids = new LinkedHashMap<>();
    final LabelFreeSelection.Criterion criterion;
    final List<Metric> metrics = new ArrayList<>();

    /**
     * Resolves everything that needs neither data nor the output folder.
     *
     * @throws RequestException for a value out of range, an unknown name or an empty or undeclared key
     */
    RunRequest(RunArguments args, StrategyRegistry registry) {
        this.args = args;
        this.registry = registry;
        if (args.seeds < 1 || args.seeds > RunSetup.MAX_SEEDS) {
            throw new RequestException("Invalid value for --seeds: " + args.seeds + " (must be in 1.."
                    + RunSetup.MAX_SEEDS + ")");
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
        checkParameters();
        criterion = criterion();
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

    /** Suite parameters must be ones the suite declares. */
    private void checkParameters() {
        Map<String, String> declared = suite.parameters();
        for (Map.Entry<String, String> p : args.params.entrySet()) {
            String key = p.getKey();
            if (key.isBlank()) {
                throw new RequestException("Invalid value for --param: '=" + p.getValue() + "' has no key: write "
                        + "KEY=VALUE");
            }
            if (!declared.containsKey(key)) {
                List<String> close = NamedProviders.closest(key, declared.keySet());
                throw new RequestException("Invalid value for --param: suite '" + suite.name() + "' has no parameter '"
                        + key + "'" + (close.isEmpty() ? "." : "; did you mean " + String.join(", ", close) + "?")
                        + (declared.isEmpty() ? " It takes no parameters."
                        : " Its parameters: " + String.join(", ", declared.keySet()) + " (see tl suites)."));
            }
        }
    }

    private LabelFreeSelection.Criterion criterion() {
        if (args.select == null) {
            if (!args.grid.isEmpty()) {
                throw new RequestException("--grid needs a selection criterion: add --select iwcv, dev or "
                        + "reverse-validation");
            }
            return null;
        }
        LabelFreeSelection.Criterion c;
        try {
            c = LabelFreeSelection.Criterion.parse(args.select);
        } catch (IllegalArgumentException e) {
            throw new RequestException("Invalid value for --select: " + e.getMessage());
        }
        if (args.grid.isEmpty()) {
            throw new RequestException("--select needs candidate values: add --grid [STRATEGY.]KEY=V1,V2,...");
        }
        if (args.selectFolds < 2) {
            throw new RequestException("Invalid value for --select-folds: " + args.selectFolds + " (must be at least 2)");
        }
        return c;
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

    /**
     * Checks the request against one draw of the tasks: the user's option and grid keys against the strategies
     * that run on them (a prefixed key must belong to a strategy that runs and be one of its options; an
     * unprefixed key must be an option of at least one strategy that runs), then the values, strategies and
     * metrics ({@link Evaluator#check}).
     *
     * @throws RequestException naming the argument to change
     */
    void check(List<? extends TransferProblem<?>> tasks) {
        StrategyFactory plain = new StrategyFactory(registry, new StrategyFactory.Settings(strategies,
                suite.defaultOptions(), Map.of(), null, LabelFreeSelection.DEFAULT_FOLDS));
        Set<String> running = new LinkedHashSet<>();
        for (TransferProblem<?> t : tasks) {
            running.addAll(plain.plan(t).strategies());
        }
        Map<String, String> anyOption = new LinkedHashMap<>();
        for (String s : running) {
            anyOption.putAll(registry.options(s));
        }
        userOptions.forEach((s, values) -> checkKeys("--option", s, values.keySet(), running, anyOption));
        grids.forEach((s, axes) -> checkKeys("--grid", s, axes.keySet(), running, anyOption));
        evaluator().build().check(tasks);
    }

    private void checkKeys(String option, String strategy, Set<String> keys, Set<String> running,
                           Map<String, String> anyOption) {
        for (String key : keys) {
            if (strategy.equals(Evaluator.ALL_STRATEGIES)) {
                if (!anyOption.containsKey(key)) {
                    List<String> close = NamedProviders.closest(key, anyOption.keySet());
                    throw new RequestException("Invalid value for " + option + ": none of the strategies that run ("
                            + String.join(", ", running) + ") has an option '" + key + "'"
                            + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                            + " Their options: " + String.join(", ", anyOption.keySet()));
                }
                continue;
            }
            if (!running.contains(strategy)) {
                throw new RequestException("Invalid value for " + option + ": '" + strategy + "." + key + "' is for "
                        + "strategy '" + strategy + "', which does not run (strategies that run: "
                        + String.join(", ", running) + "): add it to --strategies or drop the option");
            }
            Map<String, String> own = registry.options(strategy);
            if (!own.containsKey(key)) {
                List<String> close = NamedProviders.closest(key, own.keySet());
                throw new RequestException("Invalid value for " + option + ": strategy '" + strategy + "' has no option '"
                        + key + "'" + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                        + " Its options: " + (own.isEmpty() ? "(none)" : String.join(", ", own.keySet())));
            }
        }
    }

    /** An evaluator builder with the whole request, no store, listener or executor yet. */
    Evaluator.Builder evaluator() {
        Evaluator.Builder b = Evaluator.builder(args.suite, registry).strategies(strategies).seeds(args.seeds)
                .alpha(args.alpha).published(suite.published()).discrepancies(!args.noDiscrepancy).metrics(metrics);
        options.forEach(b::options);
        if (criterion != null) {
            b.selection(criterion, args.selectFolds);
            grids.forEach((strategy, axes) -> axes.forEach((k, v) -> b.grid(strategy, k, v)));
        }
        return b;
    }

    /** What {@code run.json} records of the request (a resume must match it). */
    Map<String, Object> describe() {
        Map<String, Object> config = new LinkedHashMap<>();
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
        return config;
    }
}
