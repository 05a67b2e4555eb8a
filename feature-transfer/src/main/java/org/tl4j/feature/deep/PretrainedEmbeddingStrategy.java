package org.tl4j.feature.deep;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tl4j.core.Approach;
import org.tl4j.core.Domain;
import org.tl4j.core.FeatureSpace;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.StrategyProvenance;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferStrategy;
import org.tl4j.core.eval.ProgressListener;
import org.tl4j.core.learn.SeededTrainers;
import org.tl4j.core.learn.Seeds;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.ModelProvenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deep feature-representation transfer: a frozen network pretrained on a source domain maps the target's images to
 * embeddings, and an inner Tribuo classifier is trained on the embeddings of the labelled target images. This is
 * the white paper's FaceNet/LFW case study ("we just compute the forward pass once using the pretrained model to
 * convert our new training images to feature vectors. We then train on these feature vectors using just a single
 * classification layer"), after F. Schroff, D. Kalenichenko and J. Philbin, <i>FaceNet: A Unified Embedding for
 * Face Recognition and Clustering</i>, CVPR 2015, and the survey's feature-representation transfer (S. J. Pan and
 * Q. Yang, <i>A Survey on Transfer Learning</i>, IEEE TKDE 22(10), 2010).
 * <p>
 * The network is the problem's {@link PretrainedSource}; this strategy configures how images are embedded
 * (alignment, threads, batch size, cache) and the inner learner. Settings ({@code tl run -o KEY=VALUE}):
 * {@code inner}, {@code align}, {@code detector}, {@code threads}, {@code batchSize}, {@code cacheDir},
 * {@code flip}.
 *
 * @see ImageTransferTask
 * @see ImageTransferModel
 */
public final class PretrainedEmbeddingStrategy implements TransferStrategy<Label, ImageTransferTask> {

    /** The registry entry. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("pretrained-embedding",
            Approach.FEATURE_REPRESENTATION, EnumSet.of(Setting.INDUCTIVE), "feature-transfer",
            ImageTransferTask.DATA_KIND,
            "Frozen pretrained ONNX network embeds target images; an inner classifier is trained on the embeddings");

    @Config(mandatory = true, description = "Inner Tribuo classifier trained on the embeddings")
    private Trainer<Label> inner;

    @Config(description = "Align faces with the YuNet detector (otherwise the spec's fixed crop)")
    private boolean align = false;

    @Config(description = "YuNet model file for alignment (empty: models/face/yunet-2023mar.onnx under the shared data)")
    private String detector = "";

    @Config(description = "ONNX Runtime intra-op threads (0: one per processor)")
    private int threads = 0;

    @Config(description = "Images per backbone run")
    private int batchSize = 32;

    @Config(description = "Embedding-cache root folder (empty: no cache)")
    private String cacheDir = "";

    @Config(description = "Sum each image's embedding with its mirror image's (test-time flip augmentation)")
    private boolean flip = false;

    /** For OLCUT configuration. */
    @SuppressWarnings("unused")
    private PretrainedEmbeddingStrategy() {
    }

