package org.tl4j.deep.net;

import java.util.List;
import java.util.Objects;

/**
 * A layer of a feed-forward network, described as data: what it computes, its settings and its name. One
 * description serves two translations that must agree, {@link Network#build(Layer, int...)} (a trainable DJL block)
 * and {@link org.tl4j.deep.onnx.OnnxWriter} (an ONNX graph for ONNX Runtime), so a network defined once here can be
 * trained in DJL and run by ONNX Runtime, and pretrained ONNX weights can be loaded back by name
 * ({@link org.tl4j.deep.onnx.OnnxWeights}).
 * <p>
 * Names are path segments: a parameter's full name is the dot-joined names of the layers above it, then the
 * parameter's own name (e.g. {@code repeat_1.0.branch1.1.conv.weight}). Tensors are NCHW; the layers after
 * {@link GlobalAvgPool} or {@link Flatten} see {@code [N, C]}.
 */
public sealed interface Layer permits Layer.Conv, Layer.BatchNorm, Layer.Relu, Layer.Prelu, Layer.MaxPool,
        Layer.AvgPool, Layer.GlobalAvgPool, Layer.Flatten, Layer.Linear, Layer.Dropout, Layer.L2Normalise,
        Layer.Sequence, Layer.Concat, Layer.Residual {

    /** This layer's name (one path segment). */
    String name();

    /**
     * A 2-D convolution with symmetric zero padding: {@code filters} output channels, kernel {@code kh × kw},
     * stride {@code sh × sw}, padding {@code ph × pw} on each side, {@code groups} channel groups (1: dense; the
     * input channel count: depthwise), with or without a bias. Parameters {@code weight} {@code [filters,
     * in/groups, kh, kw]} and {@code bias} {@code [filters]}.
     */
    record Conv(String name, int filters, int kh, int kw, int sh, int sw, int ph, int pw, int groups, boolean bias)
            implements Layer {
        /** Validates the settings. */
        public Conv {
            checkName(name);
            positive(name, "filters", filters);
            positive(name, "kernel height", kh);
            positive(name, "kernel width", kw);
            positive(name, "stride", sh);
            positive(name, "stride", sw);
            positive(name, "groups", groups);
            if (ph < 0 || pw < 0) {
                throw new IllegalArgumentException("Layer '" + name + "': negative padding " + ph + "x" + pw);
            }
        }

        /** A square convolution without bias (followed by batch norm), stride {@code s}, padding {@code p}. */
        public static Conv square(String name, int filters, int k, int s, int p) {
            return new Conv(name, filters, k, k, s, s, p, p, 1, false);
        }
    }

    /**
     * Batch normalisation over channels (axis 1; Ioffe &amp; Szegedy, ICML 2015): at inference
     * {@code γ (x − μ) / √(σ² + ε) + β} with the running statistics. {@code momentum} is the running averages'
     * keep factor ({@code 0.995}: TensorFlow's decay as FaceNet sets it; PyTorch's momentum 0.1 is {@code 0.9}
     * here). Without {@code scale}, γ stays 1 and is not trained (TensorFlow-Slim's default, FaceNet's setting);
     * without {@code center}, β stays 0. Parameters {@code gamma}, {@code beta}, {@code runningMean},
     * {@code runningVar}, each {@code [C]}.
     */
    record BatchNorm(String name, float epsilon, float momentum, boolean scale, boolean center) implements Layer {
        /** Validates the settings. */
        public BatchNorm {
            checkName(name);
            if (!(epsilon > 0) || !(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("Layer '" + name + "': invalid batch norm epsilon " + epsilon
                        + " or momentum " + momentum + " (need epsilon > 0 and 0 <= momentum < 1)");
            }
        }
    }

    /** Rectified linear unit. */
    record Relu(String name) implements Layer {
        /** Validates the name. */
        public Relu {
            checkName(name);
        }
    }

    /**
     * Parametric ReLU with one slope per channel ({@code max(0, x) + a_c min(0, x)}; He et al., ICCV 2015).
     * Parameter {@code alpha} {@code [C]}.
     */
    record Prelu(String name) implements Layer {
        /** Validates the name. */
        public Prelu {
            checkName(name);
        }
    }

    /** Max pooling over {@code k × k} windows with stride {@code s} and padding {@code p}. */
    record MaxPool(String name, int k, int s, int p) implements Layer {
        /** Validates the settings. */
        public MaxPool {
            checkName(name);
            positive(name, "kernel", k);
            positive(name, "stride", s);
        }
    }

    /** Average pooling over {@code k × k} windows with stride {@code s}, no padding. */
    record AvgPool(String name, int k, int s) implements Layer {
        /** Validates the settings. */
        public AvgPool {
            checkName(name);
            positive(name, "kernel", k);
            positive(name, "stride", s);
        }
    }

    /** The mean over all spatial positions: {@code [N, C, H, W] → [N, C]}. */
    record GlobalAvgPool(String name) implements Layer {
        /** Validates the name. */
        public GlobalAvgPool {
            checkName(name);
        }
    }

    /** {@code [N, ...] → [N, product]}. */
    record Flatten(String name) implements Layer {
        /** Validates the name. */
        public Flatten {
            checkName(name);
        }
    }

    /** A fully connected layer {@code x Wᵀ + b}; parameters {@code weight} {@code [units, in]}, {@code bias}. */
    record Linear(String name, int units, boolean bias) implements Layer {
        /** Validates the settings. */
        public Linear {
            checkName(name);
            positive(name, "units", units);
        }
    }

    /** Dropout of a fraction {@code rate} during training (Srivastava et al., JMLR 2014); the identity at inference. */
    record Dropout(String name, float rate) implements Layer {
        /** Validates the rate. */
        public Dropout {
            checkName(name);
            if (!(rate >= 0 && rate < 1)) {
                throw new IllegalArgumentException("Layer '" + name + "': invalid dropout rate " + rate
                        + " (need 0 <= rate < 1)");
            }
        }
    }

    /** Scales each row of {@code [N, D]} to unit Euclidean length (rows of norm below {@code epsilon} divided by it). */
    record L2Normalise(String name, float epsilon) implements Layer {
        /** Validates the settings. */
        public L2Normalise {
            checkName(name);
            if (!(epsilon > 0)) {
                throw new IllegalArgumentException("Layer '" + name + "': invalid epsilon " + epsilon);
            }
        }
    }

    /** Layers applied one after the other; child names must be distinct. */
    record Sequence(String name, List<Layer> layers) implements Layer {
        /** Validates the children. */
        public Sequence {
            checkName(name);
            layers = List.copyOf(layers);
            if (layers.isEmpty()) {
                throw new IllegalArgumentException("Sequence '" + name + "' is empty");
            }
            distinct(name, layers);
        }

        /** A sequence of {@code layers}. */
        public static Sequence of(String name, Layer... layers) {
            return new Sequence(name, List.of(layers));
        }
    }

    /** Branches applied to the same input, their outputs concatenated along the channel axis (Inception modules). */
    record Concat(String name, List<Layer> branches) implements Layer {
        /** Validates the branches. */
        public Concat {
            checkName(name);
            branches = List.copyOf(branches);
            if (branches.size() < 2) {
                throw new IllegalArgumentException("Concat '" + name + "' needs two or more branches");
            }
            distinct(name, branches);
        }
    }

    /**
     * A residual connection with a scaled branch, {@code x + scale · branch(x)}, followed by a ReLU when
     * {@code relu} (Szegedy et al., AAAI 2017, Sec. 3.3: scaling the residuals by 0.1–0.3 stabilises training). The
     * branch must keep the input's shape.
     */
    record Residual(String name, Layer branch, float scale, boolean relu) implements Layer {
        /** Validates the settings. */
        public Residual {
            checkName(name);
            Objects.requireNonNull(branch, "branch");
            if (!Float.isFinite(scale)) {
                throw new IllegalArgumentException("Residual '" + name + "': invalid scale " + scale);
            }
        }
    }

    private static void checkName(String name) {
        if (name == null || !LayerNames.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid layer name '" + name + "': use letters, digits and '_' "
                    + "(names are joined with '.' into parameter paths)");
        }
    }

    private static void positive(String layer, String what, int v) {
        if (v < 1) {
            throw new IllegalArgumentException("Layer '" + layer + "': invalid " + what + " " + v + " (must be >= 1)");
        }
    }

    private static void distinct(String parent, List<Layer> children) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Layer l : children) {
            if (!seen.add(l.name())) {
                throw new IllegalArgumentException("'" + parent + "' has two children named '" + l.name() + "'");
            }
        }
    }
}
