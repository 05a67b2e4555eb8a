package org.tl4j.backbone;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The JPEG and PNG files under a folder (recursively), keyed by their path relative to it with {@code /}
 * separators. The listing is taken once, when the source is created. Serializable as the folder's absolute path and
 * the listing: a deserialized source reads the images from the same path, so on a cluster the folder must be on a
 * file system every machine mounts at that path.
 */
public final class FolderImageSource implements ImageSource, Serializable {
    private static final long serialVersionUID = 1L;

    private final String root;
    private final List<String> keys;
    private final Set<String> keySet;

    private FolderImageSource(Path root, List<String> keys) {
        this.root = root.toAbsolutePath().normalize().toString();
        this.keys = keys;
        this.keySet = new HashSet<>(keys);
    }

    /**
     * Lists the images under {@code root}.
     *
     * @throws IllegalArgumentException if {@code root} is not a folder
     */
    public static FolderImageSource of(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("Image folder not found: " + root.toAbsolutePath().normalize());
        }
        try (Stream<Path> s = Files.walk(root)) {
            List<String> keys = s.filter(Files::isRegularFile).filter(FolderImageSource::isImage)
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
            return new FolderImageSource(root, keys);
        }
    }

    /** Whether the file name ends in {@code .jpg}, {@code .jpeg} or {@code .png} (any case). */
    public static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
    }

    /** The folder, absolute. */
    public Path root() {
        return Path.of(root);
    }

    @Override
    public String name() {
        Path p = Path.of(root);
        return p.getFileName() == null ? root : p.getFileName().toString();
    }

    @Override
    public List<String> keys() {
        return keys;
    }

    @Override
    public boolean contains(String key) {
        return keySet.contains(key);
    }

    @Override
    public byte[] read(String key) throws IOException {
        if (!keySet.contains(key)) {
            throw new IllegalArgumentException("No image '" + key + "' under " + root);
        }
        return Files.readAllBytes(Path.of(root).resolve(key));
    }
}
