package org.tl4j.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.datasets.OfficeCaltech;
import org.tl4j.datasets.TinyOfficeCaltech;
import org.tl4j.experiments.run.OutputFolder;
import org.tl4j.experiments.run.RunSetup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tl4j.experiments.cli.TlCommandTest.tl;

/**
 * {@code tl run} never mixes data sets, never loses a user's files and never accepts a misspelled setting: each
 * case of issue 14 with the exit code and the message that pins it.
 */
class RunReliabilityTest {

    private static TlCommandTest.Result officeCaltech(Path data, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--suite", "office-caltech", "--strategies", "source-only",
                "--seeds", "1", "--no-discrepancy", "--data", data.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return tl(args.toArray(String[]::new));
    }

    /** A byte-for-byte copy of a data root (a MAT file written again differs: its header holds the time). */
    private static Path copy(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
        return to;
    }

    @Test
    void resumeOnOtherDataIsRefusedNamingTheFileAndTheSameBytesElsewhereResume(@TempDir Path tmp) throws IOException {
        Path a = TinyOfficeCaltech.write(tmp.resolve("a"));
        Path out = tmp.resolve("run");
        TlCommandTest.Result full = officeCaltech(a, out);
        assertEquals(0, full.code(), full.err());
        String results = Files.readString(out.resolve("results.csv"));
        JsonNode files = new ObjectMapper().readTree(out.resolve(RunSetup.RUN_JSON).toFile()).get("data").get("files");
        assertEquals(4, files.size(), files.toString());
        // Interrupted after half of its 12 fits ...
        List<String> lines = Files.readAllLines(out.resolve(RunSetup.RUNS_CSV));
        assertEquals(13, lines.size(), "a header and 12 fits: source-only on 12 pairs");
        Files.write(out.resolve(RunSetup.RUNS_CSV), lines.subList(0, 7));
        // ... and resumed on a copy whose DSLR labels differ.
        Path b = copy(a, tmp.resolve("b"));
        int[] y = TinyOfficeCaltech.labels();
        for (int i = 0; i < y.length; i++) {
            y[i] = 1 + (y[i] % OfficeCaltech.CLASSES);
        }
        TinyOfficeCaltech.writeSite(b, OfficeCaltech.Site.DSLR, y);
        TlCommandTest.Result other = officeCaltech(b, out, "--resume");
        assertEquals(2, other.code(), other.err());
        assertTrue(other.err().contains("--resume: the data differ from those the run in " + out.toAbsolutePath())
                && other.err().contains("data/office-caltech10-surf/dslr_SURF_L10.mat differs: SHA-256"), other.err());
        assertEquals(lines.subList(0, 7), Files.readAllLines(out.resolve(RunSetup.RUNS_CSV)), "nothing was fitted");
        // The same bytes under another root are the same data: the resumed run equals the uninterrupted one.
        Path copy = copy(a, tmp.resolve("copy"));
        TlCommandTest.Result same = officeCaltech(copy, out, "--resume");
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("Resumed 6 finished fits"), same.out());
        assertEquals(TlCommandTest.stripTimes(results), TlCommandTest.stripTimes(Files.readString(out.resolve("results.csv"))));
    }

    @Test
    void misspelledKeysAreUsageErrorsWithTheClosestNames(@TempDir Path tmp) {
        Path out = tmp.resolve("o");
        TlCommandTest.Result unprefixed = tl("run", "--seeds", "1", "--strategies", "pooled", "-o", "iner=1nn",
                "--out", out.toString());
        assertEquals(2, unprefixed.code());
        assertTrue(unprefixed.err().contains("Invalid value for --option: none of the strategies that run "
                + "(target-only, source-only, pooled) has an option 'iner'; did you mean inner?"), unprefixed.err());
        TlCommandTest.Result empty = tl("run", "--seeds", "1", "-o", "=1", "--out", out.toString());
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("Invalid value for --option: '=1' has no option name"), empty.err());
        // Suite parameters are checked against the suite's declaration before any data are read.
        TlCommandTest.Result param = tl("run", "--suite", "office-caltech", "--param", "preprocesing=zscore",
                "--data", tmp.resolve("no-data-here").toString(), "--out", out.toString());
        assertEquals(2, param.code());
        assertTrue(param.err().contains("Invalid value for --param: suite 'office-caltech' has no parameter "
                + "'preprocesing'; did you mean preprocessing?"), param.err());
        TlCommandTest.Result none = tl("run", "--param", "preprocessing=zscore", "--out", out.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("suite 'synthetic' has no parameter 'preprocessing'. It takes no parameters."),
                none.err());
        // Options and grids for a strategy that does not run.
        TlCommandTest.Result notRun = tl("run", "--seeds", "1", "--strategies", "pooled", "-o", "kmm.sigma=1",
                "--out", out.toString());
        assertEquals(2, notRun.code());
        assertTrue(notRun.err().contains("'kmm.sigma' is for strategy 'kmm', which does not run"), notRun.err());
        TlCommandTest.Result grid = tl("run", "--seeds", "1", "--strategies", "pooled", "--select", "iwcv", "--grid",
                "kmm.sigma=1,2", "--out", out.toString());
        assertEquals(2, grid.code());
        assertTrue(grid.err().contains("Invalid value for --grid: 'kmm.sigma' is for strategy 'kmm'"), grid.err());
        TlCommandTest.Result nan = tl("run", "--seeds", "1", "--strategies", "kmm", "-o", "kmm.sigma=NaN",
                "--no-discrepancy", "--out", out.toString());
        assertEquals(2, nan.code());
        assertTrue(nan.err().contains("Option 'sigma' of 'kmm' takes a finite number, not 'NaN'"), nan.err());
        assertFalse(Files.exists(out), "no refused start leaves a folder behind");
    }

    @Test
    void provenanceListsOnlyTheOptionsAStrategyHas(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("p");
        TlCommandTest.Result r = tl("run", "--seeds", "1", "--strategies", "kmm", "-o", "inner=1nn", "-o",
                "ridge=0.05", "--no-discrepancy", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode strategies = new ObjectMapper().readTree(out.resolve("provenance.json").toFile()).get("strategies");
        for (JsonNode s : strategies) {
            JsonNode o = s.get("options");
            assertEquals("1nn", o.get("inner").asText(), s.toString());
            assertEquals(s.get("name").asText().equals("kmm"), o.has("ridge"), s.toString());
        }
    }

    @Test
    void aUsersFilesAreNeverReplacedWithoutOverwrite(@TempDir Path tmp) throws IOException {
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(out.resolve("results.md"), "my notes");
        Files.writeString(out.resolve("todo.txt"), "keep me");
        TlCommandTest.Result refused = tl("run", "--seeds", "1", "--strategies", "pooled", "--no-discrepancy", "--out",
                out.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("Invalid value for --out: " + out.toAbsolutePath() + " is not empty (it holds "
                + "results.md, todo.txt) and holds no tl run"), refused.err());
        assertEquals("my notes", Files.readString(out.resolve("results.md")));
        TlCommandTest.Result replaced = tl("run", "--seeds", "1", "--strategies", "pooled", "--no-discrepancy",
                "--overwrite", "--out", out.toString());
        assertEquals(0, replaced.code(), replaced.err());
        assertTrue(Files.readString(out.resolve("results.md")).startsWith("# tl4j results"));
        assertEquals("keep me", Files.readString(out.resolve("todo.txt")), "--overwrite keeps files tl does not write");
        // A finished run is not overwritten either; --overwrite starts it again from nothing.
        TlCommandTest.Result again = tl("run", "--seeds", "1", "--strategies", "pooled", "--no-discrepancy", "--out",
                out.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already holds a run (21 finished fits): pass --resume"), again.err());
        TlCommandTest.Result fresh = tl("run", "--seeds", "1", "--strategies", "pooled", "--no-discrepancy",
                "--overwrite", "--out", out.toString());
        assertEquals(0, fresh.code(), fresh.err());
        assertFalse(fresh.out().contains("Resumed"), "--overwrite reuses no earlier fit");
    }

    @Test
    void theOutputLocationIsCheckedBeforeAnyWork(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("results.txt"), "mine");
        TlCommandTest.Result onFile = tl("run", "--seeds", "1", "--out", file.toString());
        assertEquals(2, onFile.code());
        assertTrue(onFile.err().contains("Invalid value for --out: " + file + " is a file, not a folder"), onFile.err());
        assertFalse(onFile.err().contains("suite synthetic"), "nothing ran: " + onFile.err());
        TlCommandTest.Result under = tl("run", "--seeds", "1", "--out", file.resolve("x").toString());
        assertEquals(2, under.code());
        assertTrue(under.err().contains("cannot create the folder " + file.resolve("x")), under.err());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aSecondProcessOnTheSameOutIsRefused(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("busy");
        Process other = org.tl4j.experiments.run.LockHolder.start(out);
        try {
            TlCommandTest.Result r = tl("run", "--seeds", "1", "--strategies", "pooled", "--out", out.toString());
            assertEquals(2, r.code());
            assertTrue(r.err().contains("is in use by another tl process (pid " + other.pid()), r.err());
        } finally {
            other.destroyForcibly().waitFor();
        }
        TlCommandTest.Result after = tl("run", "--seeds", "1", "--strategies", "pooled", "--no-discrepancy", "--out",
                out.toString());
        assertEquals(0, after.code(), "a lock file left by a killed process does not block: " + after.err());
        assertTrue(Files.exists(out.resolve(OutputFolder.LOCK_FILE)));
    }

    @Test
    void aStartThatFailsLeavesNothingThatBlocksTheCorrectedRerun(@TempDir Path tmp) {
        Path out = tmp.resolve("s");
        // Refused after the folder was taken: the option value does not suit the regression tasks.
        TlCommandTest.Result bad = tl("run", "--seeds", "1", "--strategies", "pooled", "-o", "pooled.inner=linear-svm",
                "--out", out.toString());
        assertEquals(2, bad.code());
        assertFalse(Files.exists(out), "the folder it created is removed");
        TlCommandTest.Result good = tl("run", "--seeds", "1", "--strategies", "pooled", "-o", "pooled.inner=1nn",
                "--no-discrepancy", "--out", out.toString());
        assertEquals(0, good.code(), good.err());
    }

    @Test
    void seedsAreBoundedAndResumeNeedsAnOutputFolder() {
        TlCommandTest.Result seeds = tl("run", "--seeds", "1000000000");
        assertEquals(2, seeds.code());
        assertTrue(seeds.err().contains("Invalid value for --seeds: 1000000000 (must be in 1.." + RunSetup.MAX_SEEDS + ")"),
                seeds.err());
        TlCommandTest.Result resume = tl("run", "--resume");
        assertEquals(2, resume.code());
        assertTrue(resume.err().contains("--resume needs --out DIR"), resume.err());
    }

    @Test
    void suitesListTheParametersTheyRead() {
        TlCommandTest.Result r = tl("suites");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("office-caltech: preprocessing - ") && r.out().contains("synthetic: none")
                && r.out().contains("lfw-identities: shots - "), r.out());
    }
}
