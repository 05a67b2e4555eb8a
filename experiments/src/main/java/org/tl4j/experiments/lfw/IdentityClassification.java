package org.tl4j.experiments.lfw;

import org.apache.commons.rng.UniformRandomProvider;
import org.tl4j.core.learn.Seeds;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.ImageTransferModel;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.backbone.LabelledImage;
import org.tl4j.feature.deep.PretrainedEmbeddingStrategy;
import org.tl4j.backbone.PretrainedSource;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tl4j.datasets.lfw.LfwDataset;

/**
 * Identity classification on LFW as in FaceNet's "train a classifier on your own images" (D. Sandberg's
 * {@code classifier.py}): the people with at least {@code minImages} images, each person's images shuffled with a
 * seed and split into {@code trainPerPerson} training images and the rest for testing; a linear classifier is
 * trained on the frozen embeddings of the training images (the white paper's "single classification layer") and
 * judged on the test images. The whole path runs through {@link PretrainedEmbeddingStrategy}.
 */
public final class IdentityClassification {

    /**
     * A per-person split.
     *
     * @param train  training images
     * @param test   test images
     * @param people number of people
     */
    public record Split(List<LabelledImage> train, List<LabelledImage> test, int people) {
    }

    /**
     * One classifier's result.
     *
     * @param learner      the inner learner's name, e.g. {@code logistic}
     * @param accuracy     test accuracy
     * @param trainSeconds wall time of training the classifier (embedding excluded)
     * @param people       classes
     * @param trainImages  training images
     * @param testImages   test images
     */
    public record Result(String learner, double accuracy, double trainSeconds, int people, int trainImages,
                         int testImages) {
    }

    private IdentityClassification() {
    }

    /**
     * Splits the people with at least {@code minImages} images.
     *
     * @throws IllegalArgumentException if {@code trainPerPerson} leaves no test image or no one qualifies
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

    /** The image task of a split with {@code source} as the source knowledge. */
    public static ImageTransferTask task(LfwDataset data, Split split, int minImages, PretrainedSource source) {
        return new ImageTransferTask("lfw-identities-" + minImages, "LFW identities with at least " + minImages
                + " images: " + split.people() + " people, " + split.train().size() + " training and "
                + split.test().size() + " test images", source, data.images(), "lfw", split.train(), split.test());
    }

    /**
     * Fits {@code pretrained-embedding} with {@code inner} on {@code task} and scores its test predictions.
     */
    public static Result run(ImageTransferTask task, String learnerName, Trainer<Label> inner, EmbedderSettings settings,
                             long seed) {
        PretrainedEmbeddingStrategy s = new PretrainedEmbeddingStrategy(inner, settings);
        ImageTransferModel m = (ImageTransferModel) s.fit(task, seed);
        List<Prediction<Label>> p = m.predictTargetTest(task);
        List<Label> truth = task.targetTestTruth();
        int correct = 0;
        for (int i = 0; i < p.size(); i++) {
            correct += p.get(i).getOutput().getLabel().equals(truth.get(i).getLabel()) ? 1 : 0;
        }
        return new Result(learnerName, (double) correct / p.size(), m.innerTrainSeconds(),
                (int) task.train().stream().map(i -> i.label().getLabel()).distinct().count(), task.train().size(),
                task.test().size());
    }
}