    /** A strategy with {@code inner} and default embedding settings (no alignment, batch 32, no cache). */
    public PretrainedEmbeddingStrategy(Trainer<Label> inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /** A strategy with {@code inner} and {@code settings}. */
    public PretrainedEmbeddingStrategy(Trainer<Label> inner, EmbedderSettings settings) {
        this(inner);
        this.align = settings.align();
        this.detector = settings.detectorModel();
        this.threads = settings.backbone().intraOpThreads();
        this.batchSize = settings.batchSize();
        this.cacheDir = settings.cacheDir();
        this.flip = settings.flip();
    }

    @Override
    public void postConfig() {
        if (threads < 0) {
            throw new IllegalArgumentException("Invalid value for threads: " + threads + " (use 0 for one per processor)");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("Invalid value for batchSize: " + batchSize + " (must be at least 1)");
        }
    }

    /** The embedding settings this strategy uses. */
    public EmbedderSettings settings() {
        EmbedderSettings s = EmbedderSettings.defaults().withAlign(align).withBatchSize(batchSize)
                .withBackbone(BackboneOptions.defaults().withThreads(threads))
                .withCache(cacheDir.isEmpty() ? null : Path.of(cacheDir)).withFlip(flip);
        return detector.isEmpty() ? s : s.withDetector(Path.of(detector));
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Class<?> problemType() {
        return ImageTransferTask.class;
    }

    @Override
    public String whyNotApplicable(TransferProblem<?> problem) {
        String why = TransferStrategy.super.whyNotApplicable(problem);
        if (why == null && !(problem.outputFactory() instanceof LabelFactory)) {
            why = "strategy 'pretrained-embedding' classifies images; problem '" + problem.name()
                    + "' has outputs of another type";
        }
        return why;
    }

    @Override
    public TransferModel<Label> fit(ImageTransferTask task, long seed) {
        Objects.requireNonNull(task, "task");
        String why = whyNotApplicable(task);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        if (inner == null) {
            throw new IllegalStateException("Strategy 'pretrained-embedding' has no inner trainer: configure 'inner'");
        }
        EmbedderSettings settings = settings();
        List<String> keys = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (LabelledImage i : task.train()) {
            keys.add(i.key());
            labels.add(i.label());
        }
        EmbeddingPipeline.Result r;
        String backbone;
        try (ImageEmbedder e = ImageEmbedder.open(task.source(), settings)) {
            r = e.embed(task.images(), keys, ProgressListener.NONE);
            backbone = e.describeBackbone();
        } catch (IOException ex) {
            throw new UncheckedIOException("Embedding the training images of '" + task.name() + "' failed", ex);
        }
        FeatureSpace space = FeatureSpace.indexed("emb", r.dim());
        double[][] x = new double[keys.size()][];
        for (int i = 0; i < keys.size(); i++) {
            x[i] = ImageTransferModel.toDouble(r.embeddings().get(keys.get(i)));
        }
        Domain<Label> train = Domain.fromArrays(task.targetName() + "-train-embeddings", ImageTransferTask.LABELS,
                space, x, labels, task.source().provenance());
        long t0 = System.nanoTime();
        Model<Label> innerModel = SeededTrainers.train(inner, train.data(), Seeds.derive(seed, "inner"));
        double trainSeconds = (System.nanoTime() - t0) / 1e9;

        Map<String, Provenance> extra = new LinkedHashMap<>();
        extra.put("backbone", new StringProvenance("backbone", backbone));
        extra.put("preprocessing", new StringProvenance("preprocessing", settings.align() ? "aligned" : "fixed crop"));
        extra.put("embedding-dim", new IntProvenance("embedding-dim", r.dim()));
        extra.put("aligned-images", new IntProvenance("aligned-images", r.stats().aligned()));
        extra.put("no-face-images", new IntProvenance("no-face-images", r.stats().noFace()));
        EmbeddingFeatures mapping = new EmbeddingFeatures("frozen " + task.source().name() + " embeddings ("
                + r.dim() + "-d, " + (settings.align() ? "aligned" : "fixed crop") + ")");
        ModelProvenance prov = ImageTransferModel.provenanceOf(this, task, seed, mapping, innerModel, extra);
        return new ImageTransferModel(DESCRIPTOR.name() + "@" + task.name(), prov, innerModel.getFeatureIDMap(),
                mapping, innerModel, task.source(), settings, space, trainSeconds);
    }

    /** The inner trainer. */
    public Trainer<Label> innerTrainer() {
        return inner;
    }

    @Override
    public StrategyProvenance getProvenance() {
        return new StrategyProvenance(this);
    }

    @Override
    public String toString() {
        return "PretrainedEmbeddingStrategy(inner=" + inner + ", align=" + align + ", batchSize=" + batchSize + ")";
    }
}
