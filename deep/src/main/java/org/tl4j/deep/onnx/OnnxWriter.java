package org.tl4j.deep.onnx;

import ai.djl.ndarray.types.Shape;
import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import org.tl4j.deep.net.Layer;
import org.tl4j.deep.net.Network;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a {@link Network}'s current parameters as an ONNX inference graph (opset {@value #OPSET}) built with the
 * ONNX protobuf classes of {@code tribuo-util-onnx}, for ONNX Runtime. Each {@link Layer} becomes the ONNX operators
 * that compute the same function at inference:
 * <ul>
 *   <li>{@code Conv} (pads, strides, groups), {@code Gemm} ({@code transB}) for linear layers;</li>
 *   <li>batch norm as {@code BatchNormalization} with its running statistics — not folded into the preceding
 *   convolution, so every trained tensor stays in the file under its own name and can be read back
 *   ({@link OnnxWeights}); ONNX Runtime fuses the pair itself when it optimises the graph;</li>
 *   <li>{@code Relu}, {@code PRelu} (slopes {@code [C, 1, 1]}), {@code MaxPool}, {@code AveragePool},
 *   {@code GlobalAveragePool} + {@code Flatten}, {@code Flatten}, {@code Concat} (axis 1), residuals as
 *   {@code Mul} by the scale + {@code Add} (+ {@code Relu}), L2 normalisation as {@code LpNormalization};</li>
 *   <li>dropout is the identity at inference and writes nothing.</li>
 * </ul>
 * Initializers carry the network's parameter names ({@code conv2d_1a.conv.weight}, {@code last_bn.runningVar});
 * the input is {@code [N, C, H, W]} with a symbolic batch dimension {@code N}, the output {@code [N, D]}.
 */
public final class OnnxWriter {
    /** The operator set written. */
    public static final int OPSET = 13;

    /**
     * How the graph is wrapped.
     *
     * @param inputName   the image input's name
     * @param outputName  the output's name
     * @param l2Normalise append an L2 normalisation of the output rows (FaceNet's embedding from its prelogits)
     * @param graphName   the graph's name (and the model's doc string)
     */
    public record Options(String inputName, String outputName, boolean l2Normalise, String graphName) {
        /** Validates the names. */
        public Options {
            Objects.requireNonNull(inputName, "inputName");
            Objects.requireNonNull(outputName, "outputName");
            Objects.requireNonNull(graphName, "graphName");
            if (inputName.isBlank() || outputName.isBlank() || inputName.equals(outputName)) {
                throw new IllegalArgumentException("ONNX input and output names must be distinct and non-empty: '"
                        + inputName + "', '" + outputName + "'");
            }
        }
    }

    private final Network net;
    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
    private int counter;

    private OnnxWriter(Network net) {
        this.net = net;
    }

    /** The ONNX model of {@code net} with its current parameters, serialised. */
    public static byte[] write(Network net, Options options) {
        return model(net, options).toByteArray();
    }

