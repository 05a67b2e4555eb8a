package org.tl4j.instance.kmm;

import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferTask;
import org.tl4j.core.discrepancy.DomainDiscrepancy;
import org.tl4j.core.learn.InnerLearners;
import org.tl4j.core.matrix.TribuoMatrices;
import org.tl4j.core.synthetic.GaussianCovariateShift;
import org.tribuo.classification.Label;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernel width the domain discrepancy reports is the width KMM chooses on the same samples and seed. */
class DiscrepancyWidthTest {

    @Test
    void discrepancyReportsTheWidthKmmChooses() {
        // 400 source and 10 + 400 target rows: more than the heuristic's 400 points, so its subsample matters.
        TransferTask<Label> task = new GaussianCovariateShift(GaussianCovariateShift.Boundary.QUADRATIC).generate(2);
        DMatrixRMaj xs = TribuoMatrices.stack(task.sources(), task.featureSpace());
        DMatrixRMaj xt = TribuoMatrices.stack(List.of(task.targetTrain(), task.targetUnlabelled()), task.featureSpace());
        assertTrue(xt.numRows > 400, "the target sample is subsampled: " + xt.numRows + " rows");
        for (long seed : new long[]{0, 7}) {
            TransferModel<Label> m = new KmmStrategy<Label>(InnerLearners.logistic()).fit(task, seed);
            double kmm = ((DoubleProvenance) m.getProvenance().getInstanceProvenance().getMap().get("kmm.sigma"))
                    .getValue();
            assertEquals(kmm, DomainDiscrepancy.medianHeuristic(xs, xt, seed), 0.0, "seed " + seed);
        }
    }
}
