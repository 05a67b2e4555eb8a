package org.tl4j.datasets.lfw;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.backbone.LabelledImage;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LfwFewShotSuiteTest {

    @Test
    void sourceAndTargetPeopleAreDisjointAndShotsAreNested(@TempDir Path dir) throws Exception {
        Map<String, Integer> people = new LinkedHashMap<>();
        people.put("Big_One", 9);
        people.put("Big_Two", 8);
        people.put("Mid_A", 5);
        people.put("Mid_B", 6);
        people.put("Small_C", 2);
        LfwDataset data = LfwDataset.open(TinyLfw.archiveOf(dir, people));
        LfwFewShotSuite.Split s = LfwFewShotSuite.split(data, 8, 4, 3, 7L);
        Set<String> sourcePeople = new HashSet<>();
        s.source().forEach(i -> sourcePeople.add(i.label().getLabel()));
        assertEquals(Set.of("Big_One", "Big_Two"), sourcePeople);
        assertEquals(17, s.source().size(), "every image of the source people");
        assertEquals(Set.of("Mid_A", "Mid_B"), s.pools().keySet());
        assertEquals(5, s.test().size(), "2 + 3 images beyond the pools of 3");
        List<LabelledImage> one = s.train(1);
        List<LabelledImage> three = s.train(3);
        assertEquals(2, one.size());
        assertTrue(three.containsAll(one), "the 1-shot images are among the 3-shot images");
        Set<String> trainKeys = new HashSet<>();
        three.forEach(i -> trainKeys.add(i.key()));
        s.test().forEach(i -> assertTrue(!trainKeys.contains(i.key()), "test images are not training images"));
        assertEquals(s.pools(), LfwFewShotSuite.split(data, 8, 4, 3, 7L).pools(), "seeded");
        assertNotEquals(s.pools(), LfwFewShotSuite.split(data, 8, 4, 3, 8L).pools(), "another seed, another draw");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LfwFewShotSuite.split(data, 8, 4, 4, 1L));
        assertTrue(e.getMessage().contains("keeps a test image"), e.getMessage());
    }
}
