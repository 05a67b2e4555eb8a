package org.tl4j.spark.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.datasets.lfw.TinyLfw;
import org.tl4j.experiments.cli.Tl;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tl spark run} against {@code tl run}, through the command line, and its usage errors. */
class TlSparkTest {

    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    static Outcome spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TlSpark.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    static Outcome plain(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Tl.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** The rows of a results.csv with the fit_ms column removed. */
    static List<List<String>> withoutFitMs(Path csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(csv, StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
            int fitMs = -1;
            for (CSVRecord r : p) {
                List<String> row = new ArrayList<>(r.toList());
                if (fitMs < 0) {
                    fitMs = row.indexOf("fit_ms");
                    assertTrue(fitMs >= 0, "results.csv has no fit_ms column: " + row);
                }
                row.remove(fitMs);
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void sparkRunWritesTheResultsOfTlRunApartFromFitTimes() throws IOException {
        Outcome local = plain("run", "--strategies", "coral", "--seeds", "2", "--out", dir.resolve("local").toString(),
                "--no-discrepancy");
        assertEquals(0, local.code(), local.err());
        Outcome remote = spark("spark", "run", "--strategies", "coral", "--seeds", "2", "--master", "local[2]",
                "--out", dir.resolve("spark").toString(), "--no-discrepancy");
        assertEquals(0, remote.code(), remote.err());
        List<List<String>> a = withoutFitMs(dir.resolve("local/results.csv"));
        assertTrue(a.size() > 50, "expected a real sweep, got " + a.size() + " rows");
        assertEquals(a, withoutFitMs(dir.resolve("spark/results.csv")));
        String prov = Files.readString(dir.resolve("spark/provenance.json"));
        assertTrue(prov.contains("\"executor\" : \"spark local[2] (1 executor: the driver JVM, 2 cores)\""), prov);
        assertTrue(prov.contains("\"command\" : \"tl spark run --strategies coral"), prov);
    }

    @Test
    void sparkLfwGivesTheVerificationFoldsOfTlLfw() throws IOException {
        Path tgz = TinyLfw.archive(dir);
        Path pairs = TinyLfw.pairs(dir);
        List<String> common = List.of("--lfw", tgz.toString(), "--pairs", pairs.toString(), "--model", "pixels",
                "--min-images", "4", "--train-per-person", "2", "--images", "used", "--threads", "1");
        List<String> local = new ArrayList<>(List.of("lfw", "--cache", dir.resolve("cache").toString(),
                "--out", dir.resolve("local").toString()));
        local.addAll(common);
        Outcome a = plain(local.toArray(String[]::new));
        assertEquals(0, a.code(), a.err());
        List<String> remote = new ArrayList<>(List.of("spark", "lfw", "--master", "local[2]", "--partition-images", "3",
                "--out", dir.resolve("spark").toString()));
        remote.addAll(common);
        Outcome b = spark(remote.toArray(String[]::new));
        assertEquals(0, b.code(), b.err());
        assertEquals(Files.readString(dir.resolve("local/lfw-folds.csv")),
                Files.readString(dir.resolve("spark/lfw-folds.csv")));
        assertTrue(Files.isDirectory(dir.resolve("spark/embeddings.parquet")));
        assertTrue(b.out().contains("Spark-embedded images"), b.out());
    }

    @Test
    void usageErrorsExitWithTwoAndNameTheArgument() {
        Outcome threads = spark("spark", "run", "--threads", "2", "--out", dir.resolve("t").toString());
        assertEquals(2, threads.code());
        assertTrue(threads.err().contains("--threads"), threads.err());
        Outcome suite = spark("spark", "run", "--suite", "synthetc", "--out", dir.resolve("s").toString());
        assertEquals(2, suite.code());
        assertTrue(suite.err().contains("synthetic"), suite.err());
        Outcome embed = spark("spark", "embed", "--out", dir.resolve("e").toString());
        assertEquals(2, embed.code());
        assertTrue(embed.err().contains("--images PATH or --list FILE"), embed.err());
        Outcome none = spark("spark");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("run, embed, lfw"), none.err());
        for (String[] bad : new String[][] {{"--far", "5"}, {"--min-images", "1"}, {"--learners", "logistc"}}) {
            Outcome lfw = spark("spark", "lfw", bad[0], bad[1], "--out", dir.resolve("l").toString());
            assertEquals(2, lfw.code(), lfw.err());
            assertTrue(lfw.err().contains("Invalid value for " + bad[0]), lfw.err());
        }
    }
}
