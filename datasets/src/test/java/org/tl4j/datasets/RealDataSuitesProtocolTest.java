package org.tl4j.datasets;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The real-data suites' protocol options (the resource {@code protocol-test.csv} comes from core's test-jar). */
class RealDataSuitesProtocolTest {

    @Test
    void realDataSuitesAddTheirOneNearestNeighbourDefault() {
        Map<String, Map<String, String>> m = RealDataSuites.protocol("protocol-test");
        assertEquals("logistic", m.get("*").get("inner"), "a shipped protocol option is not overridden");
        assertEquals("1nn", RealDataSuites.protocol("no-such-suite").get("*").get("inner"));
    }
}
