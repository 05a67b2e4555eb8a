package org.tl4j.core.synthetic;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.tl4j.core.TransferTask;
import org.tl4j.core.contract.TaskSnapshot;
import org.tl4j.core.matrix.TribuoMatrices;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorsTest {

    @Test
    void theSameSeedGivesTheSameTaskBitForBit() {
        for (SyntheticGenerator<?> g : SyntheticSuite.generators()) {
            assertEquals(TaskSnapshot.of(g.generate(11)), TaskSnapshot.of(g.generate(11)), g.name());
            assertNotEquals(TaskSnapshot.of(g.generate(11)), TaskSnapshot.of(g.generate(12)), g.name());
        }
    }

    @Test
    void gaussianShiftReturnsTheDensityRatioItWasBuiltWith() {
        GaussianCovariateShift g = new GaussianCovariateShift(GaussianCovariateShift.Boundary.QUADRATIC, 3, 1.0, 1.0,
                0.6, 0.0, 4000, 0, 10, 10);
        double[] x = {0.3, -0.7, 1.1};
        // N(x; (1,0,0), 0.6² I) / N(x; 0, I), written out independently of the generator.
        double qt = Math.exp(-0.5 * ((0.3 - 1) * (0.3 - 1) + 0.49 + 1.21) / 0.36) / Math.pow(2 * Math.PI * 0.36, 1.5);
        double ps = Math.exp(-0.5 * (0.09 + 0.49 + 1.21)) / Math.pow(2 * Math.PI, 1.5);
        assertEquals(qt / ps, g.densityRatio(x), 1e-12 * qt / ps);
        assertEquals(g.targetDensity(x) / g.sourceDensity(x), g.densityRatio(x), 1e-12 * qt / ps);

        // The draws follow the claimed densities: E_s[w] = 1 and E_s[w x_0] = E_t[x_0] = 1.
        TransferTask<Label> t = g.generate(3);
        DMatrixRMaj xs = TribuoMatrices.features(t.sources().get(0), t.featureSpace());
        double w = 0;
        double wx = 0;
        double w2 = 0;
        for (int i = 0; i < xs.numRows; i++) {
            double r = g.densityRatio(TribuoMatrices.row(xs, i));
            w += r;
            wx += r * xs.get(i, 0);
            w2 += r * r;
        }
        int n = xs.numRows;
        double sd = Math.sqrt(w2 / n - (w / n) * (w / n)) / Math.sqrt(n);
        assertEquals(1.0, w / n, 5 * sd, "importance weights average to one over the source");
        assertEquals(1.0, wx / n, 10 * sd, "importance-weighted source mean equals the target mean");
    }

    @Test
    void labelsFollowTheSameRuleInBothDomains() {
        GaussianCovariateShift g = new GaussianCovariateShift(GaussianCovariateShift.Boundary.LINEAR, 2, 1.0, 1.0,
                0.6, 0.0, 200, 50, 0, 200);
        TransferTask<Label> t = g.generate(4);
        for (var d : List.of(t.sources().get(0), t.targetTrain(), t.targetTest())) {
            for (Example<Label> e : d.data()) {
                double[] x = TribuoMatrices.row(TribuoMatrices.features(List.of(e), 1, t.featureSpace()), 0);
                assertEquals(g.cleanLabel(x), e.getOutput());
            }
        }
    }

    @Test
    void shimodairaRatioMatchesTheTwoNormals() {
        double x = 0.4;
        double pt = Math.exp(-0.5 * (x / 0.3) * (x / 0.3)) / (0.3 * Math.sqrt(2 * Math.PI));
        double ps = Math.exp(-0.5 * ((x - 0.5) / 0.5) * ((x - 0.5) / 0.5)) / (0.5 * Math.sqrt(2 * Math.PI));
        assertEquals(pt / ps, ShimodairaRegression.densityRatio(x), 1e-12);
        assertEquals(-0.4 + 0.064, ShimodairaRegression.f(0.4), 1e-15);
        TransferTask<Regressor> t = new ShimodairaRegression().generate(0);
        assertEquals(List.of("x"), t.featureSpace().names());
        assertEquals(100, t.sourceSize());
    }

    @Test
    void driftingTasksDriftByExactlyTheRequestedAmount() {
        DriftingLinearTasks g = new DriftingLinearTasks(0.35);
        double[] ws = g.sourceWeights(5);
        double[] wt = g.targetWeights(5);
        double diff = 0;
        double norm = 0;
        double dot = 0;
        for (int j = 0; j < ws.length; j++) {
            diff += (wt[j] - ws[j]) * (wt[j] - ws[j]);
            norm += ws[j] * ws[j];
            dot += (wt[j] - ws[j]) * ws[j];
        }
        assertEquals(0.35, Math.sqrt(diff / norm), 1e-12);
        assertEquals(0, dot, 1e-9, "the drift is orthogonal to the source weights");
        assertThrows(IllegalArgumentException.class, () -> new DriftingLinearTasks(-0.1));
    }

    @Test
    void adversarialSourcesContradictTheTarget() {
        AdversarialSource flipped = new AdversarialSource(AdversarialSource.Mode.FLIPPED_LABELS, 5, 0.0, 300, 10, 10);
        double[] w = flipped.targetConcept(2);
        TransferTask<Label> t = flipped.generate(2);
        for (Example<Label> e : t.sources().get(0).data()) {
            double[] x = TribuoMatrices.row(TribuoMatrices.features(List.of(e), 1, t.featureSpace()), 0);
            double s = 0;
            for (int j = 0; j < w.length; j++) {
                s += w[j] * x[j];
            }
            assertEquals(s > 0 ? "neg" : "pos", e.getOutput().getLabel(), "source labels are the target's, flipped");
        }
        AdversarialSource unrelated = new AdversarialSource(AdversarialSource.Mode.UNRELATED_CONCEPT);
        double[] a = unrelated.targetConcept(2);
        double[] b = unrelated.sourceConcept(2);
        double dot = 0;
        for (int j = 0; j < a.length; j++) {
            dot += a[j] * b[j];
        }
        assertEquals(0, dot, 1e-9, "the unrelated concept is orthogonal to the target concept");
    }

    @Test
    void rotationPreservesDistanceToTheCentreAndTurnsByTheAngle() {
        double[] p = {1.5, 0.25};
        double[] q = RotatedMoons.rotate(p, 90);
        assertEquals(0.5, q[0], 1e-12);
        assertEquals(1.25, q[1], 1e-12);
        TransferTask<Label> t = new RotatedMoons(45).generate(1);
        assertEquals("rotated-moons-45", t.name());
        assertEquals(400, t.sourceSize());
        assertTrue(t.targetUnlabelled().isUnlabelled());
    }

    @Test
    void provenanceRecordsGeneratorRoleAndSeed() {
        TransferTask<Label> t = new RotatedMoons(30).generate(42);
        GeneratedDataProvenance p = (GeneratedDataProvenance) t.sources().get(0).provenance().getSourceProvenance();
        assertEquals("rotated-moons-30", p.generator());
        assertEquals("source", p.role());
        assertEquals(42, p.seed());
    }

    @Test
    void invalidParametersAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GaussianCovariateShift(GaussianCovariateShift.Boundary.LINEAR, 2, 1, -1, 1, 0, 10, 1, 1, 1));
        assertTrue(e.getMessage().startsWith("Invalid standard deviations"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AdversarialSource(AdversarialSource.Mode.FLIPPED_LABELS, 5, 0.6, 10, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new RotatedMoons(Double.NaN));
    }
}
