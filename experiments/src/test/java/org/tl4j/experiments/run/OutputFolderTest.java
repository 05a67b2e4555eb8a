package org.tl4j.experiments.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.core.eval.RequestException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputFolderTest {

    @Test
    void aSecondProcessIsRefusedUntilTheFirstEndsHoweverItEnds(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("out");
        Process other = LockHolder.start(dir);
        try {
            RequestException e = assertThrows(RequestException.class, () -> OutputFolder.lock(dir, "--out", "test"));
            assertTrue(e.getMessage().contains("is in use by another tl process (pid " + other.pid()), e.getMessage());
        } finally {
            other.destroyForcibly().waitFor();
        }
        // Killed without a chance to clean up: its lock file stays, but the lock went with the process.
        assertTrue(Files.exists(dir.resolve(OutputFolder.LOCK_FILE)));
        try (OutputFolder f = OutputFolder.lock(dir, "--out", "test")) {
            assertEquals(List.of(), f.contents(), "the lock file is not content");
        }
    }

    @Test
    void theSameProcessCannotLockAFolderTwice(@TempDir Path tmp) {
        try (OutputFolder f = OutputFolder.lock(tmp.resolve("x"), "--out", "first")) {
            RequestException e = assertThrows(RequestException.class,
                    () -> OutputFolder.lock(tmp.resolve("x"), "--out", "second"));
            assertTrue(e.getMessage().contains("in use by another tl process"), e.getMessage());
        }
    }

    @Test
    void unusableLocationsAreUsageErrorsNamingTheOption(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("file.txt"), "mine");
        RequestException isFile = assertThrows(RequestException.class, () -> OutputFolder.lock(file, "--out", "t"));
        assertTrue(isFile.getMessage().startsWith("Invalid value for --out: " + file + " is a file, not a folder"),
                isFile.getMessage());
        RequestException under = assertThrows(RequestException.class,
                () -> OutputFolder.lock(file.resolve("sub"), "--out", "t"));
        assertTrue(under.getMessage().startsWith("Invalid value for --out: cannot create the folder "
                + file.resolve("sub")), under.getMessage());
        assertEquals("mine", Files.readString(file));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")),
                "a Linux /proc is needed for the last case");
        RequestException proc = assertThrows(RequestException.class,
                () -> OutputFolder.lock(Path.of("/proc/tl4j-test-out"), "--out", "t"));
        assertTrue(proc.getMessage().startsWith("Invalid value for --out: cannot create the folder /proc/tl4j-test-out ("),
                proc.getMessage());
    }

    @Test
    void abandoningAFolderItCreatedRemovesIt(@TempDir Path tmp) throws IOException {
        OutputFolder.lock(tmp.resolve("new"), "--out", "t").abandon();
        assertFalse(Files.exists(tmp.resolve("new")));
        Path kept = Files.createDirectories(tmp.resolve("kept"));
        Files.writeString(kept.resolve("notes.txt"), "x");
        OutputFolder.lock(kept, "--out", "t").abandon();
        assertTrue(Files.exists(kept.resolve("notes.txt")), "a folder the command did not create is left alone");
    }
}
