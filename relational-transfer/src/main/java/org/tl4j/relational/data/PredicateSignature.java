package org.tl4j.relational.data;

import java.util.List;
import java.util.Objects;

/**
 * A typed predicate: its name and the type of each argument position, e.g. {@code movie(movie, person)}.
 *
 * @param name     the predicate name
 * @param argTypes one type name per argument position
 */
public record PredicateSignature(String name, List<String> argTypes) {

    /** Validates and copies. */
    public PredicateSignature {
        Objects.requireNonNull(name, "name");
        argTypes = List.copyOf(argTypes);
        if (argTypes.isEmpty()) {
            throw new IllegalArgumentException("Predicate '" + name + "' needs at least one argument type");
        }
    }

    /** The number of arguments. */
    public int arity() {
        return argTypes.size();
    }

    /** The type of an argument position. */
    public String type(int position) {
        return argTypes.get(position);
    }

    /** {@code name(type1,type2)}. */
    @Override
    public String toString() {
        return name + "(" + String.join(",", argTypes) + ")";
    }
}
