package org.tl4j.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build of tl4j. */
public final class Tl4j {
    private Tl4j() {
    }

    /** The tl4j version (the Maven project version this build was made from), recorded in every model's provenance. */
    public static final String VERSION = readVersion();

    private static String readVersion() {
        try (InputStream in = Tl4j.class.getResourceAsStream("tl4j.properties")) {
            if (in == null) {
                throw new IllegalStateException("tl4j.properties is missing from tl4j-core: rebuild with Maven");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            if (v == null || v.isBlank() || v.startsWith("${")) {
                throw new IllegalStateException("tl4j.properties holds no version (" + v + "): rebuild with Maven");
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
