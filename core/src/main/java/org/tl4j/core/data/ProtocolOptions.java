package org.tl4j.core.data;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strategy options that a published protocol fixes for a suite (e.g. the kernel and λ with which a paper produced
 * its table), gathered from every {@code META-INF/tl4j/options/<suite>.csv} on the class path, so each module
 * ships the protocol of its own strategies next to their published numbers ({@link PublishedTable}). Each file has
 * the header {@code strategy,option,value,reference}. The suite merges them into its
 * {@link org.tl4j.core.suite.SuiteProvider#defaultOptions()}; the user's options override them.
 */
public final class ProtocolOptions {

    /** The CSV header. */
    public static final List<String> HEADER = List.of("strategy", "option", "value", "reference");

    private ProtocolOptions() {
    }

    /**
     * The options of every {@code META-INF/tl4j/options/<suite>.csv} visible to the context class loader, keyed by
     * strategy name, then option name.
     *
     * @throws IllegalArgumentException naming the resource and line of a malformed row or of two files that set
     *                                  one option to different values
     */
    public static Map<String, Map<String, String>> load(String suite) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = ProtocolOptions.class.getClassLoader();
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        try {
            Enumeration<URL> urls = cl.getResources("META-INF/tl4j/options/" + suite + ".csv");
            while (urls.hasMoreElements()) {
                URL u = urls.nextElement();
                try (Reader r = new InputStreamReader(u.openStream(), StandardCharsets.UTF_8);
                     CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                             .setCommentMarker('#').setIgnoreSurroundingSpaces(true).get().parse(r)) {
                    if (!p.getHeaderNames().equals(HEADER)) {
                        throw new IllegalArgumentException(u + ": header " + p.getHeaderNames() + ", expected " + HEADER);
                    }
                    for (CSVRecord rec : p) {
                        String where = u + " line " + (rec.getRecordNumber() + 1);
                        String strategy = rec.get("strategy");
                        String option = rec.get("option");
                        String value = rec.get("value");
                        if (strategy.isBlank() || option.isBlank() || value.isBlank()) {
                            throw new IllegalArgumentException(where + " is malformed: strategy, option and value are required");
                        }
                        String old = out.computeIfAbsent(strategy, k -> new LinkedHashMap<>()).put(option, value);
                        if (old != null && !old.equals(value)) {
                            throw new IllegalArgumentException(where + " sets " + strategy + "." + option + " to " + value
                                    + " but another file set it to " + old);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the protocol options of suite " + suite + ": " + e.getMessage(), e);
        }
        Map<String, Map<String, String>> frozen = new LinkedHashMap<>();
        out.forEach((k, v) -> frozen.put(k, Collections.unmodifiableMap(v)));
        return Collections.unmodifiableMap(frozen);
    }
}
