package org.tl4j.parameter.finetune;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tl4j.backbone.AbstractEmbeddingStrategy;
import org.tl4j.backbone.ImageTransferModel;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.backbone.LabelledImage;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.core.ModelProvenances;
import org.tl4j.core.TransferModel;
import org.tl4j.deep.net.Layer;
import org.tribuo.provenance.ModelProvenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Base of the strategies that fine-tune a network on the labelled target images of an {@link ImageTransferTask}
 * ({@link FineTuneSettings}, {@link NetworkFineTuning}): the training settings as OLCUT {@code @Config} fields
 * beside the embedding settings of {@link AbstractEmbeddingStrategy}, and the fitted model's provenance. Whether the
 * layers are unfrozen progressively is fixed by the registered name ({@code …-progressive}).
 */
public abstract class AbstractFineTuneStrategy extends AbstractEmbeddingStrategy {

    @Config(description = "Optimiser steps per stage (stages: the classifier alone, then one more unit each)")
    protected int stepsPerStage = 100;

    @Config(description = "Examples per optimiser step (the whole labelled target when smaller)")
    protected int trainBatch = 64;

    @Config(description = "Adam learning rate of the new classifier")
    protected float learningRate = 0.01f;

    @Config(description = "Learning rate of the pretrained layers as a fraction of learningRate")
    protected float trunkRate = 0.1f;

    @Config(description = "L2-SP alpha: penalty alpha/2 ||w - w0||^2 of the pretrained layers towards their start")
    protected float alpha = 0.1f;

    @Config(description = "Weight decay beta/2 ||W||^2 of the new classifier")
    protected float beta = 0.01f;

    private final boolean progressive;

    /** A strategy with default settings; {@code progressive} unfreezes one unit per stage from the top. */
    protected AbstractFineTuneStrategy(boolean progressive) {
        this.progressive = progressive;
    }

    @Override
    public void postConfig() {
        super.postConfig();
        settingsOf();
    }

    /** Whether layers are unfrozen one per stage from the top. */
    public boolean progressive() {
        return progressive;
    }

    /** The training settings. */
    protected FineTuneSettings settingsOf() {
        return new FineTuneSettings(stepsPerStage, trainBatch, learningRate, trunkRate, alpha, beta, progressive);
    }

    /** The sorted class names of {@code images} and each image's class id. */
    static int[] classIds(List<LabelledImage> images, List<String> classes) {
        TreeSet<String> names = new TreeSet<>();
        for (LabelledImage i : images) {
            names.add(i.label().getLabel());
        }
        classes.addAll(names);
        int[] y = new int[images.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = classes.indexOf(images.get(i).label().getLabel());
        }
        return y;
    }

    /** The keys of {@code images}. */
    static List<String> keys(List<LabelledImage> images) {
        List<String> k = new ArrayList<>(images.size());
        for (LabelledImage i : images) {
            k.add(i.key());
        }
        return k;
    }

    /** Rows flattened into one array. */
    static float[] flatten(float[][] rows) {
        int size = rows[0].length;
        float[] out = new float[rows.length * size];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * size, size);
        }
        return out;
    }

    /**
     * The fitted model with its provenance (the common keys plus the stages and {@code extra}); {@code inputNorm}
     * is the Euclidean norm the network's inputs are rescaled to (0 = as extracted).
     */
    protected FineTunedImageModel model(ImageTransferTask task, long seed, PretrainedSource features, Layer network,
                                        long[] inputShape, Map<String, float[]> values, NetworkFineTuning.Result r,
                                        List<String> classes, byte[] onnx, float inputNorm,
                                        Map<String, Provenance> extra) {
        Map<String, Provenance> p = new LinkedHashMap<>();
        p.put(ImageTransferModel.BACKBONE, new StringProvenance(ImageTransferModel.BACKBONE, features.toString()));
        StringBuilder stages = new StringBuilder();
        for (int i = 0; i < r.stages().size(); i++) {
            NetworkFineTuning.Stage s = r.stages().get(i);
            stages.append(i == 0 ? "" : "; ").append("stage ").append(i).append(": ").append(s.trainable().isEmpty()
                    ? "classifier only" : "classifier + " + s.trainable()).append(String.format(java.util.Locale.ROOT,
                    ", mean loss %.4f", s.meanLoss()));
        }
        p.put("stages", new StringProvenance("stages", stages.toString()));
        p.put("steps", new LongProvenance("steps", r.steps()));
        p.put(TransferModel.INNER_MODEL, new StringProvenance(TransferModel.INNER_MODEL, "softmax classifier over "
                + classes.size() + " classes on the fine-tuned " + network.name() + " (" + settingsOf() + ")"));
        p.putAll(extra);
        ModelProvenance prov = ModelProvenances.of(FineTunedImageModel.class, this, task, seed,
                ModelProvenances.trainingData(features.provenance(), task.train().size(), (int) (inputShape.length > 1
                        ? java.util.Arrays.stream(inputShape).skip(1).reduce(1, (a, b) -> a * b) : 0), classes.size()),
                p);
        return new FineTunedImageModel(descriptor().name() + "@" + task.name(), prov, features, settings(), network,
                inputShape, values, r.head(), classes.toArray(new String[0]), task.source(), onnx, inputNorm);
    }
}
