package org.tl4j.spark.embed;

import org.tl4j.backbone.FolderImageSource;
import org.tl4j.backbone.ImageSource;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The image sets {@code tl spark embed} reads, as {@link ImageRow}s. Where the bytes come from is decided here:
 * <ul>
 *   <li>an image source the driver holds (an LFW-style archive read into memory): the bytes travel with the rows,
 *   read once by the driver (an archive is a single sequential stream);</li>
 *   <li>a folder: rows carry {@code file:} URIs and each executor reads its own images, so the folder must be on a
 *   file system every executor mounts at the same path;</li>
 *   <li>a list of paths or URIs (one per line, optionally {@code <TAB>label}): executors read them through Hadoop's
 *   file systems ({@code hdfs:}, {@code s3a:}, ... when the cluster has those connectors).</li>
 * </ul>
 * Labels of folder images are their first path component ({@code <label>/<image>}, as LFW's {@code <Name>/...}).
 */
public final class ImageRows {
    private ImageRows() {
    }

    /**
     * Rows carrying the bytes of {@code keys} of {@code source}, labelled by their first path component.
     *
     * @throws IllegalArgumentException if a key is missing or listed twice
     */
    public static List<ImageRow> carrying(ImageSource source, List<String> keys) throws IOException {
        Set<String> seen = new HashSet<>();
        List<ImageRow> rows = new ArrayList<>(keys.size());
        for (String k : keys) {
            if (!seen.add(k)) {
                throw new IllegalArgumentException("Image '" + k + "' is listed twice");
            }
            if (!source.contains(k)) {
                throw new IllegalArgumentException("No image '" + k + "' in " + source.name());
            }
            rows.add(ImageRow.carrying(k, labelOf(k), source.read(k)));
        }
        return rows;
    }

    /** Rows for every JPEG and PNG under {@code folder}, read by the executors from their {@code file:} URIs. */
    public static List<ImageRow> folder(Path folder) throws IOException {
        FolderImageSource src = FolderImageSource.of(folder);
        List<ImageRow> rows = new ArrayList<>(src.keys().size());
        for (String k : src.keys()) {
            rows.add(ImageRow.at(k, labelOf(k), src.root().resolve(k).toUri().toString()));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("No .jpg, .jpeg or .png images under " + folder.toAbsolutePath());
        }
        return rows;
    }

    /**
     * Rows from a list file read by the driver: one image per line, a path or URI, optionally followed by a tab and
     * its label; blank lines and lines starting with {@code #} are skipped. A plain path is resolved against the list
     * file's folder and becomes a {@code file:} URI. The id is the path or URI as written.
     *
     * @throws IllegalArgumentException naming the line of a duplicate or malformed entry
     */
    public static List<ImageRow> list(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String base = file.toAbsolutePath().getParent().toString();
        List<ImageRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            ImageRow r = parseLine(lines.get(i), i + 1, file.getFileName().toString(), base);
            if (r == null) {
                continue;
            }
            if (!seen.add(r.id())) {
                throw new IllegalArgumentException(file.getFileName() + " line " + (i + 1) + ": " + r.id()
                        + " is listed twice");
            }
            rows.add(r);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " lists no images");
        }
        return rows;
    }

    /**
     * The rows of a list file (the format of {@link #list(Path)}) read by the executors, for lists too long for the
     * driver's memory: the file must be readable by them (a shared mount or a Hadoop URI such as {@code hdfs:}).
     * Repeated ids are found by {@link SparkEmbedding}.
     */
    public static JavaRDD<ImageRow> list(JavaSparkContext sc, String file) {
        String uri = hasScheme(file) ? file : Path.of(file).toAbsolutePath().normalize().toUri().toString();
        String name = uri.substring(uri.lastIndexOf('/') + 1);
        String base = hasScheme(file) && !uri.startsWith("file:") ? uri.substring(0, uri.lastIndexOf('/'))
                : Path.of(java.net.URI.create(uri)).getParent().toString();
        return sc.textFile(uri).zipWithIndex().map(t -> parseLine(t._1(), t._2() + 1, name, base))
                .filter(r -> r != null);
    }

    /**
     * One line of a list file as a row, or {@code null} for a blank or comment line.
     *
     * @param base the folder relative paths are resolved against (a local path, or a URI prefix)
     * @throws IllegalArgumentException naming the file and line of a malformed entry
     */
    static ImageRow parseLine(String raw, long lineNumber, String fileName, String base) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        String[] parts = raw.split("\t", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException(fileName + " line " + lineNumber + ": expected PATH or PATH<TAB>LABEL, "
                    + "found " + parts.length + " tab-separated fields");
        }
        String where = parts[0].strip();
        String label = parts.length == 2 && !parts[1].isBlank() ? parts[1].strip() : null;
        String uri;
        if (hasScheme(where)) {
            uri = where;
        } else if (hasScheme(base)) {
            uri = base + "/" + where;
        } else {
            uri = Path.of(base).resolve(where).normalize().toUri().toString();
        }
        return ImageRow.at(where, label, uri);
    }

    /** Whether {@code s} starts with a URI scheme such as {@code hdfs:} (a Windows drive letter is not one). */
    static boolean hasScheme(String s) {
        return s.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*");
    }

    /** {@code Name} of {@code Name/Name_0001.jpg}; {@code null} for a key without a folder. */
    static String labelOf(String key) {
        int slash = key.indexOf('/');
        return slash > 0 ? key.substring(0, slash) : null;
    }
}
