package org.tl4j.backbone;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import org.apache.commons.rng.UniformRandomProvider;
import org.tl4j.core.learn.Seeds;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Tiny ONNX models and images built in memory for tests that must run without the shared data. */
public final class TinyOnnx {
    private TinyOnnx() {
    }

    /**
     * A linear embedding model: {@code output = flatten(input) · W} with seeded weights {@code W}
     * ({@code 3·size·size × dim}).
     *
     * @param fixedBatch declare batch 1 (flattened by a {@code Reshape} to {@code [1, −1]}) instead of a dynamic batch
     */
    public static byte[] linear(int size, int dim, boolean fixedBatch, long seed, String inName, String outName) {
        int in = 3 * size * size;
        float[] w = weights(in, dim, seed);
        OnnxMl.GraphProto.Builder g = OnnxMl.GraphProto.newBuilder().setName("tiny");
        g.addInitializer(floatTensor("W", new long[]{in, dim}, w));
        if (fixedBatch) {
            g.addInitializer(longTensor("shape", new long[]{1, -1}));
            g.addNode(OnnxMl.NodeProto.newBuilder().setOpType("Reshape").addInput(inName).addInput("shape")
                    .addOutput("flat").setName("reshape"));
        } else {
            g.addNode(OnnxMl.NodeProto.newBuilder().setOpType("Flatten").addInput(inName).addOutput("flat")
                    .setName("flatten").addAttribute(OnnxMl.AttributeProto.newBuilder().setName("axis").setI(1)
                            .setType(OnnxMl.AttributeProto.AttributeType.INT)));
        }
        g.addNode(OnnxMl.NodeProto.newBuilder().setOpType("MatMul").addInput("flat").addInput("W").addOutput(outName)
                .setName("matmul"));
        g.addInput(valueInfo(inName, fixedBatch ? 1 : -1, 3, size, size));
        g.addOutput(valueInfo(outName, fixedBatch ? 1 : -1, dim));
        return model(g);
    }

    /** The weights {@link #linear} uses, row-major {@code in × dim}. */
    public static float[] weights(int in, int dim, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        float[] w = new float[in * dim];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return w;
    }

    public static byte[] model(OnnxMl.GraphProto.Builder g) {
        return OnnxMl.ModelProto.newBuilder().setIrVersion(7).setProducerName("tl4j-test")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(g).build().toByteArray();
    }

    public static OnnxMl.ValueInfoProto valueInfo(String name, long... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                    : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(1).setShape(shape))).build();
    }

    public static OnnxMl.TensorProto floatTensor(String name, long[] dims, float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(1)
                .setRawData(ByteString.copyFrom(b.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    public static OnnxMl.TensorProto longTensor(String name, long[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) {
            b.putLong(x);
        }
        return OnnxMl.TensorProto.newBuilder().setName(name).setDataType(7).addDims(v.length)
                .setRawData(ByteString.copyFrom(b.array())).build();
    }

    /** {@code flatten(x) · W}, L2-normalised: what {@link #linear} computes for one image. */
    public static float[] expected(float[] x, int offset, int in, float[] w, int dim) {
        float[] out = new float[dim];
        for (int j = 0; j < dim; j++) {
            double s = 0;
            for (int i = 0; i < in; i++) {
                s += (double) x[offset + i] * w[i * dim + j];
            }
            out[j] = (float) s;
        }
        OnnxBackbone.l2Normalise(out);
        return out;
    }

    /** A PNG of a gray image with the given row-major values. */
    public static byte[] grayPng(int w, int h, int[] values) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, values[y * w + x]);
            }
        }
        return png(img);
    }

    /** A PNG of a colour image with the given row-major RGB values. */
    public static byte[] rgbPng(int w, int h, int[][] rgb) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] p = rgb[y * w + x];
                img.setRGB(x, y, (p[0] << 16) | (p[1] << 8) | p[2]);
            }
        }
        return png(img);
    }

    public static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }

    /** The image encoded as a baseline JPEG by the JDK's writer (default quality). */
    public static byte[] jpeg(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, "jpg", out)) {
            throw new IllegalStateException("no JPEG writer");
        }
        return out.toByteArray();
    }

    /**
     * A {@code w × h} image of smooth gradients plus seeded noise (so its JPEG has many coefficients), gray
     * ({@code TYPE_BYTE_GRAY}) or colour ({@code TYPE_3BYTE_BGR}).
     */
    public static BufferedImage noiseImage(int w, int h, boolean colour, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        BufferedImage img = new BufferedImage(w, h, colour ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (colour) {
                    int r = Math.min(255, 4 * x + rng.nextInt(30));
                    int g = Math.min(255, 3 * y + rng.nextInt(30));
                    int b = Math.min(255, 2 * (x + y) + rng.nextInt(30)) & 0xff;
                    img.setRGB(x, y, (r << 16) | (g << 8) | b);
                } else {
                    img.getRaster().setSample(x, y, 0, Math.min(255, 2 * x + y + rng.nextInt(60)));
                }
            }
        }
        return img;
    }

    /**
     * A small labelled image set: class {@code c} of {@code classes} has a distinctive pattern (a gradient whose
     * direction depends on the class) plus seeded noise.
     */
    public static byte[] patternImage(int cls, int size, long seed) throws IOException {
        UniformRandomProvider rng = Seeds.rng(seed);
        int[] v = new int[size * size];
        double angle = Math.PI * cls / 3;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double g = ((x - size / 2.0) * Math.cos(angle) + (y - size / 2.0) * Math.sin(angle)) / size;
                v[y * size + x] = (int) Math.max(0, Math.min(255, 128 + 200 * g + rng.nextInt(41) - 20));
            }
        }
        return grayPng(size, size, v);
    }
}
