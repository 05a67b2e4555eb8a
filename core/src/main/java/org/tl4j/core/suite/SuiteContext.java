package org.tl4j.core.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a suite may need from its caller: where the shared data lives and free-form parameters.
 *
 * @param dataRoot   the folder holding the shared {@code data/} and {@code models/} trees (by default
 *                   {@code ../shared} relative to the project)
 * @param parameters suite-specific parameters (e.g. {@code preprocessing=zscore})
 */
public record SuiteContext(Path dataRoot, Map<String, String> parameters) {

    /** System property that overrides the default data root. */
    public static final String DATA_ROOT_PROPERTY = "tl4j.shared";

    /** Copies the parameters. */
    public SuiteContext {
        Objects.requireNonNull(dataRoot, "dataRoot");
        parameters = Map.copyOf(parameters);
    }

    /**
     * The default context: the data root from the {@value #DATA_ROOT_PROPERTY} system property, else the
     * {@code TL4J_SHARED} environment variable, else {@code ../shared}.
     */
    public static SuiteContext defaults() {
        String p = System.getProperty(DATA_ROOT_PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv("TL4J_SHARED");
        }
        return new SuiteContext(Path.of(p == null || p.isBlank() ? "../shared" : p), Map.of());
    }

    /**
     * A path under the data root that must exist.
     *
     * @param relative  e.g. {@code data/office-caltech10-surf}
     * @param what      what it is, for the message
     * @throws IllegalArgumentException naming the path and how to point tl4j at the data
     */
    public Path require(String relative, String what) {
        Path p = dataRoot.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException(what + " not found at " + p.toAbsolutePath().normalize()
                    + ": pass --data DIR (the folder holding data/ and models/), or set -D" + DATA_ROOT_PROPERTY
                    + " or TL4J_SHARED");
        }
        return p;
    }

    /** A parameter, or {@code fallback}. */
    public String parameter(String key, String fallback) {
        return parameters.getOrDefault(key, fallback);
    }
}
