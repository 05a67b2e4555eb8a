package org.tl4j.backbone;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tl4j.core.Domain;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.ModelProvenances;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.eval.ProgressListener;
import org.tl4j.core.learn.SeededTrainers;
import org.tl4j.core.learn.Seeds;
import org.tl4j.core.matrix.TribuoMatrices;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.ModelProvenance;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted image transfer model: a frozen source network ({@link PretrainedSource}, or the raw pixels of the
 * no-source control) maps images to embeddings, and an inner Tribuo classifier, trained on the embeddings of the
 * labelled target images, classifies them. {@link #predictImages} and {@link #predictTargetTest} embed images
 * first; {@link #classifier()} is the Tribuo model over the embedding space (features {@code emb-000…}).
 * <p>
 * Provenance as every {@link TransferModel} ({@link ModelProvenances}), plus the backbone, the preprocessing, the
 * embedding size and the alignment counts. Immutable.
 */
public final class ImageTransferModel implements TransferModel<Label>, Serializable {
    private static final long serialVersionUID = 2L;

    /** Instance-provenance key of the backbone's description. */
    public static final String BACKBONE = "backbone";

    private final String name;
    private final ModelProvenance provenance;
    private final Model<Label> classifier;
    private final PretrainedSource source;
    private final String taskSourceSha256;
    private final String taskSourceName;
    private final EmbedderSettings settings;
    private final FeatureSpace space;
    private final double innerTrainSeconds;

    private ImageTransferModel(String name, ModelProvenance provenance, Model<Label> classifier,
                               PretrainedSource source, PretrainedSource taskSource, EmbedderSettings settings,
                               FeatureSpace space, double innerTrainSeconds) {
        this.name = name;
        this.provenance = provenance;
        this.classifier = classifier;
        this.source = source;
        this.taskSourceSha256 = taskSource.sha256();
        this.taskSourceName = taskSource.name();
        this.settings = settings;
        this.space = space;
        this.innerTrainSeconds = innerTrainSeconds;
    }

    /**
     * Embeds the task's training images with {@code source} (frozen) and trains {@code inner} on the embeddings:
     * the fit shared by deep feature transfer ({@code pretrained-embedding}, with the task's own source) and the
     * image baselines (the no-source pixels control).
     *
     * @param strategy the strategy fitting, for the model's name and provenance
     * @param seed     seeds the inner learner
     * @throws UncheckedIOException if an image or the model cannot be read
     */
    public static ImageTransferModel fit(TransferStrategy<Label, ?> strategy, ImageTransferTask task,
                                         PretrainedSource source, EmbedderSettings settings, Trainer<Label> inner,
                                         long seed) {
        Objects.requireNonNull(inner, "inner");
        List<String> keys = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (LabelledImage i : task.train()) {
            keys.add(i.key());
            labels.add(i.label());
        }
        EmbeddingPipeline.Result r;
        String backbone;
        try (ImageEmbedder e = ImageEmbedder.open(source, settings)) {
            r = e.embed(task.images(), keys, ProgressListener.NONE);
            backbone = e.describeBackbone();
        } catch (IOException ex) {
            throw new UncheckedIOException("Embedding the training images of '" + task.name() + "' failed", ex);
        }
        FeatureSpace space = FeatureSpace.indexed("emb", r.dim());
        double[][] x = new double[keys.size()][];
        for (int i = 0; i < keys.size(); i++) {
            x[i] = toDouble(r.embeddings().get(keys.get(i)));
        }
        Domain<Label> train = Domain.fromArrays(task.targetName() + "-train-embeddings", ImageTransferTask.LABELS,
                space, x, labels, source.provenance());
        long t0 = System.nanoTime();
        Model<Label> classifier = SeededTrainers.train(inner, train.data(), Seeds.derive(seed, "inner"));
        double trainSeconds = (System.nanoTime() - t0) / 1e9;

        String preprocessing = settings.align() ? "aligned" : "fixed crop";
        Map<String, Provenance> extra = new LinkedHashMap<>();
        extra.put(BACKBONE, new StringProvenance(BACKBONE, backbone));
        extra.put("embedding", new StringProvenance("embedding", "frozen " + source.name() + " embeddings ("
                + r.dim() + "-d, " + preprocessing + ")"));
        extra.put("preprocessing", new StringProvenance("preprocessing", preprocessing));
        extra.put("embedding-dim", new IntProvenance("embedding-dim", r.dim()));
        extra.put("aligned-images", new IntProvenance("aligned-images", r.stats().aligned()));
        extra.put("no-face-images", new IntProvenance("no-face-images", r.stats().noFace()));
        extra.put(INNER_MODEL, classifier.getProvenance());
        ModelProvenance prov = ModelProvenances.of(ImageTransferModel.class, strategy, task, seed,
                classifier.getProvenance().getDatasetProvenance(), extra);
        return new ImageTransferModel(strategy.descriptor().name() + "@" + task.name(), prov, classifier, source,
                task.source(), settings, space, trainSeconds);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ModelProvenance getProvenance() {
        return provenance;
    }

    /** The source backbone. */
    public PretrainedSource source() {
        return source;
    }

    /** The embedding settings used (and used again to embed new images). */
    public EmbedderSettings settings() {
        return settings;
    }

    /** Wall-clock seconds the inner classifier took to train (embedding excluded). */
    public double innerTrainSeconds() {
        return innerTrainSeconds;
    }

    /** The feature names of the embedding space. */
    public FeatureSpace featureSpace() {
        return space;
    }

    /** A copy of the classifier over the embedding space. */
    public Model<Label> classifier() {
        return classifier.copy();
    }

    /**
     * Embeds and classifies images.
     *
     * @param images where the images are
     * @param keys   which, in the order predictions are returned
     */
    public List<Prediction<Label>> predictImages(ImageSource images, List<String> keys) throws IOException {
        try (ImageEmbedder e = ImageEmbedder.open(source, settings)) {
            Map<String, float[]> emb = e.embed(images, keys, ProgressListener.NONE).embeddings();
            List<Example<Label>> examples = new ArrayList<>(keys.size());
            for (String k : keys) {
                examples.add(TribuoMatrices.example(LabelFactory.UNKNOWN_LABEL, space, toDouble(emb.get(k))));
            }
            return classifier.predict(examples);
        }
    }

    /**
     * Predicts the test images of an {@link ImageTransferTask} with the source this model was fitted for, embedded
     * as this model embeds (with that source for {@code pretrained-embedding}, as pixels for the no-source control).
     *
     * @throws IllegalArgumentException if the problem is not an image task, or names another source than the task
     *                                  the model was fitted on (fit a model for that source)
     */
    @Override
    public List<Prediction<Label>> predictTargetTest(TransferProblem<Label> problem) {
        if (!(problem instanceof ImageTransferTask task)) {
            throw new IllegalArgumentException("ImageTransferModel predicts image tasks; problem '"
                    + problem.name() + "' holds " + problem.dataKind());
        }
        if (!task.source().sha256().equals(taskSourceSha256)) {
            throw new IllegalArgumentException("This model was fitted on a task with source '" + taskSourceName
                    + "' but task '" + task.name() + "' names source '" + task.source().name()
                    + "': fit a model for that source");
        }
        try {
            return predictImages(task.images(), task.testKeys());
        } catch (IOException e) {
            throw new UncheckedIOException("Embedding the test images of '" + task.name() + "' failed", e);
        }
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Override
    public String toString() {
        return "ImageTransferModel(" + name + ", " + source.name() + ", " + space.size() + "-d)";
    }
}
