package org.tl4j.relational.problem;

import org.junit.jupiter.api.Test;
import org.tl4j.core.Setting;
import org.tl4j.relational.problem.RelationalTransferProblem.Options;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RelationalTransferProblemTest {

    static Path relationalData() {
        String shared = System.getProperty("tl4j.shared", "../shared");
        return Path.of(shared, "data", "relational");
    }

    @Test
    void seedsCycleThroughTheFolds() {
        assertEquals(1, RelationalTransferProblem.foldForSeed(0, 5));
        assertEquals(5, RelationalTransferProblem.foldForSeed(4, 5));
        assertEquals(1, RelationalTransferProblem.foldForSeed(5, 5));
        assertEquals(2, RelationalTransferProblem.foldForSeed(-1, 2));
    }

    @Test
    void everyStandardDataSetHasBundledModesTypingItsTarget() {
        for (RelationalPair p : RelationalPair.standard()) {
            var s = DomainSchemas.bundledModes(p.sourceDataset()).orElseThrow();
            assertEquals(2, s.signature(p.sourcePredicate()).arity(), p.name());
            var t = DomainSchemas.bundledModes(p.targetDataset()).orElseThrow();
            assertEquals(2, t.signature(p.targetPredicate()).arity(), p.name());
        }
        assertEquals("imdb->uwcse", RelationalPair.parse("IMDB->UWCSE").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RelationalPair.parse("imdb->nell"));
        assertTrue(e.getMessage().contains("uwcse->imdb"), e.getMessage());
    }

    @Test
    void theStandardProblemTrainsOnOneFoldAndTestsOnTheOthers() {
        Path data = relationalData();
        assumeTrue(Files.isDirectory(data.resolve("uwcse")) && Files.isDirectory(data.resolve("imdb")),
                "shared relational folds not found at " + data + " (set -Dtl4j.shared)");
        RelationalTransferProblem p = RelationalTransferProblem.standard(data, RelationalPair.parse("imdb->uwcse"),
                0, Options.treeBoostler());
        assertEquals(1, p.fold());
        // uwcse fold 1 holds 35 positives (fold_1/test_pos.txt); the other four folds 78.
        assertEquals(35, p.targetTrain().positives().size());
        assertEquals(35, p.targetTrain().negatives().size(), "one negative per positive");
        assertEquals(78, p.targetTest().positives().size());
        assertEquals(78, p.targetTest().negatives().size());
        assertEquals(382, p.source().positives().size(), "the source is all of IMDB");
        assertEquals(156, p.targetTestTruth().size());
        assertEquals(78, p.targetTestTruth().stream().filter(RelationalTransferProblem.TRUE::equals).count());
        java.util.Set<org.tl4j.relational.data.GroundAtom> positives = new java.util.HashSet<>(
                p.targetTest().positives());
        for (int i = 0; i < p.testQueries().size(); i++) {
            assertEquals(positives.contains(p.testQueries().get(i)), p.targetTestLabels()[i], "label of query " + i);
            assertEquals(p.targetTestLabels()[i] ? RelationalTransferProblem.TRUE : RelationalTransferProblem.FALSE,
                    p.targetTestTruth().get(i));
        }
        var test = p.targetTest();
        RelationalTransferProblem swapped = new RelationalTransferProblem(p.name(), p.description(),
                p.sourceNames().get(0), p.source(), p.sourceSchema(), p.targetName(), p.targetTrain(),
                new org.tl4j.relational.data.RelationalDataset(test.name(), test.target(), test.facts(),
                        test.negatives(), test.positives(), test.notes()), p.targetSchema(), p.fold());
        assertEquals(p.testQueries(), swapped.testQueries(), "the query order does not depend on the labels");
        assertEquals(p.targetTestLabels()[0], !swapped.targetTestLabels()[0]);
        assertTrue(p.targetTestLabels()[0] != p.targetTestLabels()[1] || p.targetTestLabels()[1]
                != p.targetTestLabels()[2] || p.targetTestLabels()[2] != p.targetTestLabels()[3],
                "positives and negatives are interleaved, not in blocks");
        assertEquals("relational-facts", p.dataKind());
        assertEquals(Setting.INDUCTIVE, p.setting());
        assertEquals("imdb", p.sourceNames().get(0));
        assertEquals("uwcse", p.targetName());
        assertTrue(p.domainProvenance().keySet().containsAll(java.util.List.of("source.0", "target-train",
                "target-test")));
        assertTrue(p.domainProvenance().get("target-train").toString().contains("sha256"));
        RelationalTransferProblem again = RelationalTransferProblem.standard(data, RelationalPair.parse(
                "imdb->uwcse"), 0, Options.treeBoostler());
        assertEquals(p.targetTest().negatives(), again.targetTest().negatives(), "the draw is seeded");
        RelationalTransferProblem cv = RelationalTransferProblem.standard(data, RelationalPair.parse("imdb->uwcse"),
                0, Options.crossValidation());
        assertEquals(78, cv.targetTrain().positives().size());
        assertEquals(1814, cv.targetTest().negatives().size(), "cross-validation tests on all negatives of fold 1");
    }

    @Test
    void aMissingDataSetIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RelationalTransferProblem.standard(Path.of("no-such-dir"), RelationalPair.parse("imdb->uwcse"),
                        0, Options.treeBoostler()));
        assertTrue(e.getMessage().contains("no-such-dir"), e.getMessage());
    }
}
