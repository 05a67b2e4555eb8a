package org.tl4j.relational.problem;

import org.junit.jupiter.api.Test;
import org.tl4j.core.eval.RankingMetrics;
import org.tl4j.relational.rdn.RdnBoostLearner;
import org.tl4j.relational.rdn.RdnBoostModel;
import org.tl4j.relational.rdn.RdnBoostSettings;
import org.tl4j.relational.transfer.TreeBoostler;
import org.tl4j.relational.transfer.TreeBoostlerModel;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The README's library example, kept compiling and working. */
class LibraryExampleTest {

    @Test
    void readmeExampleTransfersImdbToUwcse() {
        Path data = RelationalTransferProblemTest.relationalData();
        assumeTrue(Files.isDirectory(data.resolve("uwcse")) && Files.isDirectory(data.resolve("imdb")),
                "shared relational folds not found at " + data + " (set -Dtl4j.shared)");
        RelationalTransferProblem p = RelationalTransferProblem.standard(data,
                RelationalPair.parse("imdb->uwcse"), 0, RelationalTransferProblem.Options.treeBoostler());
        RdnBoostModel source = new RdnBoostLearner(RdnBoostSettings.defaults(0)).fit(p.source(), p.sourceSchema());
        TreeBoostlerModel tb = new TreeBoostler(TreeBoostler.Settings.defaults(0))
                .fit(source, p.sourceSchema(), p.targetTrain(), p.targetSchema());
        double[] prob = p.testProbabilities(tb);                     // P(advisedby) of each test query
        double auc = RankingMetrics.aucRoc(prob, p.targetTestLabels());
        assertEquals(p.targetTestTruth().size(), prob.length);
        assertTrue(auc > 0.9, "fold 1 transfers well: AUC-ROC " + auc);
        assertTrue(tb.mapping().lines(p.sourceSchema()).contains("director(A) -> professor(A)"),
                tb.mapping().lines(p.sourceSchema()).toString());
    }
}
