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
 * making a fixed batch dimension dynamic, changing a fully convolutional model's input size, and re-initialising a
 * network's weights at random for the negative-transfer control.
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
