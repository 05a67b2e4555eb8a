package org.tl4j.backbone;

import org.tl4j.core.FeatureMapping;
import org.tribuo.Example;
import org.tribuo.Output;

/**
 * The feature mapping of an image transfer model: its examples already live in the frozen backbone's embedding
 * space (features {@code emb-000…}), so examples pass unchanged; the mapping from images to that space is the
 * backbone itself, recorded by {@link #describe()}.
 */
final class EmbeddingFeatures implements FeatureMapping {
    private static final long serialVersionUID = 1L;

    private final String description;

    EmbeddingFeatures(String description) {
        this.description = description;
    }

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
        return description;
    }
}
