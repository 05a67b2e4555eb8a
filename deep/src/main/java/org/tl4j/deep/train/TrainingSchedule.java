package org.tl4j.deep.train;

import java.util.Locale;

/**
 * A training schedule in FaceNet's terms ({@code train_softmax.py}): {@code epochs} epochs of {@code epochSize}
 * batches of {@code batchSize} images, whatever the size of the training set (FaceNet draws batches from a shuffled
 * index queue and calls {@code epoch_size} batches an epoch). The white paper's Table 4 run is
 * {@link #PAPER}: 80 epochs × 13 batches × 1,024 images = 1,040 steps, 1,064,960 images.
 *
 * @param epochs    epochs ({@code max_nrof_epochs})
 * @param epochSize batches per epoch ({@code epoch_size})
 * @param batchSize images per batch ({@code batch_size})
 */
public record TrainingSchedule(int epochs, int epochSize, int batchSize) {

    /** The white paper's schedule: {@code max_nrof_epochs=80, epoch_size=13, batch_size=1024}. */
    public static final TrainingSchedule PAPER = new TrainingSchedule(80, 13, 1024);

    /** Validates the counts. */
    public TrainingSchedule {
        if (epochs < 1 || epochSize < 1 || batchSize < 1) {
            throw new IllegalArgumentException("Invalid schedule: " + epochs + " epochs of " + epochSize
                    + " batches of " + batchSize + " images (all must be >= 1)");
        }
    }

    /** Optimiser steps of the whole schedule. */
    public long steps() {
        return (long) epochs * epochSize;
    }

    /** Images processed by the whole schedule. */
    public long images() {
        return steps() * batchSize;
    }

    /**
     * The time of the whole schedule estimated from {@code measuredSteps} steps that took {@code measuredSeconds}:
     * the measured time per step × {@link #steps()}; exact (no extrapolation) when every step was measured.
     *
     * @throws IllegalArgumentException if nothing was measured or more steps than the schedule has
     */
    public Estimate estimate(long measuredSteps, double measuredSeconds) {
        if (measuredSteps < 1 || measuredSteps > steps()) {
            throw new IllegalArgumentException("Measured " + measuredSteps + " steps: need 1.." + steps());
        }
        if (!(measuredSeconds >= 0) || !Double.isFinite(measuredSeconds)) {
            throw new IllegalArgumentException("Invalid measured time " + measuredSeconds + " s");
        }
        double perStep = measuredSeconds / measuredSteps;
        boolean extrapolated = measuredSteps < steps();
        return new Estimate(measuredSteps, measuredSeconds, perStep, steps(), perStep * steps(), extrapolated,
                extrapolated
                        ? String.format(Locale.ROOT, "measured %,d of %,d steps, extrapolated", measuredSteps, steps())
                        : String.format(Locale.ROOT, "measured all %,d steps", steps()));
    }

    /**
     * The time of the whole schedule estimated from {@code measuredImages} images (a part of one step, accumulated
     * and applied as one optimiser step) that took {@code measuredSeconds}: the time per image × {@link #images()}.
     * For machines where even one step of {@link #batchSize()} images takes too long.
     *
     * @throws IllegalArgumentException if nothing was measured or more than one batch
     */
    public Estimate estimateFromImages(long measuredImages, double measuredSeconds) {
        if (measuredImages < 1 || measuredImages > batchSize) {
            throw new IllegalArgumentException("Measured " + measuredImages + " images: need 1.." + batchSize
                    + " (use whole steps beyond one batch)");
        }
        if (!(measuredSeconds >= 0) || !Double.isFinite(measuredSeconds)) {
            throw new IllegalArgumentException("Invalid measured time " + measuredSeconds + " s");
        }
        double perStep = measuredSeconds / measuredImages * batchSize;
        return new Estimate(measuredImages, measuredSeconds, perStep, steps(), perStep * steps(), true,
                String.format(Locale.ROOT, "measured %,d of %,d images of one step, extrapolated", measuredImages,
                        batchSize));
    }

    /**
     * A schedule's duration, measured or extrapolated.
     *
     * @param measured        steps actually run (images, for an estimate from part of a step)
     * @param measuredSeconds their wall time
     * @param secondsPerStep  measured seconds per step
     * @param totalSteps      the schedule's steps
     * @param totalSeconds    seconds per step × total steps
     * @param extrapolated    whether less was run than the schedule has
     * @param basis           "measured 3 of 1,040 steps, extrapolated", "measured all 1,040 steps" or
     *                        "measured 256 of 1,024 images of one step, extrapolated"
     */
    public record Estimate(long measured, double measuredSeconds, double secondsPerStep, long totalSteps,
                           double totalSeconds, boolean extrapolated, String basis) {
    }
}
