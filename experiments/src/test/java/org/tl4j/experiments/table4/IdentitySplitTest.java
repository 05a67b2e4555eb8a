package org.tl4j.experiments.table4;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentitySplitTest {
    static final Map<String, List<String>> PEOPLE = Map.of(
            "B", List.of("B/B_0001.jpg", "B/B_0002.jpg", "B/B_0003.jpg"),
            "A", List.of("A/A_0001.jpg"),
            "C", List.of("C/C_0002.jpg", "C/C_0001.jpg"));

    @Test
    void everyPersonIsAClassAndEachPersonWithTwoImagesGivesOneTestImage() {
        IdentitySplit s = IdentitySplit.of(PEOPLE, 0);
        assertEquals(List.of("A", "B", "C"), s.people());
        assertEquals(2, s.test().size());
        assertEquals(4, s.train().size());
        Set<String> all = new HashSet<>();
        s.train().forEach(e -> all.add(e.key()));
        s.test().forEach(e -> assertTrue(all.add(e.key()), "a test image is also a training image"));
        assertEquals(6, all.size());
        for (IdentitySplit.Example e : s.test()) {
            assertEquals(s.people().get(e.label()), e.key().substring(0, 1));
            assertTrue(s.train().stream().anyMatch(t -> t.label() == e.label()), "each test person also trains");
        }
    }

    @Test
    void theSameSeedGivesTheSameSplit() {
        assertEquals(IdentitySplit.of(PEOPLE, 3), IdentitySplit.of(PEOPLE, 3));
    }

    @Test
    void nobodyWithTwoImagesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> IdentitySplit.of(Map.of("A", List.of("A/A_0001.jpg"),
                "B", List.of("B/B_0001.jpg")), 0));
    }

    @Test
    void restrictionKeepsThePeopleWithEnoughImagesAndTheirSplit() {
        IdentitySplit s = IdentitySplit.of(PEOPLE, 0);
        IdentitySplit r = s.restrict(2);
        assertEquals(List.of("B", "C"), r.people());
        assertEquals(s.test().stream().map(IdentitySplit.Example::key).toList(),
                r.test().stream().map(IdentitySplit.Example::key).toList(), "the same test images");
        assertEquals(3, r.train().size());
        for (IdentitySplit.Example e : r.train()) {
            assertEquals(r.people().get(e.label()), e.key().substring(0, 1), "relabelled consistently");
        }
        assertThrows(IllegalArgumentException.class, () -> s.restrict(3), "only B has three images");
        assertThrows(IllegalArgumentException.class, () -> s.restrict(1));
    }
}
