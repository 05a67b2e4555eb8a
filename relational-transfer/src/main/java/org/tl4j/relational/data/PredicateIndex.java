package org.tl4j.relational.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The ground facts of one predicate, with an index per argument position: for each constant, the facts holding it
 * at that position (compressed sparse rows over constant ids, so a lookup is two array reads). Facts of arity one
 * and two also sit in a hash set for constant-time membership. Immutable.
 */
public final class PredicateIndex {
    private final String predicate;
    private final int arity;
    private final int size;
    private final int[] tuples;
    private final int[][] offsets;
    private final int[][] ids;
    private final Set<Long> keys;

    PredicateIndex(String predicate, int arity, int[] tuples, int constantCount) {
        this.predicate = predicate;
        this.arity = arity;
        this.tuples = tuples;
        this.size = tuples.length / arity;
        this.offsets = new int[arity][];
        this.ids = new int[arity][];
        for (int p = 0; p < arity; p++) {
            int[] count = new int[constantCount + 1];
            for (int t = 0; t < size; t++) {
                count[tuples[t * arity + p] + 1]++;
            }
            for (int c = 0; c < constantCount; c++) {
                count[c + 1] += count[c];
            }
            int[] fill = Arrays.copyOf(count, constantCount);
            int[] list = new int[size];
            for (int t = 0; t < size; t++) {
                list[fill[tuples[t * arity + p]]++] = t;
            }
            offsets[p] = count;
            ids[p] = list;
        }
        if (arity <= 2) {
            keys = new HashSet<>(size * 2);
            for (int t = 0; t < size; t++) {
                keys.add(key(tuples[t * arity], arity == 2 ? tuples[t * arity + 1] : 0));
            }
        } else {
            keys = null;
        }
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    /** The predicate name. */
    public String predicate() {
        return predicate;
    }

    /** The number of arguments. */
    public int arity() {
        return arity;
    }

    /** The number of distinct facts. */
    public int size() {
        return size;
    }

    /** The constant id at a position of a fact. */
    public int arg(int fact, int position) {
        return tuples[fact * arity + position];
    }

    /** How many facts hold a constant at a position (0 for constants the store does not know). */
    public int count(int position, int constant) {
        int[] o = offsets[position];
        if (constant < 0 || constant + 1 >= o.length) {
            return 0;
        }
        return o[constant + 1] - o[constant];
    }

    /** The k-th fact (0 ≤ k &lt; {@link #count}) holding a constant at a position. */
    public int fact(int position, int constant, int k) {
        return ids[position][offsets[position][constant] + k];
    }

    /** Whether a fully ground tuple is a fact. */
    public boolean contains(int[] tuple) {
        if (keys != null) {
            for (int v : tuple) {
                if (v < 0 || v + 1 >= offsets[0].length) {
                    return false;
                }
            }
            return keys.contains(key(tuple[0], arity == 2 ? tuple[1] : 0));
        }
        int best = 0;
        int bestCount = Integer.MAX_VALUE;
        for (int p = 0; p < arity; p++) {
            int c = count(p, tuple[p]);
            if (c < bestCount) {
                bestCount = c;
                best = p;
            }
        }
        for (int k = 0; k < bestCount; k++) {
            int f = fact(best, tuple[best], k);
            boolean all = true;
            for (int p = 0; p < arity && all; p++) {
                all = tuples[f * arity + p] == tuple[p];
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
