package org.tl4j.parameter.finetune;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.backbone.LabelledImage;
import org.tl4j.core.Approach;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.learn.Seeds;
import org.tl4j.deep.net.Layer;
import org.tl4j.deep.net.Network;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tl4j.core.InnerLearnerProvider;

/**
 * Fine-tuning a head on frozen embeddings: a small network of dense layers ({@code hidden} ReLU units and a softmax
 * classifier) is first trained on the task's labelled <b>source images</b> (the source task's classes) over the
 * frozen embeddings of the problem's pretrained network; its classifier is then replaced by a new one over the
 * target's classes and the head is fine-tuned on the labelled target images with L2-SP (Li et al., ICML 2018:
 * the hidden layer penalised towards its source-trained values), either all at once ({@code fine-tune-head}) or
 * unfrozen from the top ({@code fine-tune-head-progressive}: the new classifier alone first, then the hidden layer
 * too). The embeddings are computed once (and cached with {@code cacheDir}); training is DJL's autograd
 * ({@link NetworkFineTuning}).
 * <p>
 * <b>Input scale.</b> Face embeddings are L2-normalised: 512 components of mean square 1/512. Fed as they are, the
 * head's pre-activations start tiny and its hidden layer barely moves at Adam's step size, so the head under-fits
 * (measured on {@code lfw-few-shot}, seeds 0–1: 52–62 % accuracy, falling with more shots, whatever the number of
 * steps). With {@code standardise} (default) each embedding is rescaled to norm √D (components of unit mean square)
 * in training and prediction: 88–99 %. The head's defaults also differ from the tail's: weaker L2-SP
 * ({@code alpha} 0.01) and the hidden layer learning at the classifier's rate ({@code trunkRate} 1): a hidden
 * layer trained to separate the source people is a poorer starting point for unseen people than its strength at
 * α = 0.1 assumes (1 shot: 92 % against 88 %).
 *
 * @see TailFineTuneStrategy
 */
public final class HeadFineTuneStrategy extends AbstractFineTuneStrategy {

    /** The registry entry of the all-at-once variant. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("fine-tune-head", Approach.PARAMETER,
            EnumSet.of(Setting.INDUCTIVE), "parameter-transfer", ImageTransferTask.DATA_KIND,
            "Dense head on frozen embeddings, trained on the source images, fine-tuned on the target with L2-SP");
    /** The registry entry of the progressive variant. */
    public static final StrategyDescriptor PROGRESSIVE = new StrategyDescriptor("fine-tune-head-progressive",
            Approach.PARAMETER, EnumSet.of(Setting.INDUCTIVE), "parameter-transfer", ImageTransferTask.DATA_KIND,
            "As fine-tune-head, unfreezing from the top: new classifier first, then the hidden layer");

    @Config(description = "Hidden ReLU units of the head")
    private int hidden = 256;

    @Config(description = "Optimiser steps of the head's training on the source images")
    private int sourceSteps = 300;

    @Config(description = "Rescale each embedding to Euclidean norm sqrt(D) (components of unit mean square) before "
            + "the head, in training and prediction")
    private boolean standardise = true;

    /** For OLCUT configuration (the all-at-once variant). */
    @SuppressWarnings("unused")
    private HeadFineTuneStrategy() {
        this(false);
    }

    /** The strategy with default settings; {@code progressive} chooses the variant. */
    public HeadFineTuneStrategy(boolean progressive) {
        super(progressive);
        alpha = 0.01f;
        trunkRate = 1f;
    }

    @Override
    public void postConfig() {
        super.postConfig();
        if (hidden < 1 || sourceSteps < 1) {
            throw new IllegalArgumentException("Invalid hidden units " + hidden + " or source steps " + sourceSteps
                    + " (both must be at least 1)");
        }
    }

    @Override
    public StrategyDescriptor descriptor() {
        return progressive() ? PROGRESSIVE : DESCRIPTOR;
    }

    @Override
    public String whyNotApplicable(TransferProblem<?> problem) {
        String why = super.whyNotApplicable(problem);
        if (why == null && ((ImageTransferTask) problem).sourceImages().isEmpty()) {
            why = "strategy '" + descriptor().name() + "' trains its head on the source task first: problem '"
                    + problem.name() + "' has no labelled source images";
        }
        return why;
    }

    /** The head below the classifier. */
    private Layer head() {
        return Layer.Sequence.of("head", new Layer.Linear("fc", hidden, true), new Layer.Relu("relu"));
    }

    @Override
    protected TransferModel<Label> fitProblem(ImageTransferTask task, long seed) {
        List<LabelledImage> src = task.sourceImages();
        List<LabelledImage> tgt = task.train();
        List<String> keys = new ArrayList<>(keys(src));
        keys.addAll(keys(tgt));
        float[][] emb;
        try {
            emb = FineTunedImageModel.extract(task.source(), settings(), task.images(), keys);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedding the images of '" + task.name() + "' failed", e);
        }
        int d = emb[0].length;
        float norm = standardise ? (float) Math.sqrt(d) : 0f;
        emb = FineTunedImageModel.rescaled(emb, norm);
        float[][] xs = java.util.Arrays.copyOfRange(emb, 0, src.size());
        float[][] xt = java.util.Arrays.copyOfRange(emb, src.size(), emb.length);
        List<String> sourceClasses = new ArrayList<>();
        int[] ys = classIds(src, sourceClasses);
        List<String> targetClasses = new ArrayList<>();
        int[] yt = classIds(tgt, targetClasses);
        long[] shape = {1, d};
        List<List<String>> units = List.of(List.of("fc.weight", "fc.bias"));
        Layer layer = head();
        try (Network net = Network.build(layer, shape)) {
            net.initialise(Seeds.derive(seed, "head-init"));
            FineTuneSettings pre = new FineTuneSettings(sourceSteps, trainBatch, learningRate, 1f, 0f, beta, false);
            NetworkFineTuning.Result source = NetworkFineTuning.train(net, shape, units, flatten(xs), ys, xs.length,
                    sourceClasses.size(), pre, 1, Seeds.derive(seed, "source"));
            NetworkFineTuning.Result r = NetworkFineTuning.train(net, shape, units, flatten(xt), yt, xt.length,
                    targetClasses.size(), settingsOf(), units.size() + 1, Seeds.derive(seed, "target"));
            Map<String, Provenance> extra = new LinkedHashMap<>();
            extra.put("source-training", new StringProvenance("source-training", src.size() + " source images of "
                    + sourceClasses.size() + " classes, " + source.steps() + " steps, mean loss "
                    + source.stages().get(0).meanLoss()));
            extra.put("input-norm", new StringProvenance("input-norm", norm == 0 ? "embeddings as extracted"
                    : "embeddings rescaled to Euclidean norm sqrt(" + d + ")"));
            return model(task, seed, task.source(), layer, shape, NetworkFineTuning.values(net), r, targetClasses,
                    null, norm, extra);
        }
    }

    /** Registers {@code fine-tune-head}. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.labels(inner -> new HeadFineTuneStrategy(false)));
        }
    }

    /** Registers {@code fine-tune-head-progressive}. */
    public static final class ProgressiveProvider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public ProgressiveProvider() {
            super(PROGRESSIVE, Outputs.labels(inner -> new HeadFineTuneStrategy(true)));
        }
    }
}
