package org.tl4j.relational.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomParserTest {

    @Test
    void readsAtomsWithSpacesQuotesNumbersAndSkipsCommentsAndBlankLines() {
        AtomFile f = AtomFile.parse("facts.txt", String.join("\n",
                "advisedby(person217,person342).",
                "",
                "% a comment",
                "// another",
                "  ta( course44 , person7 ,winter_0203 ) .  ",
                "name(p1,\"Ada Lovelace\").",
                "name(p2,'o,k').",
                "yearsinprogram(person7, 3.5).",
                "advisedby(person217,person342)."));
        assertEquals(List.of(
                GroundAtom.of("advisedby", "person217", "person342"),
                GroundAtom.of("ta", "course44", "person7", "winter_0203"),
                GroundAtom.of("name", "p1", "Ada Lovelace"),
                GroundAtom.of("name", "p2", "o,k"),
                GroundAtom.of("yearsinprogram", "person7", "3.5")), f.atoms());
        assertEquals(List.of(1, 5, 6, 7, 8), f.lines());
        assertEquals(1, f.duplicates(), "the repeated advisedby line is counted, not kept");
        assertEquals(3, f.ignoredLines());
        assertEquals(64, f.sha256().length());
    }

    @Test
    void quotedAndBareSpellingsAreTheSameConstant() {
        assertEquals(AtomParser.parse("p('abc').", "f", 1), AtomParser.parse("p(abc).", "f", 1));
    }

    @Test
    void malformedLinesNameFileLineAndProblem() {
        assertError("p(a,b)", 1, "ending with '.'");
        assertError("p a b.", 1, "name(arg,...)");
        assertError("p(a,,b).", 1, "empty argument 2");
        assertError("p(Alice,b).", 1, "variable");
        assertError("p(_x).", 1, "variable");
        assertError("p(f(a)).", 1, "compound term");
        assertError("P(a).", 1, "lower-case identifier");
        assertError("p('abc).", 1, "unterminated");
        assertError("p(a b).", 1, "expected ',' or ')'");
        assertError("p(a;b).", 1, "contains ';'");
    }

    @Test
    void errorsCarryTheLineNumberWithinAFile() {
        RelationalFormatException e = assertThrows(RelationalFormatException.class,
                () -> AtomFile.parse("pos.txt", "p(a).\np(b).\n\np(C).\n"));
        assertEquals("pos.txt", e.source());
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith("pos.txt:4: "), e.getMessage());
    }

    @Test
    void aPredicateWithTwoAritiesIsRejectedNamingBothLines() {
        RelationalFormatException e = assertThrows(RelationalFormatException.class,
                () -> AtomFile.parse("facts.txt", "p(a,b).\nq(c).\np(a).\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("2 on line 1"), e.getMessage());
    }

    private static void assertError(String line, int lineNumber, String fragment) {
        RelationalFormatException e = assertThrows(RelationalFormatException.class,
                () -> AtomParser.parse(line, "data.txt", lineNumber), line);
        assertTrue(e.getMessage().startsWith("data.txt:" + lineNumber + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), line + " -> " + e.getMessage());
    }
}
