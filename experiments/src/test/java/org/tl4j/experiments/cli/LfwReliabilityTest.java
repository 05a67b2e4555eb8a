package org.tl4j.experiments.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.backbone.TinyOnnx;
import org.tl4j.datasets.lfw.TinyLfw;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tl4j.experiments.cli.TlCommandTest.tl;

/** {@code tl lfw} checks its arguments and output folder before any work and never reports what it did not compute. */
class LfwReliabilityTest {

    /** A {@code tl lfw} command line on the miniature LFW, with {@code more} arguments appended. */
    private static String[] lfw(Path dir, Path out, String... more) throws IOException {
        Path tgz = Files.exists(dir.resolve("lfw.tgz")) ? dir.resolve("lfw.tgz") : TinyLfw.archive(dir);
        Path pairs = Files.exists(dir.resolve("pairs.txt")) ? dir.resolve("pairs.txt") : TinyLfw.pairs(dir);
        List<String> a = new ArrayList<>(List.of("lfw", "--lfw", tgz.toString(), "--pairs", pairs.toString(),
                "--images", "used", "--cache", dir.resolve("cache").toString(), "--threads", "1", "--out", out.toString()));
        List<String> given = List.of(more);
        for (String[] d : new String[][]{{"--min-images", "4"}, {"--train-per-person", "2"}, {"--learners", "logistic"}}) {
            if (!given.contains(d[0])) {
                a.addAll(List.of(d));
            }
        }
        a.addAll(given);
        return a.toArray(String[]::new);
    }

    private static List<CSVRecord> csv(Path f) throws IOException {
        try (Reader in = Files.newBufferedReader(f); CSVParser p = CSVFormat.DEFAULT.parse(in)) {
            return p.getRecords();
        }
    }

    @Test
    void withoutThePixelsControlThereIsNoVerdict(@TempDir Path dir) throws IOException {
        Path model = Files.write(dir.resolve("tiny.onnx"), TinyOnnx.linear(16, 8, false, 3, "input", "output"));
        Path out = dir.resolve("out");
        TlCommandTest.Result r = tl(lfw(dir, out, "--model", "mobilefacenet-512d=" + model, "--spec", "size=16x16",
                "--spec", "batch=dynamic", "--spec", "dim=8", "--no-pixels"));
        assertEquals(0, r.code(), r.err());
        List<CSVRecord> rows = csv(out.resolve("lfw.csv"));
        List<String> header = rows.get(0).toList();
        assertEquals(2, rows.size(), "one model, no control");
        assertEquals("n/a", rows.get(1).get(header.indexOf("transfer")));
        assertEquals("", rows.get(1).get(header.indexOf("gain_vs_pixels_pp")));
        String md = Files.readString(out.resolve("lfw.md"));
        assertTrue(md.contains("no verdict: the no-source control (pixels) was not run (--no-pixels)"), md);
        assertFalse(md.contains("NaN") || md.contains("no useful transfer"), md);
        assertTrue(md.contains("(2 folds; each fold in turn is held out"), "the pair list has two folds: " + md);
        assertTrue(r.out().contains("no verdict"), r.out());
    }

    @Test
    void anEarlierRunsOutputsAreNotReplacedWithoutOverwrite(@TempDir Path dir) throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("lfw.csv"), "earlier");
        Files.writeString(out.resolve("notes.txt"), "mine");
        TlCommandTest.Result refused = tl(lfw(dir, out, "--model", "pixels"));
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("Invalid value for --out: " + out.toAbsolutePath() + " is not empty (it holds "
                + "lfw.csv, notes.txt, the outputs of an earlier tl lfw run)"), refused.err());
        assertFalse(refused.err().contains("reading "), "refused before reading the archive: " + refused.err());
        assertEquals("earlier", Files.readString(out.resolve("lfw.csv")));
        TlCommandTest.Result replaced = tl(lfw(dir, out, "--model", "pixels", "--overwrite"));
        assertEquals(0, replaced.code(), replaced.err());
        assertTrue(Files.readString(out.resolve("lfw.csv")).startsWith("model,"));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        Path file = Files.writeString(dir.resolve("file"), "x");
        TlCommandTest.Result onFile = tl(lfw(dir, file, "--model", "pixels"));
        assertEquals(2, onFile.code());
        assertTrue(onFile.err().contains("Invalid value for --out: " + file + " is a file, not a folder"), onFile.err());
    }

    @Test
    void badSettingsAreUsageErrorsBeforeAnyWork(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Map<String, String[]> cases = Map.of(
                "--far", new String[]{"--far", "1.5"},
                "--min-images", new String[]{"--min-images", "1"},
                "--train-per-person", new String[]{"--train-per-person", "4"},
                "--learners", new String[]{"--learners", "logistc"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            TlCommandTest.Result r = tl(lfw(dir, out, c.getValue()));
            assertEquals(2, r.code(), c.getKey() + ": " + r.err());
            assertTrue(r.err().contains("Invalid value for " + c.getKey()), r.err());
        }
        Files.writeString(dir.resolve("pairs.txt"), "2\nAnn_A\t1\t2\nBob_B\t1\t2\nAnn_A\t3\tBob_B\t3\nCy_C\t1\tDee_D\t1\n");
        TlCommandTest.Result oneFold = tl(lfw(dir, out, "--model", "pixels"));
        assertEquals(2, oneFold.code(), oneFold.err());
        assertTrue(oneFold.err().contains("holds 1 fold of pairs; the verification protocol"), oneFold.err());
        assertFalse(Files.exists(out), "no refused start leaves a folder behind");
    }

    /**
     * One corrupt image aborts the run, naming it: LFW's protocols are fixed lists of pairs and people, and a
     * skipped image would change them (and make the numbers incomparable with published ones).
     */
    @Test
    void aCorruptImageAbortsTheRunNamingItAndLeavesNoFolder(@TempDir Path dir) throws IOException {
        TinyLfw.archive(dir, Map.of("Ann_A/Ann_A_0001.jpg", "not a JPEG at all".getBytes(StandardCharsets.US_ASCII)));
        Path out = dir.resolve("out");
        TlCommandTest.Result r = tl(lfw(dir, out, "--model", "pixels"));
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("Ann_A/Ann_A_0001.jpg"), r.err());
        assertFalse(Files.exists(out), "the folder it created is removed, so the corrected rerun can use it");
    }
}
