package org.tl4j.backbone;

import java.io.IOException;
import java.util.List;

/**
 * A collection of encoded images addressed by stable keys (relative paths with {@code /}, e.g.
 * {@code Aaron_Eckhart/Aaron_Eckhart_0001.jpg}); keys, not absolute paths, identify images in embedding caches and
 * provenance, so results do not depend on where the data lie. Implementations are thread-safe.
 */
public interface ImageSource {

    /** A short name for reports, e.g. the archive's file name. */
    String name();

    /** Every image key, sorted. */
    List<String> keys();

    /** Whether {@code key} names an image here. */
    default boolean contains(String key) {
        return keys().contains(key);
    }

    /**
     * The encoded bytes of one image (the caller must not modify them).
     *
     * @throws IOException if the image cannot be read
     * @throws IllegalArgumentException if {@code key} names no image
     */
    byte[] read(String key) throws IOException;
}
