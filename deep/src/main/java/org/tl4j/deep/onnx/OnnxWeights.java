package org.tl4j.deep.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import org.tl4j.deep.net.Network;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The reverse of {@link OnnxWriter}: reads the float initializers of an ONNX model and loads them into a
 * {@link Network}'s parameters by name, e.g. to fine-tune a pretrained graph's last layers in DJL and write them
 * back. Names are mapped by a function from the network's parameter name to the initializer's (the identity for
 * files this package wrote).
 */
public final class OnnxWeights {

    /**
     * One initializer.
     *
     * @param dims   its shape
     * @param values its values, row-major
     */
    public record Tensor(long[] dims, float[] values) {
    }

    private OnnxWeights() {
    }

    /**
     * Every float initializer of {@code model} by name (raw little-endian data or {@code float_data}).
     *
     * @throws IllegalArgumentException if the bytes are not an ONNX model or an initializer's size disagrees with
     *                                  its shape
     */
    public static Map<String, Tensor> read(byte[] model) {
        OnnxMl.ModelProto m;
        try {
            m = OnnxMl.ModelProto.parseFrom(model);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Not an ONNX model: " + e.getMessage(), e);
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (OnnxMl.TensorProto t : m.getGraph().getInitializerList()) {
            if (t.getDataType() != OnnxMl.TensorProto.DataType.FLOAT_VALUE) {
                continue;
            }
            long n = 1;
            long[] dims = new long[t.getDimsCount()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = t.getDims(i);
                n *= dims[i];
            }
            float[] v;
            if (!t.getRawData().isEmpty()) {
                ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                v = new float[b.remaining() / Float.BYTES];
                b.asFloatBuffer().get(v);
            } else {
                v = new float[t.getFloatDataCount()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = t.getFloatData(i);
                }
            }
            if (v.length != n) {
                throw new IllegalArgumentException("Initializer '" + t.getName() + "' holds " + v.length
                        + " values for shape " + java.util.Arrays.toString(dims));
            }
            out.put(t.getName(), new Tensor(dims, v));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Sets every parameter of {@code net} from the initializer {@code onnxName.apply(parameterName)}.
     *
     * @return the names of the initializers used
     * @throws IllegalArgumentException listing the parameters without an initializer, or naming one whose size
     *                                  differs
     */
    public static List<String> load(Network net, Map<String, Tensor> initializers, UnaryOperator<String> onnxName) {
        List<String> missing = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (String p : net.parameters().keySet()) {
            String name = onnxName.apply(p);
            Tensor t = name == null ? null : initializers.get(name);
            if (t == null) {
                missing.add(p + (name == null || name.equals(p) ? "" : " (as '" + name + "')"));
                continue;
            }
            net.set(p, t.values());
            used.add(name);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(missing.size() + " of " + net.parameters().size() + " parameters have no "
                    + "initializer in the ONNX model, e.g. " + missing.subList(0, Math.min(5, missing.size()))
                    + "; map the names with the onnxName function");
        }
        return used;
    }

    /** {@link #load(Network, Map, UnaryOperator)} with the network's own names (files written by {@link OnnxWriter}). */
    public static List<String> load(Network net, byte[] model) {
        return load(net, read(model), UnaryOperator.identity());
    }
}
