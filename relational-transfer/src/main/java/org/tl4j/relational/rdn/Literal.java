package org.tl4j.relational.rdn;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A literal {@code p(X, Y, …)} over clause variables, each variable a slot number: in a tree, slots
 * {@code 0 … a−1} are the head's arguments and each node's literals number their new variables upwards from the
 * slots bound on the path to it. Immutable.
 */
public final class Literal {
    private final String predicate;
    private final int[] args;

    /**
     * @param predicate the predicate name
     * @param args      the slot of each argument, non-negative
     */
    public Literal(String predicate, int... args) {
        this.predicate = Objects.requireNonNull(predicate, "predicate");
        if (args.length == 0) {
            throw new IllegalArgumentException("Literal of '" + predicate + "' needs arguments");
        }
        for (int a : args) {
            if (a < 0) {
                throw new IllegalArgumentException("Negative slot in literal of '" + predicate + "'");
            }
        }
        this.args = args.clone();
    }

    /** The predicate name. */
    public String predicate() {
        return predicate;
    }

    /** The number of arguments. */
    public int arity() {
        return args.length;
    }

    /** The slot of an argument. */
    public int arg(int position) {
        return args[position];
    }

    /** A copy of the slots. */
    public int[] args() {
        return args.clone();
    }

    /** The largest slot plus one. */
    public int maxSlot() {
        int m = -1;
        for (int a : args) {
            m = Math.max(m, a);
        }
        return m + 1;
    }

    /** The literal in clause syntax with variables named from their slots: {@code p(A,C)}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(predicate).append('(');
        for (int i = 0; i < args.length; i++) {
            b.append(i > 0 ? "," : "").append(variableName(args[i]));
        }
        return b.append(')').toString();
    }

    /** Variable names A … Z, then A1 … Z1, and so on. */
    public static String variableName(int slot) {
        char c = (char) ('A' + slot % 26);
        return slot < 26 ? String.valueOf(c) : c + Integer.toString(slot / 26);
    }

    /** A conjunction in clause syntax: {@code p(A,C), q(C)}. */
    public static String toString(List<Literal> conjunction) {
        StringBuilder b = new StringBuilder();
        for (Literal l : conjunction) {
            b.append(b.length() > 0 ? ", " : "").append(l);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Literal l && l.predicate.equals(predicate) && Arrays.equals(l.args, args);
    }

    @Override
    public int hashCode() {
        return predicate.hashCode() * 31 + Arrays.hashCode(args);
    }
}
