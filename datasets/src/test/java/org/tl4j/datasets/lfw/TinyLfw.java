package org.tl4j.datasets.lfw;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.tl4j.core.learn.Seeds;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A miniature LFW in the official archive layout, with a pair list, for tests without the shared data. */
public final class TinyLfw {
    /** People and their image counts. */
    public static final Map<String, Integer> PEOPLE = new LinkedHashMap<>();

    static {
        PEOPLE.put("Ann_A", 5);
        PEOPLE.put("Bob_B", 5);
        PEOPLE.put("Cy_C", 4);
        PEOPLE.put("Dee_D", 1);
    }

    private TinyLfw() {
    }

    /** A 64×64 gray JPEG whose pattern depends on the person, with seeded noise. */
    public static byte[] image(int person, long seed) throws IOException {
        UniformRandomProvider rng = Seeds.rng(seed);
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                double v = 128 + 90 * Math.sin((x * (person + 1) + y * (3 - person)) / 9.0) + rng.nextInt(21) - 10;
                img.getRaster().setSample(x, y, 0, (int) Math.max(0, Math.min(255, v)));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    /** Writes {@code lfw.tgz} ({@code lfw/<Name>/<Name>_NNNN.jpg}) into {@code dir}. */
    public static Path archive(Path dir) throws IOException {
        return archive(dir, PEOPLE, (key, bytes) -> bytes);
    }

    /** Writes {@code lfw.tgz} with {@code people} (name → image count) into {@code dir}. */
    public static Path archiveOf(Path dir, Map<String, Integer> people) throws IOException {
        return archive(dir, people, (key, bytes) -> bytes);
    }

    /**
     * As {@link #archive(Path)}, with the bytes of the images keyed in {@code replaced} (e.g.
     * {@code Ann_A/Ann_A_0001.jpg}) replaced, for tests of corrupt images.
     */
    public static Path archive(Path dir, Map<String, byte[]> replaced) throws IOException {
        return archive(dir, PEOPLE, (key, bytes) -> replaced.getOrDefault(key, bytes));
    }

    /**
     * Writes {@code lfw.tgz} into {@code dir} with the bytes of image {@code key} (e.g. {@code Ann_A/Ann_A_0003.jpg})
     * replaced by {@code change} of them: damaged archives.
     */
    public static Path archive(Path dir, String key, UnaryOperator<byte[]> change) throws IOException {
        return archive(dir, PEOPLE, (k, bytes) -> k.equals(key) ? change.apply(bytes) : bytes);
    }

    /** Writes {@code lfw.tgz} into {@code dir}, every image's bytes passed through {@code change(key, bytes)}. */
    private static Path archive(Path dir, Map<String, Integer> people,
                                java.util.function.BiFunction<String, byte[], byte[]> change)
            throws IOException {
        Path f = dir.resolve("lfw.tgz");
        try (OutputStream os = Files.newOutputStream(f);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(os))) {
            int p = 0;
            for (Map.Entry<String, Integer> e : people.entrySet()) {
                for (int i = 1; i <= e.getValue(); i++) {
                    String k = LfwDataset.imageKey(e.getKey(), i);
                    byte[] b = change.apply(k, image(p, p * 100L + i));
                    TarArchiveEntry t = new TarArchiveEntry("lfw/" + k);
                    t.setSize(b.length);
                    tar.putArchiveEntry(t);
                    tar.write(b);
                    tar.closeArchiveEntry();
                }
                p++;
            }
        }
        return f;
    }

    /** Writes {@code pairs.txt}: 2 folds of 2 matched and 2 mismatched pairs. */
    public static Path pairs(Path dir) throws IOException {
        Path f = dir.resolve("pairs.txt");
        Files.write(f, List.of("2\t2",
                "Ann_A\t1\t2", "Bob_B\t1\t2", "Ann_A\t3\tBob_B\t3", "Cy_C\t1\tDee_D\t1",
                "Cy_C\t2\t3", "Ann_A\t4\t5", "Bob_B\t4\tCy_C\t4", "Dee_D\t1\tAnn_A\t5"));
        return f;
    }
}
