package org.tl4j.relational.rdn;

import java.util.Arrays;
import java.util.Objects;

/**
 * How one template literal becomes a target literal: the target predicate and, for each of its argument positions,
 * the template argument position it takes. {@code p(A,B)} translated by {@code (q, [1, 0])} becomes {@code q(B,A)}.
 *
 * @param predicate        the target predicate
 * @param sourcePositionOf for each target position, the template position whose variable it receives
 */
public record Translation(String predicate, int[] sourcePositionOf) {

    /** Validates and copies. */
    public Translation {
        Objects.requireNonNull(predicate, "predicate");
        sourcePositionOf = sourcePositionOf.clone();
        boolean[] seen = new boolean[sourcePositionOf.length];
        for (int p : sourcePositionOf) {
            if (p < 0 || p >= seen.length || seen[p]) {
                throw new IllegalArgumentException("Not a permutation of the arguments: "
                        + Arrays.toString(sourcePositionOf));
            }
            seen[p] = true;
        }
    }

    /** The translation keeping predicate and argument order. */
    public static Translation identity(Literal l) {
        int[] p = new int[l.arity()];
        for (int i = 0; i < p.length; i++) {
            p[i] = i;
        }
        return new Translation(l.predicate(), p);
    }

    /** The number of arguments. */
    public int arity() {
        return sourcePositionOf.length;
    }

    /** The template position a target position takes. */
    public int sourcePosition(int targetPosition) {
        return sourcePositionOf[targetPosition];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Translation t && t.predicate.equals(predicate)
                && Arrays.equals(t.sourcePositionOf, sourcePositionOf);
    }

    @Override
    public int hashCode() {
        return predicate.hashCode() * 31 + Arrays.hashCode(sourcePositionOf);
    }

    @Override
    public String toString() {
        return predicate + Arrays.toString(sourcePositionOf);
    }
}
