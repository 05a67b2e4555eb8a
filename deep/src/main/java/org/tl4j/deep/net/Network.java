package org.tl4j.deep.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import org.apache.commons.rng.UniformRandomProvider;
import org.tl4j.core.learn.Seeds;
import org.tl4j.deep.DeepEngine;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link Layer} description built as a trainable DJL block on the PyTorch engine, with its parameters named by
 * layer path ({@code conv2d_1a.conv.weight}) so they can be read, written, exported to ONNX and loaded from ONNX.
 * <p>
 * {@link #initialise(long)} draws every parameter from tl4j's own seeded generators (xoroshiro128++ per parameter
 * name), so the same seed gives the same weights bit for bit on any engine or thread count: weights of convolutions
 * and linear layers Glorot-uniform (Glorot &amp; Bengio, AISTATS 2010; TensorFlow's {@code xavier_initializer},
 * which FaceNet uses), biases and β zero, γ one, running mean 0 and variance 1, PReLU slopes 0.25.
 * <p>
 * Not thread-safe; close it to free the native arrays.
 */
public final class Network implements AutoCloseable {
    private final Layer root;
    private final Block block;
    private final NDManager manager;
    private final ParameterStore store;
    private final long[] inputShape;
    private final Map<String, Parameter> parameters;
    private final Map<String, Layer> owners;

    private Network(Layer root, Block block, NDManager manager, long[] inputShape, Map<String, Parameter> parameters,
                    Map<String, Layer> owners) {
        this.root = root;
        this.block = block;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
        this.inputShape = inputShape;
        this.parameters = parameters;
        this.owners = owners;
    }

    /**
     * Builds {@code root} for inputs of shape {@code inputShape} (batch first; the batch size given does not bind)
     * and initialises it with seed 0.
     *
     * @throws IllegalArgumentException if the layers do not fit the input (e.g. a residual branch changes shape)
     */
    public static Network build(Layer root, long... inputShape) {
        Objects.requireNonNull(root, "root");
        if (inputShape.length < 2) {
            throw new IllegalArgumentException("Input shape " + Arrays.toString(inputShape) + ": need [N, C, ...]");
        }
        Map<String, Block> blocks = new LinkedHashMap<>();
        Map<String, Layer> layers = new LinkedHashMap<>();
        Block b = toBlock(root, "", blocks, layers);
        NDManager m = DeepEngine.newManager();
        try {
            b.initialize(m, DataType.FLOAT32, new Shape(inputShape));
        } catch (RuntimeException e) {
            m.close();
            throw new IllegalArgumentException("Network '" + root.name() + "' does not fit input "
                    + Arrays.toString(inputShape) + ": " + e.getMessage(), e);
        }
        Map<String, Parameter> params = new LinkedHashMap<>();
        Map<String, Layer> owners = new LinkedHashMap<>();
        for (Map.Entry<String, Block> e : blocks.entrySet()) {
            for (var p : e.getValue().getDirectParameters()) {
                String name = e.getKey() + "." + p.getKey();
                params.put(name, p.getValue());
                owners.put(name, layers.get(e.getKey()));
            }
        }
        Network n = new Network(root, b, m, inputShape.clone(), Collections.unmodifiableMap(params),
                Collections.unmodifiableMap(owners));
        n.initialise(0);
        return n;
    }

