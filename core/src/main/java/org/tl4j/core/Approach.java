package org.tl4j.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The four approaches to transfer learning of Pan &amp; Yang ("what to transfer"), as listed in the white paper.
 * Each constant records the settings the survey lists it under (Table 2 and the text that follows it).
 */
public enum Approach {
    /** Some labelled source data are re-weighted for use in the target domain. */
    INSTANCE("instance-transfer", "instance-transfer",
            EnumSet.of(Setting.INDUCTIVE, Setting.TRANSDUCTIVE)),
    /** A feature representation that decreases the difference between source and target domains. */
    FEATURE_REPRESENTATION("feature-representation-transfer", "feature-transfer",
            EnumSet.of(Setting.INDUCTIVE, Setting.TRANSDUCTIVE, Setting.UNSUPERVISED)),
    /** Shared parameters or priors between source and target models. */
    PARAMETER("parameter-transfer", "parameter-transfer",
            EnumSet.of(Setting.INDUCTIVE)),
    /** Relational knowledge mapped between relational source and target domains. */
    RELATIONAL_KNOWLEDGE("relational-knowledge-transfer", "relational-transfer",
            EnumSet.of(Setting.INDUCTIVE));

    private final String label;
    private final String module;
    private final Set<Setting> settings;

    Approach(String label, String module, EnumSet<Setting> settings) {
        this.label = label;
        this.module = module;
        this.settings = Collections.unmodifiableSet(settings);
    }

    /** The survey's name, e.g. {@code instance-transfer}. */
    public String label() {
        return label;
    }

    /** The tl4j Maven module that implements this approach. */
    public String module() {
        return module;
    }

    /** The settings this approach is used in according to the survey. */
    public Set<Setting> settings() {
        return settings;
    }

    /**
     * Parses an approach from its label, module name or constant name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the valid values when {@code text} matches none
     */
    public static Approach parse(String text) {
        String t = text.trim();
        for (Approach a : values()) {
            if (a.label.equalsIgnoreCase(t) || a.module.equalsIgnoreCase(t) || a.name().equalsIgnoreCase(t)
                    || a.name().replace('_', '-').equalsIgnoreCase(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown approach '" + text
                + "': expected one of instance, feature-representation, parameter, relational-knowledge");
    }
}
