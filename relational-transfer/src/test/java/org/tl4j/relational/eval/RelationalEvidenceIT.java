package org.tl4j.relational.eval;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tl4j.relational.problem.RelationalPair;
import org.tl4j.relational.problem.RelationalTransferProblem.Options;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The IMDB → UW-CSE reproduction on the shared folds (slow: run with -Pfull). */
@Tag("slow")
class RelationalEvidenceIT {

    @Test
    void imdbToUwcseTransfersAsPublished() {
        Path data = Path.of(System.getProperty("tl4j.shared", "../shared"), "data", "relational");
        assumeTrue(Files.isDirectory(data.resolve("uwcse")) && Files.isDirectory(data.resolve("imdb")),
                "shared relational folds not found at " + data + " (set -Dtl4j.shared)");
        RelationalEvidence.PairResult r = RelationalEvidence.runPair(data, RelationalPair.parse("imdb->uwcse"),
                Options.treeBoostler(), new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(5, r.folds().size());
        double tb = 0;
        int director = 0;
        for (RelationalEvidence.FoldResult f : r.folds()) {
            tb += f.metrics()[3][0] / 5;
            director += f.mapping().contains("director(A) -> professor(A)") ? 1 : 0;
        }
        assertTrue(tb > 0.85, "TreeBoostler's mean AUC-ROC on UW-CSE: " + tb);
        assertTrue(director >= 3, "director maps onto professor in most folds: " + director);
    }
}
