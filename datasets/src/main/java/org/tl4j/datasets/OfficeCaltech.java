package org.tl4j.datasets;

import org.tl4j.core.FeatureSpace;
import org.tl4j.core.TransferTask;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tl4j.core.data.FileDataProvenance;

/**
 * Office-Caltech10 with 800-bin SURF bag-of-words features (Gong et al., CVPR 2012 release): four domains sharing
 * ten classes, in MATLAB v5 files {@code <domain>_SURF_L10.mat} holding {@code fts} (n×800) and {@code labels}
 * (n×1, 1..10).
 * <p>
 * {@link #task} builds the unsupervised domain adaptation protocol of the TCA/JDA literature: all source examples
 * labelled, all target examples unlabelled during training and used as the test set.
 */
public final class OfficeCaltech {

    /** The feature dimension. */
    public static final int DIMENSION = 800;

    /** The classes, numbered {@code 1..CLASSES} in the files. */
    public static final int CLASSES = 10;

    /** The four domains, with their one-letter codes and file names. */
    public enum Site {
        /** Caltech-256 (1,123 images). */
        CALTECH("C", "Caltech10_SURF_L10.mat"),
        /** Amazon product images (958). */
        AMAZON("A", "amazon_SURF_L10.mat"),
        /** Webcam (295). */
        WEBCAM("W", "webcam_SURF_L10.mat"),
        /** DSLR (157). */
        DSLR("D", "dslr_SURF_L10.mat");

        private final String code;
        private final String file;

        Site(String code, String file) {
            this.code = code;
            this.file = file;
        }

        /** One-letter code: C, A, W or D. */
        public String code() {
            return code;
        }

        /** The file name. */
        public String file() {
            return file;
        }

