package org.tl4j.core.contract;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real-data tests skip only when the shared folder is absent, never when a file of a present folder is missing. */
class SharedDataTest {

    @Test
    void aMissingFileOfAPresentFolderFailsAndAnAbsentFolderSkips() {
        String missing = "data/no-such-file-" + System.nanoTime();
        if (SharedData.present()) {
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> SharedData.require(missing));
            assertTrue(e.getMessage().contains("is present but lacks " + missing), e.getMessage());
            assertTrue(Files.isDirectory(SharedData.require("data")), "a present entry is returned");
        } else {
            boolean required = "true".equalsIgnoreCase(System.getenv(SharedData.REQUIRE));
            Class<? extends Throwable> expected = required ? AssertionFailedError.class : TestAbortedException.class;
            assertThrows(expected, () -> SharedData.require(missing), "absent folder: skip, or fail when "
                    + SharedData.REQUIRE);
        }
    }
}
