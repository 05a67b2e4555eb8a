package org.tl4j.datasets.lfw;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.tl4j.backbone.FolderImageSource;
import org.tl4j.backbone.ImageSource;
import org.tl4j.backbone.InMemoryImageSource;
import org.tl4j.core.data.FileDigests;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The LFW images, read from the official archive ({@code lfw.tgz}: {@code lfw/<Name>/<Name>_0001.jpg}; gzip is
 * detected by its magic bytes, plain tar works too) with Apache Commons Compress, or from its extracted folder.
 * Images are keyed {@code <Name>/<Name>_<NNNN>.jpg} whatever the archive's top folder is called ({@code lfw},
 * {@code lfw-deepfunneled}, …). Archive images are held in memory (the whole set is about 100 MB); the archive's
 * SHA-256 is computed while it is read. Immutable.
 */
public final class LfwDataset {
    private final Path path;
    private final String sha256;
    private final ImageSource images;
    private final Map<String, List<String>> byPerson;
    private final int listed;

    private LfwDataset(Path path, String sha256, ImageSource images, Map<String, List<String>> byPerson, int listed) {
        this.path = path;
        this.sha256 = sha256;
        this.images = images;
        this.byPerson = byPerson;
        this.listed = listed;
    }

    /** Reads every image of an archive or folder. */
    public static LfwDataset open(Path path) throws IOException {
        return open(path, k -> true);
    }

