package org.tl4j.datasets.lfw;

import org.apache.commons.rng.UniformRandomProvider;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.backbone.LabelledImage;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.eval.RequestException;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.core.suite.SuiteProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code lfw-few-shot}: few-shot face identification with a labelled source task, for parameter transfer. The
 * <b>source</b> task is the LFW people with at least {@code source-min} images (20 by default: 62 people, 3,023
 * images), every image labelled; the <b>target</b> task is disjoint: the people with at least {@code target-min} and
 * fewer than {@code source-min} images (11–19 by default: 81 people). Each target person's images are shuffled with
 * the seed; the first {@code max(shots)} form a training pool and the rest the test set (341 images by default), the
 * same for every shot count; the task with {@code k} shots trains on the first {@code k} of each pool. One task per
 * shot count ({@code shots}, default {@code 1,2,5,10}) and source network ({@code models}), named
 * {@code lfw-<k>shot@<model>}.
 * <p>
 * Rows it is built for: {@code pretrained-embedding} (frozen network + new classifier), the head and backbone-tail
 * fine-tunes with and without progressive unfreezing, and the no-source baseline {@code pixels}. The pretrained
 * networks were trained on MS-Celeb-1M, which likely holds some LFW identities; both the source and the target people
 * may therefore be familiar to the frozen network — the comparison between the rows is fair, the absolute accuracy
 * optimistic. Parameters ({@code tl run --param KEY=VALUE}): {@code shots}, {@code source-min}, {@code target-min},
 * {@code models}, {@code lfw} (default {@code <data>/data/lfw/lfw-gray.tgz}). Embeddings and trunk features are
 * cached under {@code results/embedding-cache} ({@code -o cacheDir=DIR}).
 */
public final class LfwFewShotSuite implements SuiteProvider {

    /** Parameters this suite reads. */
    public static final Set<String> PARAMETERS = Set.of("shots", "source-min", "target-min", "models", "lfw");

