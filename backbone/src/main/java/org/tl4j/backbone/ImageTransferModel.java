package org.tl4j.backbone;

import org.tl4j.core.FeatureMapping;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.eval.ProgressListener;
import org.tl4j.core.matrix.TribuoMatrices;
import org.tl4j.core.Domain;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.learn.SeededTrainers;
import org.tl4j.core.learn.Seeds;
import org.tribuo.Trainer;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.util.LinkedHashMap;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.ModelProvenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fitted image transfer model: the frozen source backbone maps images to embeddings, the inner Tribuo model
 * classifies them. As a Tribuo {@link Model} it predicts examples already in the embedding space (features
 * {@code emb-000…}); {@link #predictImages} and {@link #predictTargetTest} embed images first. Immutable.
 */
public final class ImageTransferModel extends TransferModel<Label> {
    private static final long serialVersionUID = 1L;

    private final PretrainedSource source;
    private final EmbedderSettings settings;
    private final FeatureSpace space;
    private final double innerTrainSeconds;

    ImageTransferModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
                       FeatureMapping mapping, Model<Label> inner, PretrainedSource source, EmbedderSettings settings,
                       FeatureSpace space, double innerTrainSeconds) {
        super(name, provenance, featureIDMap, mapping, inner);
        this.source = source;
        this.settings = settings;
        this.space = space;
        this.innerTrainSeconds = innerTrainSeconds;
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
            return predict(examples);
        }
    }

    /**
     * Predicts the test images of an {@link ImageTransferTask} with the same source.
     *
     * @throws IllegalArgumentException if the problem is not an image task of this model's source
     */
    @Override
    public List<Prediction<Label>> predictTargetTest(TransferProblem<Label> problem) {
        if (!(problem instanceof ImageTransferTask task)) {
            throw new UnsupportedOperationException("ImageTransferModel predicts image tasks; problem '"
                    + problem.name() + "' holds " + problem.dataKind());
        }
        if (!task.source().sha256().equals(source.sha256())) {
            throw new IllegalArgumentException("This model embeds with source '" + source.name() + "' but task '"
                    + task.name() + "' names source '" + task.source().name() + "': fit a model for that source");
        }
        try {
            return predictImages(task.images(), task.testKeys());
        } catch (IOException e) {
            throw new UncheckedIOException("Embedding the test images of '" + task.name() + "' failed", e);
        }
    }

    /**
     * Embeds the task's training images with {@code source} (frozen) and trains {@code inner} on the embeddings:
     * the fit shared by deep feature transfer ({@code pretrained-embedding}, the task's own source) and the image
     * baselines (the no-source pixels control).
     *
     * @param strategy the strategy fitting, for the model's name and provenance
     * @param seed     seeds the inner learner
     */
    public static ImageTransferModel fit(TransferStrategy<Label, ?> strategy, ImageTransferTask task,
                                         PretrainedSource source, EmbedderSettings settings, Trainer<Label> inner,
                                         long seed) {
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
        Model<Label> innerModel = SeededTrainers.train(inner, train.data(), Seeds.derive(seed, "inner"));
        double trainSeconds = (System.nanoTime() - t0) / 1e9;

        Map<String, Provenance> extra = new LinkedHashMap<>();
        extra.put("backbone", new StringProvenance("backbone", backbone));
        extra.put("preprocessing", new StringProvenance("preprocessing", settings.align() ? "aligned" : "fixed crop"));
        extra.put("embedding-dim", new IntProvenance("embedding-dim", r.dim()));
        extra.put("aligned-images", new IntProvenance("aligned-images", r.stats().aligned()));
        extra.put("no-face-images", new IntProvenance("no-face-images", r.stats().noFace()));
        EmbeddingFeatures mapping = new EmbeddingFeatures("frozen " + source.name() + " embeddings ("
                + r.dim() + "-d, " + (settings.align() ? "aligned" : "fixed crop") + ")");
        ModelProvenance prov = provenanceOf(strategy, task, seed, mapping, innerModel, extra);
        return new ImageTransferModel(strategy.descriptor().name() + "@" + task.name(), prov, innerModel.getFeatureIDMap(),
                mapping, innerModel, source, settings, space, trainSeconds);
    }

    /** The provenance of an image transfer model (see {@link TransferModel}). */
    static ModelProvenance provenanceOf(TransferStrategy<Label, ?> strategy,
                                        TransferProblem<Label> problem, long seed, FeatureMapping mapping,
                                        Model<Label> inner,
                                        Map<String, Provenance> extra) {
        return TransferModel.provenance(ImageTransferModel.class, strategy, problem, seed, mapping, inner, extra);
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Override
    protected ImageTransferModel copy(String newName, ModelProvenance newProvenance) {
        return new ImageTransferModel(newName, newProvenance, featureIDMap, mapping(), innerModel(), source, settings,
                space, innerTrainSeconds);
    }
}
