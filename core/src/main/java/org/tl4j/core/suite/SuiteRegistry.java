package org.tl4j.core.suite;

import org.tl4j.core.NamedProviders;

import java.util.List;

/**
 * The suites visible on the class path, discovered through {@link SuiteProvider} service entries; names are
 * unique and unknown names are answered with the closest known ones.
 */
public final class SuiteRegistry {
    private final NamedProviders<SuiteProvider> providers;

    private SuiteRegistry(NamedProviders<SuiteProvider> providers) {
        this.providers = providers;
    }

    /** Discovers suites with the thread's context class loader (or this class's loader). */
    public static SuiteRegistry load() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return new SuiteRegistry(NamedProviders.load("suite", SuiteProvider.class,
                cl == null ? SuiteRegistry.class.getClassLoader() : cl, SuiteProvider::name));
    }

    /** A registry of exactly these suites. */
    public static SuiteRegistry of(List<? extends SuiteProvider> suites) {
        return new SuiteRegistry(NamedProviders.of("suite", suites, SuiteProvider::name));
    }

    /** Suite names, sorted. */
    public List<String> names() {
        return providers.names();
    }

    /** All suites in name order. */
    public List<SuiteProvider> suites() {
        return providers.all();
    }

    /**
     * The suite called {@code name}.
     *
     * @throws NamedProviders.UnknownNameException listing the closest known names
     */
    public SuiteProvider get(String name) {
        return providers.get(name);
    }
}
