package org.tl4j.core.suite;

import org.tl4j.core.TransferProblem;
import org.tl4j.core.eval.PublishedValues;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A named collection of tasks for {@code tl run --suite NAME}, contributed by any module through
 * {@code META-INF/services/org.tl4j.core.suite.SuiteProvider}, exactly like strategies.
 */
public interface SuiteProvider {

    /** Stable lower-case name, e.g. {@code synthetic} or {@code office-caltech}. */
    String name();

    /** One line for help text. */
    String description();

    /**
     * The tasks for one seed. Synthetic suites draw new data per seed; real-data suites may return the same tasks
     * for every seed (the seed then only varies the strategies' randomness). Task names must be unique and the same
     * for every seed.
     *
     * @throws IllegalArgumentException if data the suite needs are missing (naming the path and the fix)
     */
    List<? extends TransferProblem<?>> tasks(SuiteContext context, long seed);

    /**
     * Every file {@link #tasks} reads for {@code context} (data and models), in a stable order; empty for a suite
     * that reads none (generated data). {@code tl run} records their SHA-256 ({@link DataIdentity}) and refuses to
     * resume a run on files that differ, so a suite that reads files must list each of them.
     *
     * @throws IllegalArgumentException if data the suite needs are missing (naming the path and the fix)
     */
    List<Path> dataFiles(SuiteContext context);

    /**
     * The parameters the suite reads ({@code tl run --param KEY=VALUE}), name → one-line description; empty (the
     * default) when it reads none. Any other parameter is refused before a run starts.
     */
    default Map<String, String> parameters() {
        return Map.of();
    }

    /** Published numbers the suite reproduces; none by default. */
    default PublishedValues published() {
        return PublishedValues.NONE;
    }

    /**
     * Strategy options the suite's protocol fixes (e.g. {@code * → inner=1nn}), keyed as in
     * {@link org.tl4j.core.eval.Evaluator.Builder#options(String, Map)}; the user's options override them.
     */
    default Map<String, Map<String, String>> defaultOptions() {
        return Map.of();
    }

    /** Strategies run when the user names none; empty means every registered strategy that applies. */
    default List<String> defaultStrategies() {
        return List.of();
    }
}