    /** The ONNX model of {@code net} with its current parameters. */
    public static OnnxMl.ModelProto model(Network net, Options options) {
        OnnxWriter w = new OnnxWriter(net);
        OnnxMl.GraphProto.Builder g = w.graph;
        g.setName(options.graphName());
        long[] in = net.inputShape();
        g.addInput(valueInfo(options.inputName(), in));
        String x = w.layer(net.root(), "", options.inputName(), in.length);
        if (options.l2Normalise()) {
            x = w.node("LpNormalization", "l2_normalise", List.of(x), List.of(attr("axis", 1), attr("p", 2)));
        }
        g.addNode(OnnxMl.NodeProto.newBuilder().setOpType("Identity").setName("output").addInput(x)
                .addOutput(options.outputName()));
        long[] outShape = net.block().getOutputShapes(new Shape[]{new Shape(in)})[0].getShape();
        g.addOutput(valueInfo(options.outputName(), outShape));
        return OnnxMl.ModelProto.newBuilder().setIrVersion(7).setProducerName("tl4j").setProducerVersion("deep")
                .setDocString(options.graphName()).setGraph(g)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).build();
    }

    /** Emits {@code l} reading tensor {@code x} of rank {@code rank}; returns its output tensor's name. */
    private String layer(Layer l, String parent, String x, int rank) {
        String path = parent.isEmpty() && !(l instanceof Layer.Sequence || l instanceof Layer.Concat
                || l instanceof Layer.Residual) ? l.name() : parent;
        if (l instanceof Layer.Conv c) {
            List<String> inputs = new ArrayList<>(List.of(x, init(path + ".weight")));
            if (c.bias()) {
                inputs.add(init(path + ".bias"));
            }
            return node("Conv", path, inputs, List.of(ints("kernel_shape", c.kh(), c.kw()),
                    ints("strides", c.sh(), c.sw()), ints("pads", c.ph(), c.pw(), c.ph(), c.pw()),
                    ints("dilations", 1, 1), attr("group", c.groups())));
        }
        if (l instanceof Layer.BatchNorm b) {
            return node("BatchNormalization", path, List.of(x, init(path + ".gamma"), init(path + ".beta"),
                    init(path + ".runningMean"), init(path + ".runningVar")), List.of(attr("epsilon", b.epsilon())));
        }
        if (l instanceof Layer.Relu) {
            return node("Relu", path, List.of(x), List.of());
        }
        if (l instanceof Layer.Prelu) {
            String name = path + ".alpha";
            long c = net.shape(name)[0];
            addInitializer(name, rank == 4 ? new long[]{c, 1, 1} : new long[]{c}, net.values(name));
            return node("PRelu", path, List.of(x, name), List.of());
        }
        if (l instanceof Layer.MaxPool p) {
            return node("MaxPool", path, List.of(x), List.of(ints("kernel_shape", p.k(), p.k()),
                    ints("strides", p.s(), p.s()), ints("pads", p.p(), p.p(), p.p(), p.p())));
        }
        if (l instanceof Layer.AvgPool p) {
            return node("AveragePool", path, List.of(x), List.of(ints("kernel_shape", p.k(), p.k()),
                    ints("strides", p.s(), p.s())));
        }
        if (l instanceof Layer.GlobalAvgPool) {
            String pooled = node("GlobalAveragePool", path, List.of(x), List.of());
            return node("Flatten", path + ".flatten", List.of(pooled), List.of(attr("axis", 1)));
        }
        if (l instanceof Layer.Flatten) {
            return node("Flatten", path, List.of(x), List.of(attr("axis", 1)));
        }
        if (l instanceof Layer.Linear li) {
            List<String> inputs = new ArrayList<>(List.of(x, init(path + ".weight")));
            if (li.bias()) {
                inputs.add(init(path + ".bias"));
            }
            return node("Gemm", path, inputs, List.of(attr("transB", 1)));
        }
        if (l instanceof Layer.Dropout) {
            return x;
        }
        if (l instanceof Layer.L2Normalise) {
            return node("LpNormalization", path, List.of(x), List.of(attr("axis", 1), attr("p", 2)));
        }
        if (l instanceof Layer.Sequence s) {
            String y = x;
            int r = rank;
            for (Layer c : s.layers()) {
                y = layer(c, Network.child(parent, c.name()), y, r);
                if (c instanceof Layer.GlobalAvgPool || c instanceof Layer.Flatten) {
                    r = 2;
                }
            }
            return y;
        }
        if (l instanceof Layer.Concat c) {
            List<String> outs = new ArrayList<>();
            for (Layer b : c.branches()) {
                outs.add(layer(b, Network.child(parent, b.name()), x, rank));
            }
            return node("Concat", parent + ".concat", outs, List.of(attr("axis", 1)));
        }
        if (l instanceof Layer.Residual r) {
            String up = layer(r.branch(), Network.child(parent, r.branch().name()), x, rank);
            String scaleName = parent + ".scale";
            addInitializer(scaleName, new long[0], new float[]{r.scale()});
            String scaled = node("Mul", parent + ".mul", List.of(up, scaleName), List.of());
            String sum = node("Add", parent + ".add", List.of(x, scaled), List.of());
            return r.relu() ? node("Relu", parent + ".relu", List.of(sum), List.of()) : sum;
        }
        throw new IllegalStateException("Unknown layer " + l);
    }

    private String init(String name) {
        addInitializer(name, net.shape(name), net.values(name));
        return name;
    }

    private void addInitializer(String name, long[] dims, float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT_VALUE).setRawData(ByteString.copyFrom(buf.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
    }

    private String node(String op, String name, List<String> inputs, List<OnnxMl.AttributeProto> attrs) {
        String out = "t" + (counter++) + "_" + op;
        graph.addNode(OnnxMl.NodeProto.newBuilder().setOpType(op).setName(name.isEmpty() ? out : name + ":" + op)
                .addAllInput(inputs).addOutput(out).addAllAttribute(attrs));
        return out;
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, long[] shape) {
        OnnxMl.TensorShapeProto.Builder s = OnnxMl.TensorShapeProto.newBuilder();
        for (int i = 0; i < shape.length; i++) {
            s.addDim(i == 0 ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                    : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(shape[i]));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(OnnxMl.TensorProto.DataType.FLOAT_VALUE).setShape(s))).build();
    }

    private static OnnxMl.AttributeProto attr(String name, long v) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INT)
                .setI(v).build();
    }

    private static OnnxMl.AttributeProto attr(String name, float v) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.FLOAT)
                .setF(v).build();
    }

    private static OnnxMl.AttributeProto ints(String name, long... v) {
        OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.INTS);
        for (long x : v) {
            a.addInts(x);
        }
        return a.build();
    }
}
