package org.tl4j.instance.tradaboost;

import org.junit.jupiter.api.Test;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.Evaluator;
import org.tl4j.core.eval.NegativeTransferTest;
import org.tl4j.core.eval.SummaryRow;
import org.tl4j.core.synthetic.AdversarialSource;
import org.tl4j.core.synthetic.PartlyMisleadingSource;
import org.tl4j.core.synthetic.SyntheticGenerator;

import java.util.List;
import org.tl4j.core.eval.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TrAdaBoost against the baselines over eight seeds. On a partly misleading source (40 % of 600 source examples
 * labelled by a concept rotated 90°, 10 labelled target examples) it beats both target-only (measured 0.823 vs
 * 0.730 accuracy) and pooled (0.781) and is not flagged. On the adversarial sources of the synthetic suite a
 * paper-faithful TrAdaBoost cannot recover (its first hypothesis follows the 1,000 source examples and the target
 * errors stay at or above chance), so it does hurt, and the flag fires exactly then: NEGATIVE only together with a
 * large accuracy loss against target-only.
 */
class TrAdaBoostEvidenceTest {

    private static final List<Long> SEEDS = List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    /** A gain over a baseline that seed noise (about ±0.01 on the mean of 8 seeds) cannot produce. */
    private static final double CLEAR_GAIN = 0.03;
    /** A loss against target-only that "really hurts". */
    private static final double REAL_HARM = 0.10;

    private static EvaluationReport run(List<SyntheticGenerator<?>> generators) {
        return Evaluator.builder("evidence", StrategyRegistry.load()).strategies(List.of("tradaboost", "pooled"))
                .seeds(SEEDS).discrepancies(false).build()
                .run(seed -> generators.stream().map(g -> (TransferProblem<?>) g.generate(seed)).toList());
    }

    private static SummaryRow row(EvaluationReport r, String task, String strategy) {
        return r.summary(task, strategy, Metrics.ACCURACY).orElseThrow();
    }

    @Test
    void beatsTargetOnlyAndPooledOnAPartlyMisleadingSource() {
        EvaluationReport r = run(List.of(new PartlyMisleadingSource()));
        String task = new PartlyMisleadingSource().name();
        double trada = row(r, task, "tradaboost").mean();
        double targetOnly = row(r, task, "target-only").mean();
        double pooled = row(r, task, "pooled").mean();
        assertTrue(trada >= targetOnly + CLEAR_GAIN, "tradaboost " + trada + " vs target-only " + targetOnly);
        assertTrue(trada >= pooled + CLEAR_GAIN, "tradaboost " + trada + " vs pooled " + pooled);
        assertEquals(NegativeTransferTest.Verdict.NOT_NEGATIVE, row(r, task, "tradaboost").verdict());
    }

    @Test
    void isFlaggedOnAdversarialSourcesOnlyWhereItReallyHurts() {
        List<SyntheticGenerator<?>> adversarial = List.of(new AdversarialSource(AdversarialSource.Mode.FLIPPED_LABELS),
                new AdversarialSource(AdversarialSource.Mode.UNRELATED_CONCEPT));
        EvaluationReport r = run(adversarial);
        for (SyntheticGenerator<?> g : adversarial) {
            SummaryRow s = row(r, g.name(), "tradaboost");
            double loss = s.targetOnlyMean() - s.mean();
            boolean hurts = loss >= REAL_HARM;
            assertEquals(hurts, s.verdict() == NegativeTransferTest.Verdict.NEGATIVE,
                    g.name() + ": accuracy " + s.mean() + " vs target-only " + s.targetOnlyMean() + ", verdict " + s.verdict());
            assertTrue(hurts, g.name() + ": a paper-faithful TrAdaBoost cannot undo a source this adversarial ("
                    + s.mean() + " vs " + s.targetOnlyMean() + ")");
        }
    }
}
