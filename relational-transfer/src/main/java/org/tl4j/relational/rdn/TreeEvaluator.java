package org.tl4j.relational.rdn;

import org.tl4j.relational.data.FactStore;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Evaluates relational regression trees on the examples of one world: compiles each test once against the world's
 * facts, then walks each example down the tree, carrying the substitutions of the true branches taken. Not
 * thread-safe (queries keep scratch state); create one per thread.
 */
public final class TreeEvaluator {
    private final FactStore store;
    private final Map<RelationalRegressionTree.Split, Query> compiled = new IdentityHashMap<>();

    /** An evaluator over a world's facts. */
    public TreeEvaluator(FactStore store) {
        this.store = store;
    }

    /**
     * The value of a tree for one example.
     *
     * @param head the example's arguments as constant ids of the store ({@link FactStore#encode})
     */
    public double value(RelationalRegressionTree tree, int[] head) {
        if (head.length != tree.arity()) {
            throw new IllegalArgumentException("Tree of " + tree.head() + " applied to an atom with " + head.length
                    + " arguments");
        }
        BindingTable b = BindingTable.of(head);
        RelationalRegressionTree.Node n = tree.root();
        while (n instanceof RelationalRegressionTree.Split s) {
            Query q = compiled.computeIfAbsent(s, k -> new Query(k.test(), k.width(), store));
            if (b.width() != s.width()) {
                throw new IllegalStateException("Tree node " + Literal.toString(s.test()) + " expects " + s.width()
                        + " bound slots, the path binds " + b.width());
            }
            if (s.ifTrue() instanceof RelationalRegressionTree.Leaf) {
                // No test below needs the substitutions: a proof is enough.
                n = q.holds(b) ? s.ifTrue() : s.ifFalse();
                continue;
            }
            BindingTable extended = q.extend(b);
            if (extended.rows() > 0) {
                b = extended;
                n = s.ifTrue();
            } else {
                n = s.ifFalse();
            }
        }
        return ((RelationalRegressionTree.Leaf) n).value();
    }
}
