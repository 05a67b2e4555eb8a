package org.tl4j.datasets.lfw;

import org.junit.jupiter.api.Test;
import org.tl4j.core.contract.SharedData;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LfwPairsTest {

    private static List<String> valid() {
        return new ArrayList<>(List.of("2\t2",
                "Ann_A\t1\t2", "Bob_B\t1\t3",
                "Ann_A\t1\tBob_B\t2", "Cy_C\t4\tAnn_A\t3",
                "Cy_C 1 2", "Bob_B 2 3",
                "Cy_C 1 Bob_B 1", "Bob_B 3 Ann_A 2", ""));
    }

    private static LfwFormatException bad(List<String> lines) {
        return assertThrows(LfwFormatException.class, () -> LfwPairs.parse("pairs.txt", lines));
    }

    @Test
    void parsesFoldsMatchedAndMismatchedPairs() {
        LfwPairs p = LfwPairs.parse("pairs.txt", valid());
        assertEquals(8, p.pairs().size());
        assertEquals(2, p.folds());
        LfwPairs.Pair first = p.pairs().get(0);
        assertTrue(first.same());
        assertEquals("Ann_A/Ann_A_0001.jpg", first.keyA());
        assertEquals("Ann_A/Ann_A_0002.jpg", first.keyB());
        LfwPairs.Pair mis = p.pairs().get(3);
        assertEquals("Cy_C/Cy_C_0004.jpg", mis.keyA());
        assertEquals("Ann_A/Ann_A_0003.jpg", mis.keyB());
        assertEquals(5, mis.line());
        assertEquals(1, p.fold(1).get(0).fold());
        assertEquals(9, p.imageKeys().size());
    }

    @Test
    void wrongFieldCountNamesTheLine() {
        List<String> l = valid();
        l.set(2, "Bob_B\t1\t3\t4");
        LfwFormatException e = bad(l);
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("pairs.txt line 3: expected a matched pair"), e.getMessage());
        l = valid();
        l.set(3, "Ann_A\t1\tBob_B");
        e = bad(l);
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("mismatched pair"), e.getMessage());
    }

    @Test
    void badNumbersAndNamesAreNamed() {
        List<String> l = valid();
        l.set(1, "Ann_A\tone\t2");
        LfwFormatException e = bad(l);
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("'one'"), e.getMessage());
        l = valid();
        l.set(1, "Ann_A\t0\t2");
        assertEquals(2, bad(l).line());
        l = valid();
        l.set(3, "Ann_A\t1\tAnn_A\t2");
        assertTrue(bad(l).getMessage().contains("same person"));
    }

    @Test
    void headerAndLengthProblemsAreNamed() {
        List<String> l = valid();
        l.set(0, "ten folds");
        assertEquals(1, bad(l).line());
        l = valid();
        l.remove(8);
        l.remove(8);
        LfwFormatException e = bad(l);
        assertTrue(e.getMessage().contains("ends early"), e.getMessage());
        l = valid();
        l.add("Extra_E 1 2");
        e = bad(l);
        assertEquals(11, e.line());
        assertTrue(e.getMessage().contains("unexpected line"), e.getMessage());
        assertTrue(bad(List.of("", " ")).getMessage().contains("empty"));
    }

    @Test
    void viewOneHeaderHasOneFold() {
        LfwPairs p = LfwPairs.parse("pairsDevTest.txt", List.of("1", "A_A 1 2", "A_A 1 B_B 1"));
        assertEquals(1, p.folds());
        assertEquals(2, p.pairs().size());
    }

    @Test
    void theSharedView2ListHasTenFoldsOf600() throws IOException {
        LfwPairs p = LfwPairs.read(SharedData.require("data/lfw/pairs.txt"));
        assertEquals(10, p.folds());
        assertEquals(6000, p.pairs().size());
        assertEquals(300, p.fold(9).stream().filter(LfwPairs.Pair::same).count());
    }

    @Test
    void aByteOrderMarkIsSkippedAndOtherEncodingsAreNamedWithTheirLine(@org.junit.jupiter.api.io.TempDir
                                                                         java.nio.file.Path dir) throws IOException {
        java.nio.file.Path f = dir.resolve("pairs.txt");
        byte[] text = String.join("\n", valid()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bom = new byte[text.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bom, 3, text.length);
        java.nio.file.Files.write(f, bom);
        assertEquals(8, LfwPairs.read(f).pairs().size());
        List<String> marked = valid();
        marked.set(0, "\uFEFF" + marked.get(0));
        assertEquals(8, LfwPairs.parse("pairs.txt", marked).pairs().size());
        List<String> latin = valid();
        latin.set(3, "Jos\u00e9_A\t1\tBob_B\t2");
        java.nio.file.Files.write(f, String.join("\n", latin).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        LfwFormatException e = assertThrows(LfwFormatException.class, () -> LfwPairs.read(f));
        assertTrue(e.getMessage().startsWith("pairs.txt line 4: byte 0xE9 is not UTF-8 text"), e.getMessage());
    }
}
