package org.tl4j.core.eval;

import org.tl4j.core.BaselineRole;
import org.tl4j.core.StrategyOptions;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.TransferTask;
import org.tl4j.core.selection.LabelFreeSelection;
import org.tl4j.core.selection.SelectedStrategy;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.RegressionFactory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.logging.Logger;

/**
 * Strategy creation for the evaluation harness: which strategies run on a problem (its baselines by role, then the
 * requested strategies that apply, the others listed with the reason), and each strategy made with its options —
 * those for every strategy ({@value #ALL_STRATEGIES}) where the strategy has the option, then its own — and, where a
 * selection grid is given, wrapped in label-free model selection ({@link SelectedStrategy}).
 * <p>
 * Everything but the registry is in the serializable {@link Settings}, so a distributed executor can rebuild the same
 * factory where the fits run.
 */
public final class StrategyFactory {
    private static final Logger logger = Logger.getLogger(StrategyFactory.class.getName());

    /** Key of options (and grid axes) applied to every strategy that has the option. */
    public static final String ALL_STRATEGIES = "*";

    /** The baseline roles every comparison runs beside the requested strategies, in this order. */
    public static final List<BaselineRole> REFERENCE_ROLES = List.of(BaselineRole.TARGET_ONLY, BaselineRole.SOURCE_ONLY);

    /**
     * What the factory needs besides the registry.
     *
     * @param strategies     the strategies requested (empty: every registered strategy that applies)
     * @param options        strategy name (or {@value #ALL_STRATEGIES}) → option key → value
     * @param grid           strategy name (or {@value #ALL_STRATEGIES}) → option key → candidate values
     * @param criterion      the label-free selection criterion for grids, or {@code null} without grids
     * @param selectionFolds source folds of the selection
     */
    public record Settings(List<String> strategies, Map<String, Map<String, String>> options,
                           Map<String, Map<String, List<String>>> grid, LabelFreeSelection.Criterion criterion,
                           int selectionFolds) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Deep, ordered copies. */
        public Settings {
            strategies = List.copyOf(strategies);
            Map<String, Map<String, String>> o = new LinkedHashMap<>();
            options.forEach((k, v) -> o.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
            options = java.util.Collections.unmodifiableMap(o);
            Map<String, Map<String, List<String>>> g = new LinkedHashMap<>();
            grid.forEach((k, v) -> {
                Map<String, List<String>> axes = new LinkedHashMap<>();
                v.forEach((a, values) -> axes.put(a, List.copyOf(values)));
                g.put(k, java.util.Collections.unmodifiableMap(axes));
            });
            grid = java.util.Collections.unmodifiableMap(g);
            if (!grid.isEmpty() && criterion == null) {
                throw new IllegalArgumentException("A selection grid needs a criterion (tl run --select)");
            }
            if (selectionFolds < 2) {
                throw new IllegalArgumentException("Invalid selection folds: " + selectionFolds + " (must be >= 2)");
            }
        }
    }

    /**
     * The strategies planned for one problem.
     *
     * @param strategies the strategies to fit, reference baselines first
     * @param baselines  the reference baselines found for the problem's kind, by role
     * @param skipped    strategy name → why it does not apply
     */
    public record Plan(List<String> strategies, Map<BaselineRole, String> baselines, Map<String, String> skipped) {
        /** Copies. */
        public Plan {
            strategies = List.copyOf(strategies);
            Map<BaselineRole, String> b = new EnumMap<>(BaselineRole.class);
            b.putAll(baselines);
            baselines = java.util.Collections.unmodifiableMap(b);
            skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        }
    }

    private final StrategyRegistry registry;
    private final Settings settings;

