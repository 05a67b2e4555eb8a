package org.tl4j.core.suite;

import org.tl4j.core.data.FileDigests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which data a run read: the data root and the SHA-256 of every file the suite reads
 * ({@link SuiteProvider#dataFiles(SuiteContext)}). {@code tl run} records it in {@code run.json}, and
 * {@code --resume} refuses data whose files differ, naming the file, so one {@code results.csv} never holds fits
 * of two data sets. Files are keyed by their path relative to the data root (with {@code /}), so a copy of the
 * same bytes under another root is the same data; files outside the root are keyed by their absolute path.
 *
 * @param root  the data root, absolute and normalised (recorded; not compared)
 * @param files file key → SHA-256, in the suite's order
 */
public record DataIdentity(String root, Map<String, String> files) {

    /** Copies the files. */
    public DataIdentity {
        Objects.requireNonNull(root, "root");
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /**
     * Checksums every file {@code suite} reads for {@code context}.
     *
     * @throws IllegalArgumentException if the suite's data are missing (naming the path and the fix)
     * @throws IOException              naming a file that cannot be read
     */
    public static DataIdentity of(SuiteProvider suite, SuiteContext context) throws IOException {
        Path root = context.dataRoot().toAbsolutePath().normalize();
        Map<String, String> files = new LinkedHashMap<>();
        for (Path f : suite.dataFiles(context)) {
            Path abs = f.toAbsolutePath().normalize();
            String key = abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : abs.toString();
            files.put(key, FileDigests.sha256(abs));
        }
        return new DataIdentity(root.toString(), files);
    }

    /**
     * How these data differ from {@code earlier}'s, naming the first file (in key order) that differs, is missing
     * or is new; empty when every file has the same checksum.
     */
    public Optional<String> differenceFrom(DataIdentity earlier) {
        TreeSet<String> keys = new TreeSet<>(files.keySet());
        keys.addAll(earlier.files.keySet());
        for (String k : keys) {
            String now = files.get(k);
            String then = earlier.files.get(k);
            if (then == null) {
                return Optional.of(k + " is read now but was not read by the earlier run (data root then: "
                        + earlier.root + ")");
            }
            if (now == null) {
                return Optional.of(k + " was read by the earlier run (data root then: " + earlier.root
                        + ") but is not read now");
            }
            if (!now.equals(then)) {
                return Optional.of(k + " differs: SHA-256 " + now + " under " + root + ", but " + then + " under "
                        + earlier.root + " when the run started");
            }
        }
        return Optional.empty();
    }

    /** A JSON-friendly form: {@code {"root": ..., "files": {key: sha256}}}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("root", root);
        m.put("files", files);
        return m;
    }

    /**
     * Reads the form written by {@link #toMap()}.
     *
     * @throws IllegalArgumentException if {@code map} is not of that form
     */
    public static DataIdentity fromMap(Object map) {
        if (map instanceof Map<?, ?> m && m.get("root") instanceof String root && m.get("files") instanceof Map<?, ?> f) {
            Map<String, String> files = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : f.entrySet()) {
                if (!(e.getKey() instanceof String k && e.getValue() instanceof String v)) {
                    throw new IllegalArgumentException("Malformed data identity entry " + e);
                }
                files.put(k, v);
            }
            return new DataIdentity(root, files);
        }
        throw new IllegalArgumentException("Malformed data identity " + map + ": expected {root, files}");
    }
}
