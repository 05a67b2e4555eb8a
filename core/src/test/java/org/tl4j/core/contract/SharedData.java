package org.tl4j.core.contract;

import org.junit.jupiter.api.Assumptions;
import org.tl4j.core.suite.SuiteContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Access to the shared data folder ({@code ../shared}, or {@code -Dtl4j.shared}) for real-data tests, which skip
 * with a reason when the data are absent (a fresh clone without the folder) and run in CI, where it is present.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The data root. */
    public static Path root() {
        return SuiteContext.defaults().dataRoot();
    }

    /** {@code relative} under the data root; skips the calling test when it does not exist. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), () -> "shared data " + p.toAbsolutePath().normalize()
                + " is absent: skipping this real-data test (set -Dtl4j.shared=DIR to run it)");
        return p;
    }
}
