package org.tl4j.relational.transfer;

import org.tl4j.relational.data.PredicateSignature;
import org.tl4j.relational.data.Schema;
import org.tl4j.relational.rdn.Guide;
import org.tl4j.relational.rdn.Literal;
import org.tl4j.relational.rdn.RelationalRegressionTree;
import org.tl4j.relational.rdn.Translation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * TreeBoostler's search for a predicate mapping, used as the {@link Guide} while the source trees are refitted on
 * target data (Azevedo Santos, Paes &amp; Zaverucha, MLJ 2020, Sect. 4.1; the legal-mapping rules are those of
 * TAMAR, Mihalkova et al., AAAI 2007).
 * <p>
 * The source target predicate maps onto the target's with its arguments in order, which fixes the images of the
 * head's types. Then node by node (trees in order, each in pre-order), the source predicates of a node's test that
 * are not yet decided get every <em>legal</em> assignment: each onto nothing, or onto a target body predicate of
 * the same arity (not the target predicate; not one already used unless {@code allowSameTargetMap}) under some
 * order of its arguments (only the given order unless {@code searchArgPermutations}), such that every source type
 * keeps a single target type. Each assignment whose translated test keeps a literal is scored by the weighted
 * variance of the split it makes of the target examples at the node (the functional gradients of the model refitted
 * so far); the lowest wins and is fixed for the rest of the search. A test and its complement score the same, so
 * among equal scores the first (empty choices first, as in TreeBoostler's BoostSRL) whose split points the same way
 * as the source node's (higher mean gradient on the true side when the source's true subtree has the higher mean
 * value) is taken, else the first; this does not change what TreeBoostler refits, but it keeps the mapped source
 * model ({@link MappedSourceModel}), whose leaves are not refitted, from being read upside down. If no assignment keeps a literal, the predicates map onto
 * nothing. Once decided, a predicate's mapping never changes.
 * <p>
 * Mutable: one instance serves one refit.
 */
public final class MappingSearch implements Guide {
    private final Schema source;
    private final Schema target;
    private final String sourceHead;
    private final String targetHead;
    private final List<PredicateSignature> targetBody;
    private final boolean searchArgPermutations;
    private final boolean allowSameTargetMap;

    private final Map<String, Translation> decided = new LinkedHashMap<>();
    private final List<String> dropped = new ArrayList<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private final Set<String> usedTargets = new HashSet<>();
    private long assignmentsScored;

    /**
     * @param source                the source schema
     * @param target                the target schema
     * @param sourceHead            the source target predicate
     * @param targetHead            the target target predicate
     * @param targetBody            the target predicates source predicates may map onto
     * @param searchArgPermutations whether argument orders other than the given one are tried
     * @param allowSameTargetMap    whether two source predicates may map onto one target predicate
     * @throws IllegalArgumentException if the heads differ in arity or their types cannot map consistently
     */
    public MappingSearch(Schema source, Schema target, String sourceHead, String targetHead,
                         Collection<String> targetBody, boolean searchArgPermutations, boolean allowSameTargetMap) {
        this.source = source;
        this.target = target;
        this.sourceHead = sourceHead;
        this.targetHead = targetHead;
        this.searchArgPermutations = searchArgPermutations;
        this.allowSameTargetMap = allowSameTargetMap;
        List<PredicateSignature> body = new ArrayList<>();
        for (String p : new TreeSet<>(targetBody)) {
            if (!p.equals(targetHead)) {
                body.add(target.signature(p));
            }
        }
        this.targetBody = List.copyOf(body);
        PredicateSignature sh = source.signature(sourceHead);
        PredicateSignature th = target.signature(targetHead);
        if (sh.arity() != th.arity()) {
            throw new IllegalArgumentException("Cannot map " + sh + " onto " + th + ": the arities differ");
        }
        for (int i = 0; i < sh.arity(); i++) {
            String old = types.putIfAbsent(sh.type(i), th.type(i));
            if (old != null && !old.equals(th.type(i))) {
                throw new IllegalArgumentException("Cannot map " + sh + " onto " + th + ": source type " + sh.type(i)
                        + " would map onto both " + old + " and " + th.type(i));
            }
        }
    }

    @Override
    public List<Translation> translate(RelationalRegressionTree.Split node, Context context) {
        List<Literal> test = node.test();
        List<String> open = new ArrayList<>(new LinkedHashSet<>(predicatesOf(test)));
        open.removeIf(p -> decided.containsKey(p) || dropped.contains(p));
        if (!open.isEmpty()) {
            decide(test, open, context, sourceDirection(node));
        }
        List<Translation> out = new ArrayList<>(test.size());
        for (Literal l : test) {
            out.add(decided.get(l.predicate()));
        }
        return out;
    }

    private static List<String> predicatesOf(List<Literal> test) {
        List<String> out = new ArrayList<>();
        for (Literal l : test) {
            out.add(l.predicate());
        }
        return out;
    }

