package org.tl4j.deep.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingScheduleTest {

    @Test
    void paperScheduleCountsStepsAndImages() {
        assertEquals(1_040, TrainingSchedule.PAPER.steps());
        assertEquals(1_064_960, TrainingSchedule.PAPER.images());
    }

    @Test
    void boundedRunIsExtrapolatedByTimePerStep() {
        TrainingSchedule.Estimate e = TrainingSchedule.PAPER.estimate(3, 180.0);
        assertEquals(60.0, e.secondsPerStep(), 1e-12);
        assertEquals(62_400.0, e.totalSeconds(), 1e-9);
        assertTrue(e.extrapolated());
        assertEquals("measured 3 of 1,040 steps, extrapolated", e.basis());
    }

    @Test
    void fullRunIsNotExtrapolated() {
        TrainingSchedule.Estimate e = new TrainingSchedule(2, 3, 4).estimate(6, 12.0);
        assertFalse(e.extrapolated());
        assertEquals(12.0, e.totalSeconds(), 1e-12);
        assertEquals("measured all 6 steps", e.basis());
    }

    @Test
    void partOfAStepIsExtrapolatedByTimePerImage() {
        TrainingSchedule.Estimate e = TrainingSchedule.PAPER.estimateFromImages(256, 64.0);
        assertEquals(256.0, e.secondsPerStep(), 1e-12);
        assertEquals(266_240.0, e.totalSeconds(), 1e-9);
        assertEquals("measured 256 of 1,024 images of one step, extrapolated", e.basis());
        assertThrows(IllegalArgumentException.class, () -> TrainingSchedule.PAPER.estimateFromImages(1_025, 1.0));
    }

    @Test
    void rejectsImpossibleMeasurements() {
        assertThrows(IllegalArgumentException.class, () -> TrainingSchedule.PAPER.estimate(0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> TrainingSchedule.PAPER.estimate(1_041, 1.0));
        assertThrows(IllegalArgumentException.class, () -> TrainingSchedule.PAPER.estimate(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSchedule(0, 13, 1024));
    }

    @Test
    void facenetLearningRateChangesAtEpochs60And80() {
        LearningRate lr = LearningRate.facenetClassifier(13);
        assertEquals(0.05f, lr.getNewValue(1));
        assertEquals(0.05f, lr.getNewValue(60 * 13));
        assertEquals(0.005f, lr.getNewValue(60 * 13 + 1));
        assertEquals(0.0005f, lr.getNewValue(80 * 13 + 1));
    }
}
