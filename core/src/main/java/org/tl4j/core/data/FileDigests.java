package org.tl4j.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 checksums of files, in lower-case hexadecimal: what provenance records of a data file and what
 * {@link org.tl4j.core.suite.DataIdentity} compares when a run is resumed.
 */
public final class FileDigests {
    private FileDigests() {
    }

    /**
     * The SHA-256 of a file's content.
     *
     * @throws IOException naming the file when it cannot be read
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest d = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new IOException("Cannot read " + file + " to compute its SHA-256: " + e, e);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
