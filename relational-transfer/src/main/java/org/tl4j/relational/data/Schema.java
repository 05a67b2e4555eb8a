package org.tl4j.relational.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The typed predicates of a domain, and optionally their mode declarations.
 * <p>
 * Types come either from {@link ModeDeclaration modes} ({@link #fromModes}) or, when none are given, from the data
 * ({@link #infer}): two argument positions have the same type when some constant occurs in both, closed
 * transitively (union–find over the positions {@code (predicate, index)}, joined through every shared constant).
 * An inferred type is named after its first position in (predicate, index) order, e.g. {@code actor/0}.
 * Predicates are kept in name order, so everything derived from a schema is deterministic.
 */
public final class Schema {
    private final Map<String, PredicateSignature> predicates;
    private final Map<String, List<ModeDeclaration>> modes;

    private Schema(Map<String, PredicateSignature> predicates, Map<String, List<ModeDeclaration>> modes) {
        this.predicates = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(predicates)));
        Map<String, List<ModeDeclaration>> m = new LinkedHashMap<>();
        for (var e : new TreeMap<>(modes).entrySet()) {
            m.put(e.getKey(), List.copyOf(e.getValue()));
        }
        this.modes = Collections.unmodifiableMap(m);
    }

    /** A schema of explicitly typed predicates without modes. */
    public static Schema of(Collection<PredicateSignature> signatures) {
        Map<String, PredicateSignature> m = new HashMap<>();
        for (PredicateSignature s : signatures) {
            PredicateSignature old = m.put(s.name(), s);
            if (old != null && !old.equals(s)) {
                throw new IllegalArgumentException("Predicate '" + s.name() + "' declared twice with different types: "
                        + old + " and " + s);
            }
        }
        return new Schema(m, Map.of());
    }

    /**
     * A schema from mode declarations; several modes of a predicate must agree on its types.
     *
     * @throws IllegalArgumentException if two modes of a predicate disagree on arity or types
     */
    public static Schema fromModes(List<ModeDeclaration> declarations) {
        Map<String, PredicateSignature> sigs = new HashMap<>();
        Map<String, List<ModeDeclaration>> modes = new HashMap<>();
        for (ModeDeclaration d : declarations) {
            PredicateSignature s = d.signature();
            PredicateSignature old = sigs.putIfAbsent(d.predicate(), s);
            if (old != null && !old.equals(s)) {
                throw new IllegalArgumentException("Modes of '" + d.predicate() + "' disagree on the argument types: "
                        + old + " and " + s + "; give every mode of a predicate the same types");
            }
            List<ModeDeclaration> list = modes.computeIfAbsent(d.predicate(), k -> new ArrayList<>());
            if (!list.contains(d)) {
                list.add(d);
            }
        }
        return new Schema(sigs, modes);
    }

    /**
     * Infers types from the constants the atoms share (see the class comment). Negative examples should not be
     * passed: generated negatives may pair constants of unrelated kinds (in the published Yeast and Twitter folds
     * they do), which would merge types.
     */
    public static Schema infer(Collection<GroundAtom> atoms) {
        // Positions in (predicate, index) order get consecutive ids, so names and classes do not depend on input order.
        TreeMap<String, Integer> arity = new TreeMap<>();
        for (GroundAtom a : atoms) {
            Integer old = arity.putIfAbsent(a.predicate(), a.arity());
            if (old != null && old != a.arity()) {
                throw new IllegalArgumentException("Predicate '" + a.predicate() + "' occurs with " + old + " and "
                        + a.arity() + " arguments");
            }
        }
        Map<String, Integer> firstId = new HashMap<>();
        List<String> positionName = new ArrayList<>();
        for (var e : arity.entrySet()) {
            firstId.put(e.getKey(), positionName.size());
            for (int i = 0; i < e.getValue(); i++) {
                positionName.add(e.getKey() + "/" + i);
            }
        }
        int[] parent = new int[positionName.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> constantPosition = new HashMap<>();
        for (GroundAtom a : atoms) {
            int base = firstId.get(a.predicate());
            for (int i = 0; i < a.arity(); i++) {
                Integer other = constantPosition.putIfAbsent(a.arg(i), base + i);
                if (other != null) {
                    union(parent, other, base + i);
                }
            }
        }
        Map<String, PredicateSignature> sigs = new HashMap<>();
        for (var e : arity.entrySet()) {
            List<String> types = new ArrayList<>();
            int base = firstId.get(e.getKey());
            for (int i = 0; i < e.getValue(); i++) {
                // The root of each class is its smallest id (see union), i.e. its first position in order.
                types.add(positionName.get(find(parent, base + i)));
            }
            sigs.put(e.getKey(), new PredicateSignature(e.getKey(), types));
        }
        return new Schema(sigs, Map.of());
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }

    /** Predicate names in order. */
    public List<String> predicates() {
        return List.copyOf(predicates.keySet());
    }

    /** The signatures in name order. */
    public Collection<PredicateSignature> signatures() {
        return predicates.values();
    }

    /** Whether the predicate is known. */
    public boolean contains(String predicate) {
        return predicates.containsKey(predicate);
    }

    /** The signature of a predicate, if known. */
    public Optional<PredicateSignature> find(String predicate) {
        return Optional.ofNullable(predicates.get(predicate));
    }

    /**
     * The signature of a predicate.
     *
     * @throws IllegalArgumentException naming the known predicates if it is unknown
     */
    public PredicateSignature signature(String predicate) {
        PredicateSignature s = predicates.get(predicate);
        if (s == null) {
            throw new IllegalArgumentException("Unknown predicate '" + predicate + "': the schema has "
                    + predicates.keySet());
        }
        return s;
    }

    /** Whether mode declarations restrict the clauses (otherwise any literal linked to the clause is allowed). */
    public boolean hasModes() {
        return !modes.isEmpty();
    }

    /** The mode declarations of a predicate (empty when it has none). */
    public List<ModeDeclaration> modes(String predicate) {
        return modes.getOrDefault(predicate, List.of());
    }

    /** All type names, sorted. */
    public List<String> types() {
        TreeSet<String> t = new TreeSet<>();
        for (PredicateSignature s : predicates.values()) {
            t.addAll(s.argTypes());
        }
        return List.copyOf(t);
    }

    /**
     * Checks that atoms agree with the schema's arities.
     *
     * @throws IllegalArgumentException naming the atom and the declared signature otherwise
     */
    public void checkArities(Collection<GroundAtom> atoms, String what) {
        for (GroundAtom a : atoms) {
            PredicateSignature s = predicates.get(a.predicate());
            if (s != null && s.arity() != a.arity()) {
                throw new IllegalArgumentException(what + ": atom " + a + " has " + a.arity() + " arguments but the"
                        + " schema declares " + s);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema s && s.predicates.equals(predicates) && s.modes.equals(modes);
    }

    @Override
    public int hashCode() {
        return predicates.hashCode() * 31 + modes.hashCode();
    }

    /** The signatures, one per line, with their modes. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (PredicateSignature s : predicates.values()) {
            b.append(s);
            if (modes.containsKey(s.name())) {
                b.append(" modes ").append(modes.get(s.name()));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
