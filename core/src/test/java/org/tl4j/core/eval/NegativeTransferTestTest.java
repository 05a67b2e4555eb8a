package org.tl4j.core.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NegativeTransferTestTest {

    @Test
    void pairedOneSidedTTestByHand() {
        // mean 0.2, sd 0.1, t = 0.2 / (0.1 / sqrt 3) = 3.4641; P(T_2 >= 3.4641) = 0.03709 (t-table).
        NegativeTransferTest.Result r = NegativeTransferTest.decide(new double[]{0.1, 0.2, 0.3}, 0.05);
        assertEquals(3, r.n());
        assertEquals(0.2, r.meanGap(), 1e-12);
        assertEquals(0.1, r.sdGap(), 1e-12);
        assertEquals(3.4641016, r.t(), 1e-6);
        assertEquals(0.03709, r.pValue(), 1e-4);
        assertEquals(NegativeTransferTest.Verdict.NEGATIVE, r.verdict());
        assertEquals(NegativeTransferTest.Verdict.NOT_NEGATIVE, NegativeTransferTest.decide(new double[]{0.1, 0.2, 0.3}, 0.01).verdict());
    }

    @Test
    void positiveButNoisyGapsAreNotFlagged() {
        assertEquals(NegativeTransferTest.Verdict.NOT_NEGATIVE,
                NegativeTransferTest.decide(new double[]{0.3, -0.25, 0.1, -0.05}, 0.05).verdict());
    }

    @Test
    void negativeGapsAreNeverFlagged() {
        assertEquals(NegativeTransferTest.Verdict.NOT_NEGATIVE,
                NegativeTransferTest.decide(new double[]{-0.2, -0.1, -0.3}, 0.05).verdict());
    }

    @Test
    void identicalGapsDecideBySign() {
        assertEquals(NegativeTransferTest.Verdict.NEGATIVE, NegativeTransferTest.decide(new double[]{0.1, 0.1}, 0.05).verdict());
        assertEquals(NegativeTransferTest.Verdict.NOT_NEGATIVE, NegativeTransferTest.decide(new double[]{0, 0, 0}, 0.05).verdict());
    }

    @Test
    void oneSeedOrNoBaselineIsUndetermined() {
        assertEquals(NegativeTransferTest.Verdict.UNDETERMINED, NegativeTransferTest.decide(new double[]{0.5}, 0.05).verdict());
        assertEquals(NegativeTransferTest.Verdict.UNDETERMINED,
                NegativeTransferTest.decide(new double[]{Double.NaN, Double.NaN}, 0.05).verdict());
        assertEquals("", NegativeTransferTest.Verdict.UNDETERMINED.csv());
        assertThrows(IllegalArgumentException.class, () -> NegativeTransferTest.decide(new double[0], 1.5));
    }
}
