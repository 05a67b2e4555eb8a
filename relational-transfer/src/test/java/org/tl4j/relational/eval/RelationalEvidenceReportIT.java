package org.tl4j.relational.eval;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tl4j.relational.problem.RelationalPair;
import org.tl4j.relational.problem.RelationalTransferProblem.Options;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Writes the full evidence report (six pairs, TreeBoostler's protocol, and the synthetic pair) to
 * {@code target/relational-evidence.md}. Slow (minutes): run with {@code -Pfull}.
 */
@Tag("slow")
class RelationalEvidenceReportIT {

    @Test
    void writesTheReportForTheSixStandardPairs() throws Exception {
        Path data = Path.of(System.getProperty("tl4j.shared", "../shared"), "data", "relational");
        for (RelationalPair p : RelationalPair.standard()) {
            assumeTrue(Files.isDirectory(data.resolve(p.sourceDataset())) && Files.isDirectory(data.resolve(
                    p.targetDataset())), "shared relational folds not found at " + data + " (set -Dtl4j.shared)");
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        List<RelationalEvidence.PairResult> results = new ArrayList<>();
        for (RelationalPair p : RelationalPair.standard()) {
            results.add(RelationalEvidence.runPair(data, p, Options.treeBoostler(), quiet));
        }
        String report = RelationalEvidence.report(results, Options.treeBoostler(), RelationalEvidence.synthetic(
                quiet));
        Path out = Path.of("target", "relational-evidence.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        assertEquals(6, results.size());
        assertTrue(report.contains("found in 5 of 5 seeds"), "the synthetic mapping is found every time");
    }
}
