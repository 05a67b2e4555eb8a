package org.tl4j.core.synthetic;

import org.junit.jupiter.api.Test;
import org.tl4j.core.TransferTask;
import org.tribuo.Example;
import org.tribuo.classification.Label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partly misleading source: its concepts, its mix and its determinism. */
class PartlyMisleadingSourceTest {

    @Test
    void theMisleadingConceptIsTheTargetRotatedByTheAngle() {
        PartlyMisleadingSource g = new PartlyMisleadingSource(5, 0.4, 90, 0.0, 600, 10, 100);
        double[] w = g.targetConcept(3);
        double[] m = g.misleadingConcept(3);
        double dot = 0;
        double nw = 0;
        double nm = 0;
        for (int j = 0; j < 5; j++) {
            dot += w[j] * m[j];
            nw += w[j] * w[j];
            nm += m[j] * m[j];
        }
        assertEquals(1, nw, 1e-12);
        assertEquals(1, nm, 1e-12);
        assertEquals(0, dot, 1e-12, "90 degrees");
    }

    @Test
    void sourceRowsFollowTheirConceptWithoutNoise() {
        PartlyMisleadingSource g = new PartlyMisleadingSource(4, 0.25, 120, 0.0, 400, 10, 100);
        TransferTask<Label> t = g.generate(5);
        boolean[] mis = g.isMisleading(5);
        double[] w = g.targetConcept(5);
        double[] m = g.misleadingConcept(5);
        int i = 0;
        int misleading = 0;
        for (Example<Label> e : t.sources().get(0).data()) {
            double[] c = mis[i] ? m : w;
            double s = 0;
            for (int j = 0; j < 4; j++) {
                s += c[j] * e.lookup("x" + j).getValue();
            }
            assertEquals(s > 0 ? "pos" : "neg", e.getOutput().getLabel());
            misleading += mis[i] ? 1 : 0;
            i++;
        }
        assertEquals(100, misleading);
        assertEquals(g.generate(5).sources().get(0).provenance(), t.sources().get(0).provenance());
        assertThrows(IllegalArgumentException.class, () -> new PartlyMisleadingSource(4, 1.5, 90, 0, 10, 2, 2));
        assertTrue(g.description().contains("25%"));
    }
}
