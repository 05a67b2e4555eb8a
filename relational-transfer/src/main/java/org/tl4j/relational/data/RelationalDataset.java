package org.tl4j.relational.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One relational world with labelled queries: ground facts (the evidence) and positive and negative examples of a
 * target predicate, e.g. a fold of UW-CSE with {@code advisedby} as target. Immutable; the {@link FactStore} is
 * built once.
 * <p>
 * The notes record, in order, where the data came from and what was derived (files with digests and counts,
 * negative sampling with its seed), for provenance.
 */
public final class RelationalDataset {
    private final String name;
    private final String target;
    private final List<GroundAtom> facts;
    private final List<GroundAtom> positives;
    private final List<GroundAtom> negatives;
    private final List<String> notes;
    private final FactStore store;
    /** The content digest, computed on first use (idempotent, so a race only computes it twice). */
    private volatile String digest;

    /**
     * @param name      a name such as {@code uwcse/fold_1/test}
     * @param target    the target predicate
     * @param facts     the evidence (repeats are kept once)
     * @param positives true atoms of the target (repeats are kept once)
     * @param negatives false atoms of the target (repeats are kept once)
     * @param notes     provenance lines
     * @throws IllegalArgumentException if an example is not an atom of the target, the examples disagree on arity,
     *                                  an atom is both positive and negative, or there is no example at all
     */
    public RelationalDataset(String name, String target, List<GroundAtom> facts, List<GroundAtom> positives,
                             List<GroundAtom> negatives, List<String> notes) {
        this.name = Objects.requireNonNull(name, "name");
        this.target = Objects.requireNonNull(target, "target");
        this.facts = List.copyOf(new LinkedHashSet<>(facts));
        this.positives = List.copyOf(new LinkedHashSet<>(positives));
        this.negatives = List.copyOf(new LinkedHashSet<>(negatives));
        this.notes = List.copyOf(notes);
        int arity = -1;
        for (List<GroundAtom> list : List.of(this.positives, this.negatives)) {
            for (GroundAtom a : list) {
                if (!a.predicate().equals(target)) {
                    throw new IllegalArgumentException(name + ": example " + a + " is not an atom of the target"
                            + " predicate '" + target + "'");
                }
                if (arity >= 0 && a.arity() != arity) {
                    throw new IllegalArgumentException(name + ": examples of '" + target + "' have " + arity + " and "
                            + a.arity() + " arguments (" + a + ")");
                }
                arity = a.arity();
            }
        }
        if (arity < 0) {
            throw new IllegalArgumentException(name + ": no positive and no negative example of '" + target + "'");
        }
        Set<GroundAtom> pos = new HashSet<>(this.positives);
        for (GroundAtom a : this.negatives) {
            if (pos.contains(a)) {
                throw new IllegalArgumentException(name + ": " + a + " is both a positive and a negative example");
            }
        }
        this.store = FactStore.of(this.facts);
    }

    /**
     * Reads fact, positive and negative files, each in the BoostSRL format.
     *
     * @throws RelationalFormatException naming file and line for a malformed line or an example of another
     *                                   predicate
     */
    public static RelationalDataset read(String name, String target, List<AtomFile> factFiles, AtomFile positives,
                                         AtomFile negatives) {
        List<GroundAtom> facts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (AtomFile f : factFiles) {
            facts.addAll(f.atoms());
            notes.add("facts " + f.summary());
        }
        for (AtomFile f : List.of(positives, negatives)) {
            for (int i = 0; i < f.atoms().size(); i++) {
                if (!f.atoms().get(i).predicate().equals(target)) {
                    throw new RelationalFormatException(f.name(), f.lines().get(i), "example "
                            + f.atoms().get(i) + " is not an atom of the target predicate '" + target + "'");
                }
            }
        }
        notes.add("positives " + positives.summary());
        notes.add("negatives " + negatives.summary());
        return new RelationalDataset(name, target, facts, positives.atoms(), negatives.atoms(), notes);
    }

