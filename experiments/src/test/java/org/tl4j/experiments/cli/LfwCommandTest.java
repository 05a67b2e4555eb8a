package org.tl4j.experiments.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.experiments.lfw.LfwReport;
import org.tl4j.datasets.lfw.TinyLfw;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tl lfw} and {@code tl bench backbone} end to end on a miniature LFW (no shared data needed). */
class LfwCommandTest {

    @Test
    void lfwWritesEveryOutputWithOneRowPerModel(@TempDir Path dir) throws IOException {
        Path tgz = TinyLfw.archive(dir);
        Path pairs = TinyLfw.pairs(dir);
        Path out = dir.resolve("out");
        TlCommandTest.Result r = TlCommandTest.tl("lfw", "--lfw", tgz.toString(), "--pairs", pairs.toString(),
                "--model", "pixels", "--min-images", "4", "--train-per-person", "2", "--images", "used",
                "--cache", dir.resolve("cache").toString(), "--threads", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("lfw.csv", "lfw.md", "lfw-folds.csv", "roc.png", "provenance.json")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        assertNotNull(ImageIO.read(out.resolve("roc.png").toFile()));
        try (Reader in = Files.newBufferedReader(out.resolve("lfw.csv"));
             CSVParser p = CSVFormat.DEFAULT.parse(in)) {
            List<CSVRecord> rows = p.getRecords();
            assertEquals(LfwReport.header(List.of("logistic", "linear-svm")), rows.get(0).toList());
            assertEquals(2, rows.size(), "one row: the pixels control");
            assertEquals("pixels", rows.get(1).get(0));
            assertEquals("control", rows.get(1).get(rows.get(0).toList().indexOf("transfer")));
            double acc = Double.parseDouble(rows.get(1).get(5));
            assertTrue(acc >= 0 && acc <= 1, "accuracy is a fraction: " + acc);
        }
        assertTrue(r.out().contains("pixels"), r.out());
        // A rerun is served by the embedding cache.
        TlCommandTest.Result again = TlCommandTest.tl("lfw", "--lfw", tgz.toString(), "--pairs", pairs.toString(),
                "--model", "pixels", "--min-images", "4", "--train-per-person", "2", "--images", "used",
                "--cache", dir.resolve("cache").toString(), "--threads", "1", "--out", dir.resolve("out2").toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("0 computed"), again.err());
    }

    @Test
    void badArgumentsAreUsageErrors(@TempDir Path dir) throws IOException {
        Path tgz = TinyLfw.archive(dir);
        Path pairs = TinyLfw.pairs(dir);
        TlCommandTest.Result r = TlCommandTest.tl("lfw", "--lfw", tgz.toString(), "--pairs", pairs.toString(),
                "--model", "arcface-r100", "--out", dir.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("arcface-r100") && r.err().contains("mobilefacenet-512d"), r.err());
        r = TlCommandTest.tl("lfw", "--lfw", tgz.toString(), "--pairs", pairs.toString(), "--model", "pixels",
                "--images", "some", "--out", dir.resolve("o").toString());
        assertEquals(2, r.code());
        Files.writeString(pairs, "2\t2\nAnn_A\t1\n");
        r = TlCommandTest.tl("lfw", "--lfw", tgz.toString(), "--pairs", pairs.toString(), "--model", "pixels",
                "--out", dir.resolve("o").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("pairs.txt line 2"), r.err());
    }

    @Test
    void aTruncatedJpegStopsTheRunNamingTheImageAndTheFix(@TempDir Path dir) throws IOException {
        // Cut to a third, the JPEG used to decode with grey filling the rest and change the results without a word.
        Path tgz = TinyLfw.archive(dir, "Ann_A/Ann_A_0002.jpg", b -> Arrays.copyOf(b, b.length / 3));
        Path pairs = TinyLfw.pairs(dir);
        Path out = dir.resolve("out");
        TlCommandTest.Result r = TlCommandTest.tl("lfw", "--lfw", tgz.toString(), "--pairs", pairs.toString(),
                "--model", "pixels", "--min-images", "4", "--train-per-person", "2", "--images", "used",
                "--cache", dir.resolve("cache").toString(), "--threads", "1", "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("Cannot decode image 'Ann_A/Ann_A_0002.jpg' as JPEG")
                && r.err().contains("premature end") && r.err().contains("replace the file"), r.err());
        assertFalse(Files.exists(out.resolve("lfw.csv")), "no results from a damaged archive");
    }

    @Test
    void backboneBenchPrintsRawAndPipelineRates(@TempDir Path dir) throws IOException {
        Path tgz = TinyLfw.archive(dir);
        TlCommandTest.Result r = TlCommandTest.tl("bench", "backbone", "--model", "pixels", "--lfw", tgz.toString(),
                "--batch", "1,4", "--images", "8", "--repeats", "1", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("pipeline/raw") && r.out().contains("memory"), r.out());
        assertTrue(r.out().contains("preparation/inference") && r.out().contains("where preparation goes")
                && r.out().contains("decode (JDK Image I/O"), r.out());
        assertEquals(2, r.out().lines().filter(l -> l.matches("^[14] .*")).count(), r.out());
    }
}
