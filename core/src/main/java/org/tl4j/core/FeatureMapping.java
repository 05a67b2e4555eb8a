package org.tl4j.core;

import org.tribuo.Example;
import org.tribuo.Output;

import java.io.Serializable;

/**
 * A fitted, immutable map from examples of a task's feature space to the space an inner model was trained in
 * (e.g. a learned subspace). {@link #identity()} is used by strategies that change weights, not features.
 */
public interface FeatureMapping extends Serializable {

    /**
     * Maps one example.
     *
     * @param example not modified
     * @return a new example in the mapped space (or {@code example} itself for the identity)
     */
    <T extends Output<T>> Example<T> apply(Example<T> example);

    /** Whether {@link #apply(Example)} returns its argument unchanged. */
    default boolean isIdentity() {
        return false;
    }

    /** A short description for provenance and logs, e.g. {@code identity} or {@code TCA(800 -> 30)}. */
    String describe();

    /** The identity mapping. */
    static FeatureMapping identity() {
        return Identity.INSTANCE;
    }

    /** The identity mapping; a singleton. */
    enum Identity implements FeatureMapping {
        /** The instance. */
        INSTANCE;

        @Override
        public <T extends Output<T>> Example<T> apply(Example<T> example) {
            return example;
        }

        @Override
        public boolean isIdentity() {
            return true;
        }

        @Override
        public String describe() {
            return "identity";
        }
    }
}
