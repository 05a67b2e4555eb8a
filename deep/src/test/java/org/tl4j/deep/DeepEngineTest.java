package org.tl4j.deep;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeepEngineTest {

    @Test
    void libtorchRunsOneThreadUnlessAskedOtherwise() {
        // Surefire sets neither tl4j.torch.threads nor DJL's properties: the engine loads with tl4j's default.
        assertEquals(1, DeepEngine.activeThreads());
        assertEquals("1", System.getProperty(DeepEngine.DJL_THREADS));
        assertEquals("1", System.getProperty(DeepEngine.DJL_INTEROP_THREADS));
        assertEquals(1, DeepEngine.useThreads(4), "after loading, the count in effect is reported, not changed");
    }

    @Test
    void aBadThreadCountNamesTheProperty() {
        String before = System.getProperty(DeepEngine.THREADS_PROPERTY);
        try {
            System.setProperty(DeepEngine.THREADS_PROPERTY, "many");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, DeepEngine::threads);
            assertTrue(e.getMessage().contains(DeepEngine.THREADS_PROPERTY), e.getMessage());
            System.setProperty(DeepEngine.THREADS_PROPERTY, "0");
            assertThrows(IllegalArgumentException.class, DeepEngine::threads);
            System.setProperty(DeepEngine.THREADS_PROPERTY, "3");
            assertEquals(3, DeepEngine.threads());
        } finally {
            if (before == null) {
                System.clearProperty(DeepEngine.THREADS_PROPERTY);
            } else {
                System.setProperty(DeepEngine.THREADS_PROPERTY, before);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> DeepEngine.useThreads(-1));
    }
}
