package org.tl4j.relational.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ground facts of one world (a fold's evidence), with constants interned to dense integer ids and one
 * {@link PredicateIndex} per predicate. Immutable and safe to share between threads.
 * <p>
 * Query atoms (examples) may hold constants that occur in no fact; {@link #encode} gives them ids beyond the
 * store's constants, consistently within one call, so they match no fact.
 */
public final class FactStore {
    private final Map<String, Integer> constantIds;
    private final String[] constants;
    private final Map<String, PredicateIndex> indexes;
    private final int factCount;

    private FactStore(Map<String, Integer> constantIds, String[] constants, Map<String, PredicateIndex> indexes,
                      int factCount) {
        this.constantIds = constantIds;
        this.constants = constants;
        this.indexes = indexes;
        this.factCount = factCount;
    }

    /**
     * Builds the store; repeated facts are kept once.
     *
     * @throws IllegalArgumentException if a predicate occurs with two arities
     */
    public static FactStore of(Collection<GroundAtom> facts) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        TreeMap<String, List<int[]>> byPredicate = new TreeMap<>();
        Set<GroundAtom> seen = new HashSet<>();
        for (GroundAtom a : facts) {
            if (!seen.add(a)) {
                continue;
            }
            List<int[]> list = byPredicate.computeIfAbsent(a.predicate(), k -> new ArrayList<>());
            if (!list.isEmpty() && list.get(0).length != a.arity()) {
                throw new IllegalArgumentException("Predicate '" + a.predicate() + "' occurs with "
                        + list.get(0).length + " and " + a.arity() + " arguments (" + a + ")");
            }
            int[] t = new int[a.arity()];
            for (int i = 0; i < t.length; i++) {
                String c = a.arg(i);
                Integer id = ids.get(c);
                if (id == null) {
                    id = names.size();
                    ids.put(c, id);
                    names.add(c);
                }
                t[i] = id;
            }
            list.add(t);
        }
        Map<String, PredicateIndex> indexes = new LinkedHashMap<>();
        for (var e : byPredicate.entrySet()) {
            int arity = e.getValue().get(0).length;
            int[] flat = new int[e.getValue().size() * arity];
            int k = 0;
            for (int[] t : e.getValue()) {
                System.arraycopy(t, 0, flat, k, arity);
                k += arity;
            }
            indexes.put(e.getKey(), new PredicateIndex(e.getKey(), arity, flat, names.size()));
        }
        return new FactStore(ids, names.toArray(new String[0]), Collections.unmodifiableMap(indexes), seen.size());
    }

    /** The number of distinct constants in the facts. */
    public int constantCount() {
        return constants.length;
    }

    /** The number of distinct facts. */
    public int factCount() {
        return factCount;
    }

    /** The id of a constant, or -1 if no fact holds it. */
    public int idOf(String constant) {
        Integer id = constantIds.get(constant);
        return id == null ? -1 : id;
    }

    /** The constant with an id below {@link #constantCount()}. */
    public String constant(int id) {
        return constants[id];
    }

    /** The predicates that have facts, in name order. */
    public List<String> predicates() {
        return List.copyOf(indexes.keySet());
    }

    /** The index of a predicate, or {@code null} when it has no facts here. */
    public PredicateIndex index(String predicate) {
        return indexes.get(predicate);
    }

    /** The number of facts of a predicate (0 when it has none). */
    public int size(String predicate) {
        PredicateIndex i = indexes.get(predicate);
        return i == null ? 0 : i.size();
    }

    /**
     * Encodes atoms as constant-id tuples. Constants unknown to the store get ids from {@link #constantCount()}
     * upwards, the same id for the same constant within this call.
     */
    public int[][] encode(List<GroundAtom> atoms) {
        Map<String, Integer> unknown = new HashMap<>();
        int[][] out = new int[atoms.size()][];
        for (int i = 0; i < out.length; i++) {
            GroundAtom a = atoms.get(i);
            int[] t = new int[a.arity()];
            for (int p = 0; p < t.length; p++) {
                int id = idOf(a.arg(p));
                if (id < 0) {
                    id = unknown.computeIfAbsent(a.arg(p), k -> constants.length + unknown.size());
                }
                t[p] = id;
            }
            out[i] = t;
        }
        return out;
    }

    @Override
    public String toString() {
        return "FactStore(" + factCount + " facts, " + constants.length + " constants, predicates "
                + indexes.keySet() + ")";
    }
}