    private static Block toBlock(Layer l, String path, Map<String, Block> blocks, Map<String, Layer> layers) {
        Block b;
        if (l instanceof Layer.Conv c) {
            b = Conv2d.builder().setKernelShape(new Shape(c.kh(), c.kw())).optStride(new Shape(c.sh(), c.sw()))
                    .optPadding(new Shape(c.ph(), c.pw())).setFilters(c.filters()).optGroups(c.groups())
                    .optBias(c.bias()).build();
        } else if (l instanceof Layer.BatchNorm n) {
            b = ai.djl.nn.norm.BatchNorm.builder().optEpsilon(n.epsilon()).optMomentum(n.momentum())
                    .optScale(n.scale()).optCenter(n.center()).build();
        } else if (l instanceof Layer.Relu) {
            b = Activation.reluBlock();
        } else if (l instanceof Layer.Prelu) {
            b = new ChannelPrelu();
        } else if (l instanceof Layer.MaxPool p) {
            b = Pool.maxPool2dBlock(new Shape(p.k(), p.k()), new Shape(p.s(), p.s()), new Shape(p.p(), p.p()));
        } else if (l instanceof Layer.AvgPool p) {
            b = Pool.avgPool2dBlock(new Shape(p.k(), p.k()), new Shape(p.s(), p.s()));
        } else if (l instanceof Layer.GlobalAvgPool) {
            b = Pool.globalAvgPool2dBlock();
        } else if (l instanceof Layer.Flatten) {
            b = Blocks.batchFlattenBlock();
        } else if (l instanceof Layer.Linear li) {
            b = ai.djl.nn.core.Linear.builder().setUnits(li.units()).optBias(li.bias()).build();
        } else if (l instanceof Layer.Dropout d) {
            b = ai.djl.nn.norm.Dropout.builder().optRate(d.rate()).build();
        } else if (l instanceof Layer.L2Normalise n) {
            float eps = n.epsilon();
            b = LambdaBlock.singleton(x -> x.div(x.square().sum(new int[]{1}, true).sqrt().maximum(eps)),
                    "l2normalise");
        } else if (l instanceof Layer.Sequence s) {
            SequentialBlock seq = new SequentialBlock();
            for (Layer c : s.layers()) {
                seq.add(toBlock(c, child(path, c.name()), blocks, layers));
            }
            b = seq;
        } else if (l instanceof Layer.Concat c) {
            List<Block> bs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Layer br : c.branches()) {
                bs.add(toBlock(br, child(path, br.name()), blocks, layers));
                names.add(br.name());
            }
            b = new ConcatBlock(names, bs);
        } else if (l instanceof Layer.Residual r) {
            b = new ResidualBlock(toBlock(r.branch(), child(path, r.branch().name()), blocks, layers), r.scale(),
                    r.relu());
        } else {
            throw new IllegalStateException("Unknown layer " + l);
        }
        if (l instanceof Layer.Conv || l instanceof Layer.BatchNorm || l instanceof Layer.Prelu
                || l instanceof Layer.Linear) {
            String own = path.isEmpty() ? l.name() : path;
            blocks.put(own, b);
            layers.put(own, l);
        }
        return b;
    }

    /**
     * The path of child {@code name} under {@code parent}; the root's own name is not part of paths
     * ({@code ""} is the root).
     */
    public static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** The description this network was built from. */
    public Layer root() {
        return root;
    }

    /** The DJL block. */
    public Block block() {
        return block;
    }

    /** The manager holding the parameters (and, by default, the optimiser's state). */
    public NDManager manager() {
        return manager;
    }

    /** The input shape the network was built for (its batch size does not bind). */
    public long[] inputShape() {
        return inputShape.clone();
    }

    /** Every parameter by full name ({@code path.weight}, {@code path.runningMean}, …), in layer order. */
    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /** The layer that owns parameter {@code name}. */
    public Layer owner(String name) {
        Layer l = owners.get(name);
        if (l == null) {
            throw new IllegalArgumentException("Network '" + root.name() + "' has no parameter '" + name + "'");
        }
        return l;
    }

    /**
     * The number of parameter values.
     *
     * @param trainableOnly count only what the optimiser updates (not batch-norm running statistics, nor γ of
     *                      batch norms without scale)
     */
    public long parameterCount(boolean trainableOnly) {
        long n = 0;
        for (Parameter p : parameters.values()) {
            if (!trainableOnly || p.requiresGradient()) {
                n += p.getArray().size();
            }
        }
        return n;
    }

    /** Re-draws every parameter from {@code seed} (see the class comment). */
    public void initialise(long seed) {
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            String name = e.getKey();
            NDArray a = e.getValue().getArray();
            long[] s = a.getShape().getShape();
            float[] v = new float[Math.toIntExact(a.size())];
            String kind = name.substring(name.lastIndexOf('.') + 1);
            switch (kind) {
                case "weight" -> {
                    long receptive = 1;
                    for (int k = 2; k < s.length; k++) {
                        receptive *= s[k];
                    }
                    double fanIn = s[1] * receptive;
                    double fanOut = s[0] * receptive;
                    double limit = Math.sqrt(6.0 / (fanIn + fanOut));
                    UniformRandomProvider rng = Seeds.rng(Seeds.derive(seed, "init:" + name));
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) ((2 * rng.nextDouble() - 1) * limit);
                    }
                }
                case "gamma", "runningVar" -> Arrays.fill(v, 1f);
                case "alpha" -> Arrays.fill(v, 0.25f);
                default -> Arrays.fill(v, 0f);
            }
            a.set(FloatBuffer.wrap(v));
        }
    }

    /** The values of parameter {@code name} (a copy). */
    public float[] values(String name) {
        return parameter(name).getArray().toFloatArray();
    }

    /** The shape of parameter {@code name}. */
    public long[] shape(String name) {
        return parameter(name).getArray().getShape().getShape();
    }

    /**
     * Sets parameter {@code name} to {@code values}, which must have as many elements as it (shapes may differ
     * by dimensions of size 1, e.g. an ONNX PReLU slope {@code [C, 1, 1]} for {@code [C]}).
     *
     * @throws IllegalArgumentException naming the parameter and both sizes when they differ
     */
    public void set(String name, float[] values) {
        NDArray a = parameter(name).getArray();
        if (values.length != a.size()) {
            throw new IllegalArgumentException("Parameter '" + name + "' holds " + a.size() + " values " + a.getShape()
                    + ", given " + values.length);
        }
        a.set(FloatBuffer.wrap(values));
    }

    private Parameter parameter(String name) {
        Parameter p = parameters.get(name);
        if (p == null) {
            throw new IllegalArgumentException("Network '" + root.name() + "' has no parameter '" + name + "'; it has "
                    + parameters.size() + " parameters, e.g. " + parameters.keySet().stream().limit(3).toList());
        }
        return p;
    }

    /**
     * Runs the network on {@code x}: in training mode batch norms use the batch's statistics (and update their
     * running averages) and dropout is on; otherwise the running statistics are used and dropout is off.
     */
    public NDArray forward(NDArray x, boolean training) {
        return block.forward(store, new NDList(x), training).singletonOrThrow();
    }

    /**
     * Inference on {@code n} inputs laid out as the input shape with batch {@code n}.
     *
     * @return one output row per input
     */
    public float[][] predict(float[] input, int n) {
        long[] shape = inputShape.clone();
        shape[0] = n;
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(input, new Shape(shape));
            NDArray y = forward(x, false);
            y.attach(sub);
            float[] flat = y.toFloatArray();
            int d = flat.length / n;
            float[][] out = new float[n][d];
            for (int i = 0; i < n; i++) {
                System.arraycopy(flat, i * d, out[i], 0, d);
            }
            return out;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
