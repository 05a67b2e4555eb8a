package org.tl4j.experiments.cli;

import org.tribuo.classification.LabelFactory;
import org.tl4j.core.learn.InnerLearners;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * The options of LFW's protocols shared by {@code tl lfw} and {@code tl spark lfw} (a picocli mixin), with their
 * checks: which images are embedded, the classification split, the inner classifiers and the FAR of VAL@FAR.
 */
public final class LfwProtocolOptions {
    @Option(names = "--images", defaultValue = "all", paramLabel = "all|used",
            description = "Embed every LFW image (the white paper's forward pass over the data set) or only those the "
                    + "protocols use (default: ${DEFAULT-VALUE}).")
    public String images;

    @Option(names = "--min-images", defaultValue = "20", description = "Classification: people with at least N images (default: ${DEFAULT-VALUE}).")
    public int minImages;

    @Option(names = "--train-per-person", defaultValue = "10", description = "Classification: training images per person (default: ${DEFAULT-VALUE}).")
    public int trainPerPerson;

    @Option(names = "--learners", split = ",", defaultValue = "logistic,linear-svm",
            description = "Inner classifiers (default: ${DEFAULT-VALUE}).")
    public List<String> learners;

    @Option(names = "--far", defaultValue = "0.001", description = "FAR target of VAL@FAR (default: ${DEFAULT-VALUE}).")
    public double far;

    /** Whether every LFW image is embedded ({@code --images all}). */
    public boolean allImages() {
        return images.equals("all");
    }

    /**
     * Checks the values before any work.
     *
     * @throws CommandLine.ParameterException (a usage error, exit 2) naming the option and its valid range
     */
    public void validate(CommandLine cl) {
        if (!images.equals("all") && !images.equals("used")) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --images: '" + images + "' (all or used)");
        }
        if (!(far > 0 && far < 1)) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --far: " + far + " (a false-accept rate in (0, 1))");
        }
        if (minImages < 2) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --min-images: " + minImages
                    + " (must be at least 2: each person needs a training and a test image)");
        }
        if (trainPerPerson < 1 || trainPerPerson >= minImages) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --train-per-person: " + trainPerPerson
                    + " (must be in 1.." + (minImages - 1) + ", below --min-images " + minImages
                    + ", so every person keeps a test image)");
        }
        for (String l : learners) {
            try {
                InnerLearners.named(l, new LabelFactory());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "Invalid value for --learners: " + e.getMessage());
            }
        }
    }
}
