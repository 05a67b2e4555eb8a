package org.tl4j.experiments.lfw;

import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.ImageTransferModel;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.feature.deep.PretrainedEmbeddingStrategy;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

import java.util.List;
import org.tl4j.datasets.lfw.LfwIdentities;

/**
 * Identity classification on LFW as in FaceNet's "train a classifier on your own images" (D. Sandberg's
 * {@code classifier.py}): the people with at least {@code minImages} images, each person's images shuffled with a
 * seed and split into {@code trainPerPerson} training images and the rest for testing; a linear classifier is
 * trained on the frozen embeddings of the training images (the white paper's "single classification layer") and
 * judged on the test images ({@link LfwIdentities} draws the split and the task). The whole path runs through
 * {@link PretrainedEmbeddingStrategy}.
 */
public final class IdentityClassification {

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
