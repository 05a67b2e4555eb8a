package org.tl4j.backbone;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Embeddings on disk, so an interrupted or repeated run does not recompute finished batches.
 * <p>
 * A cache lives in a folder named by the SHA-256 of its key — the backbone's checksum (the model bytes), the
 * {@link EmbeddingSpec#key() spec} and the {@link Preprocessor#key() preprocessing} — so any change to the model,
 * the spec or the preprocessing reads from a fresh folder; {@code key.txt} holds the key in clear. Inside, each
 * finished batch is one chunk file holding, per image, its key, a CRC-32C of its encoded bytes (a changed image is
 * recomputed, not served stale) and its embedding, followed by a CRC-32C of the whole chunk. Chunks are written to
 * a temporary file, forced to disk and atomically renamed, so a reader never sees half a chunk. On loading, a chunk
 * whose checksum, header, length or values are wrong is reported, renamed to {@code *.corrupt} and its images are
 * recomputed: a corrupt cache is detected, never trusted.
 */
public final class EmbeddingCache {
    private static final Logger LOG = Logger.getLogger(EmbeddingCache.class.getName());
    private static final byte[] MAGIC = "TL4JEMB1".getBytes(StandardCharsets.US_ASCII);
    private static final String KEY_FILE = "key.txt";
    private static final String SUFFIX = ".emb";
    private static final String TMP_SUFFIX = ".tmp";
    private static final AtomicLong COUNTER = new AtomicLong();

    /**
     * One cached embedding.
     *
     * @param imageKey    the image's key in its {@link ImageSource}
     * @param contentCrc  CRC-32C of the image's encoded bytes
     * @param embedding   the embedding (not copied)
     */
    public record Entry(String imageKey, int contentCrc, float[] embedding) {
    }

    /**
     * What {@link #load()} found.
     *
     * @param entries valid entries by image key
     * @param chunks  number of valid chunk files read
     * @param corrupt one line per rejected chunk: its file name and why
     */
    public record Loaded(Map<String, Entry> entries, int chunks, List<String> corrupt) {
    }

    private final Path folder;
    private final String key;
    private final String keyHash;
    private final int dim;

    private EmbeddingCache(Path folder, String key, String keyHash, int dim) {
        this.folder = folder;
        this.key = key;
        this.keyHash = keyHash;
        this.dim = dim;
    }

    /**
     * Opens (creating if needed) the cache for one backbone, spec and preprocessing under {@code root}.
     *
     * @throws IllegalStateException if the folder's {@code key.txt} names a different configuration
     */
    public static EmbeddingCache open(Path root, String backboneSha256, EmbeddingSpec spec, String preprocessingKey)
            throws IOException {
        String key = "tl4j embedding cache v1\nbackbone-sha256=" + backboneSha256 + "\n" + spec.key()
                + "\npreprocessing=" + preprocessingKey + "\n";
        String hash = OnnxGraphs.sha256(key.getBytes(StandardCharsets.UTF_8));
        Path folder = root.resolve(spec.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + hash.substring(0, 16));
        Files.createDirectories(folder);
        Path keyFile = folder.resolve(KEY_FILE);
        if (Files.exists(keyFile)) {
            String found = Files.readString(keyFile, StandardCharsets.UTF_8);
            if (!found.equals(key)) {
                throw new IllegalStateException("Embedding cache " + folder + " holds key.txt for another "
                        + "configuration; it was altered or copied: delete the folder to rebuild it");
            }
        } else {
            writeAtomically(keyFile, key.getBytes(StandardCharsets.UTF_8));
        }
        return new EmbeddingCache(folder, key, hash, spec.embeddingDim());
    }

    /** The cache's folder. */
    public Path folder() {
        return folder;
    }

    /** The full key text. */
    public String key() {
        return key;
    }

    /** CRC-32C of an image's encoded bytes, as stored with its embedding. */
    public static int contentCrc(byte[] encoded) {
        CRC32C c = new CRC32C();
        c.update(encoded);
        return (int) c.getValue();
    }

    /**
     * Reads every chunk. Corrupt chunks are logged, renamed to {@code *.corrupt} and listed in the result.
     */
    public Loaded load() throws IOException {
        removeAbandonedTemporaryFiles();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> corrupt = new ArrayList<>();
        int chunks = 0;
        for (Path f : files) {
            try {
                if (!Files.isRegularFile(f)) {
                    throw new CorruptChunkException((Files.isDirectory(f) ? "a folder" : "not a regular file")
                            + " named like a chunk");
                }
                for (Entry e : readChunk(Files.readAllBytes(f))) {
                    entries.put(e.imageKey(), e);
                }
                chunks++;
            } catch (CorruptChunkException e) {
                String line = f.getFileName() + ": " + e.getMessage();
                corrupt.add(line);
                LOG.warning("Embedding cache chunk " + f + " is corrupt (" + e.getMessage()
                        + "): ignoring it and recomputing its images; kept as " + f.getFileName() + ".corrupt");
                Files.move(f, f.resolveSibling(f.getFileName() + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return new Loaded(Collections.unmodifiableMap(entries), chunks, List.copyOf(corrupt));
    }

    /** Writes one chunk holding {@code entries}, atomically. */
    public void append(List<Entry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + entries.size() * (dim * 4 + 64));
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeUTF(keyHash);
        out.writeInt(dim);
        out.writeInt(entries.size());
        for (Entry e : entries) {
            if (e.embedding().length != dim) {
                throw new IllegalArgumentException("Embedding of '" + e.imageKey() + "' has " + e.embedding().length
                        + " values, this cache holds " + dim);
            }
            out.writeUTF(e.imageKey());
            out.writeInt(e.contentCrc());
            for (float v : e.embedding()) {
                out.writeFloat(v);
            }
        }
        out.flush();
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        out.flush();
        String name = "chunk-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis() + "-"
                + COUNTER.incrementAndGet() + SUFFIX;
        writeAtomically(folder.resolve(name), bytes.toByteArray());
    }

    private List<Entry> readChunk(byte[] b) throws CorruptChunkException {
        if (b.length < MAGIC.length + 4) {
            throw new CorruptChunkException("truncated: " + b.length + " bytes");
        }
        CRC32C crc = new CRC32C();
        crc.update(b, 0, b.length - 4);
        int stored = ByteBuffer.wrap(b, b.length - 4, 4).getInt();
        if ((int) crc.getValue() != stored) {
            throw new CorruptChunkException("checksum mismatch (stored " + Integer.toHexString(stored) + ", computed "
                    + Integer.toHexString((int) crc.getValue()) + "): truncated or altered");
        }
        try {
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(b, 0, b.length - 4));
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new CorruptChunkException("not a tl4j embedding chunk (bad magic)");
            }
            String kh = in.readUTF();
            if (!kh.equals(keyHash)) {
                throw new CorruptChunkException("written for another cache key " + kh);
            }
            int d = in.readInt();
            int n = in.readInt();
            if (d != dim || n < 0) {
                throw new CorruptChunkException("header says " + n + " embeddings of " + d + " values, expected size "
                        + dim);
            }
            List<Entry> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String k = in.readUTF();
                int c = in.readInt();
                float[] v = new float[d];
                for (int j = 0; j < d; j++) {
                    v[j] = in.readFloat();
                    if (!Float.isFinite(v[j])) {
                        throw new CorruptChunkException("non-finite value in the embedding of '" + k + "'");
                    }
                }
                out.add(new Entry(k, c, v));
            }
            if (in.available() != 0) {
                throw new CorruptChunkException(in.available() + " unexpected bytes after " + n + " embeddings");
            }
            return out;
        } catch (EOFException e) {
            throw new CorruptChunkException("ends early");
        } catch (IOException e) {
            throw new CorruptChunkException(e.getMessage());
        }
    }

    /**
     * Writes {@code content} to a temporary sibling, forces it to disk and renames it onto {@code target}. On failure
     * (a full disk, say) the temporary file is removed and the error names the file and the fix.
     */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + COUNTER.incrementAndGet() + TMP_SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream os = java.nio.channels.Channels.newOutputStream(ch)) {
                os.write(content);
                os.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("Cannot write " + target + " (" + e.getMessage() + "; " + content.length
                    + " bytes): free space on that disk or move the embedding cache (--cache DIR); finished chunks "
                    + "are kept", e);
        }
    }

    /**
     * Deletes the temporary files of writes that a process killed mid-write left behind ({@code .<name>.<pid>.<n>.tmp}
     * of a process that no longer runs); those of live processes are theirs.
     */
    private void removeAbandonedTemporaryFiles() throws IOException {
        List<Path> tmps;
        try (Stream<Path> s = Files.list(folder)) {
            tmps = s.filter(p -> p.getFileName().toString().endsWith(TMP_SUFFIX)).toList();
        }
        int removed = 0;
        for (Path t : tmps) {
            String[] parts = t.getFileName().toString().split("\\.");
            long pid;
            try {
                pid = Long.parseLong(parts[parts.length - 3]);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                continue;
            }
            if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            if (Files.deleteIfExists(t)) {
                removed++;
            }
        }
        if (removed > 0) {
            LOG.info("Embedding cache " + folder + ": removed " + removed + " temporary file(s) left by an "
                    + "interrupted write");
        }
    }

    /** A chunk that cannot be trusted. */
    private static final class CorruptChunkException extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptChunkException(String message) {
            super(message);
        }
    }
}
