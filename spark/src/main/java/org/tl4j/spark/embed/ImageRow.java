package org.tl4j.spark.embed;

import java.io.Serializable;
import java.util.Objects;

/**
 * One image to embed on a cluster: its id (the key it is stored under, e.g. {@code Aaron_Eckhart/Aaron_Eckhart_0001.jpg}
 * or its URI), its label when known, and where its bytes are — either carried with the row (images the driver read,
 * e.g. from an archive) or a URI every executor can read ({@code file:}, {@code hdfs:}, {@code s3a:}, ... through
 * Hadoop's file systems).
 */
public final class ImageRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String label;
    private final String uri;
    private final byte[] bytes;

    private ImageRow(String id, String label, String uri, byte[] bytes) {
        this.id = Objects.requireNonNull(id, "id");
        this.label = label;
        this.uri = uri;
        this.bytes = bytes;
    }

    /** An image whose encoded bytes travel with the row (not copied). */
    public static ImageRow carrying(String id, String label, byte[] bytes) {
        return new ImageRow(id, label, null, Objects.requireNonNull(bytes, "bytes"));
    }

    /** An image executors read from {@code uri}. */
    public static ImageRow at(String id, String label, String uri) {
        return new ImageRow(id, label, Objects.requireNonNull(uri, "uri"), null);
    }

    /** The id. */
    public String id() {
        return id;
    }

    /** The label, or {@code null}. */
    public String label() {
        return label;
    }

    /** The URI to read, or {@code null} when the bytes travel with the row. */
    public String uri() {
        return uri;
    }

    /** The bytes carried, or {@code null}. */
    byte[] bytes() {
        return bytes;
    }
}
