package org.tl4j.relational.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FactStoreTest {
    private final FactStore store = FactStore.of(List.of(
            GroundAtom.of("parent", "ann", "bob"),
            GroundAtom.of("parent", "ann", "cid"),
            GroundAtom.of("parent", "bob", "dan"),
            GroundAtom.of("parent", "ann", "bob"),
            GroundAtom.of("male", "bob"),
            GroundAtom.of("ta", "c1", "bob", "q1")));

    @Test
    void indexesEachArgumentPosition() {
        PredicateIndex parent = store.index("parent");
        assertEquals(3, parent.size(), "the repeated fact is stored once");
        int ann = store.idOf("ann");
        int bob = store.idOf("bob");
        assertEquals(2, parent.count(0, ann));
        assertEquals(1, parent.count(1, bob));
        assertEquals(1, parent.count(0, bob));
        assertEquals(0, parent.count(1, ann));
        int f = parent.fact(1, bob, 0);
        assertEquals(ann, parent.arg(f, 0));
        assertTrue(parent.contains(new int[] {ann, bob}));
        assertFalse(parent.contains(new int[] {bob, ann}));
        PredicateIndex ta = store.index("ta");
        assertTrue(ta.contains(new int[] {store.idOf("c1"), bob, store.idOf("q1")}));
        assertFalse(ta.contains(new int[] {store.idOf("c1"), ann, store.idOf("q1")}));
        assertNull(store.index("female"));
        assertEquals(5, store.factCount());
    }

    @Test
    void unknownConstantsGetConsistentIdsThatMatchNothing() {
        int[][] e = store.encode(List.of(GroundAtom.of("parent", "zed", "ann"), GroundAtom.of("parent", "ann",
                "zed"), GroundAtom.of("parent", "yan", "yan")));
        assertEquals(e[0][0], e[1][1], "the same unknown constant gets the same id within one call");
        assertNotEquals(e[0][0], e[2][0]);
        assertTrue(e[0][0] >= store.constantCount());
        assertEquals(0, store.index("parent").count(0, e[0][0]));
        assertFalse(store.index("parent").contains(e[0]));
        assertArrayEquals(new int[] {store.idOf("ann")}, new int[] {e[0][1]});
    }

    @Test
    void aPredicateWithTwoAritiesIsRejected() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> FactStore.of(List.of(
                GroundAtom.of("p", "a"), GroundAtom.of("p", "a", "b"))));
        assertTrue(ex.getMessage().contains("'p'"), ex.getMessage());
    }
}
