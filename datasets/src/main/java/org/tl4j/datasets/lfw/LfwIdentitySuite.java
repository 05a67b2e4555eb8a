package org.tl4j.datasets.lfw;

import org.tl4j.backbone.PretrainedSource;
import org.tl4j.core.NamedProviders;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.eval.RequestException;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.core.suite.SuiteProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code lfw-identities}: few-shot face identification on LFW through the same harness as every other suite. The
 * people with at least {@code min-images} images (20 by default: 62 people), {@code shots} training images per
 * person (5 by default) drawn with each seed, the rest for testing; one task per source network: each pretrained
 * model named by {@code models} ({@code mobilefacenet-512d} by default, from {@code <data>/models/face}) and, unless
 * {@code random-control=false}, the same network with seeded random weights ({@code random:<model>}, seed 0),
 * whose embeddings carry no learned knowledge. {@code pretrained-embedding} runs against the image kind's
 * target-only baseline ({@code pixels}: the same crops as raw grey pixels, no source), so the report gives its
 * negative transfer gap and verdict; on the random network it is expected to be flagged.
 * <p>
 * Parameters ({@code tl run --param KEY=VALUE}): {@code shots}, {@code min-images}, {@code models} (comma-separated
 * built-in names), {@code random-control}, {@code lfw} (archive or folder; default
 * {@code <data>/data/lfw/lfw-gray.tgz}). Embeddings are cached under {@code results/embedding-cache} (the cache of
 * {@code tl lfw}; {@code -o cacheDir=DIR} to move it), so every image is embedded once per network across seeds.
 */
public final class LfwIdentitySuite implements SuiteProvider {

    /** Parameters this suite reads, with their descriptions. */
    private static final Map<String, String> PARAMETER_HELP = parameterHelp();
    /** Parameters this suite reads. */
    public static final Set<String> PARAMETERS = PARAMETER_HELP.keySet();
    /** Default training images per person. */
    public static final int DEFAULT_SHOTS = 5;
    /** Default least number of images a person needs. */
    public static final int DEFAULT_MIN_IMAGES = 20;
    /** Default embedding cache, shared with {@code tl lfw}. */
    public static final String DEFAULT_CACHE = "results/embedding-cache";

    private final Map<String, LfwDataset> datasets = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "lfw-identities";
    }

    @Override
    public String description() {
        return "LFW few-shot identities (>= 20 images, 5 shots per person), pretrained face networks vs the pixels "
                + "baseline and a random-weights control (data: <data>/data/lfw, <data>/models/face)";
    }

    @Override
    public List<? extends TransferProblem<?>> tasks(SuiteContext context, long seed) {
        for (String k : context.parameters().keySet()) {
            if (!PARAMETERS.contains(k)) {
                List<String> close = NamedProviders.closest(k, PARAMETERS);
                throw new RequestException("Suite '" + name() + "' has no parameter '" + k + "'"
                        + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?") + " It reads "
                        + String.join(", ", PARAMETERS));
            }
        }
        int shots = positive(context, "shots", DEFAULT_SHOTS);
        int minImages = positive(context, "min-images", DEFAULT_MIN_IMAGES);
        boolean random = bool(context.parameter("random-control", "true"));
        Path lfw = LfwIdentities.archive(context);
        Path models = context.require("models/face", "The pretrained face models folder");
        LfwDataset data = datasets.computeIfAbsent(lfw.toAbsolutePath().normalize().toString(), k -> {
            try {
                return LfwDataset.open(lfw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        LfwIdentities.Split split = LfwIdentities.split(data, minImages, shots, seed);
        List<TransferProblem<?>> tasks = new ArrayList<>();
        String base = "lfw-" + shots + "shot";
        for (String m : LfwIdentities.modelNames(name(), context)) {
            try {
                PretrainedSource src = PretrainedSource.builtIn(m, models);
                tasks.add(LfwIdentities.task(base + "@" + m, data, split, minImages, src));
                if (random) {
                    PretrainedSource r = src.randomlyInitialised(0);
                    tasks.add(LfwIdentities.task(base + "@" + r.name(), data, split, minImages, r));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the model '" + m + "' from " + models, e);
            }
        }
        return tasks;
    }

    /** The archive (or folder) of images and every model file the tasks read. */
    @Override
    public List<Path> dataFiles(SuiteContext context) {
        return LfwIdentities.dataFiles(LfwIdentities.archive(context), context, LfwIdentities.modelNames(name(), context));
    }

    @Override
    public Map<String, String> parameters() {
        return PARAMETER_HELP;
    }

    private static Map<String, String> parameterHelp() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("shots", "training images per person, drawn with each seed (default " + DEFAULT_SHOTS + ")");
        m.put("min-images", "people with at least this many images take part (default " + DEFAULT_MIN_IMAGES + ")");
        m.put("models", "built-in face networks, comma-separated (default mobilefacenet-512d)");
        m.put("random-control", "also run each network with seeded random weights: true or false (default true)");
        m.put("lfw", "the LFW archive or extracted folder (default <data>/data/lfw/lfw-gray.tgz)");
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public Map<String, Map<String, String>> defaultOptions() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        m.put("*", Map.of("cacheDir", DEFAULT_CACHE));
        return m;
    }

    @Override
    public List<String> defaultStrategies() {
        return List.of("pretrained-embedding");
    }

    private int positive(SuiteContext c, String key, int fallback) {
        String v = c.parameter(key, Integer.toString(fallback));
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

    private boolean bool(String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new RequestException("Suite '" + name() + "': parameter random-control=" + v
                    + " must be true or false");
        };
    }
}
