package org.tl4j.feature.deep;

import org.tl4j.core.FeatureMapping;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.eval.ProgressListener;
import org.tl4j.core.matrix.TribuoMatrices;
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

    /** The provenance of an image transfer model (see {@link TransferModel}). */
    static ModelProvenance provenanceOf(org.tl4j.core.TransferStrategy<Label, ?> strategy,
                                        TransferProblem<Label> problem, long seed, FeatureMapping mapping,
                                        Model<Label> inner,
                                        Map<String, com.oracle.labs.mlrg.olcut.provenance.Provenance> extra) {
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
