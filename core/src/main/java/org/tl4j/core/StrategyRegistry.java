package org.tl4j.core;

import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.RegressionFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The strategies visible on the class path, discovered through {@link TransferStrategyProvider} service entries.
 * Names are unique (a duplicate fails discovery, naming both classes); {@link #provider(String)} answers an unknown
 * name with the closest known names. Baselines are also found by {@linkplain BaselineRole role} and problem kind
 * ({@link #baseline(BaselineRole, TransferProblem)}).
 */
public final class StrategyRegistry {

    private final NamedProviders<TransferStrategyProvider> providers;

    private StrategyRegistry(NamedProviders<TransferStrategyProvider> providers) {
        this.providers = providers;
    }

    /** Discovers providers with the thread's context class loader (or this class's loader). */
    public static StrategyRegistry load() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return load(cl == null ? StrategyRegistry.class.getClassLoader() : cl);
    }

    /** Discovers providers visible to {@code loader}. */
    public static StrategyRegistry load(ClassLoader loader) {
        return new StrategyRegistry(NamedProviders.load("strategy", TransferStrategyProvider.class, loader,
                p -> p.descriptor().name()));
    }

    /** A registry of exactly these providers (for tests and embedding). */
    public static StrategyRegistry of(List<? extends TransferStrategyProvider> providers) {
        return new StrategyRegistry(NamedProviders.of("strategy", providers, p -> p.descriptor().name()));
    }

    /** Registered names, sorted. */
    public List<String> names() {
        return providers.names();
    }

    /** All providers in name order. */
    public List<TransferStrategyProvider> providers() {
        return providers.all();
    }

    /** All descriptors in name order. */
    public List<StrategyDescriptor> descriptors() {
        List<StrategyDescriptor> out = new ArrayList<>();
        for (TransferStrategyProvider p : providers.all()) {
            out.add(p.descriptor());
        }
        return out;
    }

    /**
     * The provider registered as {@code name}.
     *
     * @throws NamedProviders.UnknownNameException listing the closest known names
     */
    public TransferStrategyProvider provider(String name) {
        return providers.get(name);
    }

    /** Whether {@code name} is registered. */
    public boolean contains(String name) {
        return providers.contains(name);
    }

    /**
     * The options ({@code @Config} fields, {@link StrategyOptions#describe}) of strategy {@code name}, with their
     * descriptions: the union over the output types it supports among classification ({@link LabelFactory}) and
     * regression ({@link RegressionFactory}), as a strategy's class may differ by output type.
     *
     * @throws NamedProviders.UnknownNameException for an unknown name
     */
    public Map<String, String> options(String name) {
        TransferStrategyProvider p = provider(name);
        Map<String, String> out = new LinkedHashMap<>();
        for (OutputFactory<?> f : List.of(new LabelFactory(), new RegressionFactory())) {
            if (p.supports(f)) {
                out.putAll(StrategyOptions.describe(p.create(f).getClass()));
            }
        }
        return out;
    }

    /**
     * Creates the strategy {@code name} for {@code problem}, typed by the problem's kind, applying {@code options}
     * (see {@link StrategyOptions}):
     * <pre>{@code
     * TransferStrategy<Label, TransferTask<Label>> pooled = registry.create("pooled", task, Map.of("inner", "1nn"));
     * TransferModel<Label> model = pooled.fit(task, 42L);
     * }</pre>
     *
     * @throws NamedProviders.UnknownNameException for an unknown name
     * @throws IllegalArgumentException            if the strategy does not support the output type, an option is
     *                                             invalid, or the strategy accepts another kind of problem (saying which)
     */
    @SuppressWarnings("unchecked")
    public <T extends Output<T>, P extends TransferProblem<T>> TransferStrategy<T, P> create(String name, P problem,
                                                                                             Map<String, String> options) {
        TransferStrategy<T, ?> s = create(name, problem.outputFactory(), options);
        if (!s.problemType().isInstance(problem)) {
            throw new IllegalArgumentException(s.whyNotApplicable(problem));
        }
        // Checked above: P is the strategy's problem type or one of its subtypes, which its fit accepts.
        return (TransferStrategy<T, P>) s;
    }

    /**
     * The name of the baseline playing {@code role} for {@code problem}'s kind: the registered strategy with that
     * role whose data kind is the problem's and which supports its output type; empty when the kind has none (then
     * the negative transfer gap is not defined for it, and reports say n/a).
     *
     * @throws IllegalStateException if several registered baselines play the role for the same problem (naming them)
     */
    public Optional<String> baseline(BaselineRole role, TransferProblem<?> problem) {
        List<String> found = new ArrayList<>();
        for (TransferStrategyProvider p : providers.all()) {
            StrategyDescriptor d = p.descriptor();
            if (d.role() == role && d.dataKind().equals(problem.dataKind()) && p.supports(problem.outputFactory())) {
                found.add(d.name());
            }
        }
        if (found.size() > 1) {
            throw new IllegalStateException("Several strategies are registered as the " + role.label() + " baseline of "
                    + problem.dataKind() + " problems with " + problem.outputFactory().getUnknownOutput().getClass()
                    .getSimpleName() + " outputs: " + found + "; a problem kind registers one per role");
        }
        return found.stream().findFirst();
    }

    /**
     * Creates the strategy {@code name} for {@code outputFactory}'s output type, applying {@code options}
     * (see {@link StrategyOptions}); its problem type is only known at run time (prefer
     * {@link #create(String, TransferProblem, Map)}).
     *
     * @throws NamedProviders.UnknownNameException for an unknown name
     * @throws IllegalArgumentException            if the strategy does not support the output type or an option is invalid
     */
    public <T extends Output<T>> TransferStrategy<T, ?> create(String name, OutputFactory<T> outputFactory,
                                                               Map<String, String> options) {
        TransferStrategyProvider p = provider(name);
        if (!p.supports(outputFactory)) {
            throw new IllegalArgumentException("Strategy '" + name + "' does not support outputs of type "
                    + outputFactory.getUnknownOutput().getClass().getSimpleName());
        }
        TransferStrategy<T, ?> s = p.create(outputFactory);
        StrategyOptions.apply(s, options, outputFactory);
        return s;
    }
}
