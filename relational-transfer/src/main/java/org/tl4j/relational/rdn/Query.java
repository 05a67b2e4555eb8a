package org.tl4j.relational.rdn;

import org.tl4j.relational.data.FactStore;
import org.tl4j.relational.data.PredicateIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A conjunction of literals compiled against one {@link FactStore}, to be proved under the substitutions of a
 * {@link BindingTable}: does some row extend to a substitution of the new variables that makes every literal a fact
 * ({@link #holds}), and which extensions are there ({@link #extend})?
 * <p>
 * Literals are proved left to right by backtracking; each looks facts up through the argument position whose
 * posting list for the bound constant is shortest, or scans the predicate when no argument is bound (a literal left
 * without bound variables after a predicate mapping dropped the literal that introduced them). Slots from the
 * table's width upwards are new variables and must be numbered consecutively in order of first appearance.
 * <p>
 * Written here because the only requirement is existential proof of short function-free conjunctions over an
 * in-memory index; no Datalog engine on Maven Central offers per-example substitution tables at this speed.
 * Instances hold scratch state and are not thread-safe.
 */
public final class Query {
    private static final byte BOUND = 0;
    private static final byte NEW = 1;
    private static final byte SAME = 2;

    private final List<Literal> literals;
    private final int startWidth;
    private final int endWidth;
    private final PredicateIndex[] indexes;
    private final int[][] slots;
    private final byte[][] kinds;
    private final boolean satisfiable;
    private final int[] scratch;

    /**
     * Compiles a conjunction.
     *
     * @param literals   the conjunction, possibly empty (then it holds for every non-empty table)
     * @param startWidth the number of slots bound before it
     * @param store      the facts to prove against
     * @throws IllegalArgumentException if the new slots are not {@code startWidth, startWidth+1, …} in order of
     *                                  first appearance
     */
    public Query(List<Literal> literals, int startWidth, FactStore store) {
        this.literals = List.copyOf(literals);
        this.startWidth = startWidth;
        int n = literals.size();
        indexes = new PredicateIndex[n];
        slots = new int[n][];
        kinds = new byte[n][];
        int next = startWidth;
        boolean sat = true;
        for (int i = 0; i < n; i++) {
            Literal l = literals.get(i);
            indexes[i] = store.index(l.predicate());
            if (indexes[i] == null || indexes[i].arity() != l.arity()) {
                sat = false;
            }
            slots[i] = l.args();
            kinds[i] = new byte[l.arity()];
            int firstNewHere = next;
            for (int p = 0; p < l.arity(); p++) {
                int s = slots[i][p];
                if (s < next) {
                    // A slot introduced earlier in this same literal must repeat the value matched there.
                    kinds[i][p] = s >= firstNewHere ? SAME : BOUND;
                } else if (s == next) {
                    kinds[i][p] = NEW;
                    next++;
                } else {
                    throw new IllegalArgumentException("Slots must be numbered in order of first appearance: "
                            + Literal.toString(literals) + " uses slot " + s + " where " + next + " was expected");
                }
            }
        }
        this.endWidth = next;
        this.satisfiable = sat;
        this.scratch = new int[Math.max(next, 1)];
    }

    /** The conjunction. */
    public List<Literal> literals() {
        return literals;
    }

    /** Slots bound before the conjunction. */
    public int startWidth() {
        return startWidth;
    }

    /** Slots bound after it: the start width plus its new variables. */
    public int endWidth() {
        return endWidth;
    }

    /**
     * Whether some row of the table extends to a proof of the conjunction.
     *
     * @throws IllegalArgumentException if the table's width is not the start width
     */
    public boolean holds(BindingTable table) {
        checkWidth(table);
        if (!satisfiable || table.rows() == 0) {
            return false;
        }
        if (literals.isEmpty()) {
            return true;
        }
        for (int r = 0; r < table.rows(); r++) {
            table.copyRow(r, scratch);
            if (prove(0, null)) {
                return true;
            }
        }
        return false;
    }

    /**
     * All substitutions extending rows of the table that prove the conjunction, each once, in the order found.
     *
     * @throws IllegalArgumentException if the table's width is not the start width
     */
    public BindingTable extend(BindingTable table) {
        checkWidth(table);
        Collector c = new Collector(endWidth);
        if (satisfiable && table.rows() > 0) {
            for (int r = 0; r < table.rows(); r++) {
                table.copyRow(r, scratch);
                if (literals.isEmpty()) {
                    c.add(scratch);
                } else {
                    prove(0, c);
                }
            }
        }
        return c.table();
    }

    private void checkWidth(BindingTable table) {
        if (table.width() != startWidth) {
            throw new IllegalArgumentException("Query over " + startWidth + " bound slots applied to a table of width "
                    + table.width());
        }
    }

    /** Proves literal i onwards; with a collector, enumerates every proof and returns false. */
    private boolean prove(int i, Collector collector) {
        PredicateIndex idx = indexes[i];
        int[] s = slots[i];
        byte[] k = kinds[i];
        int arity = s.length;
        int best = -1;
        int bestCount = Integer.MAX_VALUE;
        boolean allBound = true;
        for (int p = 0; p < arity; p++) {
            if (k[p] == BOUND) {
                int c = idx.count(p, scratch[s[p]]);
                if (c == 0) {
                    return false;
                }
                if (c < bestCount) {
                    bestCount = c;
                    best = p;
                }
            } else {
                allBound = false;
            }
        }
        if (allBound) {
            int[] t = new int[arity];
            for (int p = 0; p < arity; p++) {
                t[p] = scratch[s[p]];
            }
            if (!idx.contains(t)) {
                return false;
            }
            return next(i, collector);
        }
        int total = best < 0 ? idx.size() : bestCount;
        int boundConstant = best < 0 ? 0 : scratch[s[best]];
        for (int j = 0; j < total; j++) {
            int f = best < 0 ? j : idx.fact(best, boundConstant, j);
            if (matches(idx, f, s, k)) {
                if (next(i, collector)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean matches(PredicateIndex idx, int f, int[] s, byte[] k) {
        for (int p = 0; p < s.length; p++) {
            int v = idx.arg(f, p);
            switch (k[p]) {
                case BOUND, SAME -> {
                    if (scratch[s[p]] != v) {
                        return false;
                    }
                }
                default -> scratch[s[p]] = v;
            }
        }
        return true;
    }

    private boolean next(int i, Collector collector) {
        if (i + 1 < indexes.length) {
            return prove(i + 1, collector);
        }
        if (collector == null) {
            return true;
        }
        collector.add(scratch);
        return false;
    }

    /** Distinct rows in order of arrival. */
    private static final class Collector {
        private final int width;
        private final Set<Row> seen = new HashSet<>();
        private final List<int[]> rows = new ArrayList<>();

        Collector(int width) {
            this.width = width;
        }

        void add(int[] row) {
            int[] copy = Arrays.copyOf(row, width);
            if (seen.add(new Row(copy))) {
                rows.add(copy);
            }
        }

        BindingTable table() {
            int[] data = new int[rows.size() * width];
            for (int r = 0; r < rows.size(); r++) {
                System.arraycopy(rows.get(r), 0, data, r * width, width);
            }
            return new BindingTable(width, rows.size(), data);
        }
    }

    private record Row(int[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && Arrays.equals(r.values, values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
