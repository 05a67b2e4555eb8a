package org.tl4j.core.data;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtocolOptionsTest {

    @Test
    void optionsAreGatheredPerStrategyFromTheClassPath() {
        Map<String, Map<String, String>> m = ProtocolOptions.load("protocol-test");
        assertEquals(Map.of("inner", "1nn"), m.get("pooled"));
        assertEquals(Map.of("inner", "logistic"), m.get("*"));
        assertTrue(ProtocolOptions.load("no-such-suite").isEmpty());
    }
}
