package org.tl4j.deep.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import org.tl4j.deep.net.Layer;
import org.tl4j.deep.net.Network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a chain of ONNX inference operators (e.g. the last layers of a pretrained embedding network, cut from its
 * graph) as a {@link Layer} description that {@link Network#build} makes trainable, and binds each DJL parameter to
 * the ONNX initializer it comes from — the reverse of {@link OnnxWriter} for graphs tl4j did not write, and the
 * way back ({@link #exportWeights}) for writing fine-tuned values into the original graph.
 * <p>
 * Supported, each node's data input being the previous node's output: {@code Conv} (symmetric pads, unit
 * dilations), {@code BatchNormalization}, {@code Relu}, {@code PRelu}, {@code GlobalAveragePool} (+ the
 * {@code Flatten} after it), {@code Flatten} (axis 1), {@code Reshape} to two dimensions (a flatten),
 * {@code Gemm} ({@code alpha = beta = 1}, either {@code transB}), {@code MatMul} by an initializer (+ an
 * {@code Add} of an initializer bias), {@code LpNormalization} ({@code p = 2}, last axis), and {@code Identity} /
 * {@code Dropout} (nothing at inference). Anything else is refused, naming the node and the operator, so a caller
 * can cut the graph later.
 */
public final class OnnxImport {

    /** The operators {@link #read} imports. */
    public static final java.util.Set<String> OPERATORS = java.util.Set.of("Conv", "BatchNormalization", "Relu", "PRelu",
            "GlobalAveragePool", "Flatten", "Reshape", "Gemm", "MatMul", "Add", "LpNormalization", "Identity",
            "Dropout");

    /**
     * Where a DJL parameter comes from.
     *
     * @param initializer the ONNX initializer's name
     * @param transposed  whether the ONNX tensor is the transpose of the DJL parameter ({@code MatMul} and
     *                    {@code Gemm} with {@code transB = 0} store {@code [in, out]}; DJL's linear weight is
     *                    {@code [out, in]})
     */
    public record Binding(String initializer, boolean transposed) {
    }

    /**
     * An imported chain.
     *
     * @param root       the layers, as one sequence named {@code tail}
     * @param inputShape the input shape (batch first) the graph declares
     * @param bindings   DJL parameter name (as {@link Network#parameters()}) → its initializer
     * @param units      the parametric layers' names in order, bottom to top (the parameters of a PReLU or batch
     *                   norm belong to the parametric layer before it), for unfreezing from the top
     */
    public record Imported(Layer root, long[] inputShape, Map<String, Binding> bindings,
                           List<List<String>> units) {
    }

    private OnnxImport() {
    }

    /**
     * Imports {@code model}, a graph with one non-initializer input.
     *
     * @throws IllegalArgumentException naming the node and operator that cannot be imported, or a malformed model
     */
    public static Imported read(byte[] model) {
        OnnxMl.GraphProto g;
        try {
            g = OnnxMl.ModelProto.parseFrom(model).getGraph();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Not an ONNX model: " + e.getMessage(), e);
        }
        Map<String, OnnxMl.TensorProto> inits = new HashMap<>();
        for (OnnxMl.TensorProto t : g.getInitializerList()) {
            inits.put(t.getName(), t);
        }
        List<OnnxMl.ValueInfoProto> inputs = new ArrayList<>();
        for (OnnxMl.ValueInfoProto v : g.getInputList()) {
            if (!inits.containsKey(v.getName())) {
                inputs.add(v);
            }
        }
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("Expected one input tensor, the graph has " + inputs.size());
        }
        OnnxMl.TensorShapeProto s = inputs.get(0).getType().getTensorType().getShape();
        long[] inputShape = new long[s.getDimCount()];
        for (int i = 0; i < inputShape.length; i++) {
            inputShape[i] = i == 0 ? 1 : s.getDim(i).getDimValue();
            if (i > 0 && inputShape[i] <= 0) {
                throw new IllegalArgumentException("Input '" + inputs.get(0).getName() + "' has no fixed size in "
                        + "dimension " + i);
            }
        }
        Map<String, long[]> constants = new HashMap<>();
        for (OnnxMl.NodeProto n : g.getNodeList()) {
            if (n.getOpType().equals("Constant") && n.getOutputCount() == 1) {
                for (OnnxMl.AttributeProto a : n.getAttributeList()) {
                    if (a.hasT()) {
                        constants.put(n.getOutput(0), longs(a.getT()));
                    }
                }
            }
        }
        List<Layer> layers = new ArrayList<>();
        Map<String, Binding> bindings = new LinkedHashMap<>();
        List<List<String>> units = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String current = inputs.get(0).getName();
        int rank = inputShape.length;
        int index = 0;
        List<OnnxMl.NodeProto> nodes = new ArrayList<>();
        for (OnnxMl.NodeProto n : g.getNodeList()) {
            if (!n.getOpType().equals("Constant")) {
                nodes.add(n);
            }
        }
        for (int k = 0; k < nodes.size(); k++) {
            OnnxMl.NodeProto n = nodes.get(k);
            String where = "node " + index + " '" + n.getName() + "' (" + n.getOpType() + ")";
            if (n.getInputCount() == 0 || !n.getInput(0).equals(current)) {
                throw new IllegalArgumentException("Cannot import " + where + ": its input is not the previous "
                        + "node's output (only a chain of operators is supported); cut the graph after it");
            }
            String name = uniqueName(n.getName(), index++, names);
            Map<String, OnnxMl.AttributeProto> at = new HashMap<>();
            for (OnnxMl.AttributeProto a : n.getAttributeList()) {
                at.put(a.getName(), a);
            }
            switch (n.getOpType()) {
                case "Conv" -> {
                    OnnxMl.TensorProto w = initializer(inits, n, 1, where);
                    long[] kernel = at.containsKey("kernel_shape") ? ints(at.get("kernel_shape"))
                            : new long[]{w.getDims(2), w.getDims(3)};
                    long[] strides = at.containsKey("strides") ? ints(at.get("strides")) : new long[]{1, 1};
                    long[] pads = at.containsKey("pads") ? ints(at.get("pads")) : new long[]{0, 0, 0, 0};
                    long[] dil = at.containsKey("dilations") ? ints(at.get("dilations")) : new long[]{1, 1};
                    long group = at.containsKey("group") ? at.get("group").getI() : 1;
                    if (at.containsKey("auto_pad") && !at.get("auto_pad").getS().toStringUtf8().equals("NOTSET")) {
                        throw new IllegalArgumentException("Cannot import " + where + ": auto_pad is not supported");
                    }
                    if (kernel.length != 2 || pads[0] != pads[2] || pads[1] != pads[3] || dil[0] != 1 || dil[1] != 1) {
                        throw new IllegalArgumentException("Cannot import " + where + ": only 2-D convolutions with "
                                + "symmetric padding and unit dilation are supported");
                    }
                    boolean bias = n.getInputCount() > 2 && !n.getInput(2).isEmpty();
                    layers.add(new Layer.Conv(name, (int) w.getDims(0), (int) kernel[0], (int) kernel[1],
                            (int) strides[0], (int) strides[1], (int) pads[0], (int) pads[1], (int) group, bias));
                    bindings.put(name + ".weight", new Binding(n.getInput(1), false));
                    List<String> unit = new ArrayList<>(List.of(name + ".weight"));
                    if (bias) {
                        initializer(inits, n, 2, where);
                        bindings.put(name + ".bias", new Binding(n.getInput(2), false));
                        unit.add(name + ".bias");
                    }
                    units.add(unit);
                }
                case "BatchNormalization" -> {
                    float eps = at.containsKey("epsilon") ? at.get("epsilon").getF() : 1e-5f;
                    layers.add(new Layer.BatchNorm(name, eps, 0.9f, true, true));
                    String[] p = {"gamma", "beta", "runningMean", "runningVar"};
                    for (int i = 0; i < 4; i++) {
                        initializer(inits, n, i + 1, where);
                        bindings.put(name + "." + p[i], new Binding(n.getInput(i + 1), false));
                    }
                    attachToLastUnit(units, List.of(name + ".gamma", name + ".beta"));
                }
                case "Relu" -> layers.add(new Layer.Relu(name));
                case "PRelu" -> {
                    initializer(inits, n, 1, where);
                    layers.add(new Layer.Prelu(name));
                    bindings.put(name + ".alpha", new Binding(n.getInput(1), false));
                    attachToLastUnit(units, List.of(name + ".alpha"));
                }
                case "GlobalAveragePool" -> {
                    layers.add(new Layer.GlobalAvgPool(name));
                    rank = 2;
                    if (k + 1 < nodes.size() && nodes.get(k + 1).getOpType().equals("Flatten")
                            && nodes.get(k + 1).getInput(0).equals(n.getOutput(0))) {
                        n = nodes.get(++k);
                    }
                }
                case "Flatten" -> {
                    long axis = at.containsKey("axis") ? at.get("axis").getI() : 1;
                    if (axis != 1) {
                        throw new IllegalArgumentException("Cannot import " + where + ": only axis 1 is supported");
                    }
                    if (rank > 2) {
                        layers.add(new Layer.Flatten(name));
                    }
                    rank = 2;
                }
                case "Reshape" -> {
                    long[] shape = n.getInputCount() > 1 && inits.containsKey(n.getInput(1)) ? longs(inits.get(n.getInput(1)))
                            : constants.get(n.getInput(1));
                    if (shape == null || shape.length != 2) {
                        throw new IllegalArgumentException("Cannot import " + where + ": only a reshape to two "
                                + "dimensions by a constant shape (a flatten) is supported");
                    }
                    if (rank > 2) {
                        layers.add(new Layer.Flatten(name));
                    }
                    rank = 2;
                }
                case "Gemm", "MatMul" -> {
                    boolean gemm = n.getOpType().equals("Gemm");
                    if (gemm && ((at.containsKey("alpha") && at.get("alpha").getF() != 1f)
                            || (at.containsKey("beta") && at.get("beta").getF() != 1f)
                            || (at.containsKey("transA") && at.get("transA").getI() != 0))) {
                        throw new IllegalArgumentException("Cannot import " + where + ": only alpha = beta = 1 and "
                                + "transA = 0 are supported");
                    }
                    if (rank != 2) {
                        throw new IllegalArgumentException("Cannot import " + where + ": its input has rank " + rank
                                + ", expected 2 (flatten first)");
                    }
                    OnnxMl.TensorProto w = initializer(inits, n, 1, where);
                    boolean transposed = !gemm || !at.containsKey("transB") || at.get("transB").getI() == 0;
                    int units0 = (int) (transposed ? w.getDims(1) : w.getDims(0));
                    String biasName = gemm && n.getInputCount() > 2 && !n.getInput(2).isEmpty() ? n.getInput(2) : null;
                    if (!gemm && k + 1 < nodes.size() && nodes.get(k + 1).getOpType().equals("Add")
                            && nodes.get(k + 1).getInput(0).equals(n.getOutput(0))
                            && inits.containsKey(nodes.get(k + 1).getInput(1))) {
                        n = nodes.get(++k);
                        biasName = n.getInput(1);
                    }
                    layers.add(new Layer.Linear(name, units0, biasName != null));
                    bindings.put(name + ".weight", new Binding(w.getName(), transposed));
                    List<String> unit = new ArrayList<>(List.of(name + ".weight"));
                    if (biasName != null) {
                        bindings.put(name + ".bias", new Binding(biasName, false));
                        unit.add(name + ".bias");
                    }
                    units.add(unit);
                }
                case "LpNormalization" -> {
                    long p = at.containsKey("p") ? at.get("p").getI() : 2;
                    long axis = at.containsKey("axis") ? at.get("axis").getI() : -1;
                    if (p != 2 || rank != 2 || !(axis == 1 || axis == -1)) {
                        throw new IllegalArgumentException("Cannot import " + where + ": only the L2 norm of rows is "
                                + "supported");
                    }
                    layers.add(new Layer.L2Normalise(name, 1e-12f));
                }
                case "Identity", "Dropout" -> {
                    // nothing at inference
                }
                default -> throw new IllegalArgumentException("Cannot import " + where + ": operator "
                        + n.getOpType() + " is not supported; cut the graph after it");
            }
            current = n.getOutput(0);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("The graph holds no layer to import");
        }
        return new Imported(new Layer.Sequence("tail", layers), inputShape, Collections.unmodifiableMap(bindings),
                List.copyOf(units));
    }

    /** Sets {@code net}'s parameters from {@code model}'s initializers through {@code imported}'s bindings. */
    public static void load(Network net, Imported imported, byte[] model) {
        Map<String, OnnxWeights.Tensor> t = OnnxWeights.read(model);
        for (Map.Entry<String, Binding> e : imported.bindings().entrySet()) {
            OnnxWeights.Tensor v = t.get(e.getValue().initializer());
            if (v == null) {
                throw new IllegalArgumentException("The model has no initializer '" + e.getValue().initializer()
                        + "' for parameter '" + e.getKey() + "'");
            }
            net.set(e.getKey(), e.getValue().transposed() ? transpose(v.values(), (int) v.dims()[0], (int) v.dims()[1])
                    : v.values());
        }
    }

    /**
     * The network's current parameters as values of the initializers they were imported from (transposed back where
     * the ONNX layout is), for writing them into the original graph.
     */
    public static Map<String, float[]> exportWeights(Network net, Imported imported) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Binding> e : imported.bindings().entrySet()) {
            float[] v = net.values(e.getKey());
            if (e.getValue().transposed()) {
                long[] s = net.shape(e.getKey());
                v = transpose(v, (int) s[0], (int) s[1]);
            }
            out.put(e.getValue().initializer(), v);
        }
        return out;
    }

    /** The transpose of a row-major {@code rows × cols} matrix. */
    static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[r * cols + c];
            }
        }
        return t;
    }

    private static void attachToLastUnit(List<List<String>> units, List<String> params) {
        if (units.isEmpty()) {
            units.add(new ArrayList<>(params));
        } else {
            units.get(units.size() - 1).addAll(params);
        }
    }

    private static OnnxMl.TensorProto initializer(Map<String, OnnxMl.TensorProto> inits, OnnxMl.NodeProto n, int i,
                                                  String where) {
        OnnxMl.TensorProto t = n.getInputCount() > i ? inits.get(n.getInput(i)) : null;
        if (t == null) {
            throw new IllegalArgumentException("Cannot import " + where + ": input " + i + " is not an initializer");
        }
        return t;
    }

    private static String uniqueName(String onnxName, int index, Set<String> used) {
        String s = onnxName.replaceAll("[^A-Za-z0-9_]", "_");
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            s = "layer_" + index + (s.isEmpty() ? "" : "_" + s);
        }
        String out = s;
        for (int k = 2; !used.add(out.toLowerCase(Locale.ROOT)); k++) {
            out = s + "_" + k;
        }
        return out;
    }

    private static long[] ints(OnnxMl.AttributeProto a) {
        long[] v = new long[a.getIntsCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.getInts(i);
        }
        return v;
    }

    private static long[] longs(OnnxMl.TensorProto t) {
        if (t.getInt64DataCount() > 0) {
            long[] v = new long[t.getInt64DataCount()];
            for (int i = 0; i < v.length; i++) {
                v[i] = t.getInt64Data(i);
            }
            return v;
        }
        java.nio.ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long[] v = new long[b.remaining() / Long.BYTES];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getLong();
        }
        return v;
    }
}
