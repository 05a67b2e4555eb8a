package org.tl4j.experiments.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.core.contract.SharedData;
import org.tl4j.experiments.report.CsvRunStore;
import org.tl4j.experiments.report.ReportWriter;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tl4j.experiments.cli.TlCommandTest.tl;

/**
 * {@code tl run --suite relational} works like every other suite: the relational baselines by role, AUC-ROC, AUC-PR
 * and CLL in results.csv (its header unchanged), the chosen mapping in runs.csv, models.csv and the "Model notes" of
 * results.md; seeds beyond every chosen pair's folds are a usage error. And a run whose runs.csv predates the summary
 * column resumes.
 */
class RelationalRunTest {

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (CSVParser p = CSVFormat.DEFAULT.parse(new StringReader(Files.readString(file)))) {
            return p.getRecords();
        }
    }

    @Test
    void theRelationalSuiteReportsMetricsBaselinesAndTheMapping(@TempDir Path dir) throws IOException {
        SharedData.require("data/relational/imdb");
        SharedData.require("data/relational/uwcse");
        Path out = dir.resolve("rel");
        TlCommandTest.Result r = tl("run", "--suite", "relational", "--param", "pairs=imdb->uwcse", "--seeds", "2",
                "--data", SharedData.root().toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<CSVRecord> rows = csv(out.resolve("results.csv"));
        assertEquals(ReportWriter.RESULTS_HEADER, rows.get(0).toList());
        Set<String> seen = new TreeSet<>();
        for (CSVRecord row : rows.subList(1, rows.size())) {
            seen.add(row.get(2) + ":" + row.get(5));
            assertTrue(row.get(13).isEmpty(), "no failure: " + row);
        }
        Set<String> expected = new TreeSet<>();
        for (String s : List.of("rdn-boost", "mapped-source", "treeboostler", "treeboostler-no-revision")) {
            for (String m : List.of("auc_roc", "auc_pr", "cll")) {
                expected.add(s + ":" + m);
            }
        }
        assertEquals(expected, seen);
        List<CSVRecord> models = csv(out.resolve("models.csv"));
        assertEquals(ReportWriter.MODELS_HEADER, models.get(0).toList());
        assertEquals(6, models.size() - 1, "mapped-source, treeboostler, treeboostler-no-revision × 2 seeds");
        for (CSVRecord m : models.subList(1, models.size())) {
            assertTrue(m.get(5).startsWith("mapping workedunder(A,B) -> advisedby(A,B)"), m.toString());
        }
        List<CSVRecord> runs = csv(out.resolve("runs.csv"));
        assertEquals(CsvRunStore.HEADER, runs.get(0).toList());
        String md = Files.readString(out.resolve("results.md"));
        assertTrue(md.contains("target-only (`rdn-boost`)") && md.contains("source-only (`mapped-source`)"), md);
        assertTrue(md.contains("Model notes:") && md.contains("- `treeboostler`, seed"), md);
        assertTrue(md.contains("| auc_roc | auc_pr | cll |"), md);

        // Fits run at once share the source model; the results are the same bits (fit times apart).
        Path parallel = dir.resolve("rel-2");
        TlCommandTest.Result r2 = tl("run", "--suite", "relational", "--param", "pairs=imdb->uwcse", "--seeds", "2",
                "--data", SharedData.root().toString(), "--out", parallel.toString(), "--threads", "2");
        assertEquals(0, r2.code(), r2.err());
        assertEquals(strip(Files.readString(out.resolve("results.csv"))),
                strip(Files.readString(parallel.resolve("results.csv"))));
        assertEquals(Files.readString(out.resolve("models.csv")), Files.readString(parallel.resolve("models.csv")));
    }

    @Test
    void seedsBeyondEveryChosenPairsFoldsAreAUsageError(@TempDir Path dir) {
        SharedData.require("data/relational/twitter");
        SharedData.require("data/relational/yeast");
        TlCommandTest.Result r = tl("run", "--suite", "relational", "--param", "pairs=yeast->twitter", "--seeds", "3",
                "--data", SharedData.root().toString(), "--out", dir.resolve("y").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("yeast->twitter (2 folds)") && r.err().contains("--seeds"), r.err());
    }

    @Test
    void missingRelationalDataAreNamed(@TempDir Path dir) {
        TlCommandTest.Result r = tl("run", "--suite", "relational", "--seeds", "1", "--data", dir.toString(),
                "--out", dir.resolve("z").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(dir.resolve("data/relational").toString()) && r.err().contains("--data"),
                r.err());
    }

    @Test
    void aRunsFileWithoutTheSummaryColumnResumes(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("old");
        String[] args = {"run", "--seeds", "1", "--strategies", "pooled", "--no-discrepancy", "--out", out.toString()};
        assertEquals(0, tl(args).code());
        String first = Files.readString(out.resolve("results.csv"));
        // Rewrite runs.csv as an older tl4j wrote it (no summary column) and drop its last run.
        List<CSVRecord> runs = csv(out.resolve("runs.csv"));
        StringBuilder legacy = new StringBuilder();
        try (var p = new org.apache.commons.csv.CSVPrinter(legacy, CSVFormat.DEFAULT)) {
            for (CSVRecord rec : runs.subList(0, runs.size() - 1)) {
                p.printRecord(new ArrayList<>(rec.toList()).subList(0, CsvRunStore.LEGACY_HEADER.size()));
            }
        }
        Files.writeString(out.resolve("runs.csv"), legacy.toString());
        List<String> resumeArgs = new ArrayList<>(List.of(args));
        resumeArgs.add("--resume");
        TlCommandTest.Result resumed = tl(resumeArgs.toArray(String[]::new));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("Resumed " + (runs.size() - 2) + " finished fits"), resumed.out());
        assertEquals(CsvRunStore.HEADER, csv(out.resolve("runs.csv")).get(0).toList(), "upgraded in place");
        assertEquals(runs.size(), csv(out.resolve("runs.csv")).size(), "every run kept, the missing one redone");
        assertEquals(strip(first), strip(Files.readString(out.resolve("results.csv"))));
    }

    private static String strip(String csv) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (CSVParser p = CSVFormat.DEFAULT.parse(new StringReader(csv))) {
            for (CSVRecord r : p) {
                List<String> l = new ArrayList<>(r.toList());
                l.set(11, "");
                sb.append(l).append('\n');
            }
        }
        return sb.toString();
    }
}
