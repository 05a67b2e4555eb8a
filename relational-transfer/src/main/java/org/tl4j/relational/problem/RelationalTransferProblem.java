package org.tl4j.relational.problem;

import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tl4j.core.Setting;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.eval.Metric;
import org.tl4j.core.eval.Metrics;
import org.tl4j.relational.data.BoostSrlFolds;
import org.tl4j.relational.data.GroundAtom;
import org.tl4j.relational.data.RelationalDataset;
import org.tl4j.relational.data.Schema;
import org.tl4j.relational.problem.DomainSchemas.Types;
import org.tl4j.relational.rdn.RelationalModel;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A relational transfer problem: a source world with its target predicate (learned on all of it), a target world to
 * learn from and a held-out target world with labelled queries to be judged on. Labels are {@code "true"} and
 * {@code "false"}. The test queries ({@link #testQueries()}) are in an order that does not depend on their labels
 * (atoms sorted by their arguments), and {@link #targetTestTruth()}, {@link #targetTestLabels()} and every model's
 * predictions follow it, so the order of the queries tells a model nothing. The problem is judged on AUC-ROC and
 * AUC-PR of the class {@code "true"} and the conditional log-likelihood ({@link #metrics()}), as the relational
 * literature reports. Immutable.
 * <p>
 * {@link #standard} builds the standard protocol of TreeBoostler (Azevedo Santos, Paes &amp; Zaverucha, MLJ 2020;
 * {@code get_kfold_small} in their code): the source is learned on all its folds; the target is trained on
 * <em>one</em> fold and tested on all the others, so there are as many runs as target folds. In the shared copies
 * of the folds, fold K's own data are the {@code fold_K/test_*} files and the other folds the
 * {@code fold_K/train_*} files, so the target trains on {@code fold_K/test_*} and is tested on
 * {@code fold_K/train_*}. As in TreeBoostler ({@code balanced = 1}), negatives are drawn to one per positive, for
 * the source, the target training fold and the target test folds alike (seeded; see {@link Options}).
 * {@link Options#crossValidation()} selects ordinary cross-validation instead (TreeBoostler's learning-curve
 * protocol at 100 % of the training folds).
 * The harness pairs runs by seed: seed {@code k} uses target fold {@code (k mod folds) + 1}.
 */
public final class RelationalTransferProblem implements TransferProblem<Label> {
    /** The data kind of relational problems ({@link #dataKind()}). */
    public static final String DATA_KIND = "relational-facts";
    /** The label of true queries. */
    public static final Label TRUE = new Label("true");
    /** The label of false queries. */
    public static final Label FALSE = new Label("false");

    private final String name;
    private final String description;
    private final String sourceName;
    private final RelationalDataset source;
    private final Schema sourceSchema;
    private final String targetName;
    private final RelationalDataset targetTrain;
    private final RelationalDataset targetTest;
    private final Schema targetSchema;
    private final int fold;
    private final List<GroundAtom> testQueries;
    private final boolean[] testLabels;
    private final List<Label> testTruth;

    /** The label-free order of test queries: by predicate, then argument by argument. */
    private static final Comparator<GroundAtom> QUERY_ORDER = (a, b) -> {
        int c = a.predicate().compareTo(b.predicate());
        for (int i = 0; c == 0 && i < Math.min(a.arity(), b.arity()); i++) {
            c = a.arg(i).compareTo(b.arg(i));
        }
        return c != 0 ? c : Integer.compare(a.arity(), b.arity());
    };

    /**
     * @param name         a short name, e.g. {@code imdb->uwcse}
     * @param description  a readable description
     * @param sourceName   the source domain's name
     * @param source       the source world and examples of its target predicate
     * @param sourceSchema the source's typed predicates
     * @param targetName   the target domain's name
     * @param targetTrain  the target world and labelled examples to learn from
     * @param targetTest   the held-out target world and labelled queries
     * @param targetSchema the target's typed predicates
     * @param fold         the target training fold (1-based), or 0 when not from folds
     */
    public RelationalTransferProblem(String name, String description, String sourceName, RelationalDataset source,
                                     Schema sourceSchema, String targetName, RelationalDataset targetTrain,
                                     RelationalDataset targetTest, Schema targetSchema, int fold) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.source = Objects.requireNonNull(source, "source");
        this.sourceSchema = Objects.requireNonNull(sourceSchema, "sourceSchema");
        this.targetName = Objects.requireNonNull(targetName, "targetName");
        this.targetTrain = Objects.requireNonNull(targetTrain, "targetTrain");
        this.targetTest = Objects.requireNonNull(targetTest, "targetTest");
        this.targetSchema = Objects.requireNonNull(targetSchema, "targetSchema");
        this.fold = fold;
        if (!targetTrain.target().equals(targetTest.target())) {
            throw new IllegalArgumentException("Target train and test predicates differ: " + targetTrain.target()
                    + " and " + targetTest.target());
        }
        for (var pair : List.of(Map.entry(source, sourceSchema), Map.entry(targetTrain, targetSchema))) {
            var sig = pair.getValue().find(pair.getKey().target()).orElseThrow(() -> new IllegalArgumentException(
                    "The schema of " + pair.getKey().name() + " does not type its target predicate '"
                            + pair.getKey().target() + "'"));
            if (sig.arity() != pair.getKey().targetArity()) {
                throw new IllegalArgumentException("The schema gives " + sig + " but the examples of "
                        + pair.getKey().name() + " have " + pair.getKey().targetArity() + " arguments");
            }
        }
        if (targetTest.positives().isEmpty() || targetTest.negatives().isEmpty()) {
            throw new IllegalArgumentException("The target test set of " + name + " needs positive and negative"
                    + " queries: it has " + targetTest.positives().size() + " and " + targetTest.negatives().size());
        }
        List<GroundAtom> queries = targetTest.examples();
        queries.sort(QUERY_ORDER);
        Set<GroundAtom> positive = new HashSet<>(targetTest.positives());
        this.testQueries = List.copyOf(queries);
        this.testLabels = new boolean[queries.size()];
        List<Label> truth = new ArrayList<>(queries.size());
        for (int i = 0; i < testLabels.length; i++) {
            testLabels[i] = positive.contains(queries.get(i));
            truth.add(testLabels[i] ? TRUE : FALSE);
        }
        this.testTruth = Collections.unmodifiableList(truth);
    }

    /** How target folds are split into training and test data. */
    public enum Protocol {
        /**
         * TreeBoostler's main protocol ({@code get_kfold_small}): train on one fold, test on all the others —
         * little target data, as transfer assumes.
         */
        ONE_FOLD_TRAIN,
        /**
         * Ordinary cross-validation ({@code get_kfold}, the 100 % point of TreeBoostler's learning curves): train
         * on all folds but one, test on that fold.
         */
        ALL_BUT_ONE_TRAIN
    }

    /**
     * The protocol and sampling of {@link #standard}.
     *
     * @param protocol                   which folds train and which test
     * @param types                      where predicate types come from
     * @param sourceNegativesPerPositive source negatives kept per positive (0 keeps all); TreeBoostler: 1
     * @param trainNegativesPerPositive  target training negatives per positive (0 keeps all); TreeBoostler: 1
     * @param testNegativesPerPositive   target test negatives per positive (0 keeps all); TreeBoostler: 1
     * @param sourceSeed                 the seed of the source draw, the same for every fold so the source model is
     *                                   learned once per pair
     */
    public record Options(Protocol protocol, Types types, double sourceNegativesPerPositive,
                          double trainNegativesPerPositive, double testNegativesPerPositive, long sourceSeed) {
        /** Validates. */
        public Options {
            java.util.Objects.requireNonNull(protocol, "protocol");
            java.util.Objects.requireNonNull(types, "types");
            for (double r : new double[] {sourceNegativesPerPositive, trainNegativesPerPositive,
                    testNegativesPerPositive}) {
                if (!(r >= 0) || Double.isInfinite(r)) {
                    throw new IllegalArgumentException("Negatives per positive must be finite and non-negative (0"
                            + " keeps all): " + r);
                }
            }
        }

        /**
         * TreeBoostler's main protocol (MLJ 2020; {@code transfer_experiment.py}): train on one fold, test on the
         * others, TreeBoostler's modes, one negative per positive everywhere ({@code balanced = 1}), source seed 0.
         */
        public static Options treeBoostler() {
            return new Options(Protocol.ONE_FOLD_TRAIN, Types.MODES, 1.0, 1.0, 1.0, 0L);
        }

        /**
         * The protocol of the 100 % point of TreeBoostler's learning curves ({@code learning_curve.py}): train on
         * all folds but one, test on that fold with all its negatives; training negatives are not drawn here
         * ({@code balanced = False}) but by the learner (BoostSRL's two per positive).
         */
        public static Options crossValidation() {
            return new Options(Protocol.ALL_BUT_ONE_TRAIN, Types.MODES, 0, 0, 0, 0L);
        }

        /** A copy with other types. */
        public Options withTypes(Types t) {
            return new Options(protocol, t, sourceNegativesPerPositive, trainNegativesPerPositive,
                    testNegativesPerPositive, sourceSeed);
        }

        /** A copy with another number of test negatives per positive (0 keeps all). */
        public Options withTestNegativesPerPositive(double r) {
            return new Options(protocol, types, sourceNegativesPerPositive, trainNegativesPerPositive, r, sourceSeed);
        }
    }

    /** The target fold seed {@code k} uses: {@code (k mod folds) + 1}. */
    public static int foldForSeed(long seed, int folds) {
        return (int) Math.floorMod(seed, (long) folds) + 1;
    }

    /** The source world of a pair: all folds, negatives drawn as the options say. */
    public static RelationalDataset standardSource(Path relationalRoot, RelationalPair pair, Options options) {
        BoostSrlFolds sf = BoostSrlFolds.open(relationalRoot.resolve(pair.sourceDataset()));
        return sample(sf.readAll(pair.sourcePredicate()), options.sourceNegativesPerPositive(), options.sourceSeed());
    }

    /**
     * The standard problem of a pair for a seed (see the class comment).
     *
     * @param relationalRoot the directory holding {@code <dataset>/fold_K/…}, e.g. {@code ../shared/data/relational}
     * @param pair           the pair
     * @param seed           the run's seed: picks the target fold and seeds the target draws
     * @param options        the sampling options
     */
    public static RelationalTransferProblem standard(Path relationalRoot, RelationalPair pair, long seed,
                                                     Options options) {
        return standard(relationalRoot, pair, seed, options, standardSource(relationalRoot, pair, options));
    }

    /** As {@link #standard(Path, RelationalPair, long, Options)}, with the source world already read. */
    public static RelationalTransferProblem standard(Path relationalRoot, RelationalPair pair, long seed,
                                                     Options options, RelationalDataset source) {
        BoostSrlFolds tf = BoostSrlFolds.open(relationalRoot.resolve(pair.targetDataset()));
        int fold = foldForSeed(seed, tf.folds());
        SplittableRandom rng = new SplittableRandom(seed);
        long trainSeed = rng.nextLong();
        long testSeed = rng.nextLong();
        boolean oneFold = options.protocol() == Protocol.ONE_FOLD_TRAIN;
        RelationalDataset trainAll = tf.read(fold, oneFold ? BoostSrlFolds.Part.TEST : BoostSrlFolds.Part.TRAIN,
                pair.targetPredicate());
        RelationalDataset testAll = tf.read(fold, oneFold ? BoostSrlFolds.Part.TRAIN : BoostSrlFolds.Part.TEST,
                pair.targetPredicate());
        RelationalDataset train = sample(trainAll, options.trainNegativesPerPositive(), trainSeed);
        RelationalDataset test = sample(testAll, options.testNegativesPerPositive(), testSeed);
        Schema sourceSchema = DomainSchemas.schema(pair.sourceDataset(), options.types(),
                DomainSchemas.factsAndPositives(List.of(source)));
        // Inferred target types may use the test world's facts (evidence) but not its labels.
        List<GroundAtom> targetEvidence = DomainSchemas.factsAndPositives(List.of(train));
        targetEvidence.addAll(testAll.facts());
        Schema targetSchema = DomainSchemas.schema(pair.targetDataset(), options.types(), targetEvidence);
        String description = pair.title() + ". Source: " + RelationalPair.display(pair.sourceDataset())
                + ", all folds (" + source.positives().size() + " positives, " + source.negatives().size()
                + " negatives). Target: " + RelationalPair.display(pair.targetDataset()) + ", " + tf.folds()
                + " folds, " + (oneFold ? "trained on one fold and tested on the others (TreeBoostler's protocol)"
                : "trained on all folds but one and tested on that one (cross-validation)")
                + "; seed k uses fold (k mod " + tf.folds() + ") + 1; this draw: fold " + fold + ", "
                + train.positives().size() + " positives and " + train.negatives().size() + " negatives to train, "
                + test.positives().size() + " and " + test.negatives().size() + " to test. Types from "
                + options.types().name().toLowerCase(java.util.Locale.ROOT) + ".";
        return new RelationalTransferProblem(pair.name(), description, pair.sourceDataset(), source, sourceSchema,
                pair.targetDataset(), train, test, targetSchema, fold);
    }

    private static RelationalDataset sample(RelationalDataset d, double perPositive, long seed) {
        return perPositive > 0 ? d.withNegativesSampled(perPositive, seed) : d;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String dataKind() {
        return DATA_KIND;
    }

    /**
     * AUC-ROC (primary) and AUC-PR (Davis–Goadrich interpolation) of the class {@code "true"}, and the conditional
     * log-likelihood of the true labels (BoostSRL's rule for a probability of exactly 0): what the relational
     * literature (RDN-Boost, TreeBoostler) reports.
     */
    @Override
    public List<Metric> metrics() {
        return List.of(Metrics.aucRoc(TRUE.getLabel()), Metrics.aucPr(TRUE.getLabel()), Metrics.CLL);
    }

    @Override
    public OutputFactory<Label> outputFactory() {
        return new LabelFactory();
    }

    @Override
    public Setting setting() {
        return Setting.INDUCTIVE;
    }

    @Override
    public List<String> sourceNames() {
        return List.of(sourceName);
    }

    @Override
    public String targetName() {
        return targetName;
    }

    /** The labels of {@link #testQueries()}. */
    @Override
    public List<Label> targetTestTruth() {
        return testTruth;
    }

    /**
     * The target test queries (the test world's positive and negative examples) in a label-free order: sorted by
     * predicate, then argument by argument. Predictions are made in this order.
     */
    public List<GroundAtom> testQueries() {
        return testQueries;
    }

    /**
     * The probability {@code model} gives each of {@link #testQueries()} given the test world's facts, in that
     * order (the order of {@link #targetTestLabels()}).
     */
    public double[] testProbabilities(RelationalModel model) {
        if (!model.target().equals(targetTest.target())) {
            throw new IllegalArgumentException("A model of '" + model.target() + "' cannot answer the queries of '"
                    + targetTest.target() + "' in " + name);
        }
        return model.probabilities(targetTest.store(), testQueries);
    }

    @Override
    public Map<String, Provenance> domainProvenance() {
        Map<String, Provenance> m = new LinkedHashMap<>();
        m.put("source.0.name", new StringProvenance("source.0.name", sourceName));
        m.put("source.0", provenance(source));
        m.put("target.name", new StringProvenance("target.name", targetName));
        m.put("target-train", provenance(targetTrain));
        m.put("target-test", provenance(targetTest));
        return m;
    }

    private static MapProvenance<StringProvenance> provenance(RelationalDataset d) {
        Map<String, StringProvenance> p = new LinkedHashMap<>();
        p.put("name", new StringProvenance("name", d.name()));
        p.put("target", new StringProvenance("target", d.target()));
        p.put("facts", new StringProvenance("facts", Integer.toString(d.facts().size())));
        p.put("positives", new StringProvenance("positives", Integer.toString(d.positives().size())));
        p.put("negatives", new StringProvenance("negatives", Integer.toString(d.negatives().size())));
        int i = 0;
        for (String note : d.notes()) {
            String k = "note." + i++;
            p.put(k, new StringProvenance(k, note));
        }
        return new MapProvenance<>(p);
    }

    /** The source world and examples. */
    public RelationalDataset source() {
        return source;
    }

    /** The source's typed predicates. */
    public Schema sourceSchema() {
        return sourceSchema;
    }

    /** The target world and examples to learn from. */
    public RelationalDataset targetTrain() {
        return targetTrain;
    }

    /** The held-out target world and labelled queries. */
    public RelationalDataset targetTest() {
        return targetTest;
    }

    /** The target's typed predicates. */
    public Schema targetSchema() {
        return targetSchema;
    }

    /** The target training fold (1-based), 0 when not from folds. */
    public int fold() {
        return fold;
    }

    /** The labels of the test queries as booleans, in the order of {@link #testQueries()}. */
    public boolean[] targetTestLabels() {
        return testLabels.clone();
    }

    @Override
    public String toString() {
        return "RelationalTransferProblem(" + name + ", fold " + fold + ": " + description + ")";
    }
}
