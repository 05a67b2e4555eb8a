package org.tl4j.relational.rdn;

import org.tl4j.relational.data.GroundAtom;
import org.tl4j.relational.data.RelationalDataset;

import java.util.List;

/**
 * The examples a learner trains on: a dataset with its negatives sampled (BoostSRL's {@code -negPosRatio}), encoded
 * against the dataset's facts.
 *
 * @param data   the dataset actually used (after sampling)
 * @param heads  each example's arguments as constant ids
 * @param labels each example's label (positives first)
 */
public record TrainingSet(RelationalDataset data, int[][] heads, boolean[] labels) {

    /**
     * Samples and encodes.
     *
     * @param negativesPerPositive negatives kept per positive (0 keeps all)
     * @param seed                 the seed of the draw
     */
    public static TrainingSet of(RelationalDataset dataset, double negativesPerPositive, long seed) {
        RelationalDataset d = negativesPerPositive > 0 ? dataset.withNegativesSampled(negativesPerPositive, seed)
                : dataset;
        List<GroundAtom> ex = d.examples();
        return new TrainingSet(d, d.store().encode(ex), d.labels());
    }

    /** The number of examples. */
    public int size() {
        return labels.length;
    }
}
