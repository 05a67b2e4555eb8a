package org.tl4j.relational.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaTest {
    private static final List<GroundAtom> FACTS = List.of(
            GroundAtom.of("movie", "m1", "ann"),
            GroundAtom.of("movie", "m1", "bob"),
            GroundAtom.of("actor", "ann"),
            GroundAtom.of("director", "bob"),
            GroundAtom.of("genre", "bob", "drama"),
            GroundAtom.of("workedunder", "ann", "bob"));

    @Test
    void typesJoinPositionsThatShareConstantsTransitively() {
        Schema s = Schema.infer(FACTS);
        // ann links movie/1, actor/0, workedunder/0; bob links them to director/0, genre/0, workedunder/1.
        String person = s.signature("actor").type(0);
        assertEquals("actor/0", person, "named after the first position in (predicate, index) order");
        for (String p : List.of("director", "workedunder")) {
            assertEquals(person, s.signature(p).type(0));
        }
        assertEquals(person, s.signature("movie").type(1));
        assertEquals(person, s.signature("workedunder").type(1));
        assertEquals(person, s.signature("genre").type(0));
        assertNotEquals(person, s.signature("movie").type(0), "movies share no constant with people");
        assertNotEquals(s.signature("movie").type(0), s.signature("genre").type(1));
        assertEquals(List.of("actor/0", "genre/1", "movie/0"), s.types());
    }

    @Test
    void inferenceDoesNotDependOnTheOrderOfAtoms() {
        List<GroundAtom> shuffled = new ArrayList<>(FACTS);
        Collections.reverse(shuffled);
        assertEquals(Schema.infer(FACTS), Schema.infer(shuffled));
    }

    @Test
    void modesDeclareTypesAndPatterns() {
        Schema s = Schema.fromModes(ModeDeclaration.parseAll("""
                % comment
                movie(+movie,-person).
                movie(-movie,+person).
                actor(+person).
                """, "modes.txt"));
        assertTrue(s.hasModes());
        assertEquals(List.of("movie", "person"), s.signature("movie").argTypes());
        assertEquals(2, s.modes("movie").size());
        assertEquals(List.of(true, false), s.modes("movie").get(0).inputs());
        assertFalse(s.contains("director"));
    }

    @Test
    void conflictingOrUnsupportedModesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schema.fromModes(List.of(
                ModeDeclaration.parse("movie(+movie,-person)", "m", 1),
                ModeDeclaration.parse("movie(+film,-person)", "m", 2))));
        assertTrue(e.getMessage().contains("disagree"), e.getMessage());
        RelationalFormatException f = assertThrows(RelationalFormatException.class,
                () -> ModeDeclaration.parse("genre(+person,#genre).", "bk.txt", 7));
        assertTrue(f.getMessage().startsWith("bk.txt:7: "), f.getMessage());
        assertTrue(f.getMessage().contains("'#'"), f.getMessage());
    }

    @Test
    void unknownPredicatesAreNamedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Schema.infer(FACTS).signature("advisedby"));
        assertTrue(e.getMessage().contains("actor"), e.getMessage());
    }
}
