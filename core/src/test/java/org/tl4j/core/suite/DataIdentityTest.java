package org.tl4j.core.suite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.core.TransferProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataIdentityTest {

    /** A suite that reads two files under the data root. */
    private static final SuiteProvider TWO_FILES = new SuiteProvider() {
        @Override
        public String name() {
            return "two-files";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public List<? extends TransferProblem<?>> tasks(SuiteContext context, long seed) {
            return List.of();
        }

        @Override
        public List<Path> dataFiles(SuiteContext context) {
            return List.of(context.require("data/a.bin", "a"), context.require("data/b.bin", "b"));
        }
    };

    private static Path root(Path dir, String b) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/a.bin"), "alpha");
        Files.writeString(dir.resolve("data/b.bin"), b);
        return dir;
    }

    @Test
    void theSameBytesUnderAnotherRootAreTheSameData(@TempDir Path dir) throws IOException {
        DataIdentity one = DataIdentity.of(TWO_FILES, new SuiteContext(root(dir.resolve("one"), "beta"), Map.of()));
        DataIdentity two = DataIdentity.of(TWO_FILES, new SuiteContext(root(dir.resolve("two"), "beta"), Map.of()));
        assertEquals(List.of("data/a.bin", "data/b.bin"), List.copyOf(one.files().keySet()));
        assertEquals(Optional.empty(), two.differenceFrom(one));
        // SHA-256 of "alpha"
        assertEquals("8ed3f6ad685b959ead7022518e1af76cd816f8e8ec7ccdda1ed4018e8f2223f8", one.files().get("data/a.bin"));
    }

    @Test
    void aChangedFileIsNamedWithBothChecksums(@TempDir Path dir) throws IOException {
        DataIdentity then = DataIdentity.of(TWO_FILES, new SuiteContext(root(dir.resolve("one"), "beta"), Map.of()));
        DataIdentity now = DataIdentity.of(TWO_FILES, new SuiteContext(root(dir.resolve("two"), "BETA"), Map.of()));
        String why = now.differenceFrom(then).orElseThrow();
        assertTrue(why.startsWith("data/b.bin differs: SHA-256 " + now.files().get("data/b.bin")), why);
        assertTrue(why.contains(then.files().get("data/b.bin")) && why.contains(then.root()), why);
    }

    @Test
    void aFileOnlyOneSideReadIsNamed() {
        DataIdentity then = new DataIdentity("/a", Map.of("x", "1", "y", "2"));
        DataIdentity now = new DataIdentity("/a", Map.of("x", "1"));
        assertTrue(now.differenceFrom(then).orElseThrow().startsWith("y was read by the earlier run"));
        assertTrue(then.differenceFrom(now).orElseThrow().startsWith("y is read now but was not"));
    }

    @Test
    void roundTripsThroughItsMapForm() {
        DataIdentity d = new DataIdentity("/data", Map.of("data/a.bin", "00ff"));
        assertEquals(d, DataIdentity.fromMap(d.toMap()));
        assertThrows(IllegalArgumentException.class, () -> DataIdentity.fromMap(Map.of("root", "/x")));
    }
}
