package org.tl4j.core.eval;

import org.ejml.data.DMatrixRMaj;
import org.tl4j.core.Domain;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferTask;
import org.tl4j.core.discrepancy.DomainDiscrepancy;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.matrix.Subsample;
import org.tl4j.core.matrix.TribuoMatrices;
import org.tribuo.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Domain discrepancy before training, for the harness's report: between every source and the target's training
 * features (or, for transductive tasks without any, the test features — labels are never read) of feature-vector
 * problems: linear and Gaussian-kernel MMD², the median-heuristic width, proxy A-distance and CORAL distance
 * ({@link DomainDiscrepancy}). Other problem kinds have no feature space to measure and get no records.
 */
public final class DiscrepancyProbe {
    private static final Logger logger = Logger.getLogger(DiscrepancyProbe.class.getName());

    /** Most points per sample used for discrepancies (subsampled with the seed beyond this). */
    public static final int MAX_POINTS = 1000;

    private DiscrepancyProbe() {
    }

    /** The discrepancies of {@code problem}'s draw for {@code seed}; empty for problems that are not feature vectors. */
    public static List<DiscrepancyRecord> measure(TransferProblem<?> problem, long seed) {
        if (problem instanceof TransferTask<?> task) {
            return measureTask(task, seed);
        }
        return List.of();
    }

    private static <T extends Output<T>> List<DiscrepancyRecord> measureTask(TransferTask<T> task, long seed) {
        List<Domain<T>> target = new ArrayList<>();
        String targetLabel;
        if (!task.targetTrain().isEmpty() || !task.targetUnlabelled().isEmpty()) {
            target.add(task.targetTrain());
            target.add(task.targetUnlabelled());
            targetLabel = task.targetName() + "(train+unlabelled)";
        } else {
            target.add(task.targetTest());
            targetLabel = task.targetName() + "(test features)";
        }
        DMatrixRMaj xt = Subsample.rows(TribuoMatrices.stack(target, task.featureSpace()),
                MAX_POINTS, Seeds.derive(seed, "disc-target"));
        List<DiscrepancyRecord> out = new ArrayList<>();
        for (Domain<T> s : task.sources()) {
            DMatrixRMaj xs = Subsample.rows(TribuoMatrices.features(s, task.featureSpace()),
                    MAX_POINTS, Seeds.derive(seed, "disc-" + s.name()));
            double lin = Double.NaN;
            double rbf = Double.NaN;
            double sigma = Double.NaN;
            double pad = Double.NaN;
            double coral = Double.NaN;
            try {
                lin = DomainDiscrepancy.mmdLinear(xs, xt);
                coral = xs.numRows > 1 && xt.numRows > 1 ? DomainDiscrepancy.coral(xs, xt) : Double.NaN;
                sigma = DomainDiscrepancy.medianHeuristic(xs, xt, seed);
                rbf = xs.numRows > 1 && xt.numRows > 1 ? DomainDiscrepancy.mmdRbf(xs, xt, sigma) : Double.NaN;
                pad = Math.min(xs.numRows, xt.numRows) >= 4 ? DomainDiscrepancy.proxyADistance(xs, xt, seed) : Double.NaN;
            } catch (RuntimeException e) {
                logger.warning("Discrepancy between " + s.name() + " and " + targetLabel + " on task " + task.name()
                        + " is incomplete: " + e.getMessage());
            }
            out.add(new DiscrepancyRecord(task.name(), seed, s.name(), targetLabel, lin, rbf, sigma, pad, coral));
        }
        return out;
    }
}
