package org.tl4j.core;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The three transfer-learning settings of Pan &amp; Yang, as tabulated in Tables 1 and 2 of the white paper
 * ("Use Transfer Learning For Efficient Deep Learning Training On Intel Xeon Processors", after
 * S. J. Pan and Q. Yang, <i>A Survey on Transfer Learning</i>, IEEE TKDE 22(10), 2010).
 * <p>
 * Each constant carries the table's columns as data so tools can print the taxonomy.
 */
public enum Setting {
    /**
     * Source and target tasks differ but are related; some labelled target data are available.
     * Related areas: multi-task learning (source labels available) and self-taught learning (source labels
     * unavailable).
     */
    INDUCTIVE("inductive",
            Availability.EITHER, Availability.AVAILABLE,
            Relation.SAME_OR_RELATED, Relation.DIFFERENT_BUT_RELATED,
            List.of("Multi-task Learning", "Self-taught Learning"),
            List.of("Regression", "Classification")),
    /**
     * Source and target tasks are the same, domains differ; labelled data only in the source.
     * Related areas: domain adaptation, sample selection bias, covariate shift.
     */
    TRANSDUCTIVE("transductive",
            Availability.AVAILABLE, Availability.UNAVAILABLE,
            Relation.DIFFERENT_BUT_RELATED, Relation.SAME,
            List.of("Domain Adaptation", "Sample Selection Bias", "Co-variate Shift"),
            List.of("Regression", "Classification")),
    /**
     * Tasks differ but are related and no labels are available in either domain.
     */
    UNSUPERVISED("unsupervised",
            Availability.UNAVAILABLE, Availability.UNAVAILABLE,
            Relation.SAME_OR_RELATED, Relation.DIFFERENT_BUT_RELATED,
            List.of(),
            List.of("Clustering", "Dimensionality Reduction"));

    /** Whether labels of one domain are available (Table 2, columns 3 and 4). */
    public enum Availability { AVAILABLE, UNAVAILABLE, EITHER }

    /** How source and target domains (or tasks) relate (Table 1). */
    public enum Relation { SAME, DIFFERENT_BUT_RELATED, SAME_OR_RELATED }

    private final String label;
    private final Availability sourceLabels;
    private final Availability targetLabels;
    private final Relation domains;
    private final Relation tasks;
    private final List<String> relatedAreas;
    private final List<String> learningTasks;

    Setting(String label, Availability sourceLabels, Availability targetLabels, Relation domains, Relation tasks,
            List<String> relatedAreas, List<String> learningTasks) {
        this.label = label;
        this.sourceLabels = sourceLabels;
        this.targetLabels = targetLabels;
        this.domains = domains;
        this.tasks = tasks;
        this.relatedAreas = relatedAreas;
        this.learningTasks = learningTasks;
    }

    /** Lower-case name used in tables and on the command line. */
    public String label() {
        return label;
    }

    /** Table 2: whether source-domain labels are available in this setting. */
    public Availability sourceLabels() {
        return sourceLabels;
    }

    /** Table 2: whether target-domain labels are available in this setting. */
    public Availability targetLabels() {
        return targetLabels;
    }

    /** Table 1: how source and target domains relate. */
    public Relation domains() {
        return domains;
    }

    /** Table 1: how source and target tasks relate. */
    public Relation tasks() {
        return tasks;
    }

    /** Table 2: related research areas. */
    public List<String> relatedAreas() {
        return relatedAreas;
    }

    /** Table 2: the learning tasks addressed. */
    public List<String> learningTasks() {
        return learningTasks;
    }

    /**
     * The approaches the white paper (after Pan &amp; Yang) lists for this setting: inductive transfer uses all
     * four, transductive uses instance and feature-representation transfer, unsupervised uses only
     * feature-representation transfer.
     */
    public Set<Approach> approaches() {
        EnumSet<Approach> out = EnumSet.noneOf(Approach.class);
        for (Approach a : Approach.values()) {
            if (a.settings().contains(this)) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * Parses a setting from its label or constant name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the valid values when {@code text} matches none
     */
    public static Setting parse(String text) {
        for (Setting s : values()) {
            if (s.label.equalsIgnoreCase(text.trim()) || s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown setting '" + text + "': expected one of inductive, transductive, unsupervised");
    }
}
