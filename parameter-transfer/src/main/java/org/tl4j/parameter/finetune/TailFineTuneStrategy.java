package org.tl4j.parameter.finetune;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tl4j.backbone.EmbeddingSpec;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.backbone.LabelledImage;
import org.tl4j.backbone.OnnxGraphs;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.core.Approach;
import org.tl4j.core.Setting;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.TransferModel;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.learn.Seeds;
import org.tl4j.deep.net.Layer;
import org.tl4j.deep.net.Network;
import org.tl4j.deep.onnx.OnnxImport;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tl4j.core.InnerLearnerProvider;

/**
 * Fine-tuning the last layers of the pretrained ONNX backbone itself: the source network's graph is cut at a tensor
 * ({@code cut}, or automatically before its last {@code tailLayers} parametric layers; {@link OnnxGraphs#cut}); the
 * frozen trunk runs once per image in ONNX Runtime (its outputs cached like embeddings with {@code cacheDir}); the
 * tail's operators and pretrained weights are imported into a trainable DJL network ({@link OnnxImport}); a new
 * softmax classifier over the target's classes is added and the tail is fine-tuned on the labelled target images
 * with L2-SP towards its pretrained weights, either all at once ({@code fine-tune-tail}) or unfrozen from the top one
 * layer per stage ({@code fine-tune-tail-progressive}). On MobileFaceNet-512d the automatic cut keeps the final 1×1
 * convolution (+ PReLU), the global depthwise convolution and the linear 512-d embedding layer (batch norms are
 * folded into them in that export).
 * <p>
 * The fine-tuned embedding network is written back as ONNX — the source graph with the tail's initializers replaced
 * ({@link OnnxGraphs#withInitializers}) — available from the model ({@link FineTunedImageModel#onnx()}) and, with
 * {@code exportDir}, written to {@code <exportDir>/<task>-<strategy>-seed<seed>.onnx}, so that {@code tl lfw --model
 * FILE} and {@code pretrained-embedding} can use it.
 *
 * @see HeadFineTuneStrategy
 */
public final class TailFineTuneStrategy extends AbstractFineTuneStrategy {

    /** The registry entry of the all-at-once variant. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor("fine-tune-tail", Approach.PARAMETER,
            EnumSet.of(Setting.INDUCTIVE), "parameter-transfer", ImageTransferTask.DATA_KIND,
            "Last layers of the pretrained ONNX backbone fine-tuned in DJL with L2-SP (trunk cached), written back as ONNX");
    /** The registry entry of the progressive variant. */
    public static final StrategyDescriptor PROGRESSIVE = new StrategyDescriptor("fine-tune-tail-progressive",
            Approach.PARAMETER, EnumSet.of(Setting.INDUCTIVE), "parameter-transfer", ImageTransferTask.DATA_KIND,
            "As fine-tune-tail, unfreezing from the top: new classifier first, then one backbone layer per stage");

    @Config(description = "Tensor to cut the source graph at (empty: before its last tailLayers parametric layers)")
    private String cut = "";

    @Config(description = "Parametric layers (Conv, Gemm, MatMul) the automatic cut leaves in the tail")
    private int tailLayers = 3;

    @Config(description = "Folder to write each fine-tuned embedding network to as ONNX (empty: none)")
    private String exportDir = "";

    /** For OLCUT configuration (the all-at-once variant). */
    @SuppressWarnings("unused")
    private TailFineTuneStrategy() {
        super(false);
    }

    /** The strategy with default settings; {@code progressive} chooses the variant. */
    public TailFineTuneStrategy(boolean progressive) {
        super(progressive);
    }

    @Override
    public void postConfig() {
        super.postConfig();
        if (tailLayers < 1) {
            throw new IllegalArgumentException("Invalid tailLayers: " + tailLayers + " (must be at least 1)");
        }
    }

    @Override
    public StrategyDescriptor descriptor() {
        return progressive() ? PROGRESSIVE : DESCRIPTOR;
    }

    @Override
    public String whyNotApplicable(TransferProblem<?> problem) {
        String why = super.whyNotApplicable(problem);
        if (why == null && ((ImageTransferTask) problem).source().kind() == PretrainedSource.Kind.NONE) {
            why = "strategy '" + descriptor().name() + "' fine-tunes the source network's last layers: problem '"
                    + problem.name() + "' has no source network";
        }
        return why;
    }

