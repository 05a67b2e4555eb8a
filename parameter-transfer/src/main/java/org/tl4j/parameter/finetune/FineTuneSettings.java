package org.tl4j.parameter.finetune;

/**
 * How a network is fine-tuned on the labelled target: mini-batch Adam on the mean cross-entropy of a new linear
 * classifier over the network's output, with L2-SP (Li, Grandvalet &amp; Davis, ICML 2018): the pretrained
 * parameters are penalised by {@code α/2 ‖w − w⁰‖²} towards their starting values, the new classifier's weights by
 * {@code β/2 ‖W‖²}; the pretrained layers learn at {@code trunkRate} times the classifier's rate.
 * <p>
 * Training runs in stages of {@code stepsPerStage} steps, one stage more than the network has units (parametric
 * layers). <b>Progressive unfreezing</b> (the white paper's "un-freeze one layer at a time"; Howard &amp; Ruder, ACL
 * 2018): stage 0 trains the new classifier alone, stage {@code k} adds the {@code k} top units. Without it every
 * unit trains from the first step, for the same number of steps.
 *
 * @param stepsPerStage optimiser steps per stage
 * @param batch         examples per step (the whole set when it is smaller)
 * @param rate          Adam's learning rate for the new classifier
 * @param trunkRate     the pretrained layers' rate as a fraction of {@code rate}
 * @param alpha         L2-SP's {@code α}
 * @param beta          the new classifier's weight decay {@code β}
 * @param progressive   unfreeze from the top one unit per stage
 */
public record FineTuneSettings(int stepsPerStage, int batch, float rate, float trunkRate, float alpha, float beta,
                               boolean progressive) {
    /** Validates the settings. */
    public FineTuneSettings {
        if (stepsPerStage < 1 || batch < 1) {
            throw new IllegalArgumentException("Invalid steps per stage " + stepsPerStage + " or batch " + batch
                    + " (both must be at least 1)");
        }
        if (!(rate > 0) || !(trunkRate > 0) || !(alpha >= 0) || !(beta >= 0) || !Float.isFinite(rate)
                || !Float.isFinite(trunkRate) || !Float.isFinite(alpha) || !Float.isFinite(beta)) {
            throw new IllegalArgumentException("Invalid rates or penalties: rate " + rate + ", trunkRate " + trunkRate
                    + ", alpha " + alpha + ", beta " + beta + " (rates > 0, penalties >= 0)");
        }
    }

    /**
     * How many units, counted from the top, train in {@code stage} of a network with {@code units} units.
     */
    public int unfrozen(int stage, int units) {
        return progressive ? Math.min(stage, units) : units;
    }
}
