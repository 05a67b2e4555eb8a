package org.tl4j.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlCommandTest {

    /** Exit status and captured output of one tl invocation. */
    record Result(int code, String out, String err) {
    }

    static Result tl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Tl.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        try (CSVParser p = CSVFormat.DEFAULT.parse(new StringReader(text))) {
            return p.getRecords();
        }
    }

    @Test
    void strategiesCsvHasTheHeaderAndOneRowPerStrategy() throws IOException {
        Result r = tl("strategies", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<CSVRecord> rows = csv(r.out());
        assertEquals(List.of("name", "approach", "settings", "module", "description"), rows.get(0).toList());
        Set<String> names = new TreeSet<>();
        for (CSVRecord row : rows.subList(1, rows.size())) {
            assertEquals(5, row.size());
            names.add(row.get(0));
            if (row.get(0).equals("pooled")) {
                assertEquals(List.of("pooled", "baseline", "inductive", "core"), row.toList().subList(0, 4));
            }
        }
        assertTrue(names.containsAll(Set.of("pooled", "source-only", "target-only")), names.toString());
    }

    @Test
    void strategiesJsonAndTableListTheSameNames() throws IOException {
        Result json = tl("strategies", "--format", "json");
        assertEquals(0, json.code());
        JsonNode arr = new ObjectMapper().readTree(json.out());
        Result table = tl("strategies");
        for (JsonNode n : arr) {
            assertTrue(table.out().contains(n.get("name").asText()));
        }
        assertEquals(2, tl("strategies", "--format", "yaml").code());
    }

    @Test
    void runWritesEveryOutputFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("x");
        Result r = tl("run", "--suite", "synthetic", "--seeds", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("negative transfer"), r.out());
        List<CSVRecord> rows = csv(Files.readString(out.resolve("results.csv")));
        assertEquals(List.of("suite", "task", "strategy", "approach", "seed", "metric", "value", "target_only",
                "source_only", "ntg", "negative_transfer", "fit_ms"), rows.get(0).toList().subList(0, 12));
        Set<String> tasks = new TreeSet<>();
        Set<String> flags = new TreeSet<>();
        for (CSVRecord row : rows.subList(1, rows.size())) {
            tasks.add(row.get(1));
            flags.add(row.get(10));
        }
        assertEquals(7, tasks.size(), tasks.toString());
        assertTrue(flags.contains("true"), "adversarial sources are flagged: " + flags);
        String md = Files.readString(out.resolve("results.md"));
        assertTrue(md.contains("## adversarial-flipped-labels") && md.contains("**NEGATIVE**"), md);
        // Strategies that do not apply to a task are listed under it with the reason, not silently left out.
        String shimodaira = md.substring(md.indexOf("## shimodaira-regression"), md.indexOf("## adversarial-flipped"));
        assertTrue(shimodaira.contains("Not run on this task") && shimodaira.contains("`tradaboost` (")
                && shimodaira.contains("`gfk` ("), shimodaira);
        JsonNode prov = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertEquals("synthetic", prov.get("suite").get("name").asText());
        assertEquals(2, prov.get("seeds").size());
        BufferedImage png = ImageIO.read(out.resolve("chart.png").toFile());
        assertNotNull(png, "chart.png is a readable PNG");
        assertTrue(png.getWidth() > 500 && png.getHeight() > 300);
        assertTrue(Files.size(out.resolve("discrepancy.csv")) > 100);
        assertTrue(Files.exists(out.resolve("runs.csv")));
    }

    @Test
    void unknownStrategyExitsTwoNamingTheCloseNames() {
        Result r = tl("run", "--strategies", "pooled,sorce-only", "--seeds", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown strategy 'sorce-only'; did you mean source-only?"), r.err());
    }

    @Test
    void badArgumentsExitTwoWithTheArgumentNamed(@TempDir Path dir) {
        Result suite = tl("run", "--suite", "synthetc", "--out", dir.resolve("a").toString());
        assertEquals(2, suite.code());
        assertTrue(suite.err().contains("--suite") && suite.err().contains("did you mean synthetic?"), suite.err());
        Result seeds = tl("run", "--seeds", "0");
        assertEquals(2, seeds.code());
        assertTrue(seeds.err().contains("--seeds"), seeds.err());
        Result threads = tl("run", "--threads", "0", "--out", dir.resolve("t").toString());
        assertEquals(2, threads.code());
        assertTrue(threads.err().contains("--threads"), threads.err());
        Result option = tl("run", "-o", "pooledd.inner=1nn", "--out", dir.resolve("b").toString());
        assertEquals(2, option.code());
        assertTrue(option.err().contains("--option"), option.err());
        assertEquals(2, tl("frobnicate").code());
        assertEquals(2, tl().code());
    }

    @Test
    void anInterruptedRunResumesWithoutRefittingAndGivesTheSameResults(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r");
        assertEquals(0, tl("run", "--seeds", "2", "--out", out.toString()).code());
        String first = Files.readString(out.resolve("results.csv"));
        Result again = tl("run", "--seeds", "2", "--out", out.toString());
        assertEquals(2, again.code(), "an existing run is not overwritten without --resume");
        // Simulate a crash: drop the last finished fit and leave half a line behind.
        List<String> lines = Files.readAllLines(out.resolve("runs.csv"));
        String partial = lines.get(lines.size() - 1).substring(0, 10);
        Files.write(out.resolve("runs.csv"), lines.subList(0, lines.size() - 1));
        Files.writeString(out.resolve("runs.csv"), partial, java.nio.file.StandardOpenOption.APPEND);
        Result resumed = tl("run", "--seeds", "2", "--out", out.toString(), "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("Resumed " + (lines.size() - 2) + " finished fits"), resumed.out());
        String second = Files.readString(out.resolve("results.csv"));
        assertEquals(stripTimes(first), stripTimes(second));
        Result differentArgs = tl("run", "--seeds", "3", "--out", out.toString(), "--resume");
        assertEquals(2, differentArgs.code());
        assertTrue(differentArgs.err().contains("same arguments"), differentArgs.err());
    }

    @Test
    void optionsReachTheStrategies(@TempDir Path dir) {
        Result r = tl("run", "--seeds", "1", "--strategies", "pooled", "-o", "inner=1nn", "--no-discrepancy",
                "--out", dir.resolve("o").toString());
        assertEquals(0, r.code(), r.err());
        // An option applies to every task its strategy runs on: a classifier for the suite's regression tasks is
        // refused before anything is fitted or written.
        Result wrongType = tl("run", "--seeds", "1", "-o", "inner=linear-svm", "--out", dir.resolve("q").toString());
        assertEquals(2, wrongType.code());
        assertTrue(wrongType.err().contains("Unknown inner learner 'linear-svm' for regression"), wrongType.err());
        assertTrue(wrongType.err().contains("(Regressor outputs)"), wrongType.err());
        assertFalse(Files.exists(dir.resolve("q")), "a refused start leaves no folder behind");
        Result bad = tl("run", "--seeds", "1", "-o", "pooled.iner=1nn", "--out", dir.resolve("p").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("did you mean inner"), bad.err());
    }

    /** fit_ms (column 12) differs between runs; everything else must not. */
    static String stripTimes(String csv) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (CSVRecord r : csv(csv)) {
            List<String> l = new java.util.ArrayList<>(r.toList());
            l.set(11, "");
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    @Test
    void scoreMetricsAreReportedForABinaryTask(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("m");
        Result r = tl("run", "--seeds", "2", "--strategies", "pooled", "--no-discrepancy", "--metrics",
                "accuracy,auc_roc,average_precision,log_loss,mse", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<CSVRecord> rows = csv(Files.readString(out.resolve("results.csv")));
        Set<String> metrics = new TreeSet<>();
        for (CSVRecord row : rows.subList(1, rows.size())) {
            if (row.get(1).equals("gaussian-shift-linear")) {
                metrics.add(row.get(5));
                if (row.get(5).equals("auc_roc") && row.get(2).equals("target-only")) {
                    double v = Double.parseDouble(row.get(6));
                    assertTrue(v > 0.5 && v <= 1, "AUC-ROC of target-only logistic regression: " + v);
                }
            }
        }
        assertEquals(Set.of("accuracy", "auc_roc", "average_precision", "log_loss"), metrics);
        Result bad = tl("run", "--seeds", "1", "--metrics", "acuracy", "--out", dir.resolve("x").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("did you mean accuracy"), bad.err());
    }
}
