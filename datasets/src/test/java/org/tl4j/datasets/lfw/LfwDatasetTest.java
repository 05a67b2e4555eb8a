package org.tl4j.datasets.lfw;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.backbone.OnnxGraphs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LfwDatasetTest {

    @Test
    void readsTheArchiveLayoutWithItsChecksum(@TempDir Path dir) throws IOException {
        Path tgz = TinyLfw.archive(dir);
        LfwDataset d = LfwDataset.open(tgz);
        assertEquals(15, d.imageCount());
        assertEquals(List.of("Ann_A", "Bob_B", "Cy_C", "Dee_D"), List.copyOf(d.imagesByPerson().keySet()));
        assertEquals(List.of("Cy_C/Cy_C_0001.jpg", "Cy_C/Cy_C_0002.jpg", "Cy_C/Cy_C_0003.jpg", "Cy_C/Cy_C_0004.jpg"),
                d.imagesByPerson().get("Cy_C"));
        assertEquals(OnnxGraphs.sha256(tgz), d.sha256(), "the digest covers the whole file");
        assertArrayEquals(TinyLfw.image(1, 102), d.images().read("Bob_B/Bob_B_0002.jpg"));
        assertEquals(List.of("Ann_A", "Bob_B"), d.peopleWithAtLeast(5));
    }

    @Test
    void keepsOnlyRequestedBytesButListsEverything(@TempDir Path dir) throws IOException {
        LfwDataset d = LfwDataset.open(TinyLfw.archive(dir), Set.of("Ann_A/Ann_A_0001.jpg")::contains);
        assertEquals(15, d.imageCount());
        assertEquals(List.of("Ann_A/Ann_A_0001.jpg"), d.images().keys());
    }

    @Test
    void readsTheExtractedFolder(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("lfw");
        Files.createDirectories(root.resolve("Ann_A"));
        Files.write(root.resolve("Ann_A/Ann_A_0001.jpg"), TinyLfw.image(0, 1));
        LfwDataset d = LfwDataset.open(root);
        assertNull(d.sha256());
        assertEquals(List.of("Ann_A/Ann_A_0001.jpg"), d.images().keys());
        assertArrayEquals(TinyLfw.image(0, 1), d.images().read("Ann_A/Ann_A_0001.jpg"));
    }

    @Test
    void missingOrEmptyDataAreReported(@TempDir Path dir) throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LfwDataset.open(dir.resolve("nope.tgz")));
        assertTrue(e.getMessage().contains("--lfw"), e.getMessage());
        Path junk = dir.resolve("junk.tar");
        Files.write(junk, new byte[]{1, 2, 3});
        e = assertThrows(IllegalArgumentException.class, () -> LfwDataset.open(junk));
        assertTrue(e.getMessage().contains("no .jpg images"), e.getMessage());
        Path badGzip = dir.resolve("bad.tgz");
        Files.write(badGzip, new byte[]{0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5});
        IOException io = assertThrows(IOException.class, () -> LfwDataset.open(badGzip));
        assertTrue(io.getMessage().contains("bad.tgz"), io.getMessage());
    }

    @Test
    void aTruncatedArchiveIsCalledTruncated(@TempDir Path dir) throws IOException {
        Path tgz = TinyLfw.archive(dir);
        byte[] b = Files.readAllBytes(tgz);
        Files.write(tgz, java.util.Arrays.copyOf(b, b.length / 3));
        IOException e = assertThrows(IOException.class, () -> LfwDataset.open(tgz));
        assertTrue(e.getMessage().startsWith("Cannot read the LFW archive " + tgz + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("Truncated"), e.getMessage());
        assertTrue(!e.getMessage().contains(": null"), e.getMessage());
    }

    @Test
    void aLinkInTheArchiveIsNamedAsALink(@TempDir Path dir) throws IOException {
        Path tgz = dir.resolve("links.tgz");
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(Files.newOutputStream(tgz)))) {
            byte[] img = TinyLfw.image(0, 1);
            var real = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("lfw/Ann_A/Ann_A_0001.jpg");
            real.setSize(img.length);
            tar.putArchiveEntry(real);
            tar.write(img);
            tar.closeArchiveEntry();
            var link = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("lfw/Ann_A/Ann_A_0002.jpg",
                    org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK);
            link.setLinkName("Ann_A_0001.jpg");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LfwDataset.open(tgz));
        assertTrue(e.getMessage().startsWith("links.tgz: entry 'lfw/Ann_A/Ann_A_0002.jpg' is a symbolic link to "
                + "'Ann_A_0001.jpg', not an image"), e.getMessage());
    }
}
