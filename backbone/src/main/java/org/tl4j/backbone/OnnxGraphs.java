package org.tl4j.backbone;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.tl4j.core.data.FileDigests;
import org.tl4j.core.learn.Seeds;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Edits of ONNX model graphs (on the ONNX protobuf classes shipped by {@code tribuo-util-onnx}) and checksums:
 * making a fixed batch dimension dynamic, changing a fully convolutional model's input size, re-initialising a
 * network's weights at random for the negative-transfer control, and — for fine-tuning a pretrained network's last
 * layers — finding a cut point ({@link #tailTensor}), cutting the graph into a frozen trunk and a tail
 * ({@link #cut}) and writing new values into named initializers ({@link #withInitializers}).
 */
public final class OnnxGraphs {
    private static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT_VALUE;
    private static final int INT64 = OnnxMl.TensorProto.DataType.INT64_VALUE;

    private OnnxGraphs() {
    }

    /** The lower-case hexadecimal SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The lower-case hexadecimal SHA-256 of a file's content ({@link FileDigests#sha256(Path)}). */
    public static String sha256(Path file) throws IOException {
        return FileDigests.sha256(file);
    }

    static MessageDigest digest() {
        return FileDigests.sha256();
    }

    /**
     * Parses a model.
     *
     * @param what names the model in the error message
     * @throws IllegalArgumentException if the bytes are not an ONNX model
     */
    public static OnnxMl.ModelProto parse(byte[] model, String what) {
        try {
            OnnxMl.ModelProto m = OnnxMl.ModelProto.parseFrom(model);
            if (!m.hasGraph() || m.getGraph().getNodeCount() == 0) {
                throw new IllegalArgumentException(what + " is not an ONNX model: it holds no graph nodes");
            }
            return m;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(what + " is not an ONNX model (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The model with its batch dimension made dynamic, for a model declared with a fixed batch of 1: the first
     * dimension of every graph input and output becomes the symbol {@code batch}, and every {@code Reshape} whose
     * target shape is a constant starting with 1 gets 0 there instead (ONNX: copy that dimension from the input).
     * Callers must verify the result reproduces single-image runs: a graph may tie the batch size elsewhere.
     *
     * @return the rewritten model, or empty when the graph's batch size is not 1 or a shape constant is shared
     *         with operators other than {@code Reshape}
     */
    public static Optional<byte[]> withDynamicBatch(byte[] model) {
        OnnxMl.ModelProto.Builder m = parse(model, "model").toBuilder();
        OnnxMl.GraphProto.Builder g = m.getGraphBuilder();
        Set<String> initializers = new HashSet<>();
        for (OnnxMl.TensorProto t : g.getInitializerList()) {
            initializers.add(t.getName());
        }
        for (int i = 0; i < g.getInputCount(); i++) {
            if (initializers.contains(g.getInput(i).getName())) {
                continue;
            }
            OnnxMl.TensorShapeProto.Builder s = g.getInputBuilder(i).getTypeBuilder().getTensorTypeBuilder()
                    .getShapeBuilder();
            if (s.getDimCount() == 0 || s.getDim(0).getDimValue() != 1) {
                return Optional.empty();
            }
            s.getDimBuilder(0).clearDimValue().setDimParam("batch");
        }
        for (int i = 0; i < g.getOutputCount(); i++) {
            OnnxMl.TensorShapeProto.Builder s = g.getOutputBuilder(i).getTypeBuilder().getTensorTypeBuilder()
                    .getShapeBuilder();
            if (s.getDimCount() > 0) {
                s.getDimBuilder(0).clearDimValue().setDimParam("batch");
            }
        }
        g.clearValueInfo();
        Set<String> shapeTensors = new HashSet<>();
        Map<String, Integer> uses = new HashMap<>();
        for (OnnxMl.NodeProto n : g.getNodeList()) {
            for (String in : n.getInputList()) {
                uses.merge(in, 1, Integer::sum);
            }
            if (n.getOpType().equals("Reshape") && n.getInputCount() > 1) {
                shapeTensors.add(n.getInput(1));
            }
        }
        int reshapeUses = 0;
        for (OnnxMl.NodeProto n : g.getNodeList()) {
            if (n.getOpType().equals("Reshape") && n.getInputCount() > 1) {
                reshapeUses++;
            }
        }
        int shapeTensorUses = 0;
        for (String s : shapeTensors) {
            shapeTensorUses += uses.getOrDefault(s, 0);
        }
        if (shapeTensorUses != reshapeUses) {
            return Optional.empty();
        }
        for (int i = 0; i < g.getInitializerCount(); i++) {
            OnnxMl.TensorProto.Builder t = g.getInitializerBuilder(i);
            if (shapeTensors.contains(t.getName())) {
                leadingOneToZero(t);
            }
        }
        for (int i = 0; i < g.getNodeCount(); i++) {
            OnnxMl.NodeProto.Builder n = g.getNodeBuilder(i);
            if (n.getOpType().equals("Constant") && n.getOutputCount() == 1 && shapeTensors.contains(n.getOutput(0))) {
                for (int a = 0; a < n.getAttributeCount(); a++) {
                    if (n.getAttribute(a).hasT()) {
                        leadingOneToZero(n.getAttributeBuilder(a).getTBuilder());
                    }
                }
            }
        }
        return Optional.of(m.build().toByteArray());
    }

    private static void leadingOneToZero(OnnxMl.TensorProto.Builder t) {
        if (t.getDataType() != INT64) {
            return;
        }
        if (t.getInt64DataCount() > 0) {
            if (t.getInt64Data(0) == 1) {
                t.setInt64Data(0, 0);
            }
            return;
        }
        ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long[] v = new long[b.remaining() / Long.BYTES];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getLong();
        }
        if (v.length > 0 && v[0] == 1) {
            v[0] = 0;
            ByteBuffer out = ByteBuffer.allocate(v.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (long x : v) {
                out.putLong(x);
            }
            t.setRawData(ByteString.copyFrom(out.array()));
        }
    }

    /**
     * The model with its (single) image input's spatial size set to {@code height × width} and every output
     * dimension after the first made symbolic, for fully convolutional models exported at one size (YuNet is
     * exported at 640×640 but its reshapes use {@code -1}).
     */
    public static byte[] withInputSize(byte[] model, int height, int width) {
        OnnxMl.ModelProto.Builder m = parse(model, "model").toBuilder();
        OnnxMl.GraphProto.Builder g = m.getGraphBuilder();
        OnnxMl.TensorShapeProto.Builder s = g.getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder();
        if (s.getDimCount() != 4) {
            throw new IllegalArgumentException("Expected a 4-d image input, found " + s.getDimCount() + " dimensions");
        }
        s.getDimBuilder(2).clearDimParam().setDimValue(height);
        s.getDimBuilder(3).clearDimParam().setDimValue(width);
        for (int i = 0; i < g.getOutputCount(); i++) {
            OnnxMl.TensorShapeProto.Builder o = g.getOutputBuilder(i).getTypeBuilder().getTensorTypeBuilder()
                    .getShapeBuilder();
            for (int d = 1; d < o.getDimCount(); d++) {
                o.getDimBuilder(d).clearDimValue().setDimParam("d" + d);
            }
        }
        g.clearValueInfo();
        return m.build().toByteArray();
    }

    /**
     * What {@link #randomlyInitialised(byte[], long)} changed.
     *
     * @param model          the re-initialised model
     * @param weightTensors  convolution and fully connected weight tensors drawn at random
     * @param weightValues   values drawn
     * @param biases         bias tensors set to zero
     * @param slopes         PReLU slope tensors set to 0.25
     * @param batchNorm      batch-normalisation tensors reset (scale 1, shift 0, mean 0, variance 1)
     * @param untouched      names of float initializers left as they were (e.g. input-normalisation constants)
     */
    public record RandomInit(byte[] model, int weightTensors, long weightValues, int biases, int slopes,
                             int batchNorm, List<String> untouched) {
        /** A one-line summary. */
        public String summary() {
            return weightTensors + " weight tensors (" + weightValues + " values) drawn from He-normal, " + biases
                    + " biases zeroed, " + slopes + " PReLU slopes set to 0.25, " + batchNorm
                    + " batch-norm tensors reset, " + untouched.size() + " other float initializers kept";
        }
    }

    /**
     * The same network with the weights it learned replaced by a fresh random initialisation: convolution and
     * fully connected weights drawn from He et al.'s normal distribution {@code N(0, 2/fan_in)} (<i>Delving Deep
     * into Rectifiers</i>, ICCV 2015), biases zero, PReLU slopes 0.25, batch-normalisation parameters at their
     * initial values; other float constants (such as normalisation constants inside the graph) are kept. Each
     * tensor's values come from its own stream derived from {@code seed} and the tensor's name, so the same seed
     * gives the same bytes.
     */
    public static RandomInit randomlyInitialised(byte[] model, long seed) {
        OnnxMl.ModelProto.Builder m = parse(model, "model").toBuilder();
        OnnxMl.GraphProto.Builder g = m.getGraphBuilder();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < g.getInitializerCount(); i++) {
            index.put(g.getInitializer(i).getName(), i);
        }
        Map<String, String> role = new HashMap<>();
        Map<String, Long> fanIn = new HashMap<>();
        for (OnnxMl.NodeProto n : g.getNodeList()) {
            String op = n.getOpType();
            switch (op) {
                case "Conv", "ConvTranspose" -> {
                    if (n.getInputCount() > 1 && index.containsKey(n.getInput(1))) {
                        List<Long> d = g.getInitializer(index.get(n.getInput(1))).getDimsList();
                        long f = 1;
                        for (int k = 1; k < d.size(); k++) {
                            f *= d.get(k);
                        }
                        role.putIfAbsent(n.getInput(1), "weight");
                        fanIn.putIfAbsent(n.getInput(1), f);
                    }
                    if (n.getInputCount() > 2) {
                        role.putIfAbsent(n.getInput(2), "bias");
                    }
                }
                case "Gemm", "MatMul" -> {
                    if (n.getInputCount() > 1 && index.containsKey(n.getInput(1))) {
                        List<Long> d = g.getInitializer(index.get(n.getInput(1))).getDimsList();
                        boolean transB = false;
                        for (OnnxMl.AttributeProto a : n.getAttributeList()) {
                            if (a.getName().equals("transB")) {
                                transB = a.getI() != 0;
                            }
                        }
                        long f = d.size() < 2 ? 1 : transB ? d.get(d.size() - 1) : d.get(d.size() - 2);
                        role.putIfAbsent(n.getInput(1), "weight");
                        fanIn.putIfAbsent(n.getInput(1), f);
                    }
                    if (op.equals("Gemm") && n.getInputCount() > 2) {
                        role.putIfAbsent(n.getInput(2), "bias");
                    }
                }
                case "PRelu" -> {
                    if (n.getInputCount() > 1) {
                        role.putIfAbsent(n.getInput(1), "slope");
                    }
                }
                case "BatchNormalization" -> {
                    String[] r = {"bn-scale", "bn-shift", "bn-mean", "bn-var"};
                    for (int k = 1; k < Math.min(5, n.getInputCount()); k++) {
                        role.putIfAbsent(n.getInput(k), r[k - 1]);
                    }
                }
                default -> {
                }
            }
        }
        int weights = 0;
        long values = 0;
        int biases = 0;
        int slopes = 0;
        int bn = 0;
        List<String> untouched = new ArrayList<>();
        for (int i = 0; i < g.getInitializerCount(); i++) {
            OnnxMl.TensorProto.Builder t = g.getInitializerBuilder(i);
            if (t.getDataType() != FLOAT) {
                continue;
            }
            String r = role.get(t.getName());
            int n = elementCount(t);
            float[] v = new float[n];
            if (r == null) {
                untouched.add(t.getName());
                continue;
            }
            switch (r) {
                case "weight" -> {
                    UniformRandomProvider rng = Seeds.rng(Seeds.derive(seed, "onnx-init:" + t.getName()));
                    ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
                    double std = Math.sqrt(2.0 / Math.max(1, fanIn.get(t.getName())));
                    for (int k = 0; k < n; k++) {
                        v[k] = (float) (std * z.sample());
                    }
                    weights++;
                    values += n;
                }
                case "bias", "bn-shift", "bn-mean" -> {
                    if (r.equals("bias")) {
                        biases++;
                    } else {
                        bn++;
                    }
                }
                case "slope" -> {
                    java.util.Arrays.fill(v, 0.25f);
                    slopes++;
                }
                case "bn-scale", "bn-var" -> {
                    java.util.Arrays.fill(v, 1f);
                    bn++;
                }
                default -> throw new IllegalStateException("unhandled role " + r);
            }
            ByteBuffer b = ByteBuffer.allocate(n * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (float x : v) {
                b.putFloat(x);
            }
            t.clearFloatData().setRawData(ByteString.copyFrom(b.array()));
        }
        return new RandomInit(m.build().toByteArray(), weights, values, biases, slopes, bn, List.copyOf(untouched));
    }

    /**
     * The tensor where a tail of {@code layers} parametric layers ({@code Conv}, {@code Gemm}, {@code MatMul}) begins,
     * walking back from the graph's (first) output over a chain of operators in {@code chainOperators}, each tensor
     * of the chain consumed by the next operator only. The walk stops early at an operator outside the set, a branch
     * or the graph input; the tail then holds the parametric layers found (at least one is needed).
     *
     * @throws IllegalArgumentException if no parametric layer ends the graph
     */
    public static String tailTensor(byte[] model, int layers, Set<String> chainOperators) {
        if (layers < 1) {
            throw new IllegalArgumentException("Invalid tail size: " + layers + " layers (must be at least 1)");
        }
        OnnxMl.GraphProto g = parse(model, "model").getGraph();
        Map<String, OnnxMl.NodeProto> producer = new HashMap<>();
        Map<String, Integer> consumers = new HashMap<>();
        for (OnnxMl.NodeProto n : g.getNodeList()) {
            for (String o : n.getOutputList()) {
                producer.put(o, n);
            }
            for (String i : n.getInputList()) {
                consumers.merge(i, 1, Integer::sum);
            }
        }
        String tensor = g.getOutput(0).getName();
        String cut = null;
        int found = 0;
        while (found < layers) {
            OnnxMl.NodeProto n = producer.get(tensor);
            if (n == null || !chainOperators.contains(n.getOpType()) || n.getInputCount() == 0) {
                break;
            }
            String in = n.getInput(0);
            if (n.getOpType().equals("Conv") || n.getOpType().equals("Gemm") || n.getOpType().equals("MatMul")) {
                found++;
                cut = in;
            }
            if (consumers.getOrDefault(in, 0) != 1 || !producer.containsKey(in)) {
                break;
            }
            tensor = in;
        }
        if (cut == null) {
            throw new IllegalArgumentException("The graph does not end in a chain of supported operators with a "
                    + "parametric layer (Conv, Gemm or MatMul); name the cut tensor explicitly");
        }
        return cut;
    }

    /**
     * A graph cut at one tensor.
     *
     * @param trunk  the nodes that compute the tensor, followed by a {@code Flatten}: input as the original's, output
     *               {@value #TRUNK_OUTPUT} {@code [batch, C·H·W]}
     * @param tail   the nodes after it: input the tensor ({@code [1, C, H, W]}), outputs as the original's
     * @param tensor the cut tensor's name
     * @param shape  its shape for one image (batch first)
     */
    public record Cut(byte[] trunk, byte[] tail, String tensor, long[] shape) {
        /** Values per image at the cut. */
        public int size() {
            long n = 1;
            for (int i = 1; i < shape.length; i++) {
                n *= shape[i];
            }
            return Math.toIntExact(n);
        }
    }

    /** The trunk's output name. */
    public static final String TRUNK_OUTPUT = "tl4j_trunk_features";

    /**
     * Cuts {@code model} at {@code tensor} into a trunk and a tail; the tensor's shape is found by running the model
     * once on a zero input in ONNX Runtime.
     *
     * @throws IllegalArgumentException if the model has no such tensor, or it is an input or output
     */
    public static Cut cut(byte[] model, String tensor) {
        OnnxMl.ModelProto m = parse(model, "model");
        OnnxMl.GraphProto g = m.getGraph();
        Map<String, OnnxMl.NodeProto> producer = new HashMap<>();
        for (OnnxMl.NodeProto n : g.getNodeList()) {
            for (String o : n.getOutputList()) {
                producer.put(o, n);
            }
        }
        if (!producer.containsKey(tensor)) {
            throw new IllegalArgumentException("The model has no node output named '" + tensor + "' to cut at");
        }
        for (OnnxMl.ValueInfoProto o : g.getOutputList()) {
            if (o.getName().equals(tensor)) {
                throw new IllegalArgumentException("'" + tensor + "' is the model's output: nothing would be left to "
                        + "fine-tune");
            }
        }
        long[] shape = shapeOf(model, tensor);
        Set<OnnxMl.NodeProto> trunkNodes = closure(List.of(tensor), producer, Set.of());
        List<String> outs = new ArrayList<>();
        for (OnnxMl.ValueInfoProto o : g.getOutputList()) {
            outs.add(o.getName());
        }
        Set<OnnxMl.NodeProto> tailNodes = closure(outs, producer, Set.of(tensor));
        long flat = 1;
        for (int i = 1; i < shape.length; i++) {
            flat *= shape[i];
        }
        OnnxMl.GraphProto.Builder trunk = subgraph(g, trunkNodes, g.getName() + "-trunk");
        for (OnnxMl.ValueInfoProto in : g.getInputList()) {
            if (uses(trunkNodes, in.getName())) {
                trunk.addInput(in);
            }
        }
        trunk.addNode(OnnxMl.NodeProto.newBuilder().setOpType("Flatten").setName("tl4j_trunk_flatten")
                .addInput(tensor).addOutput(TRUNK_OUTPUT).addAttribute(OnnxMl.AttributeProto.newBuilder()
                        .setName("axis").setType(OnnxMl.AttributeProto.AttributeType.INT).setI(1)));
        trunk.addOutput(valueInfo(TRUNK_OUTPUT, new long[]{shape[0], flat}));
        OnnxMl.GraphProto.Builder tail = subgraph(g, tailNodes, g.getName() + "-tail");
        tail.addInput(valueInfo(tensor, shape));
        tail.addAllOutput(g.getOutputList());
        return new Cut(m.toBuilder().setGraph(trunk).build().toByteArray(),
                m.toBuilder().setGraph(tail).build().toByteArray(), tensor, shape);
    }

    /** The nodes needed to compute {@code targets}, not looking behind {@code stops}, in graph order. */
    private static Set<OnnxMl.NodeProto> closure(List<String> targets, Map<String, OnnxMl.NodeProto> producer,
                                                 Set<String> stops) {
        Set<OnnxMl.NodeProto> out = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(targets);
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String t = todo.pop();
            if (!seen.add(t) || stops.contains(t)) {
                continue;
            }
            OnnxMl.NodeProto n = producer.get(t);
            if (n != null && out.add(n)) {
                todo.addAll(n.getInputList());
            }
        }
        return out;
    }

    private static boolean uses(Set<OnnxMl.NodeProto> nodes, String tensor) {
        for (OnnxMl.NodeProto n : nodes) {
            if (n.getInputList().contains(tensor)) {
                return true;
            }
        }
        return false;
    }

    /** {@code nodes} in graph order with the initializers they read. */
    private static OnnxMl.GraphProto.Builder subgraph(OnnxMl.GraphProto g, Set<OnnxMl.NodeProto> nodes, String name) {
        OnnxMl.GraphProto.Builder b = OnnxMl.GraphProto.newBuilder().setName(name);
        Set<String> read = new HashSet<>();
        for (OnnxMl.NodeProto n : g.getNodeList()) {
            if (nodes.contains(n)) {
                b.addNode(n);
                read.addAll(n.getInputList());
            }
        }
        for (OnnxMl.TensorProto t : g.getInitializerList()) {
            if (read.contains(t.getName())) {
                b.addInitializer(t);
            }
        }
        return b;
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, long[] shape) {
        OnnxMl.TensorShapeProto.Builder s = OnnxMl.TensorShapeProto.newBuilder();
        for (long d : shape) {
            s.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(FLOAT).setShape(s))).build();
    }

    /**
     * The shape of {@code tensor} for one image: the model runs once in ONNX Runtime on zeros of its declared input
     * shape (symbolic dimensions taken as 1) with the tensor as an extra output.
     */
    static long[] shapeOf(byte[] model, String tensor) {
        OnnxMl.ModelProto.Builder m = parse(model, "model").toBuilder();
        OnnxMl.GraphProto.Builder g = m.getGraphBuilder();
        Set<String> inits = new HashSet<>();
        for (OnnxMl.TensorProto t : g.getInitializerList()) {
            inits.add(t.getName());
        }
        g.addOutput(OnnxMl.ValueInfoProto.newBuilder().setName(tensor).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(FLOAT))));
        ai.onnxruntime.OrtEnvironment env = ai.onnxruntime.OrtEnvironment.getEnvironment();
        try (ai.onnxruntime.OrtSession session = env.createSession(m.build().toByteArray(),
                new ai.onnxruntime.OrtSession.SessionOptions())) {
            Map<String, ai.onnxruntime.OnnxTensor> feed = new HashMap<>();
            try {
                for (OnnxMl.ValueInfoProto in : g.getInputList()) {
                    if (inits.contains(in.getName())) {
                        continue;
                    }
                    OnnxMl.TensorShapeProto sp = in.getType().getTensorType().getShape();
                    long[] dims = new long[sp.getDimCount()];
                    long n = 1;
                    for (int i = 0; i < dims.length; i++) {
                        dims[i] = sp.getDim(i).getDimValue() > 0 ? sp.getDim(i).getDimValue() : 1;
                        n *= dims[i];
                    }
                    feed.put(in.getName(), ai.onnxruntime.OnnxTensor.createTensor(env,
                            java.nio.FloatBuffer.wrap(new float[Math.toIntExact(n)]), dims));
                }
                try (ai.onnxruntime.OrtSession.Result r = session.run(feed, Set.of(tensor))) {
                    return ((ai.onnxruntime.TensorInfo) r.get(0).getInfo()).getShape();
                }
            } finally {
                feed.values().forEach(ai.onnxruntime.OnnxTensor::close);
            }
        } catch (ai.onnxruntime.OrtException e) {
            throw new IllegalArgumentException("ONNX Runtime could not run the model to find the shape of '" + tensor
                    + "': " + e.getMessage(), e);
        }
    }

    /**
     * The model with the float initializers named in {@code values} replaced (same shapes, new values; e.g. a tail's
     * fine-tuned weights written back into the original graph). Everything else is kept byte for byte.
     *
     * @throws IllegalArgumentException naming an initializer the model lacks or one whose size differs
     */
    public static byte[] withInitializers(byte[] model, Map<String, float[]> values) {
        OnnxMl.ModelProto.Builder m = parse(model, "model").toBuilder();
        OnnxMl.GraphProto.Builder g = m.getGraphBuilder();
        Set<String> done = new HashSet<>();
        for (int i = 0; i < g.getInitializerCount(); i++) {
            OnnxMl.TensorProto.Builder t = g.getInitializerBuilder(i);
            float[] v = values.get(t.getName());
            if (v == null) {
                continue;
            }
            if (t.getDataType() != FLOAT || elementCount(t) != v.length) {
                throw new IllegalArgumentException("Initializer '" + t.getName() + "' holds " + elementCount(t)
                        + " values of type " + t.getDataType() + ", given " + v.length + " floats");
            }
            ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (float x : v) {
                b.putFloat(x);
            }
            t.clearFloatData().setRawData(ByteString.copyFrom(b.array()));
            done.add(t.getName());
        }
        if (done.size() != values.size()) {
            Set<String> missing = new java.util.TreeSet<>(values.keySet());
            missing.removeAll(done);
            throw new IllegalArgumentException("The model has no initializers " + missing);
        }
        return m.build().toByteArray();
    }

    private static int elementCount(OnnxMl.TensorProtoOrBuilder t) {
        long n = 1;
        for (long d : t.getDimsList()) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Initializer '" + t.getName() + "' holds " + n + " values: too large");
        }
        return (int) n;
    }
}
