package org.tl4j.backbone;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tl4j.core.Setting;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.data.FileDataProvenance;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A transfer problem over images: the source knowledge is a {@link PretrainedSource} (a network trained on another
 * domain), the target is a labelled training set and a labelled test set of images from one {@link ImageSource}
 * (e.g. LFW identities). The setting is inductive: the target task (which people) differs from the source's and
 * target labels are available.
 * <p>
 * A task may also carry labelled <b>source images</b> ({@link #sourceImages()}: images of the source task, with its
 * own classes, from the same {@link ImageSource}) for strategies that re-train part of the network on the source
 * task before transferring it (parameter transfer); strategies that only embed ignore them.
 * <p>
 * Construction checks that both sets are non-empty, every image exists, no image is in two sets and every test
 * class occurs in training. Immutable. Serializable when its {@link ImageSource} is (both built-in sources are: an
 * {@link InMemoryImageSource} carries its bytes, a {@link FolderImageSource} its folder's path, to be read where the
 * task is deserialized), so a distributed executor can ship it.
 */
public final class ImageTransferTask implements TransferProblem<Label>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** The data kind of image problems. */
    public static final String DATA_KIND = "images";

    /** The output factory of image classification tasks. */
    public static final LabelFactory LABELS = new LabelFactory();

    private final String name;
    private final String description;
    private final PretrainedSource source;
    private final ImageSource images;
    private final String targetName;
    private final List<LabelledImage> train;
    private final List<LabelledImage> test;
    private final List<LabelledImage> sourceImages;
    private final String trainDigest;
    private final String sourceDigest;

    /**
     * @param name        short stable name, e.g. {@code lfw-identities-20}
     * @param description one line for reports
     * @param source      the pretrained source
     * @param images      where the images are
     * @param targetName  the target domain's name, e.g. {@code lfw}
     * @param train       labelled target training images (copied)
     * @param test        labelled target test images (copied; strategies must not read their labels)
     * @throws IllegalArgumentException naming the problem when a set is empty, an image is missing, shared by both
     *                                  sets, or a test class has no training image
     */
    public ImageTransferTask(String name, String description, PretrainedSource source, ImageSource images,
                             String targetName, List<LabelledImage> train, List<LabelledImage> test) {
        this(name, description, source, images, targetName, train, test, List.of());
    }

    /**
     * A task with labelled source images as well.
     *
     * @param sourceImages labelled images of the source task (copied; may be empty), disjoint from the target's
     * @throws IllegalArgumentException as the other constructor, and when a source image is missing, unlabelled,
     *                                  listed twice or also a target image
     */
    public ImageTransferTask(String name, String description, PretrainedSource source, ImageSource images,
                             String targetName, List<LabelledImage> train, List<LabelledImage> test,
                             List<LabelledImage> sourceImages) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.source = Objects.requireNonNull(source, "source");
        this.images = Objects.requireNonNull(images, "images");
        this.targetName = Objects.requireNonNull(targetName, "targetName");
        this.train = List.copyOf(train);
        this.test = List.copyOf(test);
        if (this.train.isEmpty()) {
            throw new IllegalArgumentException("Image task '" + name + "' has no training images: inductive transfer "
                    + "needs labelled target images");
        }
        if (this.test.isEmpty()) {
            throw new IllegalArgumentException("Image task '" + name + "' has no test images to judge on");
        }
        Set<String> trainKeys = new HashSet<>();
        Set<String> trainLabels = new HashSet<>();
        for (LabelledImage i : this.train) {
            check(i);
            if (!trainKeys.add(i.key())) {
                throw new IllegalArgumentException("Image task '" + name + "': image '" + i.key() + "' is listed twice "
                        + "in the training set");
            }
            trainLabels.add(i.label().getLabel());
        }
        Set<String> testKeys = new HashSet<>();
        Set<String> unseen = new TreeSet<>();
        for (LabelledImage i : this.test) {
            check(i);
            if (trainKeys.contains(i.key())) {
                throw new IllegalArgumentException("Image task '" + name + "': image '" + i.key() + "' is in both the "
                        + "training and the test set");
            }
            if (!testKeys.add(i.key())) {
                throw new IllegalArgumentException("Image task '" + name + "': image '" + i.key() + "' is listed twice "
                        + "in the test set");
            }
            if (!trainLabels.contains(i.label().getLabel())) {
                unseen.add(i.label().getLabel());
            }
        }
        if (!unseen.isEmpty()) {
            throw new IllegalArgumentException("Image task '" + name + "': test classes without training images: "
                    + unseen + "; give every class at least one training image");
        }
        this.sourceImages = List.copyOf(sourceImages);
        Set<String> sourceKeys = new HashSet<>();
        for (LabelledImage i : this.sourceImages) {
            check(i);
            if (trainKeys.contains(i.key()) || testKeys.contains(i.key())) {
                throw new IllegalArgumentException("Image task '" + name + "': image '" + i.key() + "' is both a "
                        + "source image and a target image");
            }
            if (!sourceKeys.add(i.key())) {
                throw new IllegalArgumentException("Image task '" + name + "': image '" + i.key() + "' is listed twice "
                        + "among the source images");
            }
        }
        this.trainDigest = digest(this.train);
        this.sourceDigest = this.sourceImages.isEmpty() ? null : digest(this.sourceImages);
    }

    private void check(LabelledImage i) {
        if (LabelFactory.UNKNOWN_LABEL.equals(i.label())) {
            throw new IllegalArgumentException("Image task '" + name + "': image '" + i.key() + "' has the unknown "
                    + "label; every image needs its class");
        }
        if (!images.contains(i.key())) {
            throw new IllegalArgumentException("Image task '" + name + "': image '" + i.key() + "' is not in "
                    + images.name());
        }
    }

    private String digest(List<LabelledImage> set) {
        MessageDigest d = OnnxGraphs.digest();
        List<LabelledImage> sorted = new ArrayList<>(set);
        sorted.sort((a, b) -> a.key().compareTo(b.key()));
        for (LabelledImage i : sorted) {
            try {
                String line = i.key() + "\t" + i.label().getLabel() + "\t"
                        + Integer.toHexString(EmbeddingCache.contentCrc(images.read(i.key()))) + "\n";
                d.update(line.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read image '" + i.key() + "' of task '" + name + "'", e);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** The pretrained source. */
    public PretrainedSource source() {
        return source;
    }

    /** The images. */
    public ImageSource images() {
        return images;
    }

    /** The labelled training images. */
    public List<LabelledImage> train() {
        return train;
    }

    /** The labelled test images. */
    public List<LabelledImage> test() {
        return test;
    }

    /** The labelled source images (empty when the task carries none). */
    public List<LabelledImage> sourceImages() {
        return sourceImages;
    }

    /** The keys of the test images, in order (what a strategy may read of the test set). */
    public List<String> testKeys() {
        List<String> k = new ArrayList<>(test.size());
        for (LabelledImage i : test) {
            k.add(i.key());
        }
        return Collections.unmodifiableList(k);
    }

    /** The same target data with another source (e.g. its randomly initialised control). */
    public ImageTransferTask withSource(PretrainedSource other) {
        return new ImageTransferTask(name, description, other, images, targetName, train, test, sourceImages);
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

    @Override
    public OutputFactory<Label> outputFactory() {
        return ImageTransferTask.LABELS;
    }

    @Override
    public Setting setting() {
        return Setting.INDUCTIVE;
    }

    @Override
    public List<String> sourceNames() {
        return List.of(source.name());
    }

    @Override
    public String targetName() {
        return targetName;
    }

    @Override
    public List<Label> targetTestTruth() {
        List<Label> out = new ArrayList<>(test.size());
        for (LabelledImage i : test) {
            out.add(i.label());
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public Map<String, Provenance> domainProvenance() {
        Map<String, Provenance> m = new LinkedHashMap<>();
        m.put("source.0.name", new StringProvenance("source.0.name", source.name()));
        m.put("source.0", source.provenance());
        m.put("target.name", new StringProvenance("target.name", targetName));
        Set<String> classes = new TreeSet<>();
        for (LabelledImage i : train) {
            classes.add(i.label().getLabel());
        }
        m.put("target-train", new FileDataProvenance(images.name(), trainDigest, train.size() + " images of "
                + classes.size() + " classes (SHA-256 over sorted key, label and image CRC-32C)", "none",
                ImageTransferTask.LABELS));
        if (sourceDigest != null) {
            Set<String> sourceClasses = new TreeSet<>();
            for (LabelledImage i : sourceImages) {
                sourceClasses.add(i.label().getLabel());
            }
            m.put("source-images", new FileDataProvenance(images.name(), sourceDigest, sourceImages.size()
                    + " source images of " + sourceClasses.size() + " classes (SHA-256 over sorted key, label and image "
                    + "CRC-32C)", "none", ImageTransferTask.LABELS));
        }
        return m;
    }

    @Override
    public String toString() {
        return "ImageTransferTask(" + name + ": " + source.name() + " -> " + targetName + ", " + train.size()
                + " train / " + test.size() + " test images" + (sourceImages.isEmpty() ? "" : ", "
                + sourceImages.size() + " source images") + ")";
    }
}
