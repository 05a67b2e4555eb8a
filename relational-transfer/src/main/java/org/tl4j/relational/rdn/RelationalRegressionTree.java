package org.tl4j.relational.rdn;

import java.util.List;
import java.util.Objects;

/**
 * A relational regression tree (Blockeel &amp; De Raedt's TILDE trees used as regression trees, as in RDN-Boost):
 * each interior node tests whether the conjunction of the literals on the path of true branches to it, extended
 * by the node's own literals, has a proof for the example's head arguments; each leaf holds a real value. Variables
 * a node introduces are visible in its true subtree only. Immutable.
 *
 * @param target the head predicate
 * @param arity  the head's arity (slots {@code 0 … arity−1})
 * @param root   the root node
 */
public record RelationalRegressionTree(String target, int arity, Node root) {

    /** Validates. */
    public RelationalRegressionTree {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(root, "root");
        if (arity < 1) {
            throw new IllegalArgumentException("head arity must be positive: " + arity);
        }
    }

    /** A node of the tree. */
    public sealed interface Node permits Leaf, Split {
        /** The number of training examples that reached the node when it was fitted (0 if unknown). */
        int examples();
    }

    /**
     * A leaf.
     *
     * @param value    the regression value (a functional-gradient step)
     * @param examples training examples that reached it
     * @param variance the variance of their gradients (0 when fewer than two)
     */
    public record Leaf(double value, int examples, double variance) implements Node {
    }

    /**
     * An interior node.
     *
     * @param test     the node's literals; their new variables continue the slot numbering after {@code width}
     * @param width    the slots bound on the path to the node (head slots and those of ancestors' true branches)
     * @param ifTrue   the subtree for examples whose path conjunction extends to a proof of the test
     * @param ifFalse  the subtree for the others
     * @param examples training examples that reached the node
     */
    public record Split(List<Literal> test, int width, Node ifTrue, Node ifFalse, int examples) implements Node {
        /** Validates and copies. */
        public Split {
            test = List.copyOf(test);
            if (test.isEmpty()) {
                throw new IllegalArgumentException("An interior node needs at least one literal");
            }
            Objects.requireNonNull(ifTrue, "ifTrue");
            Objects.requireNonNull(ifFalse, "ifFalse");
        }
    }

    /** The number of leaves. */
    public int leaves() {
        return count(root, true);
    }

    /** The number of interior nodes. */
    public int splits() {
        return count(root, false);
    }

    /** The depth in interior nodes (0 for a single leaf). */
    public int depth() {
        return depth(root);
    }

    private static int count(Node n, boolean leaves) {
        if (n instanceof Split s) {
            return count(s.ifTrue(), leaves) + count(s.ifFalse(), leaves) + (leaves ? 0 : 1);
        }
        return leaves ? 1 : 0;
    }

    private static int depth(Node n) {
        return n instanceof Split s ? 1 + Math.max(depth(s.ifTrue()), depth(s.ifFalse())) : 0;
    }

    /** The predicates used in the tests, in order of first use (pre-order, true branch first). */
    public List<String> predicates() {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        collect(root, out);
        return List.copyOf(out);
    }

    private static void collect(Node n, java.util.Set<String> out) {
        if (n instanceof Split s) {
            for (Literal l : s.test()) {
                out.add(l.predicate());
            }
            collect(s.ifTrue(), out);
            collect(s.ifFalse(), out);
        }
    }

    /** The head atom in clause syntax, e.g. {@code advisedby(A,B)}. */
    public String head() {
        StringBuilder b = new StringBuilder(target).append('(');
        for (int i = 0; i < arity; i++) {
            b.append(i > 0 ? "," : "").append(Literal.variableName(i));
        }
        return b.append(')').toString();
    }

    /** The tree as nested if-then-else over its tests, one node per line. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(head()).append(":\n");
        print(root, 1, b);
        return b.toString();
    }

    private static void print(Node n, int indent, StringBuilder b) {
        String pad = "  ".repeat(indent);
        if (n instanceof Leaf l) {
            b.append(pad).append(String.format(java.util.Locale.ROOT, "%.6g", l.value()))
                    .append("  [").append(l.examples()).append(" examples]\n");
        } else if (n instanceof Split s) {
            b.append(pad).append("if ").append(Literal.toString(s.test())).append(" then\n");
            print(s.ifTrue(), indent + 1, b);
            b.append(pad).append("else\n");
            print(s.ifFalse(), indent + 1, b);
        }
    }
}
