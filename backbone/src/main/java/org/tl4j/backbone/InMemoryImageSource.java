package org.tl4j.backbone;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encoded images held in memory (e.g. read from an archive), keyed by relative path. Immutable; serializable with its
 * bytes (a distributed executor ships them).
 */
public final class InMemoryImageSource implements ImageSource, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final Map<String, byte[]> images;
    private final List<String> keys;

    /**
     * @param name   a short name for reports
     * @param images encoded images by key; the map is copied, the arrays are not
     */
    public InMemoryImageSource(String name, Map<String, byte[]> images) {
        this.name = name;
        this.images = Collections.unmodifiableMap(new TreeMap<>(images));
        this.keys = List.copyOf(new ArrayList<>(this.images.keySet()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> keys() {
        return keys;
    }

    @Override
    public boolean contains(String key) {
        return images.containsKey(key);
    }

    @Override
    public byte[] read(String key) {
        byte[] b = images.get(key);
        if (b == null) {
            throw new IllegalArgumentException("No image '" + key + "' in " + name + " (" + keys.size() + " images)");
        }
        return b;
    }

    /** Total encoded bytes. */
    public long totalBytes() {
        long n = 0;
        for (byte[] b : images.values()) {
            n += b.length;
        }
        return n;
    }
}