    /** The cut this strategy makes in {@code model}. */
    public OnnxGraphs.Cut cutOf(byte[] model) {
        return OnnxGraphs.cut(model, cut.isEmpty() ? OnnxGraphs.tailTensor(model, tailLayers, OnnxImport.OPERATORS) : cut);
    }

    @Override
    protected TransferModel<Label> fitProblem(ImageTransferTask task, long seed) {
        try {
            byte[] model = task.source().modelBytes();
            OnnxGraphs.Cut c = cutOf(model);
            OnnxImport.Imported imp = OnnxImport.read(c.tail());
            EmbeddingSpec spec = task.source().spec();
            Layer network = imp.root();
            if (spec.l2Normalise()) {
                List<Layer> layers = new ArrayList<>(((Layer.Sequence) network).layers());
                layers.add(new Layer.L2Normalise("l2_normalise", 1e-12f));
                network = new Layer.Sequence("tail", layers);
            }
            PretrainedSource trunk = trunkSource(task.source(), c);
            List<LabelledImage> tgt = task.train();
            float[][] x = FineTunedImageModel.extract(trunk, settings(), task.images(), keys(tgt));
            List<String> classes = new ArrayList<>();
            int[] y = classIds(tgt, classes);
            long[] shape = imp.inputShape();
            try (Network net = Network.build(network, shape)) {
                OnnxImport.load(net, imp, c.tail());
                NetworkFineTuning.Result r = NetworkFineTuning.train(net, shape, imp.units(), flatten(x), y, x.length,
                        classes.size(), settingsOf(), imp.units().size() + 1, Seeds.derive(seed, "target"));
                Map<String, float[]> tailWeights = OnnxImport.exportWeights(net, imp);
                byte[] onnx = OnnxGraphs.withInitializers(model, tailWeights);
                Map<String, Provenance> extra = new LinkedHashMap<>();
                extra.put("cut", new StringProvenance("cut", "tensor '" + c.tensor() + "' " + Arrays.toString(c.shape())
                        + ", tail layers " + imp.units() + ", trunk " + trunk.name() + " (sha256 " + trunk.sha256()
                        + ")"));
                if (!exportDir.isEmpty()) {
                    Path out = Path.of(exportDir).resolve(task.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                            + descriptor().name() + "-seed" + seed + ".onnx");
                    write(out, onnx);
                    extra.put("exported-onnx", new StringProvenance("exported-onnx", out.toAbsolutePath().toString()
                            + " (sha256 " + OnnxGraphs.sha256(onnx) + ")"));
                }
                return model(task, seed, trunk, network, shape, NetworkFineTuning.values(net), r, classes, onnx, 0f,
                        extra);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Fine-tuning the tail of '" + task.source().name() + "' on '" + task.name()
                    + "' failed", e);
        }
    }

    /**
     * The trunk as a source network: its ONNX file (under {@code <cacheDir>/trunks}, else a temporary folder) and the
     * source's spec with the trunk's output, not L2-normalised.
     */
    private PretrainedSource trunkSource(PretrainedSource source, OnnxGraphs.Cut c) throws IOException {
        String sha = OnnxGraphs.sha256(c.trunk());
        String cacheDir = settings().cacheDir();
        Path dir = cacheDir.isEmpty() ? Files.createTempDirectory("tl4j-trunk") : Path.of(cacheDir).resolve("trunks");
        Path file = dir.resolve(sha + ".onnx");
        if (!Files.exists(file)) {
            write(file, c.trunk());
        }
        if (cacheDir.isEmpty()) {
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
        }
        EmbeddingSpec spec = source.spec().toBuilder().name(source.spec().name() + "-trunk")
                .output(OnnxGraphs.TRUNK_OUTPUT).embeddingDim(c.size()).l2Normalise(false).build();
        return PretrainedSource.file(file, spec, "the layers of " + source.name() + " below tensor '" + c.tensor()
                + "' (frozen)");
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Registers {@code fine-tune-tail}. */
    public static final class Provider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public Provider() {
            super(DESCRIPTOR, Outputs.labels(inner -> new TailFineTuneStrategy(false)));
        }
    }

    /** Registers {@code fine-tune-tail-progressive}. */
    public static final class ProgressiveProvider extends InnerLearnerProvider {
        /** For the ServiceLoader. */
        public ProgressiveProvider() {
            super(PROGRESSIVE, Outputs.labels(inner -> new TailFineTuneStrategy(true)));
        }
    }
}
