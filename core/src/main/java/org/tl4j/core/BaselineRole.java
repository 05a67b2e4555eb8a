package org.tl4j.core;

import java.util.Locale;

/**
 * The part a baseline plays in every comparison. Each problem kind registers its own baselines with a role (core
 * those of feature vectors, the backbone module those of images, the relational module those of first-order
 * facts); the evaluation harness finds them by role and problem kind, so the negative transfer gap and its verdict
 * are defined for every kind.
 */
public enum BaselineRole {
    /** No source knowledge: learned from the labelled target data only; the reference of the negative transfer gap. */
    TARGET_ONLY,
    /** Source knowledge only: learned on the source, applied to the target unchanged. */
    SOURCE_ONLY,
    /** Source and target data pooled without any adaptation. */
    POOLED;

    /** The role's label, e.g. {@code target-only}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
