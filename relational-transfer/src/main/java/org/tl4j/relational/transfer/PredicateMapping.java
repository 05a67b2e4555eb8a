package org.tl4j.relational.transfer;

import org.tl4j.relational.data.Schema;
import org.tl4j.relational.rdn.Literal;
import org.tl4j.relational.rdn.Translation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping of source predicates onto target predicates, as TreeBoostler finds it: the source target predicate onto
 * the target's, and each source body predicate onto a target predicate of the same arity with some order of its
 * arguments, or onto nothing (its literals are dropped). It is type-consistent: every source type maps to one
 * target type. Source predicates the search never had to decide (their nodes were reached by no target example)
 * are listed as unreached and dropped like unmapped ones. Immutable.
 */
public final class PredicateMapping {
    private final String sourceHead;
    private final String targetHead;
    private final Map<String, Translation> mapped;
    private final List<String> dropped;
    private final List<String> unreached;
    private final Map<String, String> types;

    /**
     * @param sourceHead the source target predicate
     * @param targetHead the target target predicate (mapped with arguments in the same order)
     * @param mapped     source body predicate → translation, in decision order
     * @param dropped    source body predicates mapped onto nothing, in decision order
     * @param unreached  source body predicates never decided
     * @param types      source type → target type
     */
    public PredicateMapping(String sourceHead, String targetHead, Map<String, Translation> mapped,
                            List<String> dropped, List<String> unreached, Map<String, String> types) {
        this.sourceHead = sourceHead;
        this.targetHead = targetHead;
        this.mapped = Collections.unmodifiableMap(new LinkedHashMap<>(mapped));
        this.dropped = List.copyOf(dropped);
        this.unreached = List.copyOf(unreached);
        this.types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    }

    /** The source target predicate. */
    public String sourceHead() {
        return sourceHead;
    }

    /** The target target predicate. */
    public String targetHead() {
        return targetHead;
    }

    /** The translation of a source body predicate, empty if it is dropped or unreached. */
    public Optional<Translation> translation(String sourcePredicate) {
        return Optional.ofNullable(mapped.get(sourcePredicate));
    }

    /** Source body predicate → translation, in the order the search decided them. */
    public Map<String, Translation> mapped() {
        return mapped;
    }

    /** Source body predicates mapped onto nothing. */
    public List<String> dropped() {
        return dropped;
    }

    /** Source body predicates no target example made the search decide. */
    public List<String> unreached() {
        return unreached;
    }

    /** Source type → target type. */
    public Map<String, String> types() {
        return types;
    }

    /**
     * The mapping as lines {@code source(A,B) -> target(B,A)}: the head first, then the mapped predicates, then
     * {@code p(A) -> (none)} for dropped and {@code p(A) -> (unreached)} for undecided ones.
     */
    public List<String> lines(Schema sourceSchema) {
        List<String> out = new java.util.ArrayList<>();
        int arity = sourceSchema.signature(sourceHead).arity();
        out.add(atom(sourceHead, arity) + " -> " + atom(targetHead, arity));
        for (var e : mapped.entrySet()) {
            Translation t = e.getValue();
            StringBuilder b = new StringBuilder(t.predicate()).append('(');
            for (int j = 0; j < t.arity(); j++) {
                b.append(j > 0 ? "," : "").append(Literal.variableName(t.sourcePosition(j)));
            }
            out.add(atom(e.getKey(), t.arity()) + " -> " + b.append(')'));
        }
        for (String p : dropped) {
            out.add(atom(p, sourceSchema.signature(p).arity()) + " -> (none)");
        }
        for (String p : unreached) {
            out.add(atom(p, sourceSchema.signature(p).arity()) + " -> (unreached)");
        }
        return out;
    }

    private static String atom(String p, int arity) {
        StringBuilder b = new StringBuilder(p).append('(');
        for (int i = 0; i < arity; i++) {
            b.append(i > 0 ? "," : "").append(Literal.variableName(i));
        }
        return b.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PredicateMapping m && m.sourceHead.equals(sourceHead) && m.targetHead.equals(targetHead)
                && m.mapped.equals(mapped) && m.dropped.equals(dropped) && m.unreached.equals(unreached)
                && m.types.equals(types);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(sourceHead, targetHead, mapped, dropped, unreached, types);
    }

    @Override
    public String toString() {
        return "PredicateMapping(" + sourceHead + " -> " + targetHead + ", mapped " + mapped + ", dropped " + dropped
                + ", unreached " + unreached + ", types " + types + ")";
    }
}
