package org.tl4j.relational.rdn;

import org.tl4j.relational.data.FactStore;
import org.tl4j.relational.data.PredicateSignature;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Fits one relational regression tree to functional gradients by least squares, TILDE-style (Blockeel &amp; De Raedt,
 * AIJ 1998), as RDN-Boost does (Natarajan et al., MLJ 2012): a node's test is the conjunction of one or two
 * literals that, added to the clause path, minimises the weighted variance of the gradients of the examples it
 * splits (the sum of squared deviations from each branch's mean); a leaf holds the mean gradient of its examples
 * (Friedman's regression-tree step). Leaves are expanded best first (largest variance reduction), at most
 * {@link RdnBoostSettings#maxTreeDepth()} interior nodes deep and {@link RdnBoostSettings#maxLeaves()} leaves
 * per tree.
 * <p>
 * Two-literal tests are searched with a beam: the best one-literal tests that introduce new variables, and the best
 * others, are extended by a second literal (which must use a new variable of the first, when it has any), so a
 * test such as {@code publication(C,A), publication(C,B)} is found although {@code publication(C,A)} alone
 * separates nothing. A first literal whose substitutions at the node exceed {@link #BEAM_ROW_BUDGET} rows is not
 * extended (a search limit that keeps, e.g., Twitter's shared words from exploding; it never changes how a chosen
 * test is evaluated).
 * <p>
 * {@link #growGuided} refits a template tree instead: its tests are kept (translated into the target vocabulary by
 * a {@link Guide}), its leaves get the mean gradients of the target examples reaching them, and, if asked, its
 * leaves grow further by the same search. A template node whose literals all drop out is replaced as TreeBoostler
 * does ({@link TemplateTranslator#promote}). A template node no example reaches becomes a leaf of value 0.
 * <p>
 * Deterministic: candidates are generated and compared in a fixed order, ties keep the earlier (and shorter) test.
 */
public final class TreeGrower {
    private static final double TIE = 1e-12;
    /**
     * The most substitutions (over all examples at a node) a first literal of the two-literal beam may produce;
     * beyond it the literal is not extended. A search limit only: every test placed in a tree is proved exactly.
     */
    static final long BEAM_ROW_BUDGET = 200_000;

    private final FactStore store;
    private final LanguageBias bias;
    private final RdnBoostSettings settings;
    private final String target;
    private final String[] headTypes;

    private double[] gradient;
    private boolean[] label;

    /**
     * @param store     the facts of the world the examples live in
     * @param bias      the literals tests may use
     * @param settings  depth, size and search settings
     * @param target    the head predicate
     * @param headTypes the types of the head's arguments
     */
    public TreeGrower(FactStore store, LanguageBias bias, RdnBoostSettings settings, String target,
                      List<String> headTypes) {
        this.store = store;
        this.bias = bias;
        this.settings = settings;
        this.target = target;
        this.headTypes = headTypes.toArray(new String[0]);
    }

    /**
     * A fitted tree and the value it gives each training example.
     *
     * @param tree   the tree
     * @param values the leaf value each training example reached, aligned with the input
     */
    public record Grown(RelationalRegressionTree tree, double[] values) {
    }

    /**
     * Grows a tree from scratch.
     *
     * @param heads    each example's head arguments as constant ids
     * @param gradient each example's functional gradient
     * @param label    each example's label (for the positive-coverage rule)
     */
    public Grown grow(int[][] heads, double[] gradient, boolean[] label) {
        return growGuided(heads, gradient, label, null, null, null, true);
    }

    /**
     * Refits a template tree (see the class comment).
     *
     * @param heads      each example's head arguments as constant ids
     * @param gradient   each example's functional gradient
     * @param label      each example's label
     * @param template   the template's root, or {@code null} to grow from scratch
     * @param guide      translates template tests (ignored without template)
     * @param headSlots  for each template head slot, the target head slot it stands for (identity if {@code null})
     * @param growLeaves whether template leaves may be expanded by search
     */
    public Grown growGuided(int[][] heads, double[] gradient, boolean[] label, RelationalRegressionTree.Node template,
                            Guide guide, int[] headSlots, boolean growLeaves) {
        if (heads.length != gradient.length || heads.length != label.length) {
            throw new IllegalArgumentException("one gradient and one label per example expected: " + heads.length
                    + " examples, " + gradient.length + " gradients, " + label.length + " labels");
        }
        this.gradient = gradient;
        this.label = label;
        int n = heads.length;
        Work root = new Work();
        root.examples = new int[n];
        root.bindings = new BindingTable[n];
        for (int i = 0; i < n; i++) {
            if (heads[i].length != headTypes.length) {
                throw new IllegalArgumentException("Example " + i + " has " + heads[i].length + " arguments; "
                        + target + " has " + headTypes.length);
            }
            root.examples[i] = i;
            root.bindings[i] = BindingTable.of(heads[i]);
        }
        root.width = headTypes.length;
        root.types = headTypes.clone();
        root.path = List.of();
        root.depth = 0;
        List<Work> open = new ArrayList<>();
        int[] leafCount = {0};
        if (template == null) {
            open.add(root);
            leafCount[0] = 1;
        } else {
            int[] head = new int[headTypes.length];
            for (int i = 0; i < head.length; i++) {
                head[i] = headSlots == null ? i : headSlots[i];
            }
            root.templateSlots = TemplateTranslator.headMap(head, 64);
            buildGuided(root, template, guide, growLeaves, open, leafCount);
        }
        expand(open, leafCount);
        double[] values = new double[n];
        RelationalRegressionTree.Node node = freeze(root, values);
        return new Grown(new RelationalRegressionTree(target, headTypes.length, node), values);
    }

    // ---------------------------------------------------------------- guided building

    private void buildGuided(Work w, RelationalRegressionTree.Node template, Guide guide, boolean growLeaves,
                             List<Work> open, int[] leafCount) {
        if (template instanceof RelationalRegressionTree.Split s) {
            if (w.examples.length == 0) {
                leafCount[0]++;
                return;
            }
            Context ctx = new Context(w, s.test());
            List<Translation> tr = guide.translate(s, ctx);
            if (tr.size() != s.test().size()) {
                throw new IllegalStateException("Guide returned " + tr.size() + " translations for "
                        + s.test().size() + " literals");
            }
            TemplateTranslator.Result a = apply(w, s.test(), tr);
            if (a.conjunction().isEmpty()) {
                buildGuided(w, TemplateTranslator.promote(s), guide, growLeaves, open, leafCount);
                return;
            }
            Query q = new Query(a.conjunction(), w.width, store);
            boolean[] covered = new boolean[w.examples.length];
            for (int i = 0; i < covered.length; i++) {
                covered[i] = q.holds(w.bindings[i]);
            }
            split(w, a.conjunction(), q, covered);
            w.t.templateSlots = a.slots();
            w.f.templateSlots = w.templateSlots;
            buildGuided(w.t, s.ifTrue(), guide, growLeaves, open, leafCount);
            buildGuided(w.f, s.ifFalse(), guide, growLeaves, open, leafCount);
        } else {
            leafCount[0]++;
            if (growLeaves) {
                open.add(w);
            }
        }
    }

    private TemplateTranslator.Result apply(Work w, List<Literal> test, List<Translation> translations) {
        return TemplateTranslator.apply(test, translations, w.templateSlots, Arrays.asList(w.types), bias.schema());
    }

    /** What a guide sees of a node. */
    private final class Context implements Guide.Context {
        private final Work w;
        private final List<Literal> test;

        Context(Work w, List<Literal> test) {
            this.w = w;
            this.test = test;
        }

        @Override
        public List<Literal> apply(List<Translation> translations) {
            return TreeGrower.this.apply(w, test, translations).conjunction();
        }

        @Override
        public double weightedVariance(List<Literal> conjunction) {
            if (conjunction.isEmpty()) {
                return sse(w.examples);
            }
            Query q = new Query(conjunction, w.width, store);
            boolean[] covered = new boolean[w.examples.length];
            for (int i = 0; i < covered.length; i++) {
                covered[i] = q.holds(w.bindings[i]);
            }
            return score(w, covered).weightedVariance;
        }

        @Override
        public double direction(List<Literal> conjunction) {
            Query q = new Query(conjunction, w.width, store);
            double st = 0;
            double sf = 0;
            int nt = 0;
            for (int i = 0; i < w.examples.length; i++) {
                double g = gradient[w.examples[i]];
                if (q.holds(w.bindings[i])) {
                    st += g;
                    nt++;
                } else {
                    sf += g;
                }
            }
            int nf = w.examples.length - nt;
            return nt == 0 || nf == 0 ? Double.NaN : st / nt - sf / nf;
        }

        @Override
        public int examples() {
            return w.examples.length;
        }
    }

    // ---------------------------------------------------------------- free growth

    private void expand(List<Work> open, int[] leafCount) {
        PriorityQueue<Work> queue = new PriorityQueue<>(Comparator.<Work>comparingDouble(x -> -x.best.gain)
                .thenComparingInt(x -> x.order));
        int order = 0;
        for (Work w : open) {
            w.best = findBest(w);
            if (w.best != null) {
                w.order = order++;
                queue.add(w);
            }
        }
        while (!queue.isEmpty() && leafCount[0] < settings.maxLeaves()) {
            Work w = queue.poll();
            Candidate c = w.best;
            split(w, c.conjunction, c.query, c.covered);
            leafCount[0]++;
            for (Work child : List.of(w.t, w.f)) {
                child.best = findBest(child);
                if (child.best != null) {
                    child.order = order++;
                    queue.add(child);
                }
            }
        }
    }

    private void split(Work w, List<Literal> conjunction, Query q, boolean[] covered) {
        int nt = 0;
        for (boolean b : covered) {
            nt += b ? 1 : 0;
        }
        Work t = new Work();
        Work f = new Work();
        t.examples = new int[nt];
        t.bindings = new BindingTable[nt];
        f.examples = new int[covered.length - nt];
        f.bindings = new BindingTable[covered.length - nt];
        int it = 0;
        int jf = 0;
        for (int i = 0; i < covered.length; i++) {
            if (covered[i]) {
                t.examples[it] = w.examples[i];
                t.bindings[it++] = q.extend(w.bindings[i]);
            } else {
                f.examples[jf] = w.examples[i];
                f.bindings[jf++] = w.bindings[i];
            }
        }
        t.width = q.endWidth();
        t.types = extendTypes(w.types, conjunction, w.width);
        List<Literal> path = new ArrayList<>(w.path);
        path.addAll(conjunction);
        t.path = List.copyOf(path);
        t.depth = w.depth + 1;
        f.width = w.width;
        f.types = w.types;
        f.path = w.path;
        f.depth = w.depth + 1;
        w.test = List.copyOf(conjunction);
        w.t = t;
        w.f = f;
        w.best = null;
        // The parent's substitutions are no longer needed once its children hold theirs.
        w.bindings = null;
    }

    private String[] extendTypes(String[] types, List<Literal> conjunction, int width) {
        List<String> out = new ArrayList<>(Arrays.asList(types));
        for (Literal l : conjunction) {
            PredicateSignature sig = bias.schema().signature(l.predicate());
            for (int p = 0; p < l.arity(); p++) {
                if (l.arg(p) >= out.size()) {
                    out.add(sig.type(p));
                }
            }
        }
        return out.toArray(new String[0]);
    }

    private Candidate findBest(Work w) {
        int n = w.examples.length;
        if (n < 2 || w.depth >= settings.maxTreeDepth() || variance(w.examples) <= settings.minVarianceToSplit()) {
            return null;
        }
        Set<Literal> onPath = new HashSet<>(w.path);
        List<Literal> singles = bias.refinements(w.types, onPath);
        Candidate best = null;
        List<Candidate> scored = new ArrayList<>(singles.size());
        for (Literal l : singles) {
            List<Literal> conj = List.of(l);
            Query q = new Query(conj, w.width, store);
            boolean[] covered = new boolean[n];
            for (int i = 0; i < n; i++) {
                covered[i] = q.holds(w.bindings[i]);
            }
            Candidate c = new Candidate(conj, q, covered, score(w, covered));
            scored.add(c);
            if (valid(c) && better(c, best)) {
                best = c;
            }
        }
        if (settings.maxLiteralsPerNode() >= 2) {
            for (Candidate first : beam(scored, w.width)) {
                Candidate c = bestExtension(w, first, onPath);
                if (c != null && better(c, best)) {
                    best = c;
                }
            }
        }
        return best;
    }

    private List<Candidate> beam(List<Candidate> scored, int width) {
        List<Candidate> introducing = new ArrayList<>();
        List<Candidate> checks = new ArrayList<>();
        for (Candidate c : scored) {
            if (c.positivesCovered < settings.minPositivesCovered() || c.trueCount == 0) {
                continue;
            }
            (c.query.endWidth() > width ? introducing : checks).add(c);
        }
        Comparator<Candidate> byGain = Comparator.comparingDouble(c -> -c.gain);
        introducing.sort(byGain);
        checks.sort(byGain);
        List<Candidate> out = new ArrayList<>(introducing.subList(0, Math.min(settings.beamWidth(),
                introducing.size())));
        out.addAll(checks.subList(0, Math.min(settings.beamWidth(), checks.size())));
        return out;
    }

    private Candidate bestExtension(Work w, Candidate first, Set<Literal> onPath) {
        int n = w.examples.length;
        Query q1 = first.query;
        int width1 = q1.endWidth();
        BindingTable[] extended = new BindingTable[n];
        long rows = 0;
        for (int i = 0; i < n; i++) {
            if (first.covered[i]) {
                extended[i] = q1.extend(w.bindings[i]);
                rows += extended[i].rows();
                if (rows > BEAM_ROW_BUDGET) {
                    // A first literal this unselective (e.g. a word shared by most accounts) multiplies the
                    // substitutions beyond use; the beam moves on to the next one.
                    return null;
                }
            }
        }
        String[] types1 = extendTypes(w.types, first.conjunction, w.width);
        Set<Literal> exclude = new HashSet<>(onPath);
        exclude.add(first.conjunction.get(0));
        boolean mustUseNew = width1 > w.width;
        Candidate best = null;
        for (Literal second : bias.refinements(types1, exclude)) {
            if (mustUseNew && !uses(second, w.width, width1)) {
                continue;
            }
            Query q2 = new Query(List.of(second), width1, store);
            boolean[] covered = new boolean[n];
            for (int i = 0; i < n; i++) {
                covered[i] = first.covered[i] && q2.holds(extended[i]);
            }
            List<Literal> conj = List.of(first.conjunction.get(0), second);
            Candidate c = new Candidate(conj, null, covered, score(w, covered));
            if (valid(c) && better(c, best)) {
                best = c;
            }
        }
        if (best != null) {
            best = new Candidate(best.conjunction, new Query(best.conjunction, w.width, store), best.covered,
                    best.stats);
        }
        return best;
    }

    private static boolean uses(Literal l, int from, int to) {
        for (int p = 0; p < l.arity(); p++) {
            if (l.arg(p) >= from && l.arg(p) < to) {
                return true;
            }
        }
        return false;
    }

    private boolean valid(Candidate c) {
        return c.trueCount > 0 && c.falseCount > 0 && c.positivesCovered >= settings.minPositivesCovered()
                && c.gain > TIE;
    }

    private static boolean better(Candidate c, Candidate best) {
        if (best == null) {
            return true;
        }
        if (c.gain > best.gain + TIE) {
            return true;
        }
        return c.gain > best.gain - TIE && c.conjunction.size() < best.conjunction.size();
    }

    // ---------------------------------------------------------------- statistics

    private record Stats(int trueCount, int falseCount, int positivesCovered, double weightedVariance, double gain) {
    }

    private Stats score(Work w, boolean[] covered) {
        int nt = 0;
        int pos = 0;
        double st = 0;
        double sf = 0;
        double sq = 0;
        for (int i = 0; i < covered.length; i++) {
            int e = w.examples[i];
            double g = gradient[e];
            sq += g * g;
            if (covered[i]) {
                nt++;
                st += g;
                pos += label[e] ? 1 : 0;
            } else {
                sf += g;
            }
        }
        int nf = covered.length - nt;
        double explained = (nt > 0 ? st * st / nt : 0) + (nf > 0 ? sf * sf / nf : 0);
        double total = st + sf;
        double before = covered.length > 0 ? total * total / covered.length : 0;
        return new Stats(nt, nf, pos, Math.max(0, sq - explained), explained - before);
    }

    private double sse(int[] examples) {
        double s = 0;
        double sq = 0;
        for (int e : examples) {
            s += gradient[e];
            sq += gradient[e] * gradient[e];
        }
        return examples.length == 0 ? 0 : Math.max(0, sq - s * s / examples.length);
    }

    private double variance(int[] examples) {
        return examples.length == 0 ? 0 : sse(examples) / examples.length;
    }

    /**
     * The mean gradient, correctly rounded from the exact sum: leaves whose examples carry equal gradients get
     * bit-identical values, so examples that no test tells apart keep equal potentials (a plain floating-point
     * mean of 353 copies of x need not be x, which would order such examples by rounding noise in AUC).
     */
    private double mean(int[] examples) {
        if (examples.length == 0) {
            return 0;
        }
        BigDecimal s = BigDecimal.ZERO;
        for (int e : examples) {
            s = s.add(new BigDecimal(gradient[e]));
        }
        return s.divide(BigDecimal.valueOf(examples.length), MathContext.DECIMAL128).doubleValue();
    }

    private RelationalRegressionTree.Node freeze(Work w, double[] values) {
        if (w.t == null) {
            double v = mean(w.examples);
            for (int e : w.examples) {
                values[e] = v;
            }
            return new RelationalRegressionTree.Leaf(v, w.examples.length, variance(w.examples));
        }
        return new RelationalRegressionTree.Split(w.test, w.width, freeze(w.t, values), freeze(w.f, values),
                w.examples.length);
    }

    /** A node under construction. */
    private static final class Work {
        int[] examples;
        BindingTable[] bindings;
        int width;
        String[] types;
        List<Literal> path;
        int depth;
        int[] templateSlots;
        List<Literal> test;
        Work t;
        Work f;
        Candidate best;
        int order;
    }

    /** A scored test. */
    private static final class Candidate {
        final List<Literal> conjunction;
        final Query query;
        final boolean[] covered;
        final Stats stats;
        final int trueCount;
        final int falseCount;
        final int positivesCovered;
        final double gain;

        Candidate(List<Literal> conjunction, Query query, boolean[] covered, Stats stats) {
            this.conjunction = conjunction;
            this.query = query;
            this.covered = covered;
            this.stats = stats;
            this.trueCount = stats.trueCount;
            this.falseCount = stats.falseCount;
            this.positivesCovered = stats.positivesCovered;
            this.gain = stats.gain;
        }
    }
}
