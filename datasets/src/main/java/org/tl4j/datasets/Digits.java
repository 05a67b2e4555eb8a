package org.tl4j.datasets;

import org.tl4j.core.FeatureSpace;
import org.tl4j.core.TransferTask;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.nio.file.Path;
import java.util.List;
import org.tl4j.core.data.FileDataProvenance;

/**
 * The USPS+MNIST digits benchmark of the JDA paper (Long et al., ICCV 2013): 1,800 USPS and 2,000 MNIST images
 * resized to 16×16 grey levels (256 features), ten classes. Each file holds {@code X_src}, {@code X_tar}
 * (256×n, one column per image) and {@code Y_src}, {@code Y_tar} (n×1, 1..10).
 */
public final class Digits {

    /** The feature dimension. */
    public static final int DIMENSION = 256;

    /** The classes, numbered {@code 1..CLASSES} in the files. */
    public static final int CLASSES = 10;

    /** The feature names {@code p000 … p255}. */
    public static final FeatureSpace FEATURES = FeatureSpace.indexed("p", DIMENSION);

    /** The two directions. */
    public enum Direction {
        /** USPS → MNIST, file {@code USPS_vs_MNIST.mat}. */
        USPS_TO_MNIST("USPS->MNIST", "USPS_vs_MNIST.mat", "usps", "mnist"),
        /** MNIST → USPS, file {@code MNIST_vs_USPS.mat}. */
        MNIST_TO_USPS("MNIST->USPS", "MNIST_vs_USPS.mat", "mnist", "usps");

        private final String taskName;
        private final String file;
        private final String source;
        private final String target;

        Direction(String taskName, String file, String source, String target) {
            this.taskName = taskName;
            this.file = file;
            this.source = source;
            this.target = target;
        }

        /** The task name, e.g. {@code USPS->MNIST}. */
        public String taskName() {
            return taskName;
        }

        /** The file name. */
        public String file() {
            return file;
        }
    }

    private Digits() {
    }

    /**
     * Reads the source and target samples of a direction, one example per row, with {@code steps} applied per domain.
     *
     * @throws IllegalArgumentException if the file is missing or malformed, or a label is outside {@code 1..10}
     *                                  (naming the variable, the row and the value)
     */
    public static LabelledSample[] load(Path dir, Direction d, List<Preprocessing> steps) {
        Path f = dir.resolve(d.file);
        MatFiles.Contents c = MatFiles.open(f);
        String hash = MatFiles.sha256(f);
        LabelledSample[] out = new LabelledSample[2];
        String[][] vars = {{"X_src", "Y_src", d.source}, {"X_tar", "Y_tar", d.target}};
        for (int k = 0; k < 2; k++) {
            double[][] cols = c.matrix(vars[k][0]);
            int[] y = c.labels(vars[k][1], 1, CLASSES);
            if (cols.length != DIMENSION) {
                throw new IllegalArgumentException(f + ": " + vars[k][0] + " has " + cols.length + " rows, expected "
                        + DIMENSION + " pixels per column");
            }
            if (cols[0].length != y.length) {
                throw new IllegalArgumentException(f + ": " + vars[k][0] + " has " + cols[0].length + " columns but "
                        + vars[k][1] + " has " + y.length + " labels");
            }
            double[][] x = new double[y.length][DIMENSION];
            for (int i = 0; i < y.length; i++) {
                for (int j = 0; j < DIMENSION; j++) {
                    x[i][j] = cols[j][i];
                }
            }
            FileDataProvenance prov = new FileDataProvenance(d.file, hash, vars[k][0] + ", " + vars[k][1],
                    Preprocessing.describe(steps), new LabelFactory());
            out[k] = new LabelledSample(vars[k][2], Preprocessing.apply(steps, x), y, prov);
        }
        return out;
    }

    /** The transductive task of a direction (source labelled, target unlabelled and tested). */
    public static TransferTask<Label> task(Direction d, LabelledSample source, LabelledSample target) {
        var test = target.toDomain(FEATURES);
        return TransferTask.builder(d.taskName, new LabelFactory())
                .description("Digits " + d.source + " → " + d.target + " (" + source.size() + " labelled source, "
                        + target.size() + " unlabelled target, 16x16 pixels)")
                .source(source.toDomain(FEATURES))
                .targetName(target.name())
                .targetUnlabelled(test)
                .targetTest(test)
                .featureSpace(FEATURES)
                .build();
    }
}
