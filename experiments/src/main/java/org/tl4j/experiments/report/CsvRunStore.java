package org.tl4j.experiments.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.tl4j.core.eval.RunRecord;
import org.tl4j.core.eval.RunStore;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RunStore} kept in {@code runs.csv}: every finished run is appended and flushed at once, so an
 * interrupted {@code tl run} loses at most the fit in progress and {@code tl run --resume} continues from the file.
 * Metric values are written with {@link Double#toString}, which round-trips exactly. The last column holds the
 * model's one-line {@linkplain org.tl4j.core.TransferModel#summary() summary}; a file written before that column
 * existed ({@link #LEGACY_HEADER}) is read (its runs have empty summaries) and rewritten in the current format
 * before anything is appended, so {@code --resume} continues such runs.
 */
public final class CsvRunStore implements RunStore, AutoCloseable {

    /** The file's header. */
    public static final List<String> HEADER = List.of("suite", "task", "strategy", "approach", "seed", "fit_ms",
            "metrics", "error", "summary");
    /** The header of files written before the summary column. */
    public static final List<String> LEGACY_HEADER = HEADER.subList(0, HEADER.size() - 1);

    private final Path file;
    private final Map<String, RunRecord> records = new LinkedHashMap<>();
    private final CSVPrinter printer;

    /**
     * Opens {@code file}, reading the runs it already holds.
     *
     * @throws IllegalArgumentException naming the line when the file is malformed
     */
    public CsvRunStore(Path file) throws IOException {
        this.file = file;
        boolean exists = Files.exists(file) && Files.size(file) > 0;
        if (exists) {
            dropIncompleteLastLine();
            if (!read()) {
                upgrade();
            }
        }
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        this.printer = new CSVPrinter(w, CSVFormat.DEFAULT);
        if (!exists) {
            printer.printRecord(HEADER);
            printer.flush();
        }
    }

    /** The runs read from the file or saved since, in order. */
    public synchronized List<RunRecord> records() {
        return new ArrayList<>(records.values());
    }

    @Override
    public synchronized Optional<RunRecord> find(String task, String strategy, long seed) {
        return Optional.ofNullable(records.get(RunRecord.key(task, strategy, seed)));
    }

    @Override
    public synchronized void save(RunRecord r) {
        records.put(r.key(), r);
        try {
            print(printer, r);
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append to " + file + ": " + e.getMessage(), e);
        }
    }

    private static void print(CSVPrinter p, RunRecord r) throws IOException {
        StringBuilder metrics = new StringBuilder();
        for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
            if (!metrics.isEmpty()) {
                metrics.append(';');
            }
            metrics.append(e.getKey()).append('=').append(e.getValue());
        }
        p.printRecord(r.suite(), r.task(), r.strategy(), r.approach(), r.seed(), r.fitMillis(), metrics,
                r.error() == null ? "" : r.error(), r.summary());
    }

    /** Rewrites a file in the legacy format with the current header (the runs read, empty summaries). */
    private void upgrade() throws IOException {
        ReportWriter.atomically(file, w -> {
            CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT);
            p.printRecord(HEADER);
            for (RunRecord r : records.values()) {
                print(p, r);
            }
            p.flush();
        });
        LOGGER.info(file + ": rewritten with the summary column (" + records.size() + " runs kept)");
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }

    /** A crash in the middle of an append leaves a line without its newline: that run is redone. */
    private void dropIncompleteLastLine() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] != '\n') {
            int cut = end;
            while (cut > 0 && bytes[cut - 1] != '\n') {
                cut--;
            }
            try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(cut);
            }
            LOGGER.warning(file + ": dropped an incomplete last line left by an interrupted write; that run will be redone");
        }
    }

    private static final java.util.logging.Logger LOGGER = java.util.logging.Logger.getLogger(CsvRunStore.class.getName());

    /** Thrown for a fit recorded twice with different results. */
    private static final class DuplicateRunException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        DuplicateRunException(String message) {
            super(message);
        }
    }

    /**
     * A fit recorded twice (the store never appends a fit it holds, so the file was edited or concatenated): the
     * same result is kept once with a warning; a different result is refused, as either could be the one reported.
     */
    private void duplicate(RunRecord earlier, RunRecord again, long earlierLine, long line) {
        String what = "task " + again.task() + ", strategy " + again.strategy() + ", seed " + again.seed();
        if (earlier.metrics().equals(again.metrics()) && java.util.Objects.equals(earlier.error(), again.error())) {
            LOGGER.warning(file + " line " + line + " repeats the fit of line " + earlierLine + " (" + what
                    + ") with the same result; it is counted once");
            return;
        }
        throw new DuplicateRunException(file + " line " + line + " records the fit of line " + earlierLine + " (" + what
                + ") again with a different result (" + describe(earlier) + " on line " + earlierLine + ", "
                + describe(again) + " on line " + line + "): delete the wrong line and resume");
    }

    private static String describe(RunRecord r) {
        return r.error() != null ? "failed: " + r.error() : r.metrics().toString();
    }

    /** Reads the runs; returns whether the file has the current header (false: the legacy one). */
    private boolean read() throws IOException {
        Map<String, Long> lines = new java.util.HashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            boolean current = p.getHeaderNames().equals(HEADER);
            if (!current && !p.getHeaderNames().equals(LEGACY_HEADER)) {
                throw new IllegalArgumentException(file + " is not a tl4j runs file: header " + p.getHeaderNames()
                        + ", expected " + HEADER);
            }
            int fields = current ? HEADER.size() : LEGACY_HEADER.size();
            for (CSVRecord rec : p) {
                long line = rec.getRecordNumber() + 1;
                if (!rec.isConsistent()) {
                    throw new IllegalArgumentException(file + " line " + line + ": expected " + fields
                            + " fields, found " + rec.size() + " (an interrupted write?): delete that line and resume");
                }
                try {
                    Map<String, Double> m = new LinkedHashMap<>();
                    if (!rec.get("metrics").isEmpty()) {
                        for (String kv : rec.get("metrics").split(";")) {
                            int eq = kv.indexOf('=');
                            if (eq <= 0) {
                                throw new IllegalArgumentException("metric entry '" + kv + "' is not NAME=VALUE");
                            }
                            m.put(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
                        }
                    }
                    String error = rec.get("error");
                    RunRecord run = new RunRecord(rec.get("suite"), rec.get("task"), rec.get("strategy"),
                            rec.get("approach"), Long.parseLong(rec.get("seed")), m, Long.parseLong(rec.get("fit_ms")),
                            error.isEmpty() ? null : error, current ? rec.get("summary") : "");
                    RunRecord earlier = records.get(run.key());
                    if (earlier != null) {
                        duplicate(earlier, run, lines.get(run.key()), line);
                        continue;
                    }
                    records.put(run.key(), run);
                    lines.put(run.key(), line);
                } catch (DuplicateRunException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + " line " + line + " is malformed (" + e.getMessage()
                            + "): delete that line and resume", e);
                }
            }
            return current;
        }
    }
}
