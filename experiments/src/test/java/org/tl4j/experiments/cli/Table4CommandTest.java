package org.tl4j.experiments.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.datasets.lfw.TinyLfw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tl table4} and {@code tl export}: usage errors, and (slow) the whole table on a miniature LFW. */
class Table4CommandTest {

    @Test
    void badArgumentsAreUsageErrors(@TempDir Path dir) throws IOException {
        Path tgz = TinyLfw.archive(dir);
        assertEquals(2, TlCommandTest.tl("table4", "--lfw", tgz.toString(), "--traditional-steps", "0").code());
        assertEquals(2, TlCommandTest.tl("table4", "--lfw", tgz.toString(), "--traditional-steps", "1041").code());
        assertEquals(2, TlCommandTest.tl("table4", "--lfw", tgz.toString(), "--micro-batch", "1").code());
        assertEquals(2, TlCommandTest.tl("table4", "--lfw", tgz.toString(), "--traditional-images", "100").code());
        assertEquals(2, TlCommandTest.tl("table4", "--lfw", tgz.toString(), "--traditional-images", "1024").code());
        assertEquals(2, TlCommandTest.tl("table4", "--lfw", tgz.toString(), "--min-images", "1").code());
        assertEquals(2, TlCommandTest.tl("table4", "--lfw", tgz.toString(), "--classifier-c", "0").code());
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("table4.md"), "mine");
        TlCommandTest.Result r = TlCommandTest.tl("table4", "--lfw", tgz.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("already holds table4.md"), r.err());
        assertEquals("mine", Files.readString(out.resolve("table4.md")), "the user's file is untouched");
        assertEquals(2, TlCommandTest.tl("export", "resnet50").code());
        Path existing = Files.writeString(dir.resolve("m.onnx"), "x");
        TlCommandTest.Result e = TlCommandTest.tl("export", "facenet-irv1", "--out", existing.toString());
        assertEquals(2, e.code());
        assertTrue(e.err().contains("--force"), e.err());
    }

    @Test
    @Tag("slow")
    void tableOnMiniatureLfw(@TempDir Path dir) throws IOException {
        Path tgz = TinyLfw.archive(dir);
        Path out = dir.resolve("out");
        TlCommandTest.Result r = TlCommandTest.tl("table4", "--lfw", tgz.toString(), "--model", "facenet-irv1",
                "--traditional-images", "64", "--micro-batch", "32", "--min-images", "2", "--threads", "2",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("table4.csv", "table4.md", "table4.png", "facenet-irv1-seed0.onnx")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        List<String> csv = Files.readAllLines(out.resolve("table4.csv"));
        assertEquals(3, csv.size(), "the paper's row and Inception-ResNet v1");
        assertTrue(csv.get(2).contains("measured 64 of 1,024 images of one step, extrapolated"), csv.get(2));
    }
}
