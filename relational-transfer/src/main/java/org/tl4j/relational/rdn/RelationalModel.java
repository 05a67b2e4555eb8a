package org.tl4j.relational.rdn;

import org.tl4j.relational.data.FactStore;
import org.tl4j.relational.data.GroundAtom;
import org.tl4j.relational.data.RelationalDataset;

import java.util.List;
import java.util.Map;

/**
 * A fitted model of a target predicate: the probability that each query atom is true given a world's facts.
 * Implementations are immutable; their description records how they were made (method, settings, seed, data digests,
 * mapping), in a fixed order, for provenance.
 */
public interface RelationalModel {

    /** The target predicate. */
    String target();

    /**
     * The probability that each query is true.
     *
     * @param world   the evidence
     * @param queries atoms of the target predicate
     * @return one probability per query, in order
     */
    double[] probabilities(FactStore world, List<GroundAtom> queries);

    /** Probabilities of a dataset's {@link RelationalDataset#examples() examples} given its facts. */
    default double[] probabilities(RelationalDataset data) {
        if (!data.target().equals(target())) {
            throw new IllegalArgumentException("Model of '" + target() + "' asked about '" + data.target() + "'");
        }
        return probabilities(data.store(), data.examples());
    }

    /** How the model was made, as ordered name–value pairs. */
    Map<String, String> description();
}
