package org.tl4j.relational.problem;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A source → target pair of relational data sets with the predicate learned in each, e.g. IMDB
 * {@code workedunder} → UW-CSE {@code advisedby}.
 *
 * @param sourceDataset   the source data set's directory name
 * @param sourcePredicate the source target predicate
 * @param targetDataset   the target data set's directory name
 * @param targetPredicate the target target predicate
 */
public record RelationalPair(String sourceDataset, String sourcePredicate, String targetDataset,
                             String targetPredicate) {

    /** Validates. */
    public RelationalPair {
        Objects.requireNonNull(sourceDataset, "sourceDataset");
        Objects.requireNonNull(sourcePredicate, "sourcePredicate");
        Objects.requireNonNull(targetDataset, "targetDataset");
        Objects.requireNonNull(targetPredicate, "targetPredicate");
    }

    /**
     * The six pairs of TreeBoostler's main comparison (Azevedo Santos, Paes &amp; Zaverucha, MLJ 2020):
     * IMDB→UW-CSE, UW-CSE→IMDB, IMDB→Cora, Cora→IMDB, Yeast→Twitter, Twitter→Yeast.
     */
    public static List<RelationalPair> standard() {
        return List.of(
                new RelationalPair("imdb", "workedunder", "uwcse", "advisedby"),
                new RelationalPair("uwcse", "advisedby", "imdb", "workedunder"),
                new RelationalPair("imdb", "workedunder", "cora", "samevenue"),
                new RelationalPair("cora", "samevenue", "imdb", "workedunder"),
                new RelationalPair("yeast", "proteinclass", "twitter", "accounttype"),
                new RelationalPair("twitter", "accounttype", "yeast", "proteinclass"));
    }

    /**
     * Finds a standard pair by name, e.g. {@code imdb->uwcse} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known pairs
     */
    public static RelationalPair parse(String name) {
        for (RelationalPair p : standard()) {
            if (p.name().equalsIgnoreCase(name.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown relational pair '" + name + "': expected one of "
                + standard().stream().map(RelationalPair::name).toList());
    }

    /** {@code source->target}, e.g. {@code imdb->uwcse}. */
    public String name() {
        return sourceDataset + "->" + targetDataset;
    }

    /** A human-readable form, e.g. {@code IMDB workedunder → UW-CSE advisedby}. */
    public String title() {
        return display(sourceDataset) + " " + sourcePredicate + " → " + display(targetDataset) + " "
                + targetPredicate;
    }

    /** The usual spelling of a data set name. */
    public static String display(String dataset) {
        return switch (dataset.toLowerCase(Locale.ROOT)) {
            case "imdb" -> "IMDB";
            case "uwcse" -> "UW-CSE";
            case "cora" -> "Cora";
            case "yeast" -> "Yeast";
            case "twitter" -> "Twitter";
            default -> dataset;
        };
    }
}