        /** Parses a code or name, case-insensitively. */
        public static Site parse(String s) {
            for (Site d : values()) {
                if (d.code.equalsIgnoreCase(s) || d.name().equalsIgnoreCase(s)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("Unknown Office-Caltech domain '" + s + "': expected C, A, W or D");
        }
    }

    /** A source → target pair. */
    public record Pair(Site source, Site target) {
        /** The task name, e.g. {@code C->A}. */
        public String name() {
            return source.code() + "->" + target.code();
        }
    }

    /** The 12 pairs in the order of the JDA paper's table: C→A, C→W, C→D, A→C, A→W, A→D, W→C, W→A, W→D, D→C, D→A, D→W. */
    public static final List<Pair> PAIRS = pairs();

    /** The feature names {@code f000 … f799}. */
    public static final FeatureSpace FEATURES = FeatureSpace.indexed("f", DIMENSION);

    private OfficeCaltech() {
    }

    private static List<Pair> pairs() {
        List<Pair> l = new ArrayList<>();
        for (Site s : Site.values()) {
            for (Site t : Site.values()) {
                if (s != t) {
                    l.add(new Pair(s, t));
                }
            }
        }
        return List.copyOf(l);
    }

    /**
     * Reads one domain.
     *
     * @param dir           the folder holding the four {@code .mat} files
     * @param steps         preprocessing applied to the domain's features
     * @throws IllegalArgumentException if the file is missing or malformed, or a label is outside {@code 1..10}
     *                                  (naming the row and the value)
     */
    public static LabelledSample load(Path dir, Site site, List<Preprocessing> steps) {
        Path f = dir.resolve(site.file());
        MatFiles.Contents c = MatFiles.open(f);
        double[][] x = c.matrix("fts");
        int[] y = c.labels("labels", 1, CLASSES);
        if (x.length != y.length) {
            throw new IllegalArgumentException(f + ": " + x.length + " feature rows but " + y.length + " labels");
        }
        if (x.length > 0 && x[0].length != DIMENSION) {
            throw new IllegalArgumentException(f + ": expected " + DIMENSION + " SURF features, found " + x[0].length);
        }
        FileDataProvenance prov = new FileDataProvenance(site.file(), MatFiles.sha256(f), "fts, labels",
                Preprocessing.describe(steps), new LabelFactory());
        return new LabelledSample(site.name().toLowerCase(Locale.ROOT), Preprocessing.apply(steps, x), y, prov);
    }

    /**
     * The semi-supervised task of a pair, the protocol of Saenko et al. (ECCV 2010) and Gong et al. (CVPR 2012)
     * for Office-Caltech: {@code shots} labelled target images per class drawn with {@code seed} (one stream per
     * class), the rest of the target as unlabelled data and as the test set; the source optionally subsampled to
     * {@code sourcePerClass} images per class (0: all; the literature uses 20, and 8 for the small DSLR and Webcam
     * domains), drawn the same way.
     *
     * @throws IllegalArgumentException if a target class has no more than {@code shots} images (none would be left
     *                                  to test on)
     */
    public static TransferTask<Label> semiSupervisedTask(Pair pair, LabelledSample source, LabelledSample target,
                                                         int shots, int sourcePerClass, long seed) {
        if (shots < 1) {
            throw new IllegalArgumentException("Invalid labelled target images per class: " + shots + " (must be >= 1)");
        }
        int[][] t = perClass(target, shots, org.tl4j.core.learn.Seeds.derive(seed, "target-shots:"
                + pair.target().code()), true);
        LabelledSample s = sourcePerClass > 0 ? source.rows(perClass(source, sourcePerClass,
                org.tl4j.core.learn.Seeds.derive(seed, "source-per-class:" + pair.source().code()), false)[0],
                source.name()) : source;
        LabelledSample train = target.rows(t[0], target.name() + "-labelled");
        org.tl4j.core.Domain<Label> test = target.rows(t[1], target.name()).toDomain(FEATURES);
        return TransferTask.builder(pair.name(), new LabelFactory())
                .description("Office-Caltech10 SURF " + pair.source().name().toLowerCase(Locale.ROOT) + " → "
                        + pair.target().name().toLowerCase(Locale.ROOT) + ", semi-supervised: " + s.size()
                        + " labelled source, " + train.size() + " labelled target (" + shots + " per class), "
                        + test.size() + " unlabelled target / test")
                .source(s.toDomain(FEATURES))
                .targetName(target.name())
                .targetTrain(train.toDomain(FEATURES))
                .targetUnlabelled(test.withoutLabels())
                .targetTest(test)
                .featureSpace(FEATURES)
                .build();
    }

    /**
     * Per class (in id order), the first {@code k} rows of a seeded permutation of its rows, and the other rows.
     *
     * @param strict whether a class with {@code k} rows or fewer is an error (else all its rows are taken)
     */
    private static int[][] perClass(LabelledSample sample, int k, long seed, boolean strict) {
        java.util.TreeMap<Integer, List<Integer>> byClass = new java.util.TreeMap<>();
        for (int i = 0; i < sample.size(); i++) {
            byClass.computeIfAbsent(sample.labels()[i], c -> new ArrayList<>()).add(i);
        }
        List<Integer> chosen = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (var e : byClass.entrySet()) {
            List<Integer> rows = e.getValue();
            if (strict && rows.size() <= k) {
                throw new IllegalArgumentException("Domain '" + sample.name() + "' class " + e.getKey() + " has "
                        + rows.size() + " images: " + k + " labelled per class would leave none to test on");
            }
            int[] perm = org.tl4j.core.learn.Seeds.permutation(rows.size(),
                    org.tl4j.core.learn.Seeds.derive(seed, "class", e.getKey()));
            for (int j = 0; j < perm.length; j++) {
                (j < k ? chosen : rest).add(rows.get(perm[j]));
            }
        }
        java.util.Collections.sort(chosen);
        java.util.Collections.sort(rest);
        return new int[][]{chosen.stream().mapToInt(Integer::intValue).toArray(),
                rest.stream().mapToInt(Integer::intValue).toArray()};
    }

    /**
     * The transductive task of a pair: the source labelled, the target's features unlabelled, the target labelled
     * as the test set.
     */
    public static TransferTask<Label> task(Pair pair, LabelledSample source, LabelledSample target) {
        org.tl4j.core.Domain<Label> test = target.toDomain(FEATURES);
        return task(pair, source.toDomain(FEATURES), test.withoutLabels(), test);
    }

    /**
     * As {@link #task(Pair, LabelledSample, LabelledSample)} from domains already built (domains are immutable, so
     * a suite builds each site once and shares it between pairs).
     */
    public static TransferTask<Label> task(Pair pair, org.tl4j.core.Domain<Label> source,
                                           org.tl4j.core.Domain<Label> targetUnlabelled,
                                           org.tl4j.core.Domain<Label> targetTest) {
        return TransferTask.builder(pair.name(), new LabelFactory())
                .description("Office-Caltech10 SURF " + pair.source().name().toLowerCase(Locale.ROOT) + " → "
                        + pair.target().name().toLowerCase(Locale.ROOT) + " (" + source.size() + " labelled source, "
                        + targetTest.size() + " unlabelled target)")
                .source(source)
                .targetName(targetTest.name())
                .targetUnlabelled(targetUnlabelled)
                .targetTest(targetTest)
                .featureSpace(FEATURES)
                .build();
    }
}
