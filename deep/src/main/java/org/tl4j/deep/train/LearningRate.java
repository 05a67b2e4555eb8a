package org.tl4j.deep.train;

import ai.djl.training.tracker.Tracker;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A learning rate that is constant within epochs and changes at given epochs, as FaceNet's schedule files
 * ({@code data/learning_rate_schedule_classifier_casia.txt}: 0.05 from epoch 0, 0.005 from epoch 60, 0.0005 from
 * epoch 80). Used as DJL's {@link Tracker}: update {@code t} (1-based) falls in epoch {@code (t − 1) / epochSize}.
 */
public final class LearningRate implements Tracker {
    private final NavigableMap<Integer, Float> byEpoch;
    private final int epochSize;

    /**
     * A schedule.
     *
     * @param byEpoch   the rate from each listed epoch on; must list epoch 0
     * @param epochSize optimiser steps per epoch
     */
    public LearningRate(Map<Integer, Float> byEpoch, int epochSize) {
        this.byEpoch = new TreeMap<>(byEpoch);
        if (!this.byEpoch.containsKey(0) || epochSize < 1) {
            throw new IllegalArgumentException("A learning-rate schedule needs a rate for epoch 0 and epochSize >= 1, "
                    + "given " + byEpoch + " and " + epochSize);
        }
        for (float r : byEpoch.values()) {
            if (!(r > 0) || !Float.isFinite(r)) {
                throw new IllegalArgumentException("Invalid learning rate " + r + " in " + byEpoch);
            }
        }
        this.epochSize = epochSize;
    }

    /** One rate throughout. */
    public static LearningRate constant(float rate) {
        return new LearningRate(Map.of(0, rate), 1);
    }

    /** FaceNet's Inception-ResNet v1 classifier schedule (CASIA-WebFace), for {@code epochSize} steps per epoch. */
    public static LearningRate facenetClassifier(int epochSize) {
        return new LearningRate(Map.of(0, 0.05f, 60, 0.005f, 80, 0.0005f), epochSize);
    }

    /** The rate in epoch {@code epoch} (0-based). */
    public float atEpoch(int epoch) {
        return byEpoch.floorEntry(epoch).getValue();
    }

    @Override
    public float getNewValue(int numUpdate) {
        return atEpoch(Math.max(0, numUpdate - 1) / epochSize);
    }

    @Override
    public String toString() {
        return byEpoch + " by epoch of " + epochSize + " steps";
    }
}
