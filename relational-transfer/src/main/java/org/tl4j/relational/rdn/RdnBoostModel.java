package org.tl4j.relational.rdn;

import org.tl4j.relational.data.FactStore;
import org.tl4j.relational.data.GroundAtom;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A boosted relational dependency network for one target predicate: {@code P(target(x) | facts) = σ(ψ(x))} with
 * the potential {@code ψ(x)} the sum of the trees' values at {@code x} (initial potential 0, step length 1, as
 * BoostSRL; Natarajan et al., MLJ 2012). Immutable.
 */
public final class RdnBoostModel implements RelationalModel {
    private final String target;
    private final int arity;
    private final List<RelationalRegressionTree> trees;
    private final Map<String, String> description;

    /**
     * @param target      the target predicate
     * @param arity       its arity
     * @param trees       the boosted trees, in order
     * @param description how the model was made
     */
    public RdnBoostModel(String target, int arity, List<RelationalRegressionTree> trees,
                         Map<String, String> description) {
        this.target = target;
        this.arity = arity;
        this.trees = List.copyOf(trees);
        for (RelationalRegressionTree t : this.trees) {
            if (!t.target().equals(target) || t.arity() != arity) {
                throw new IllegalArgumentException("Tree of " + t.head() + " in a model of " + target + "/" + arity);
            }
        }
        this.description = Collections.unmodifiableMap(new LinkedHashMap<>(description));
    }

    @Override
    public String target() {
        return target;
    }

    /** The target's arity. */
    public int arity() {
        return arity;
    }

    /** The trees in boosting order. */
    public List<RelationalRegressionTree> trees() {
        return trees;
    }

    /** The potentials {@code ψ} of the queries: the sums of the trees' values. */
    public double[] potentials(FactStore world, List<GroundAtom> queries) {
        for (GroundAtom q : queries) {
            if (!q.predicate().equals(target) || q.arity() != arity) {
                throw new IllegalArgumentException("Query " + q + " is not an atom of " + target + "/" + arity);
            }
        }
        int[][] heads = world.encode(queries);
        TreeEvaluator ev = new TreeEvaluator(world);
        double[] psi = new double[heads.length];
        for (RelationalRegressionTree t : trees) {
            for (int i = 0; i < heads.length; i++) {
                psi[i] += ev.value(t, heads[i]);
            }
        }
        return psi;
    }

    @Override
    public double[] probabilities(FactStore world, List<GroundAtom> queries) {
        double[] psi = potentials(world, queries);
        for (int i = 0; i < psi.length; i++) {
            psi[i] = Boosting.sigmoid(psi[i]);
        }
        return psi;
    }

    @Override
    public Map<String, String> description() {
        return description;
    }

    /** The trees, printed one after another. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("RDN-Boost model of " + target + " (" + trees.size() + " trees)\n");
        for (int i = 0; i < trees.size(); i++) {
            b.append("tree ").append(i + 1).append(": ").append(trees.get(i));
        }
        return b.toString();
    }
}
