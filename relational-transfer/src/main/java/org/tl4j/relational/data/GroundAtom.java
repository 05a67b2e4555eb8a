package org.tl4j.relational.data;

import java.util.List;
import java.util.Objects;

/**
 * A ground atom such as {@code advisedby(person217,person342)}: a predicate name and its constant arguments.
 * Immutable; equal when predicate and arguments are equal.
 *
 * @param predicate the predicate name
 * @param args      the constants, at least one
 */
public record GroundAtom(String predicate, List<String> args) {

    /** Validates and copies the arguments. */
    public GroundAtom {
        Objects.requireNonNull(predicate, "predicate");
        if (predicate.isEmpty()) {
            throw new IllegalArgumentException("A ground atom needs a predicate name");
        }
        args = List.copyOf(args);
        if (args.isEmpty()) {
            throw new IllegalArgumentException("Ground atom of '" + predicate + "' has no arguments: tl4j reads"
                    + " predicates of arity 1 or more");
        }
    }

    /** Convenience factory: {@code GroundAtom.of("advisedby", "p1", "p2")}. */
    public static GroundAtom of(String predicate, String... args) {
        return new GroundAtom(predicate, List.of(args));
    }

    /** The number of arguments. */
    public int arity() {
        return args.size();
    }

    /** The argument at a position. */
    public String arg(int position) {
        return args.get(position);
    }

    /** The atom in the file syntax, without the final period: {@code p(a,b)}. */
    @Override
    public String toString() {
        return predicate + "(" + String.join(",", args) + ")";
    }
}
