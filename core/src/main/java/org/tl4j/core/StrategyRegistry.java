package org.tl4j.core;

import org.tribuo.Output;
import org.tribuo.OutputFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The strategies visible on the class path, discovered through {@link TransferStrategyProvider} service entries.
 * Names are unique (a duplicate fails discovery, naming both classes); {@link #provider(String)} answers an unknown
 * name with the closest known names.
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
     * Creates the strategy {@code name} for {@code outputFactory}'s output type, applying {@code options}
     * (see {@link StrategyOptions}).
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