    /**
     * @throws org.tl4j.core.NamedProviders.UnknownNameException if a requested strategy, or a strategy named by an
     *                                                           option or grid, is not registered
     */
    public StrategyFactory(StrategyRegistry registry, Settings settings) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.settings = Objects.requireNonNull(settings, "settings");
        for (String s : settings.strategies()) {
            registry.provider(s);
        }
        for (String s : settings.options().keySet()) {
            if (!s.equals(ALL_STRATEGIES)) {
                registry.provider(s);
            }
        }
        for (String s : settings.grid().keySet()) {
            if (!s.equals(ALL_STRATEGIES)) {
                registry.provider(s);
            }
        }
    }

    /** The registry strategies come from. */
    public StrategyRegistry registry() {
        return registry;
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    /**
     * The strategies to run on {@code problem}: the reference baselines of its kind ({@link #REFERENCE_ROLES}) that
     * apply, then the requested ones (or every registered one) that apply; the others are listed with the reason.
     */
    public Plan plan(TransferProblem<?> problem) {
        Map<BaselineRole, String> baselines = new EnumMap<>(BaselineRole.class);
        List<String> candidates = new ArrayList<>();
        for (BaselineRole role : REFERENCE_ROLES) {
            registry.baseline(role, problem).ifPresent(name -> {
                baselines.put(role, name);
                candidates.add(name);
            });
        }
        candidates.addAll(settings.strategies().isEmpty() ? registry.names() : settings.strategies());
        List<String> out = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (String name : new LinkedHashSet<>(candidates)) {
            String why = whyNot(name, problem);
            if (why == null) {
                out.add(name);
            } else {
                skipped.putIfAbsent(name, why);
                logger.fine(() -> "Skipping " + name + " on " + problem.name() + ": " + why);
            }
        }
        baselines.values().removeIf(name -> !out.contains(name));
        return new Plan(out, baselines, skipped);
    }

    /**
     * Why {@code name} cannot run on {@code problem}, or {@code null} when it can.
     *
     * @throws RequestException if the strategy's options or grid do not suit the problem (e.g. a classifier as the
     *                          inner learner of a regression task): an option applies to every task its strategy runs
     *                          on, so the request cannot be met as given
     */
    public String whyNot(String name, TransferProblem<?> problem) {
        if (!registry.provider(name).supports(problem.outputFactory())) {
            return "it does not support " + problem.outputFactory().getUnknownOutput().getClass().getSimpleName()
                    + " outputs";
        }
        TransferStrategy<?, ?> s;
        try {
            s = create(name, problem);
        } catch (RequestException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new RequestException("Invalid options for strategy '" + name + "' on task '" + problem.name() + "' ("
                    + outputs(problem.outputFactory()) + " outputs): " + e.getMessage()
                    + suitedElsewhere(name, problem.outputFactory()));
        }
        return s.whyNotApplicable(problem);
    }

    /**
     * When the options that failed on {@code failed}'s outputs suit the strategy's other output type, says so: the
     * value is right for some of the suite's tasks but an option applies to every task its strategy runs on.
     */
    private String suitedElsewhere(String name, OutputFactory<?> failed) {
        for (OutputFactory<?> f : List.of(new LabelFactory(), new RegressionFactory())) {
            if (f.getClass() == failed.getClass() || !registry.provider(name).supports(f)) {
                continue;
            }
            try {
                create(name, f);
                return " (they suit its " + outputs(f) + " tasks, but an option applies to every task its strategy "
                        + "runs on: choose a value that suits every task of the suite)";
            } catch (IllegalArgumentException ignored) {
                // the options suit no output type: the message above says why
            }
        }
        return "";
    }

    private static String outputs(OutputFactory<?> f) {
        return f.getUnknownOutput().getClass().getSimpleName();
    }

    /** The strategy {@code name} for {@code factory}'s outputs with its options (not its grid). */
    private <T extends Output<T>> TransferStrategy<T, ?> configured(String name, OutputFactory<T> factory) {
        TransferStrategy<T, ?> s = registry.create(name, factory, Map.of());
        StrategyOptions.apply(s, optionsOf(name, s), factory);
        return s;
    }

    /** The options for every strategy that {@code s} has, then those for {@code name}. */
    private Map<String, String> optionsOf(String name, TransferStrategy<?, ?> s) {
        Map<String, String> opts = new LinkedHashMap<>();
        Set<String> valid = StrategyOptions.describe(s.getClass()).keySet();
        for (Map.Entry<String, String> e : settings.options().getOrDefault(ALL_STRATEGIES, Map.of()).entrySet()) {
            if (valid.contains(e.getKey())) {
                opts.put(e.getKey(), e.getValue());
            }
        }
        opts.putAll(settings.options().getOrDefault(name, Map.of()));
        return opts;
    }

    /**
     * The strategy {@code name} for {@code problem} with its options, wrapped in label-free selection when a grid
     * names it.
     *
     * @throws IllegalArgumentException if an option is invalid, or a grid names a strategy that is not over
     *                                  feature vectors
     */
    public <T extends Output<T>> TransferStrategy<T, ?> create(String name, TransferProblem<T> problem) {
        return create(name, problem.outputFactory());
    }

    private <T extends Output<T>> TransferStrategy<T, ?> create(String name, OutputFactory<T> factory) {
        TransferStrategy<T, ?> s = configured(name, factory);
        Map<String, String> opts = optionsOf(name, s);
        Set<String> valid = StrategyOptions.describe(s.getClass()).keySet();
        Map<String, List<String>> axes = new LinkedHashMap<>();
        if (s.descriptor().role() == null || !REFERENCE_ROLES.contains(s.descriptor().role())) {
            // A grid for every strategy leaves the reference baselines as configured.
            settings.grid().getOrDefault(ALL_STRATEGIES, Map.of()).forEach((k, v) -> {
                if (valid.contains(k)) {
                    axes.put(k, v);
                }
            });
        }
        axes.putAll(settings.grid().getOrDefault(name, Map.of()));
        if (axes.isEmpty()) {
            return s;
        }
        if (!TransferTask.class.equals(s.problemType())) {
            throw new IllegalArgumentException("Label-free selection of '" + name + "' needs a feature-vector strategy; "
                    + "it accepts " + s.problemType().getSimpleName());
        }
        List<TransferStrategy<T, TransferTask<T>>> candidates = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Map<String, String> point : gridPoints(axes)) {
            TransferStrategy<T, ?> c = registry.create(name, factory, Map.of());
            Map<String, String> all = new LinkedHashMap<>(opts);
            all.putAll(point);
            StrategyOptions.apply(c, all, factory);
            @SuppressWarnings("unchecked")
            TransferStrategy<T, TransferTask<T>> typed = (TransferStrategy<T, TransferTask<T>>) c;
            candidates.add(typed);
            StringJoiner label = new StringJoiner(",");
            point.forEach((k, v) -> label.add(k + "=" + v));
            labels.add(label.toString());
        }
        return new SelectedStrategy<>(candidates, labels, settings.criterion(), settings.selectionFolds());
    }

    /** Every combination of the axes' values, the first axis varying slowest. */
    static List<Map<String, String>> gridPoints(Map<String, List<String>> axes) {
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
        return points;
    }
}
