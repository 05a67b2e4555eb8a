package org.tl4j.core.data;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tl4j.core.eval.Metric;
import org.tl4j.core.eval.PublishedValues;

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
import java.util.OptionalDouble;
import org.tl4j.core.eval.Metrics;

/**
 * Published reference numbers for a suite, gathered from every {@code META-INF/tl4j/published/<suite>.csv} on the
 * class path, so each module ships the numbers of its own algorithms' papers. Each file has the header
 * {@code task,strategy,metric,value,reference}, values in the metric's own units (accuracy as a fraction).
 */
public final class PublishedTable implements PublishedValues {

    /** The CSV header. */
    public static final List<String> HEADER = List.of("task", "strategy", "metric", "value", "reference");

    private final Map<String, Double> values;
    private final Map<String, String> references;

    private PublishedTable(Map<String, Double> values, Map<String, String> references) {
        this.values = Collections.unmodifiableMap(values);
        this.references = Collections.unmodifiableMap(references);
    }

    /**
     * Loads every {@code META-INF/tl4j/published/<suite>.csv} visible to the context class loader.
     *
     * @throws IllegalArgumentException naming the resource and line of a malformed row or a conflicting duplicate
     */
    public static PublishedTable load(String suite) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = PublishedTable.class.getClassLoader();
        }
        Map<String, Double> v = new LinkedHashMap<>();
        Map<String, String> refs = new LinkedHashMap<>();
        try {
            Enumeration<URL> urls = cl.getResources("META-INF/tl4j/published/" + suite + ".csv");
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
                        try {
                            String key = key(rec.get("task"), rec.get("strategy"), Metrics.named(rec.get("metric")));
                            double value = Double.parseDouble(rec.get("value"));
                            Double old = v.put(key, value);
                            if (old != null && old != value) {
                                throw new IllegalArgumentException("conflicting values " + old + " and " + value);
                            }
                            refs.put(key, rec.get("reference"));
                        } catch (RuntimeException e) {
                            throw new IllegalArgumentException(where + " is malformed: " + e.getMessage(), e);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read published values of suite " + suite + ": " + e.getMessage(), e);
        }
        return new PublishedTable(v, refs);
    }

    @Override
    public OptionalDouble lookup(String task, String strategy, Metric metric) {
        Double d = values.get(key(task, strategy, metric));
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    /** The reference (paper and table) of a value, or {@code null}. */
    public String reference(String task, String strategy, Metric metric) {
        return references.get(key(task, strategy, metric));
    }

    /** Number of values. */
    public int size() {
        return values.size();
    }

    private static String key(String task, String strategy, Metric m) {
        return task + '\u0000' + strategy + '\u0000' + m.name();
    }
}
