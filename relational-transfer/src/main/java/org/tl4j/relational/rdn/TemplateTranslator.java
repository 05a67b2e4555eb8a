package org.tl4j.relational.rdn;

import org.tl4j.relational.data.PredicateSignature;
import org.tl4j.relational.data.Schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rewrites a template tree's test into target literals: each kept literal's predicate and argument order come from
 * its {@link Translation}; its variables are renumbered into the target clause's slots through a map from template
 * slots to target slots, template variables not yet bound on the target path (for example because the literal
 * that introduced them was dropped) becoming new target variables, numbered in order of first appearance.
 */
public final class TemplateTranslator {
    private TemplateTranslator() {
    }

    /**
     * The translated test.
     *
     * @param conjunction the target literals (empty when every literal was dropped)
     * @param slots       the template-to-target slot map for the true subtree
     * @param types       the target slot types for the true subtree
     */
    public record Result(List<Literal> conjunction, int[] slots, List<String> types) {
    }

    /**
     * Translates a test.
     *
     * @param test         the template literals
     * @param translations one per literal, {@code null} to drop it
     * @param slots        template slot → target slot on the path (-1 where unbound); not modified
     * @param types        the target slot types bound on the path; not modified
     * @param targetSchema the target signatures
     * @throws IllegalStateException if a translated literal would put a variable at an argument of another type
     */
    public static Result apply(List<Literal> test, List<Translation> translations, int[] slots, List<String> types,
                               Schema targetSchema) {
        if (translations.size() != test.size()) {
            throw new IllegalArgumentException(translations.size() + " translations for " + test.size()
                    + " literals");
        }
        int[] map = slots.clone();
        List<String> outTypes = new ArrayList<>(types);
        List<Literal> out = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            Translation t = translations.get(i);
            if (t == null) {
                continue;
            }
            Literal l = test.get(i);
            if (t.arity() != l.arity()) {
                throw new IllegalStateException("Translation " + t + " of " + l + " changes the arity");
            }
            PredicateSignature sig = targetSchema.signature(t.predicate());
            int[] args = new int[t.arity()];
            for (int j = 0; j < args.length; j++) {
                int s = l.arg(t.sourcePosition(j));
                if (s >= map.length) {
                    int old = map.length;
                    map = Arrays.copyOf(map, Math.max(s + 1, old * 2));
                    Arrays.fill(map, old, map.length, -1);
                }
                if (map[s] < 0) {
                    map[s] = outTypes.size();
                    outTypes.add(sig.type(j));
                } else if (!outTypes.get(map[s]).equals(sig.type(j))) {
                    throw new IllegalStateException("Translated literal " + t.predicate() + " puts a variable of type "
                            + outTypes.get(map[s]) + " at an argument of type " + sig.type(j));
                }
                args[j] = map[s];
            }
            out.add(new Literal(t.predicate(), args));
        }
        return new Result(out, map, outTypes);
    }

    /** A slot map of the given size binding template head slot {@code i} to target slot {@code headSlots[i]}. */
    public static int[] headMap(int[] headSlots, int size) {
        int[] m = new int[Math.max(size, headSlots.length)];
        Arrays.fill(m, -1);
        System.arraycopy(headSlots, 0, m, 0, headSlots.length);
        return m;
    }

    /**
     * TreeBoostler's replacement for a template node whose literals all drop out: its false subtree when its true
     * child is a leaf, otherwise its true subtree with the false subtree hung at the end of that subtree's chain of
     * false branches (replacing the leaf there).
     */
    public static RelationalRegressionTree.Node promote(RelationalRegressionTree.Split s) {
        if (!(s.ifTrue() instanceof RelationalRegressionTree.Split t)) {
            return s.ifFalse();
        }
        return hangOnFalseChain(t, s.ifFalse());
    }

    private static RelationalRegressionTree.Node hangOnFalseChain(RelationalRegressionTree.Split s,
                                                                  RelationalRegressionTree.Node hung) {
        RelationalRegressionTree.Node f = s.ifFalse() instanceof RelationalRegressionTree.Split fs
                ? hangOnFalseChain(fs, hung) : hung;
        return new RelationalRegressionTree.Split(s.test(), s.width(), s.ifTrue(), f, s.examples());
    }
}