    /**
     * Reads an archive or folder, keeping the bytes of the images whose key passes {@code keep} (all images are
     * still listed per person).
     *
     * @throws IllegalArgumentException if the path is missing or holds no LFW images
     */
    public static LfwDataset open(Path path, Predicate<String> keep) throws IOException {
        if (Files.isDirectory(path)) {
            return fromFolder(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("LFW not found at " + path.toAbsolutePath().normalize()
                    + ": pass --lfw with lfw.tgz (or its extracted folder)");
        }
        MessageDigest d = FileDigests.sha256();
        Map<String, byte[]> kept = new HashMap<>();
        Map<String, List<String>> byPerson = new TreeMap<>();
        Map<String, String> entryOf = new HashMap<>();
        try (InputStream raw = new DigestInputStream(Files.newInputStream(path), d);
             BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            InputStream tarStream = b0 == 0x1f && b1 == 0x8b ? new GzipCompressorInputStream(in, true) : in;
            try (TarArchiveInputStream tar = new TarArchiveInputStream(tarStream)) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    if ((e.isSymbolicLink() || e.isLink()) && isImage(e.getName())) {
                        throw new IllegalArgumentException(path.getFileName() + ": entry '" + e.getName() + "' is a "
                                + (e.isSymbolicLink() ? "symbolic" : "hard") + " link to '" + e.getLinkName()
                                + "', not an image: an LFW archive holds the images themselves (re-create it with "
                                + "tar --dereference, or pass the extracted folder)");
                    }
                    if (!e.isFile() || !isImage(e.getName())) {
                        continue;
                    }
                    String key = keyOf(e.getName());
                    String before = entryOf.put(key, e.getName());
                    if (before != null) {
                        throw new IllegalArgumentException(path.getFileName() + " holds two copies of " + key + ": '"
                                + before + "' and '" + e.getName() + "'");
                    }
                    byPerson.computeIfAbsent(person(key), p -> new ArrayList<>()).add(key);
                    if (keep.test(key)) {
                        kept.put(key, tar.readAllBytes());
                    }
                }
                // Read to the end so the digest covers the whole file, not just the tar's records.
                tarStream.transferTo(OutputStreamSink.INSTANCE);
                in.transferTo(OutputStreamSink.INSTANCE);
            }
        } catch (IOException e) {
            String why = e instanceof java.io.EOFException || e.getMessage() == null
                    ? "it ends early, so it is truncated (an interrupted download or copy?): fetch it again"
                    : e.getMessage();
            throw new IOException("Cannot read the LFW archive " + path + ": " + why
                    + " (expected lfw.tgz: a gzip-compressed tar of <Name>/<Name>_NNNN.jpg)", e);
        }
        if (entryOf.isEmpty()) {
            throw new IllegalArgumentException(path + " holds no .jpg images: expected the LFW archive lfw.tgz");
        }
        return new LfwDataset(path, HexFormat.of().formatHex(d.digest()),
                new InMemoryImageSource(path.getFileName().toString(), kept), sortLists(byPerson), entryOf.size());
    }

    private static LfwDataset fromFolder(Path folder) throws IOException {
        FolderImageSource src = FolderImageSource.of(folder);
        Map<String, List<String>> byPerson = new TreeMap<>();
        List<String> keys = new ArrayList<>();
        for (String k : src.keys()) {
            keys.add(k);
        }
        Map<String, String> rekey = new HashMap<>();
        for (String k : keys) {
            String key = keyOf(k);
            if (rekey.put(key, k) != null) {
                throw new IllegalArgumentException(folder + " holds two copies of " + key);
            }
            byPerson.computeIfAbsent(person(key), p -> new ArrayList<>()).add(key);
        }
        if (rekey.isEmpty()) {
            throw new IllegalArgumentException(folder + " holds no .jpg images: expected the extracted LFW folder");
        }
        ImageSource images = new RekeyedSource(src, rekey);
        return new LfwDataset(folder, null, images, sortLists(byPerson), rekey.size());
    }

    private static Map<String, List<String>> sortLists(Map<String, List<String>> m) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : m.entrySet()) {
            List<String> l = new ArrayList<>(e.getValue());
            Collections.sort(l);
            out.put(e.getKey(), List.copyOf(l));
        }
        return Collections.unmodifiableMap(out);
    }

    private static boolean isImage(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
    }

    /** The key of an archive path: its last two components, e.g. {@code lfw/A_B/A_B_0001.jpg -> A_B/A_B_0001.jpg}. */
    static String keyOf(String entry) {
        String[] parts = entry.replace('\\', '/').split("/");
        if (parts.length < 2) {
            throw new IllegalArgumentException("LFW image '" + entry + "' is not inside a person's folder "
                    + "(<Name>/<Name>_NNNN.jpg)");
        }
        return parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }

    private static String person(String key) {
        return key.substring(0, key.indexOf('/'));
    }

    /** The key of image {@code number} (1-based) of {@code name}: {@code Name/Name_0001.jpg}. */
    public static String imageKey(String name, int number) {
        return name + "/" + name + String.format(Locale.ROOT, "_%04d.jpg", number);
    }

    /** Where the data were read from. */
    public Path path() {
        return path;
    }

    /** The archive's SHA-256, or {@code null} for a folder. */
    public String sha256() {
        return sha256;
    }

    /** The images whose bytes were kept. */
    public ImageSource images() {
        return images;
    }

    /** Number of images listed (kept or not). */
    public int imageCount() {
        return listed;
    }

    /** Every person's image keys, sorted; people sorted by name. */
    public Map<String, List<String>> imagesByPerson() {
        return byPerson;
    }

    /** The people with at least {@code n} images, sorted by name. */
    public List<String> peopleWithAtLeast(int n) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byPerson.entrySet()) {
            if (e.getValue().size() >= n) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** A folder source seen through LFW keys. */
    private record RekeyedSource(FolderImageSource folder, Map<String, String> rekey) implements ImageSource {
        @Override
        public String name() {
            return folder.name();
        }

        @Override
        public List<String> keys() {
            List<String> k = new ArrayList<>(rekey.keySet());
            Collections.sort(k);
            return k;
        }

        @Override
        public boolean contains(String key) {
            return rekey.containsKey(key);
        }

        @Override
        public byte[] read(String key) throws IOException {
            String p = rekey.get(key);
            if (p == null) {
                throw new IllegalArgumentException("No image '" + key + "' in " + folder.name());
            }
            return folder.read(p);
        }
    }

    /** Discards what is left of the archive after the tar's end, so the digest covers the whole file. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
