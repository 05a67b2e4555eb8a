package org.tl4j.core.contract;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.tl4j.core.suite.SuiteContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Access to the shared data folder ({@code ../shared}, or {@code -Dtl4j.shared}) for real-data tests. They skip with
 * a reason when the folder is absent (a fresh clone without it) and run where it is present (CI). They cannot pass
 * green by skipping where the data should be: when the folder is present (it holds {@code data/}) but a file a test
 * needs is missing, the test fails, naming the file; and with {@code TL4J_REQUIRE_SHARED=true} in the environment
 * an absent folder fails every real-data test instead of skipping it.
 */
public final class SharedData {
    /** Environment variable that turns a missing shared folder from a skip into a failure. */
    public static final String REQUIRE = "TL4J_REQUIRE_SHARED";

    private SharedData() {
    }

    /** The data root. */
    public static Path root() {
        return SuiteContext.defaults().dataRoot();
    }

    /** Whether the shared folder is present (its {@code data/} folder exists). */
    public static boolean present() {
        return Files.isDirectory(root().resolve("data"));
    }

    /**
     * {@code relative} under the data root. Skips the calling test when the shared folder is absent; fails it when
     * the folder is present but lacks {@code relative}, or when {@value #REQUIRE} is {@code true}.
     */
    public static Path require(String relative) {
        Path r = root().toAbsolutePath().normalize();
        Path p = r.resolve(relative);
        if (present()) {
            if (!Files.exists(p)) {
                Assertions.fail("the shared data folder " + r + " is present but lacks " + relative
                        + ": restore it (see ../shared/README.md) rather than let this real-data test skip");
            }
            return p;
        }
        if ("true".equalsIgnoreCase(System.getenv(REQUIRE))) {
            Assertions.fail("the shared data folder " + r + " is absent but " + REQUIRE + "=true: point -Dtl4j.shared "
                    + "(or TL4J_SHARED) at it");
        }
        Assumptions.assumeTrue(false, () -> "shared data " + p + " is absent: skipping this real-data test (set "
                + "-Dtl4j.shared=DIR to run it)");
        return p;
    }
}