    private final Map<String, LfwDataset> datasets = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "lfw-few-shot";
    }

    @Override
    public String description() {
        return "LFW few-shot identities with a labelled source task: source = people with >= 20 images, target = "
                + "disjoint people with 11-19 images, 1/2/5/10 training images each (data: <data>/data/lfw, "
                + "<data>/models/face)";
    }

    /**
     * The split of one seed.
     *
     * @param source the labelled source images
     * @param pools  each target person's training pool, in drawn order
     * @param test   the target test images
     */
    public record Split(List<LabelledImage> source, Map<String, List<String>> pools, List<LabelledImage> test) {
        /** The first {@code k} images of every pool. */
        public List<LabelledImage> train(int k) {
            List<LabelledImage> out = new ArrayList<>();
            pools.forEach((person, keys) -> {
                for (int i = 0; i < k; i++) {
                    out.add(LabelledImage.of(keys.get(i), person));
                }
            });
            return out;
        }
    }

    /**
     * Splits {@code data}.
     *
     * @throws IllegalArgumentException if the thresholds leave no test image or fewer than two people on a side
     */
    public static Split split(LfwDataset data, int sourceMin, int targetMin, int maxShots, long seed) {
        if (maxShots >= targetMin || targetMin >= sourceMin || maxShots < 1) {
            throw new IllegalArgumentException("Invalid few-shot split: " + maxShots + " shots, target people with "
                    + targetMin + ".." + (sourceMin - 1) + " images, source people with >= " + sourceMin + "; need "
                    + "1 <= shots < target-min < source-min so every target person keeps a test image");
        }
        List<LabelledImage> source = new ArrayList<>();
        Map<String, List<String>> pools = new LinkedHashMap<>();
        List<LabelledImage> test = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : data.imagesByPerson().entrySet()) {
            int n = e.getValue().size();
            if (n >= sourceMin) {
                for (String k : e.getValue()) {
                    source.add(LabelledImage.of(k, e.getKey()));
                }
            } else if (n >= targetMin) {
                List<String> keys = new ArrayList<>(e.getValue());
                UniformRandomProvider rng = Seeds.rng(Seeds.derive(seed, "lfw-few-shot:" + e.getKey()));
                for (int i = keys.size() - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    String t = keys.get(i);
                    keys.set(i, keys.get(j));
                    keys.set(j, t);
                }
                pools.put(e.getKey(), List.copyOf(keys.subList(0, maxShots)));
                for (String k : keys.subList(maxShots, keys.size())) {
                    test.add(LabelledImage.of(k, e.getKey()));
                }
            }
        }
        if (pools.size() < 2 || new TreeSet<>(source.stream().map(i -> i.label().getLabel()).toList()).size() < 2) {
            throw new IllegalArgumentException("The few-shot split needs two or more source and target people; got "
                    + pools.size() + " target people: adjust source-min / target-min");
        }
        return new Split(source, pools, test);
    }

    @Override
    public List<? extends TransferProblem<?>> tasks(SuiteContext context, long seed) {
        for (String k : context.parameters().keySet()) {
            if (!PARAMETERS.contains(k)) {
                throw new RequestException("Suite '" + name() + "' has no parameter '" + k + "'; it reads "
                        + String.join(", ", PARAMETERS.stream().sorted().toList()));
            }
        }
        List<Integer> shots = new ArrayList<>();
        for (String s : context.parameter("shots", "1,2,5,10").split(",")) {
            if (!s.isBlank()) {
                shots.add(positive(s.trim(), "shots"));
            }
        }
        if (shots.isEmpty()) {
            throw new RequestException("Suite '" + name() + "': parameter shots names no value");
        }
        int sourceMin = positive(context.parameter("source-min", "20"), "source-min");
        int targetMin = positive(context.parameter("target-min", "11"), "target-min");
        Path lfw = LfwIdentities.archive(context);
        Path models = context.require("models/face", "The pretrained face models folder");
        LfwDataset data = datasets.computeIfAbsent(lfw.toAbsolutePath().normalize().toString(), k -> {
            try {
                return LfwDataset.open(lfw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        int max = shots.stream().mapToInt(Integer::intValue).max().orElseThrow();
        Split split = split(data, sourceMin, targetMin, max, seed);
        List<TransferProblem<?>> tasks = new ArrayList<>();
        for (String m : LfwIdentities.modelNames(name(), context)) {
            PretrainedSource src;
            try {
                src = PretrainedSource.builtIn(m, models);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the model '" + m + "' from " + models, e);
            }
            for (int k : shots) {
                List<LabelledImage> train = split.train(k);
                tasks.add(new ImageTransferTask("lfw-" + k + "shot@" + m, "LFW few-shot: " + split.pools().size()
                        + " target people with " + k + " training image(s) each, " + split.test().size()
                        + " test images; source task " + split.source().size() + " images of people with >= "
                        + sourceMin + " images; network " + src.name(), src, data.images(), "lfw-target", train,
                        split.test(), split.source()));
            }
        }
        if (tasks.isEmpty()) {
            throw new RequestException("Suite '" + name() + "': parameter models names no model");
        }
        return tasks;
    }

    /** The LFW archive (or folder) and every model file the tasks read. */
    @Override
    public List<Path> dataFiles(SuiteContext context) {
        return LfwIdentities.dataFiles(LfwIdentities.archive(context), context, LfwIdentities.modelNames(name(), context));
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("shots", "training images per target person, comma-separated (default 1,2,5,10)");
        m.put("source-min", "source people have at least this many images (default 20)");
        m.put("target-min", "target people have at least this many images and fewer than source-min (default 11)");
        m.put("models", "built-in face networks, comma-separated (default mobilefacenet-512d)");
        m.put("lfw", "the LFW archive or extracted folder (default <data>/data/lfw/lfw-gray.tgz)");
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public Map<String, Map<String, String>> defaultOptions() {
        return Map.of("*", Map.of("cacheDir", LfwIdentitySuite.DEFAULT_CACHE));
    }

    @Override
    public List<String> defaultStrategies() {
        return List.of("pretrained-embedding", "fine-tune-head", "fine-tune-head-progressive", "fine-tune-tail",
                "fine-tune-tail-progressive");
    }

    private int positive(String v, String key) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new RequestException("Suite '" + name() + "': parameter " + key + "=" + v
                + " must be a positive integer");
    }
}
