package org.tl4j.relational.transfer;

import org.tl4j.relational.data.FactStore;
import org.tl4j.relational.data.GroundAtom;
import org.tl4j.relational.rdn.RdnBoostModel;
import org.tl4j.relational.rdn.RelationalModel;

import java.util.List;
import java.util.Map;

/**
 * What {@link TreeBoostler} produces: the transferred model (revised, when revision won on the training
 * conditional log-likelihood), the parameter-learned model before revision ("TreeBoostler*"), the source model under
 * the mapping with its source leaf values ({@link MappedSourceModel}, the source-only baseline), the mapping and the
 * timings. Predicts with the final model. Immutable.
 */
public final class TreeBoostlerModel implements RelationalModel {
    private final RdnBoostModel model;
    private final RdnBoostModel parameterLearned;
    private final MappedSourceModel mappedSource;
    private final PredicateMapping mapping;
    private final boolean revisionAccepted;
    private final double trainCllParameters;
    private final double trainCllRevised;
    private final long mappingMillis;
    private final long revisionMillis;

    TreeBoostlerModel(RdnBoostModel model, RdnBoostModel parameterLearned, MappedSourceModel mappedSource,
                      PredicateMapping mapping, boolean revisionAccepted, double trainCllParameters,
                      double trainCllRevised, long mappingMillis, long revisionMillis) {
        this.model = model;
        this.parameterLearned = parameterLearned;
        this.mappedSource = mappedSource;
        this.mapping = mapping;
        this.revisionAccepted = revisionAccepted;
        this.trainCllParameters = trainCllParameters;
        this.trainCllRevised = trainCllRevised;
        this.mappingMillis = mappingMillis;
        this.revisionMillis = revisionMillis;
    }

    /** The final model. */
    public RdnBoostModel model() {
        return model;
    }

    /** The mapped trees with target leaf values, before revision (TreeBoostler* in the paper). */
    public RdnBoostModel parameterLearned() {
        return parameterLearned;
    }

    /** The source model under the mapping, leaves unchanged (the source-only baseline). */
    public MappedSourceModel mappedSource() {
        return mappedSource;
    }

    /** The predicate mapping found. */
    public PredicateMapping mapping() {
        return mapping;
    }

    /** Whether the revised trees replaced the parameter-learned ones. */
    public boolean revisionAccepted() {
        return revisionAccepted;
    }

    /** Training conditional log-likelihood of the parameter-learned model. */
    public double trainCllParameters() {
        return trainCllParameters;
    }

    /** Training conditional log-likelihood of the revised model (NaN without revision). */
    public double trainCllRevised() {
        return trainCllRevised;
    }

    /** Milliseconds spent mapping and learning parameters. */
    public long mappingMillis() {
        return mappingMillis;
    }

    /** Milliseconds spent revising (0 without revision). */
    public long revisionMillis() {
        return revisionMillis;
    }

    @Override
    public String target() {
        return model.target();
    }

    @Override
    public double[] probabilities(FactStore world, List<GroundAtom> queries) {
        return model.probabilities(world, queries);
    }

    @Override
    public Map<String, String> description() {
        return model.description();
    }

    @Override
    public String toString() {
        return "TreeBoostlerModel(revision " + (revisionAccepted ? "accepted" : "rejected") + ", " + mapping + ")\n"
                + model;
    }
}