    private void decide(List<Literal> test, List<String> open, Context context, double sourceDirection) {
        List<Map<String, Translation>> legal = new ArrayList<>();
        enumerate(open, 0, new LinkedHashMap<>(), new HashMap<>(types), new HashSet<>(usedTargets), legal);
        List<Map<String, Translation>> kept = new ArrayList<>();
        List<List<Literal>> conjunctions = new ArrayList<>();
        double[] scores = new double[legal.size()];
        double bestScore = Double.POSITIVE_INFINITY;
        for (Map<String, Translation> assignment : legal) {
            List<Translation> tr = new ArrayList<>(test.size());
            for (Literal l : test) {
                tr.add(decided.containsKey(l.predicate()) ? decided.get(l.predicate()) : assignment.get(l.predicate()));
            }
            List<Literal> conj = context.apply(tr);
            if (conj.isEmpty()) {
                continue;
            }
            assignmentsScored++;
            double score = context.weightedVariance(conj);
            scores[kept.size()] = score;
            kept.add(assignment);
            conjunctions.add(conj);
            bestScore = Math.min(bestScore, score);
        }
        // Lowest weighted variance wins. A test and its complement split equally well, so among (numerically)
        // equal scores the first whose split points the way the source node's did is taken (then the first).
        Map<String, Translation> best = null;
        double tolerance = 1e-9 * Math.max(1.0, Math.abs(bestScore));
        for (int i = 0; i < kept.size(); i++) {
            if (scores[i] > bestScore + tolerance) {
                continue;
            }
            if (best == null) {
                best = kept.get(i);
            }
            double d = context.direction(conjunctions.get(i));
            if (sourceDirection != 0 && Double.isFinite(sourceDirection) && Double.isFinite(d)
                    && Math.signum(d) == Math.signum(sourceDirection)) {
                best = kept.get(i);
                break;
            }
        }
        for (String p : open) {
            Translation t = best == null ? null : best.get(p);
            if (t == null) {
                dropped.add(p);
            } else {
                decided.put(p, t);
                usedTargets.add(t.predicate());
                PredicateSignature s = source.signature(p);
                PredicateSignature g = target.signature(t.predicate());
                for (int j = 0; j < t.arity(); j++) {
                    types.putIfAbsent(s.type(t.sourcePosition(j)), g.type(j));
                }
            }
        }
    }

    /**
     * The direction of a source split: the example-weighted mean leaf value of its true subtree minus that of its
     * false subtree (NaN when a side reached no source example).
     */
    static double sourceDirection(RelationalRegressionTree.Split node) {
        double[] t = meanLeaf(node.ifTrue());
        double[] f = meanLeaf(node.ifFalse());
        return t[1] == 0 || f[1] == 0 ? Double.NaN : t[0] / t[1] - f[0] / f[1];
    }

    /** {sum of value × examples, examples} over a subtree's leaves. */
    private static double[] meanLeaf(RelationalRegressionTree.Node n) {
        if (n instanceof RelationalRegressionTree.Leaf l) {
            return new double[] {l.value() * l.examples(), l.examples()};
        }
        RelationalRegressionTree.Split s = (RelationalRegressionTree.Split) n;
        double[] a = meanLeaf(s.ifTrue());
        double[] b = meanLeaf(s.ifFalse());
        return new double[] {a[0] + b[0], a[1] + b[1]};
    }

    /** All legal assignments of the open predicates, empty choices first, targets by name, orders lexicographic. */
    private void enumerate(List<String> open, int i, LinkedHashMap<String, Translation> current,
                           Map<String, String> typeMap, Set<String> used, List<Map<String, Translation>> out) {
        if (i == open.size()) {
            out.add(new LinkedHashMap<>(current));
            return;
        }
        String p = open.get(i);
        PredicateSignature s = source.signature(p);
        current.put(p, null);
        enumerate(open, i + 1, current, typeMap, used, out);
        current.remove(p);
        for (PredicateSignature g : targetBody) {
            if (g.arity() != s.arity() || (!allowSameTargetMap && used.contains(g.name()))) {
                continue;
            }
            for (int[] order : orders(s.arity())) {
                List<String> added = new ArrayList<>();
                boolean ok = true;
                for (int j = 0; j < order.length && ok; j++) {
                    String from = s.type(order[j]);
                    String to = g.type(j);
                    String have = typeMap.get(from);
                    if (have == null) {
                        typeMap.put(from, to);
                        added.add(from);
                    } else {
                        ok = have.equals(to);
                    }
                }
                if (ok) {
                    current.put(p, new Translation(g.name(), order));
                    boolean fresh = used.add(g.name());
                    enumerate(open, i + 1, current, typeMap, used, out);
                    if (fresh) {
                        used.remove(g.name());
                    }
                    current.remove(p);
                }
                for (String a : added) {
                    typeMap.remove(a);
                }
            }
        }
    }

    private List<int[]> orders(int arity) {
        List<int[]> out = new ArrayList<>();
        int[] identity = new int[arity];
        for (int i = 0; i < arity; i++) {
            identity[i] = i;
        }
        if (!searchArgPermutations) {
            out.add(identity);
            return out;
        }
        permute(identity, 0, out);
        out.sort((a, b) -> java.util.Arrays.compare(a, b));
        return out;
    }

    private static void permute(int[] a, int k, List<int[]> out) {
        if (k == a.length) {
            out.add(a.clone());
            return;
        }
        for (int i = k; i < a.length; i++) {
            int t = a[k];
            a[k] = a[i];
            a[i] = t;
            permute(a, k + 1, out);
            a[i] = a[k];
            a[k] = t;
        }
    }

    /** How many assignments have been scored so far (the cost of the search). */
    public long assignmentsScored() {
        return assignmentsScored;
    }

    /**
     * The mapping found so far, with every source body predicate of {@code sourceBody} not decided listed as
     * unreached.
     */
    public PredicateMapping result(Collection<String> sourceBody) {
        List<String> unreached = new ArrayList<>();
        for (String p : new TreeSet<>(sourceBody)) {
            if (!p.equals(sourceHead) && !decided.containsKey(p) && !dropped.contains(p)) {
                unreached.add(p);
            }
        }
        return new PredicateMapping(sourceHead, targetHead, decided, dropped, unreached, types);
    }
}
