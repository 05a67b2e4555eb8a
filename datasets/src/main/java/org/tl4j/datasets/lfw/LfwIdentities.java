package org.tl4j.datasets.lfw;

import org.apache.commons.rng.UniformRandomProvider;
import org.tl4j.backbone.BuiltInModels;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.backbone.LabelledImage;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.core.NamedProviders;
import org.tl4j.core.eval.RequestException;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.suite.SuiteContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Identity classification on LFW as in FaceNet's "train a classifier on your own images" (D. Sandberg's
 * {@code classifier.py}): the people with at least {@code minImages} images, each person's images shuffled with a
 * seed and split into {@code trainPerPerson} training images and the rest for testing. Shared by {@code tl lfw}'s
 * classification protocol and the {@code lfw-identities} suite.
 */
public final class LfwIdentities {

    /**
     * A per-person split.
     *
     * @param train  training images
     * @param test   test images
     * @param people number of people
     */
    public record Split(List<LabelledImage> train, List<LabelledImage> test, int people) {
        /** Copies. */
        public Split {
            train = List.copyOf(train);
            test = List.copyOf(test);
        }
    }

    private LfwIdentities() {
    }

    /**
     * Splits the people with at least {@code minImages} images.
     *
     * @throws IllegalArgumentException if {@code trainPerPerson} leaves no test image or fewer than two people qualify
     */
    public static Split split(LfwDataset data, int minImages, int trainPerPerson, long seed) {
        if (trainPerPerson < 1 || trainPerPerson >= minImages) {
            throw new IllegalArgumentException("Invalid split: " + trainPerPerson + " training images per person with at "
                    + "least " + minImages + " images each; need 1 <= train-per-person < min-images so every person "
                    + "keeps a test image");
        }
        List<LabelledImage> train = new ArrayList<>();
        List<LabelledImage> test = new ArrayList<>();
        int people = 0;
        for (Map.Entry<String, List<String>> e : data.imagesByPerson().entrySet()) {
            if (e.getValue().size() < minImages) {
                continue;
            }
            people++;
            List<String> keys = new ArrayList<>(e.getValue());
            UniformRandomProvider rng = Seeds.rng(Seeds.derive(seed, "lfw-split:" + e.getKey()));
            for (int i = keys.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                String t = keys.get(i);
                keys.set(i, keys.get(j));
                keys.set(j, t);
            }
            for (int i = 0; i < keys.size(); i++) {
                (i < trainPerPerson ? train : test).add(LabelledImage.of(keys.get(i), e.getKey()));
            }
        }
        if (people < 2) {
            throw new IllegalArgumentException("Only " + people + " people have at least " + minImages + " images: "
                    + "classification needs two or more; lower --min-images");
        }
        return new Split(train, test, people);
    }

    /** The image task of a split with {@code source} as the source knowledge, named {@code lfw-identities-<min>}. */
    public static ImageTransferTask task(LfwDataset data, Split split, int minImages, PretrainedSource source) {
        return task("lfw-identities-" + minImages, data, split, minImages, source);
    }

    /** The image task of a split with {@code source} as the source knowledge, named {@code name}. */
    public static ImageTransferTask task(String name, LfwDataset data, Split split, int minImages,
                                         PretrainedSource source) {
        return new ImageTransferTask(name, "LFW identities with at least " + minImages + " images: " + split.people()
                + " people, " + split.train().size() + " training and " + split.test().size() + " test images; source "
                + source.name(), source, data.images(), "lfw", split.train(), split.test());
    }

    /**
     * The files an LFW identity suite reads, for the run's data identity: every regular file of an extracted LFW
     * folder (sorted) or the archive itself, then the file of each built-in model named.
     *
     * @param lfw     the LFW archive or extracted folder
     * @param context the suite context (resolves {@code models/face})
     * @param models  built-in model names
     */
    public static List<Path> dataFiles(Path lfw, SuiteContext context, List<String> models) {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(lfw)) {
            try (Stream<Path> walk = Files.walk(lfw)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the LFW folder " + lfw + ": " + e.getMessage(), e);
            }
        } else {
            files.add(lfw);
        }
        Path folder = context.require("models/face", "The pretrained face models folder");
        for (String m : models) {
            files.add(BuiltInModels.file(m, folder));
        }
        return files;
    }

    /** The LFW archive or folder a suite reads: its {@code lfw} parameter, else {@code <data>/data/lfw/lfw-gray.tgz}. */
    public static Path archive(SuiteContext context) {
        return context.parameters().containsKey("lfw") ? Path.of(context.parameter("lfw", ""))
                : context.require("data/lfw/lfw-gray.tgz", "The LFW archive");
    }

    /**
     * The built-in face networks a suite's {@code models} parameter names (default {@code mobilefacenet-512d}).
     *
     * @param suite the suite's name, for messages
     * @throws RequestException naming an unknown model (with the closest names) or an empty list
     */
    public static List<String> modelNames(String suite, SuiteContext context) {
        List<String> names = new ArrayList<>();
        for (String model : context.parameter("models", "mobilefacenet-512d").split(",")) {
            String m = model.trim();
            if (m.isEmpty()) {
                continue;
            }
            if (!BuiltInModels.contains(m)) {
                List<String> close = NamedProviders.closest(m, BuiltInModels.names());
                throw new RequestException("Suite '" + suite + "': parameter models names an unknown model '" + m
                        + "'" + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                        + " Built-in: " + String.join(", ", BuiltInModels.names()));
            }
            names.add(m);
        }
        if (names.isEmpty()) {
            throw new RequestException("Suite '" + suite + "': parameter models names no model");
        }
        return names;
    }
}