    /**
     * Joins worlds of the same target into one: facts, positives and negatives united (repeats kept once). An atom
     * positive in one part and negative in another is rejected.
     */
    public static RelationalDataset union(String name, List<RelationalDataset> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("union of no datasets");
        }
        String target = parts.get(0).target;
        List<GroundAtom> f = new ArrayList<>();
        List<GroundAtom> p = new ArrayList<>();
        List<GroundAtom> n = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (RelationalDataset d : parts) {
            if (!d.target.equals(target)) {
                throw new IllegalArgumentException("union of datasets with targets '" + target + "' and '"
                        + d.target + "'");
            }
            f.addAll(d.facts);
            p.addAll(d.positives);
            n.addAll(d.negatives);
            for (String note : d.notes) {
                notes.add(d.name + ": " + note);
            }
        }
        return new RelationalDataset(name, target, f, p, n, notes);
    }

    /**
     * Keeps at most {@code perPositive × positives} negatives, drawn uniformly without replacement with the seed
     * (in their file order otherwise); all are kept when there are not more. The draw is recorded in the notes.
     *
     * @param perPositive negatives per positive, positive
     */
    public RelationalDataset withNegativesSampled(double perPositive, long seed) {
        if (!(perPositive > 0) || Double.isInfinite(perPositive)) {
            throw new IllegalArgumentException("negatives per positive must be positive and finite: " + perPositive);
        }
        int keep = (int) Math.min(negatives.size(), Math.floor(perPositive * positives.size()));
        List<String> n = new ArrayList<>(notes);
        if (keep >= negatives.size()) {
            n.add("negatives: all " + negatives.size() + " kept (at most " + perPositive + " per positive)");
            return new RelationalDataset(name, target, facts, positives, negatives, n);
        }
        List<GroundAtom> sample = sample(negatives, keep, new SplittableRandom(seed));
        n.add("negatives: " + keep + " of " + negatives.size() + " drawn uniformly (" + perPositive
                + " per positive, seed " + seed + ")");
        return new RelationalDataset(name, target, facts, positives, sample, n);
    }

    /** A uniform draw of {@code k} elements without replacement, in the order of the list. */
    static <T> List<T> sample(List<T> list, int k, SplittableRandom rng) {
        int n = list.size();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(idx, k);
        java.util.Arrays.sort(chosen);
        List<T> out = new ArrayList<>(k);
        for (int i : chosen) {
            out.add(list.get(i));
        }
        return out;
    }

    /** The name, e.g. {@code uwcse/fold_1/test}. */
    public String name() {
        return name;
    }

    /** The target predicate. */
    public String target() {
        return target;
    }

    /** The arity of the target predicate. */
    public int targetArity() {
        return (positives.isEmpty() ? negatives : positives).get(0).arity();
    }

    /** The evidence, distinct, in file order. */
    public List<GroundAtom> facts() {
        return facts;
    }

    /** The positive examples, distinct, in file order. */
    public List<GroundAtom> positives() {
        return positives;
    }

    /** The negative examples, distinct, in file order. */
    public List<GroundAtom> negatives() {
        return negatives;
    }

    /** Positives then negatives. */
    public List<GroundAtom> examples() {
        List<GroundAtom> all = new ArrayList<>(positives);
        all.addAll(negatives);
        return all;
    }

    /** The labels of {@link #examples()}: {@code true} for the positives. */
    public boolean[] labels() {
        boolean[] y = new boolean[positives.size() + negatives.size()];
        java.util.Arrays.fill(y, 0, positives.size(), true);
        return y;
    }

    /** The indexed facts. */
    public FactStore store() {
        return store;
    }

    /**
     * The hex SHA-256 of the content: the target, then the facts, the positives and the negatives, one atom per line
     * in their order, each list preceded by its size. Two datasets with the same digest hold the same atoms; the
     * name and notes are not part of it.
     */
    public String digest() {
        String d = digest;
        if (d == null) {
            StringBuilder b = new StringBuilder(target).append('\n');
            for (List<GroundAtom> list : List.of(facts, positives, negatives)) {
                b.append(list.size()).append('\n');
                for (GroundAtom a : list) {
                    b.append(a).append('\n');
                }
            }
            d = AtomFile.sha256(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest = d;
        }
        return d;
    }

    /** Provenance lines: files with digests and counts, derivations. */
    public List<String> notes() {
        return notes;
    }

    @Override
    public String toString() {
        return "RelationalDataset(" + name + ": target " + target + ", " + facts.size() + " facts, "
                + positives.size() + " positives, " + negatives.size() + " negatives)";
    }
}
