package org.tl4j.relational.problem;

import org.junit.jupiter.api.Test;
import org.tl4j.core.TransferModel;
import org.tl4j.core.contract.SharedData;
import org.tl4j.core.eval.RankingMetrics;
import org.tl4j.relational.rdn.RdnBoostLearner;
import org.tl4j.relational.rdn.RdnBoostModel;
import org.tl4j.relational.rdn.RdnBoostSettings;
import org.tl4j.relational.strategy.TreeBoostlerStrategy;
import org.tl4j.relational.transfer.TreeBoostler;
import org.tl4j.relational.transfer.TreeBoostlerModel;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's library example, kept compiling and working. */
class LibraryExampleTest {

    @Test
    void readmeExampleTransfersImdbToUwcse() {
        SharedData.require(RelationalSuite.DATA + "/imdb");
        Path data = SharedData.require(RelationalSuite.DATA + "/uwcse").getParent();
        RelationalTransferProblem p = RelationalTransferProblem.standard(data,
                RelationalPair.parse("imdb->uwcse"), 0, RelationalTransferProblem.Options.treeBoostler());
        TransferModel<Label> m = new TreeBoostlerStrategy().fit(p, 0);
        List<Prediction<Label>> pred = m.predictTargetTest(p);
        String mapping = m.summary();

        RdnBoostModel source = new RdnBoostLearner(RdnBoostSettings.defaults(0)).fit(p.source(), p.sourceSchema());
        TreeBoostlerModel tb = new TreeBoostler(TreeBoostler.Settings.defaults(0))
                .fit(source, p.sourceSchema(), p.targetTrain(), p.targetSchema());
        double[] prob = p.testProbabilities(tb);
        double auc = RankingMetrics.aucRoc(prob, p.targetTestLabels());
        assertEquals(p.targetTestTruth().size(), prob.length);
        assertTrue(auc > 0.9, "fold 1 transfers well: AUC-ROC " + auc);
        assertTrue(tb.mapping().lines(p.sourceSchema()).contains("director(A) -> professor(A)"),
                tb.mapping().lines(p.sourceSchema()).toString());
        assertTrue(mapping.startsWith("mapping workedunder(A,B) -> advisedby(A,B); director(A) -> professor(A)"),
                mapping);
        for (int i = 0; i < prob.length; i++) {
            assertEquals(prob[i], pred.get(i).getOutputScores().get("true").getScore(), 0.0);
        }
    }
}
