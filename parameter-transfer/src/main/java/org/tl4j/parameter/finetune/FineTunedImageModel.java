package org.tl4j.parameter.finetune;

import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.ImageEmbedder;
import org.tl4j.backbone.ImageSource;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.backbone.OnnxBackbone;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.eval.ProgressListener;
import org.tl4j.deep.net.Layer;
import org.tl4j.deep.net.Network;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.ModelProvenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fine-tuned image classifier: a frozen feature extractor run by ONNX Runtime ({@code features}: the source network
 * for a head on embeddings, or the trunk cut from it for a fine-tuned tail) feeds a network fine-tuned in DJL
 * (its {@link Layer} description and parameter values) and a softmax classifier. Predictions carry every class's
 * probability. Immutable: networks are rebuilt from the stored values for each prediction call.
 */
public final class FineTunedImageModel implements TransferModel<Label> {

    private final String name;
    private final ModelProvenance provenance;
    private final PretrainedSource features;
    private final EmbedderSettings settings;
    private final Layer network;
    private final long[] inputShape;
    private final Map<String, float[]> networkValues;
    private final Map<String, float[]> headValues;
    private final String[] labels;
    private final String taskSourceSha256;
    private final String taskSourceName;
    private final byte[] onnx;
    private final float inputNorm;

    FineTunedImageModel(String name, ModelProvenance provenance, PretrainedSource features, EmbedderSettings settings,
                        Layer network, long[] inputShape, Map<String, float[]> networkValues,
                        Map<String, float[]> headValues, String[] labels, PretrainedSource taskSource, byte[] onnx,
                        float inputNorm) {
        if (!(inputNorm >= 0) || !Float.isFinite(inputNorm)) {
            throw new IllegalArgumentException("Invalid input norm " + inputNorm + " (0 = inputs as extracted)");
        }
        this.inputNorm = inputNorm;
        this.name = name;
        this.provenance = provenance;
        this.features = features;
        this.settings = settings;
        this.network = network;
        this.inputShape = inputShape.clone();
        this.networkValues = copy(networkValues);
        this.headValues = copy(headValues);
        this.labels = labels.clone();
        this.taskSourceSha256 = taskSource.sha256();
        this.taskSourceName = taskSource.name();
        this.onnx = onnx == null ? null : onnx.clone();
    }

    /**
     * The fine-tuned embedding network as an ONNX model (the source network with its tail's weights replaced by the
     * fine-tuned ones; the classifier is not part of it), for {@code tl lfw --model FILE} and
     * {@code pretrained-embedding}; empty for a fine-tuned head (the source network is unchanged there).
     */
    public java.util.Optional<byte[]> onnx() {
        return java.util.Optional.ofNullable(onnx == null ? null : onnx.clone());
    }

    /** The frozen feature extractor in front of the fine-tuned network. */
    public PretrainedSource features() {
        return features;
    }

    /**
     * The fine-tuned network's outputs (the embeddings the classifier reads) for extracted inputs (rescaled first
     * as in training, see {@link #rescaled}).
     */
    public float[][] networkOutputs(float[][] inputs) {
        int n = inputs.length;
        int size = inputs[0].length;
        float[] flat = new float[n * size];
        float[][] rows = rescaled(inputs, inputNorm);
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, flat, i * size, size);
        }
        try (Network net = Network.build(network, inputShape)) {
            networkValues.forEach(net::set);
            return net.predict(flat, n);
        }
    }

    /**
     * Copies of {@code rows}, each rescaled to Euclidean norm {@code norm}; {@code rows} themselves when
     * {@code norm} is 0 (inputs as extracted).
     */
    static float[][] rescaled(float[][] rows, float norm) {
        if (norm == 0) {
            return rows;
        }
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
            OnnxBackbone.l2Normalise(out[i]);
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] *= norm;
            }
        }
        return out;
    }

    private static Map<String, float[]> copy(Map<String, float[]> m) {
        Map<String, float[]> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ModelProvenance getProvenance() {
        return provenance;
    }

    /** The fine-tuned network's parameter values (copies). */
    public Map<String, float[]> networkValues() {
        return copy(networkValues);
    }

    /** The classes, in the order of the classifier's rows. */
    public List<String> labels() {
        return List.of(labels);
    }

    /** Embeds {@code keys} of {@code images} with the frozen feature extractor. */
    static float[][] extract(PretrainedSource source, EmbedderSettings settings, ImageSource images, List<String> keys)
            throws IOException {
        try (ImageEmbedder e = ImageEmbedder.open(source, settings)) {
            Map<String, float[]> m = e.embed(images, keys, ProgressListener.NONE).embeddings();
            float[][] out = new float[keys.size()][];
            for (int i = 0; i < keys.size(); i++) {
                out[i] = m.get(keys.get(i));
            }
            return out;
        }
    }

    /** Class probabilities of inputs already extracted ({@code n} rows), through the network and the classifier. */
    double[][] probabilities(float[][] inputs) {
        int n = inputs.length;
        int k = labels.length;
        float[] w = headValues.get("logits.weight");
        int d = w.length / k;
        double[][] p = new double[n][k];
        float[][] emb = networkOutputs(inputs);
        try (Network head = Network.build(Layer.Sequence.of("head", new Layer.Linear("logits", k, true)), 1, d)) {
            headValues.forEach(head::set);
            float[] e = new float[n * d];
            for (int i = 0; i < n; i++) {
                System.arraycopy(emb[i], 0, e, i * d, d);
            }
            float[][] logits = head.predict(e, n);
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (float z : logits[i]) {
                    max = Math.max(max, z);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    p[i][c] = Math.exp(logits[i][c] - max);
                    sum += p[i][c];
                }
                for (int c = 0; c < k; c++) {
                    p[i][c] /= sum;
                }
            }
        }
        return p;
    }

    /** Classifies images. */
    public List<Prediction<Label>> predictImages(ImageSource images, List<String> keys) throws IOException {
        double[][] p = probabilities(extract(features, settings, images, keys));
        List<Prediction<Label>> out = new ArrayList<>(keys.size());
        for (double[] row : p) {
            Map<String, Label> scores = new LinkedHashMap<>();
            int best = 0;
            for (int c = 0; c < labels.length; c++) {
                scores.put(labels[c], new Label(labels[c], row[c]));
                if (row[c] > row[best]) {
                    best = c;
                }
            }
            out.add(new Prediction<>(new Label(labels[best], row[best]), scores, 0,
                    new ArrayExample<>(new Label(labels[best])), true));
        }
        return out;
    }

    /**
     * @throws IllegalArgumentException if the problem is not an image task or names another source than the task
     *                                  the model was fitted on
     */
    @Override
    public List<Prediction<Label>> predictTargetTest(TransferProblem<Label> problem) {
        if (!(problem instanceof ImageTransferTask task)) {
            throw new IllegalArgumentException("FineTunedImageModel predicts image tasks; problem '" + problem.name()
                    + "' holds " + problem.dataKind());
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

    @Override
    public String toString() {
        return "FineTunedImageModel(" + name + ", " + features.name() + ", " + labels.length + " classes)";
    }
}
