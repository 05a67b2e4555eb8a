package org.tl4j.backbone;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import org.tl4j.core.learn.Seeds;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A pretrained ONNX embedding network on ONNX Runtime's CPU provider, checked against its {@link EmbeddingSpec}.
 * <p>
 * Opening a backbone reads the model, computes its SHA-256, creates a session with the {@link BackboneOptions}
 * (intra-op threads, full graph optimisation, {@code session.set_denormal_as_zero=1}) and compares the declared
 * input and output with the spec: names, element type, rank, layout, image size, batch dimension and embedding
 * size; any disagreement fails with a message naming what the model declares and what the spec expects.
 * <p>
 * Models that declare a fixed batch of 1 (both MobileFaceNets) are run in batches by rewriting the graph's batch
 * dimension ({@link OnnxGraphs#withDynamicBatch(byte[])}); the rewrite is accepted only when a batch of two
 * reproduces two single-image runs of the original graph to within {@value #REWRITE_TOLERANCE} (relative), and
 * otherwise images run one by one. Instances are thread-safe and must be closed.
 */
public final class OnnxBackbone implements Backbone {
    private static final Logger LOG = Logger.getLogger(OnnxBackbone.class.getName());

    /** Relative tolerance for accepting a batch-dimension rewrite. */
    public static final double REWRITE_TOLERANCE = 1e-4;

    /** How a backbone runs batches. */
    public enum BatchMode {
        /** The model declares a dynamic batch dimension. */
        DYNAMIC,
        /** The model declares batch 1; its graph was rewritten to a dynamic batch and verified. */
        REWRITTEN,
        /** One image per session run. */
        ONE_BY_ONE
    }

    private final OrtEnvironment env;
    private final OrtSession session;
    private final EmbeddingSpec spec;
    private final String sha256;
    private final String label;
    private final BatchMode mode;
    private final BackboneOptions options;

    private OnnxBackbone(OrtEnvironment env, OrtSession session, EmbeddingSpec spec, String sha256, String label,
                         BatchMode mode, BackboneOptions options) {
        this.env = env;
        this.session = session;
        this.spec = spec;
        this.sha256 = sha256;
        this.label = label;
        this.mode = mode;
        this.options = options;
    }

    /**
     * Opens the model in {@code file}.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if it is not an ONNX model or disagrees with {@code spec}
     */
    public static OnnxBackbone open(Path file, EmbeddingSpec spec, BackboneOptions options) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("ONNX model not found: " + file.toAbsolutePath().normalize());
        }
        return open(Files.readAllBytes(file), file.getFileName().toString(), spec, options);
    }

    /**
     * Opens the built-in model {@code name} (see {@link BuiltInModels}) from {@code modelsFolder}.
     */
    public static OnnxBackbone builtIn(String name, Path modelsFolder, BackboneOptions options) throws IOException {
        return open(BuiltInModels.file(name, modelsFolder), BuiltInModels.get(name).spec(), options);
    }

    /**
     * Opens a model held in memory (e.g. a {@linkplain OnnxGraphs#randomlyInitialised re-initialised} one).
     *
     * @param label names the model in messages
     */
    public static OnnxBackbone open(byte[] model, String label, EmbeddingSpec spec, BackboneOptions options) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(options, "options");
        OnnxGraphs.parse(model, "'" + label + "'");
        String sha = OnnxGraphs.sha256(model);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session = null;
        try {
            session = env.createSession(model, sessionOptions(options));
            BatchMode mode = check(session, spec, label);
            if (mode == BatchMode.ONE_BY_ONE && options.batchFixedModels()) {
                Optional<OrtSession> batched = batchedSession(env, session, model, spec, options, label);
                if (batched.isPresent()) {
                    session.close();
                    session = batched.get();
                    mode = BatchMode.REWRITTEN;
                }
            }
            return new OnnxBackbone(env, session, spec, sha, label, mode, options);
        } catch (OrtException e) {
            closeQuietly(session);
            throw new IllegalArgumentException("ONNX Runtime cannot load '" + label + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /** The session options tl4j uses for CPU inference. */
    static OrtSession.SessionOptions sessionOptions(BackboneOptions o) throws OrtException {
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        so.setIntraOpNumThreads(o.threads());
        so.setInterOpNumThreads(1);
        so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        so.setOptimizationLevel(o.optimiseGraph() ? OrtSession.SessionOptions.OptLevel.ALL_OPT
                : OrtSession.SessionOptions.OptLevel.NO_OPT);
        if (o.denormalAsZero()) {
            so.addConfigEntry("session.set_denormal_as_zero", "1");
        }
        so.addConfigEntry("session.intra_op.allow_spinning", o.spinning() ? "1" : "0");
        return so;
    }

    /** Checks the declared input and output against the spec; returns DYNAMIC or ONE_BY_ONE. */
    private static BatchMode check(OrtSession session, EmbeddingSpec spec, String label) throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        String where = "Model '" + label + "' does not match spec '" + spec.name() + "': ";
        NodeInfo in = inputs.get(spec.inputName());
        if (in == null) {
            throw new IllegalArgumentException(where + "it has no input '" + spec.inputName() + "'; it declares "
                    + describe(inputs) + ". Set the spec's input name (e.g. --spec input=NAME) or pick the spec "
                    + "this model follows");
        }
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(where + "it declares " + inputs.size() + " inputs " + describe(inputs)
                    + "; an embedding model takes exactly one image input (freeze any training-phase flag when "
                    + "exporting)");
        }
        TensorInfo ti = tensor(in.getInfo(), where + "input '" + spec.inputName() + "'");
        long[] shape = ti.getShape();
        if (ti.type != OnnxJavaType.FLOAT) {
            throw new IllegalArgumentException(where + "input '" + spec.inputName() + "' holds " + ti.type
                    + ", expected FLOAT");
        }
        if (shape.length != 4) {
            throw new IllegalArgumentException(where + "input '" + spec.inputName() + "' has shape "
                    + Arrays.toString(shape) + " (rank " + shape.length + "), expected rank 4 " + expected(spec));
        }
        long[] want = spec.inputShape(1);
        for (int d = 1; d < 4; d++) {
            if (shape[d] >= 0 && shape[d] != want[d]) {
                throw new IllegalArgumentException(where + "input '" + spec.inputName() + "' has shape "
                        + Arrays.toString(shape) + ", expected " + expected(spec) + "; check the spec's size and "
                        + "layout (" + spec.layout() + ")");
            }
        }
        boolean dynamic = shape[0] < 0;
        if (dynamic && !spec.dynamicBatch()) {
            throw new IllegalArgumentException(where + "input '" + spec.inputName() + "' has a dynamic batch "
                    + "dimension " + Arrays.toString(shape) + " but the spec says batch " + spec.fixedBatch()
                    + "; use batch=dynamic");
        }
        if (!dynamic && spec.fixedBatch() != shape[0]) {
            throw new IllegalArgumentException(where + "input '" + spec.inputName() + "' has fixed batch " + shape[0]
                    + " " + Arrays.toString(shape) + " but the spec says "
                    + (spec.dynamicBatch() ? "a dynamic batch" : "batch " + spec.fixedBatch()) + "; use batch="
                    + shape[0]);
        }
        if (!dynamic && shape[0] != 1) {
            throw new IllegalArgumentException(where + "input '" + spec.inputName() + "' has fixed batch " + shape[0]
                    + "; tl4j runs dynamic-batch models and models of batch 1");
        }
        NodeInfo out = outputs.get(spec.outputName());
        if (out == null) {
            throw new IllegalArgumentException(where + "it has no output '" + spec.outputName() + "'; it declares "
                    + describe(outputs) + ". Set the spec's output name (e.g. --spec output=NAME)");
        }
        TensorInfo to = tensor(out.getInfo(), where + "output '" + spec.outputName() + "'");
        long[] os = to.getShape();
        if (to.type != OnnxJavaType.FLOAT) {
            throw new IllegalArgumentException(where + "output '" + spec.outputName() + "' holds " + to.type
                    + ", expected FLOAT");
        }
        if (os.length != 2 || (os[1] >= 0 && os[1] != spec.embeddingDim())) {
            throw new IllegalArgumentException(where + "output '" + spec.outputName() + "' has shape "
                    + Arrays.toString(os) + ", expected [batch, " + spec.embeddingDim() + "]; set dim="
                    + (os.length == 2 && os[1] > 0 ? os[1] : "<size>") + " if the model is right");
        }
        return dynamic ? BatchMode.DYNAMIC : BatchMode.ONE_BY_ONE;
    }

    private static TensorInfo tensor(ValueInfo v, String what) {
        if (!(v instanceof TensorInfo t)) {
            throw new IllegalArgumentException(what + " is " + v + ", expected a tensor");
        }
        return t;
    }

    private static String expected(EmbeddingSpec spec) {
        return spec.layout() == TensorLayout.NCHW
                ? "[batch, 3, " + spec.height() + ", " + spec.width() + "] (NCHW)"
                : "[batch, " + spec.height() + ", " + spec.width() + ", 3] (NHWC)";
    }

    private static String describe(Map<String, NodeInfo> infos) {
        StringBuilder sb = new StringBuilder("{");
        for (NodeInfo n : infos.values()) {
            sb.append(sb.length() > 1 ? ", " : "").append('\'').append(n.getName()).append('\'');
            if (n.getInfo() instanceof TensorInfo t) {
                sb.append(' ').append(Arrays.toString(t.getShape()));
            }
        }
        return sb.append('}').toString();
    }

    /** Tries the dynamic-batch rewrite; verifies it against the original session on two seeded random images. */
    private static Optional<OrtSession> batchedSession(OrtEnvironment env, OrtSession original, byte[] model,
                                                       EmbeddingSpec spec, BackboneOptions options, String label) {
        Optional<byte[]> rewritten;
        try {
            rewritten = OnnxGraphs.withDynamicBatch(model);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "batch rewrite of " + label + " failed", e);
            return Optional.empty();
        }
        if (rewritten.isEmpty()) {
            LOG.fine(() -> "'" + label + "': the graph cannot be given a dynamic batch; running one image at a time");
            return Optional.empty();
        }
        OrtSession batched = null;
        try {
            batched = env.createSession(rewritten.get(), sessionOptions(options));
            int size = spec.imageSize();
            float[] x = new float[2 * size];
            var rng = Seeds.rng(Seeds.derive(20240501L, "batch-rewrite-check"));
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (rng.nextDouble() * 2 - 1);
            }
            float[][] both = run(env, batched, spec, x, 0, 2);
            double worst = 0;
            for (int i = 0; i < 2; i++) {
                float[] single = run(env, original, spec, x, i * size, 1)[0];
                for (int j = 0; j < single.length; j++) {
                    double tol = REWRITE_TOLERANCE * (1 + Math.abs(single[j]));
                    worst = Math.max(worst, Math.abs(single[j] - both[i][j]) / tol);
                }
            }
            if (worst <= 1) {
                return Optional.of(batched);
            }
            LOG.info("'" + label + "': the batched graph differs from single-image runs; running one image at a time");
        } catch (OrtException | RuntimeException e) {
            LOG.info("'" + label + "': the batched graph does not run (" + e.getMessage()
                    + "); running one image at a time");
        }
        closeQuietly(batched);
        return Optional.empty();
    }

    private static float[][] run(OrtEnvironment env, OrtSession s, EmbeddingSpec spec, float[] x, int offset, int n)
            throws OrtException {
        FloatBuffer buf = FloatBuffer.wrap(x, offset, n * spec.imageSize()).slice();
        try (OnnxTensor t = OnnxTensor.createTensor(env, buf, spec.inputShape(n));
             OrtSession.Result r = s.run(Map.of(spec.inputName(), t))) {
            OnnxTensor o = (OnnxTensor) r.get(spec.outputName()).orElseThrow(() ->
                    new IllegalStateException("the session returned no output '" + spec.outputName() + "'"));
            FloatBuffer fb = o.getFloatBuffer();
            int dim = spec.embeddingDim();
            if (fb.remaining() != n * dim) {
                throw new IllegalStateException("model returned " + fb.remaining() + " values for " + n
                        + " images, expected " + n * dim + " (" + dim + " per image)");
            }
            float[][] out = new float[n][dim];
            for (int i = 0; i < n; i++) {
                fb.get(out[i]);
            }
            return out;
        }
    }

    @Override
    public float[][] embed(float[] input, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Batch size must be at least 1, found " + n);
        }
        int size = spec.imageSize();
        if (input.length < (long) n * size) {
            throw new IllegalArgumentException("Input holds " + input.length + " floats, fewer than " + n + " images of "
                    + size + " (" + spec.width() + "x" + spec.height() + "x3)");
        }
        try {
            float[][] out;
            if (mode == BatchMode.ONE_BY_ONE) {
                out = new float[n][];
                for (int i = 0; i < n; i++) {
                    out[i] = run(env, session, spec, input, i * size, 1)[0];
                }
            } else {
                out = run(env, session, spec, input, 0, n);
            }
            if (spec.l2Normalise()) {
                for (float[] e : out) {
                    l2Normalise(e);
                }
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on '" + label + "': " + e.getMessage(), e);
        }
    }

    /** Scales {@code v} in place to unit Euclidean norm (left as is when its norm is zero). */
    public static void l2Normalise(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        if (s > 0) {
            float inv = (float) (1.0 / Math.sqrt(s));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
    }

    @Override
    public EmbeddingSpec spec() {
        return spec;
    }

    @Override
    public String sha256() {
        return sha256;
    }

    /** How batches run. */
    public BatchMode batchMode() {
        return mode;
    }

    /** The options the session was created with. */
    public BackboneOptions options() {
        return options;
    }

    @Override
    public String describe() {
        String how = switch (mode) {
            case DYNAMIC -> "dynamic batch";
            case REWRITTEN -> "fixed batch 1, batched by graph rewrite";
            case ONE_BY_ONE -> "fixed batch 1, one image per run";
        };
        return spec.name() + " (" + label + ", " + how + ", " + options.threads() + " intra-op threads)";
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession s) {
        if (s != null) {
            try {
                s.close();
            } catch (OrtException e) {
                LOG.log(Level.FINE, "closing an ONNX Runtime session failed", e);
            }
        }
    }
}
