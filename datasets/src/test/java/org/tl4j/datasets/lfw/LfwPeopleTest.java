package org.tl4j.datasets.lfw;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LfwPeopleTest {

    @Test
    void readsViewTwoSetsAndViewOneLists() {
        LfwPeople v2 = LfwPeople.parse("people.txt", List.of("2", "2", "Ann_A\t5", "Bob_B\t5", "1", "Cy_C\t4", ""));
        assertEquals(2, v2.sets());
        assertEquals(3, v2.people().size());
        assertEquals(new LfwPeople.Person(1, "Cy_C", 4, 6), v2.people().get(2));
        LfwPeople v1 = LfwPeople.parse("peopleDevTrain.txt", List.of("2", "Ann_A 5", "Dee_D 1"));
        assertEquals(1, v1.sets());
        assertEquals("Dee_D", v1.people().get(1).name());
    }

    @Test
    void malformedLinesAreNamed() {
        LfwFormatException e = assertThrows(LfwFormatException.class,
                () -> LfwPeople.parse("people.txt", List.of("1", "2", "Ann_A 5", "Bob_B five")));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("'five'"), e.getMessage());
        e = assertThrows(LfwFormatException.class, () -> LfwPeople.parse("people.txt", List.of("2", "Ann_A 5 x", "B 1")));
        assertEquals(2, e.line());
        e = assertThrows(LfwFormatException.class, () -> LfwPeople.parse("people.txt", List.of("1", "Ann_A 5", "B 1")));
        assertTrue(e.getMessage().contains("unexpected line"), e.getMessage());
        e = assertThrows(LfwFormatException.class, () -> LfwPeople.parse("people.txt", List.of("2", "1", "Ann_A 5")));
        assertTrue(e.getMessage().contains("set 2"), e.getMessage());
    }

    @Test
    void countsAreCheckedAgainstTheImages(@TempDir Path dir) throws IOException {
        LfwDataset d = LfwDataset.open(TinyLfw.archive(dir));
        LfwPeople.parse("people.txt", List.of("1", "2", "Ann_A 5", "Dee_D 1")).check(d, "people.txt");
        LfwFormatException e = assertThrows(LfwFormatException.class,
                () -> LfwPeople.parse("people.txt", List.of("1", "2", "Ann_A 5", "Cy_C 3")).check(d, "people.txt"));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("Cy_C is listed with 3 images") && e.getMessage().contains("holds 4"),
                e.getMessage());
    }
}
