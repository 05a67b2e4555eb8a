package org.tl4j.experiments.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureBenchCommandTest {

    @Test
    void listedUnderBench() {
        TlCommandTest.Result r = TlCommandTest.tl("bench", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("feature"), r.out());
    }

    @Test
    void invalidSizesAndThreadsAreUsageErrors() {
        TlCommandTest.Result r = TlCommandTest.tl("bench", "feature", "--sizes", "5000");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--sizes") && r.err().contains("5000"), r.err());
        r = TlCommandTest.tl("bench", "feature", "--threads", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--threads"), r.err());
    }
}
