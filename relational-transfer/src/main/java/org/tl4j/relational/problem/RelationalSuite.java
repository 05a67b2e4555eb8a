package org.tl4j.relational.problem;

import org.tl4j.core.TransferProblem;
import org.tl4j.core.eval.RequestException;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.core.suite.SuiteProvider;
import org.tl4j.relational.data.BoostSrlFolds;
import org.tl4j.relational.data.RelationalDataset;
import org.tl4j.relational.problem.RelationalTransferProblem.Options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * {@code relational}: the six pairs of TreeBoostler's comparison (Azevedo Santos, Paes &amp; Zaverucha, MLJ 2020) —
 * IMDB→UW-CSE, UW-CSE→IMDB, IMDB→Cora, Cora→IMDB, Yeast→Twitter, Twitter→Yeast ({@link RelationalPair#standard()})
 * — through the same harness as every other suite: the transfer strategies ({@code treeboostler},
 * {@code treeboostler-no-revision} by default) beside the relational baselines {@code rdn-boost} (target-only) and
 * {@code mapped-source} (source-only), judged on AUC-ROC, AUC-PR and CLL.
 * <p>
 * <b>Seeds are target folds.</b> Seed {@code k} trains on target fold {@code k + 1}
 * ({@link RelationalTransferProblem#standard}); the source model is learned once per pair on all the source data.
 * A pair has as many runs as its target has folds: seeds at or beyond that number skip the pair (with a warning),
 * since they could only repeat a fold — under cross-validation exactly, under TreeBoostler's protocol up to a new draw
 * of negatives — and repeats would pass for independent evidence in the paired test. With {@code --seeds 5}, the
 * pairs into UW-CSE, IMDB and Cora run 5 folds, Twitter→Yeast 4 and Yeast→Twitter 2. A seed no chosen pair has a fold
 * for is a usage error.
 * <p>
 * Parameters ({@code tl run --param KEY=VALUE}): {@code protocol} ({@code treeboostler}: train on one fold, test on
 * the others, one negative per positive everywhere — the default; {@code cross-validation}: train on all folds but
 * one, test on that one with all its negatives), {@code pairs} (comma-separated, e.g.
 * {@code imdb->uwcse,uwcse->imdb}; default all six), {@code types} ({@code modes}: TreeBoostler's mode declarations,
 * the default; {@code inferred}: from shared constants) and {@code relational} (the folder holding
 * {@code uwcse/}, {@code imdb/}, …; default {@code <data>/data/relational}).
 */
public final class RelationalSuite implements SuiteProvider {
    private static final Logger logger = Logger.getLogger(RelationalSuite.class.getName());

    /** The suite's name. */
    public static final String NAME = "relational";
    /** Parameters this suite reads. */
    public static final Set<String> PARAMETERS = Set.of("protocol", "pairs", "types", "relational");
    /** Where the data are under the shared folder. */
    public static final String DATA = "data/relational";

    /** Source worlds read once per folder, pair and options. */
    private final Map<String, RelationalDataset> sources = new ConcurrentHashMap<>();
    private final Map<Path, Integer> folds = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Relational transfer, TreeBoostler's six pairs (IMDB<->UW-CSE, IMDB<->Cora, Yeast<->Twitter); seed k = "
                + "target fold k+1 (data: <data>/" + DATA + ")";
    }

    @Override
    public List<String> defaultStrategies() {
        return List.of("treeboostler", "treeboostler-no-revision");
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("protocol", "treeboostler (train on one target fold, test on the others; default) or cross-validation "
                + "(train on all folds but one, test on it)");
        m.put("pairs", "comma-separated pairs, e.g. imdb->uwcse (default: the six standard pairs)");
        m.put("types", "modes (TreeBoostler's mode declarations; default) or inferred (types from shared constants)");
        m.put("relational", "folder holding the data sets (default <data>/" + DATA + ")");
        return m;
    }

    /** Every file of the data sets the chosen pairs read, sorted: what {@code --resume} checksums. */
    @Override
    public List<Path> dataFiles(SuiteContext context) {
        Path root = context.parameters().containsKey("relational") ? Path.of(context.parameter("relational", ""))
                : context.require(DATA, "The relational data (BoostSRL folds of uwcse, imdb, cora, yeast, twitter)");
        java.util.TreeSet<String> datasets = new java.util.TreeSet<>();
        for (RelationalPair pair : pairs(context.parameter("pairs", ""))) {
            datasets.add(pair.sourceDataset());
            datasets.add(pair.targetDataset());
        }
        List<Path> files = new ArrayList<>();
        for (String d : datasets) {
            Path dir = root.resolve(d);
            if (!Files.isDirectory(dir)) {
                continue; // tasks() names the missing data set with the fix
            }
            try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot list the relational data in " + dir, e);
            }
        }
        return files;
    }

    @Override
    public List<? extends TransferProblem<?>> tasks(SuiteContext context, long seed) {
        for (String k : context.parameters().keySet()) {
            if (!PARAMETERS.contains(k)) {
                throw new RequestException("Suite '" + NAME + "' has no parameter '" + k + "'; it reads "
                        + String.join(", ", PARAMETERS.stream().sorted().toList()));
            }
        }
        Options options = options(context);
        List<RelationalPair> pairs = pairs(context.parameter("pairs", ""));
        if (seed < 0) {
            throw new RequestException("Suite '" + NAME + "' uses seed k for target fold k+1: seed " + seed
                    + " names no fold");
        }
        Path root = context.parameters().containsKey("relational") ? Path.of(context.parameter("relational", ""))
                : context.require(DATA, "The relational data (BoostSRL folds of uwcse, imdb, cora, yeast, twitter)");
        List<TransferProblem<?>> tasks = new ArrayList<>();
        List<String> beyond = new ArrayList<>();
        for (RelationalPair pair : pairs) {
            for (String dataset : List.of(pair.sourceDataset(), pair.targetDataset())) {
                if (!Files.isDirectory(root.resolve(dataset))) {
                    throw new IllegalArgumentException("Relational data set '" + dataset + "' not found at "
                            + root.resolve(dataset).toAbsolutePath().normalize() + ": pass --data DIR (the folder "
                            + "holding " + DATA + "/), --param relational=DIR, or leave " + dataset + " out with "
                            + "--param pairs=...");
                }
            }
            Path target = root.resolve(pair.targetDataset()).toAbsolutePath().normalize();
            int n = folds.computeIfAbsent(target, t -> BoostSrlFolds.open(t).folds());
            if (seed >= n) {
                beyond.add(pair.name() + " (" + n + " folds)");
                if (warned.add(pair.name() + "\u0000" + seed)) {
                    logger.warning("Suite " + NAME + ": " + pair.name() + " has " + n + " target folds, so seed "
                            + seed + " skips it (seed k trains on fold k+1; a repeated fold would pass for new "
                            + "evidence)");
                }
                continue;
            }
            String key = root.toAbsolutePath().normalize() + "\u0000" + pair.name() + "\u0000" + options;
            RelationalDataset source = sources.computeIfAbsent(key,
                    k -> RelationalTransferProblem.standardSource(root, pair, options));
            tasks.add(RelationalTransferProblem.standard(root, pair, seed, options, source));
        }
        if (tasks.isEmpty()) {
            throw new RequestException("Suite '" + NAME + "': seed " + seed + " is beyond the target folds of every "
                    + "chosen pair (" + String.join(", ", beyond) + "); seed k trains on fold k+1, so run fewer "
                    + "--seeds");
        }
        return tasks;
    }

    private static Options options(SuiteContext context) {
        String protocol = context.parameter("protocol", "treeboostler").strip().toLowerCase(Locale.ROOT);
        Options o = switch (protocol) {
            case "treeboostler", "one-fold" -> Options.treeBoostler();
            case "cross-validation" -> Options.crossValidation();
            default -> throw new RequestException("Invalid value for suite parameter 'protocol': '" + protocol
                    + "' (expected treeboostler or cross-validation)");
        };
        String types = context.parameter("types", "modes").strip().toUpperCase(Locale.ROOT);
        try {
            return o.withTypes(DomainSchemas.Types.valueOf(types));
        } catch (IllegalArgumentException e) {
            throw new RequestException("Invalid value for suite parameter 'types': '" + types.toLowerCase(Locale.ROOT)
                    + "' (expected modes or inferred)");
        }
    }

    private static List<RelationalPair> pairs(String text) {
        if (text.isBlank()) {
            return RelationalPair.standard();
        }
        Set<RelationalPair> out = new LinkedHashSet<>();
        for (String name : text.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                if (!out.add(RelationalPair.parse(name))) {
                    throw new RequestException("Suite parameter 'pairs' names " + name.strip() + " twice");
                }
            } catch (RequestException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new RequestException("Invalid value for suite parameter 'pairs': " + e.getMessage());
            }
        }
        if (out.isEmpty()) {
            throw new RequestException("Suite parameter 'pairs' names no pair");
        }
        return List.copyOf(out);
    }
}
