package org.tl4j.deep.net;

import java.util.ArrayList;
import java.util.List;

/**
 * FaceNet's Inception-ResNet v1 for 160×160 faces (C. Szegedy, S. Ioffe, V. Vanhoucke, A. Alemi, <i>Inception-v4,
 * Inception-ResNet and the Impact of Residual Connections on Learning</i>, AAAI 2017, Fig. 14 and Figs. 10–13; the
 * face variant of D. Sandberg's FaceNet, {@code src/models/inception_resnet_v1.py}, with the layer names of its
 * PyTorch port, T. Esler's {@code facenet-pytorch}):
 * <ul>
 *   <li>stem: 3×3/2 conv 32 (valid), 3×3 conv 32 (valid), 3×3 conv 64 (same), 3×3/2 max pool, 1×1 conv 80,
 *   3×3 conv 192 (valid), 3×3/2 conv 256 (valid): 160 → 17×17×256;</li>
 *   <li>5 × block35 (Inception-ResNet-A, residuals scaled by 0.17), reduction-A (k, l, m, n = 192, 192, 256, 384)
 *   → 8×8×896, 10 × block17 (Inception-ResNet-B, scale 0.10), reduction-B → 3×3×1792, 5 × block8
 *   (Inception-ResNet-C, scale 0.20) and a last block8 with scale 1 and no ReLU;</li>
 *   <li>average pool, dropout (keep probability 0.8), a 512-unit bottleneck without bias followed by batch norm —
 *   the "prelogits" that FaceNet's softmax head reads and L2-normalises into the embedding.</li>
 * </ul>
 * Every convolution except the residuals' 1×1 "up" projections is followed by batch norm (ε = 0.001, moving-average
 * decay 0.995, β but no γ: TensorFlow-Slim's {@code batch_norm} defaults with FaceNet's parameters) and a ReLU; the
 * up projections have a bias and no batch norm. With the full widths the trunk has {@value #PARAMETERS} trainable
 * parameters (the PyTorch port, which also trains γ, has 23,482,624 without its classifier).
 * <p>
 * {@link Config#widthDivisor()} and the block repeats shrink the same topology for fast tests.
 */
public final class InceptionResNetV1 {

    /** Trainable parameters of the full trunk (FaceNet's settings: batch norms without γ). */
    public static final long PARAMETERS = 23_467_824L;

    /** The input size FaceNet uses. */
    public static final int INPUT_SIZE = 160;

    /**
     * Settings.
     *
     * @param embeddingSize the bottleneck's size (FaceNet: 128 by default, 512 in its released models)
     * @param dropoutKeep   keep probability of the dropout before the bottleneck (0.8)
     * @param widthDivisor  every channel count divided by this (1: the real network)
     * @param repeatsA      block35 repeats (5)
     * @param repeatsB      block17 repeats (10)
     * @param repeatsC      block8 repeats before the last one (5)
     * @param bnScale       whether batch norms learn γ (FaceNet: no; the PyTorch port: yes)
     */
    public record Config(int embeddingSize, float dropoutKeep, int widthDivisor, int repeatsA, int repeatsB,
                         int repeatsC, boolean bnScale) {
        /** Validates the settings. */
        public Config {
            if (embeddingSize < 1 || !(dropoutKeep > 0 && dropoutKeep <= 1) || widthDivisor < 1 || repeatsA < 0
                    || repeatsB < 0 || repeatsC < 0) {
                throw new IllegalArgumentException("Invalid Inception-ResNet v1 config " + this);
            }
            for (int c : new int[]{32, 64, 80, 96, 128, 192, 256, 384}) {
                if (c % widthDivisor != 0) {
                    throw new IllegalArgumentException("Width divisor " + widthDivisor + " must divide the channel "
                            + "counts (use 1, 2, 4, 8, 16 or 32)");
                }
            }
        }

        /** FaceNet's network with a 512-d embedding. */
        public static Config facenet() {
            return new Config(512, 0.8f, 1, 5, 10, 5, false);
        }
    }

    private static final float BN_EPSILON = 1e-3f;
    private static final float BN_DECAY = 0.995f;

    private final Config cfg;

    private InceptionResNetV1(Config cfg) {
        this.cfg = cfg;
    }

    /**
     * The trunk, from the image to the batch-normalised bottleneck ("prelogits"); FaceNet's embedding is its output
     * L2-normalised.
     */
    public static Layer.Sequence trunk(Config cfg) {
        return new InceptionResNetV1(cfg).build();
    }

    private int w(int channels) {
        return channels / cfg.widthDivisor();
    }

    private Layer.Sequence build() {
        List<Layer> l = new ArrayList<>();
        l.add(basic("conv2d_1a", 32, 3, 3, 2, 0, 0));
        l.add(basic("conv2d_2a", 32, 3, 3, 1, 0, 0));
        l.add(basic("conv2d_2b", 64, 3, 3, 1, 1, 1));
        l.add(new Layer.MaxPool("maxpool_3a", 3, 2, 0));
        l.add(basic("conv2d_3b", 80, 1, 1, 1, 0, 0));
        l.add(basic("conv2d_4a", 192, 3, 3, 1, 0, 0));
        l.add(basic("conv2d_4b", 256, 3, 3, 2, 0, 0));
        l.add(repeat("repeat_1", cfg.repeatsA(), i -> block35(Integer.toString(i))));
        l.add(mixed6a());
        l.add(repeat("repeat_2", cfg.repeatsB(), i -> block17(Integer.toString(i))));
        l.add(mixed7a());
        l.add(repeat("repeat_3", cfg.repeatsC(), i -> block8(Integer.toString(i), 0.20f, true)));
        l.add(block8("block8", 1.0f, false));
        l.add(new Layer.GlobalAvgPool("avgpool_1a"));
        l.add(new Layer.Dropout("dropout", 1 - cfg.dropoutKeep()));
        l.add(new Layer.Linear("last_linear", cfg.embeddingSize(), false));
        l.add(new Layer.BatchNorm("last_bn", BN_EPSILON, BN_DECAY, cfg.bnScale(), true));
        l.removeIf(x -> x == null);
        return new Layer.Sequence("inception_resnet_v1", l);
    }

    /** Convolution (no bias), batch norm and ReLU: FaceNet's {@code slim.conv2d} and the port's BasicConv2d. */
    private Layer.Sequence basic(String name, int filters, int kh, int kw, int stride, int ph, int pw) {
        return Layer.Sequence.of(name,
                new Layer.Conv("conv", w(filters), kh, kw, stride, stride, ph, pw, 1, false),
                new Layer.BatchNorm("bn", BN_EPSILON, BN_DECAY, cfg.bnScale(), true),
                new Layer.Relu("relu"));
    }

    private Layer.Sequence basic(String name, int filters, int k, int stride, int pad) {
        return basic(name, filters, k, k, stride, pad, pad);
    }

    private interface BlockMaker {
        Layer make(int i);
    }

    private static Layer repeat(String name, int n, BlockMaker maker) {
        if (n == 0) {
            return null;
        }
        List<Layer> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            blocks.add(maker.make(i));
        }
        return new Layer.Sequence(name, blocks);
    }

    private Layer block35(String name) {
        Layer mixed = new Layer.Concat("mixed", List.of(
                basic("branch0", 32, 1, 1, 0),
                Layer.Sequence.of("branch1", basic("0", 32, 1, 1, 0), basic("1", 32, 3, 1, 1)),
                Layer.Sequence.of("branch2", basic("0", 32, 1, 1, 0), basic("1", 32, 3, 1, 1),
                        basic("2", 32, 3, 1, 1))));
        return residual(name, mixed, 256, 0.17f, true);
    }

    private Layer block17(String name) {
        Layer mixed = new Layer.Concat("mixed", List.of(
                basic("branch0", 128, 1, 1, 0),
                Layer.Sequence.of("branch1", basic("0", 128, 1, 1, 0), basic("1", 128, 1, 7, 1, 0, 3),
                        basic("2", 128, 7, 1, 1, 3, 0))));
        return residual(name, mixed, 896, 0.10f, true);
    }

    private Layer block8(String name, float scale, boolean relu) {
        Layer mixed = new Layer.Concat("mixed", List.of(
                basic("branch0", 192, 1, 1, 0),
                Layer.Sequence.of("branch1", basic("0", 192, 1, 1, 0), basic("1", 192, 1, 3, 1, 0, 1),
                        basic("2", 192, 3, 1, 1, 1, 0))));
        return residual(name, mixed, 1792, scale, relu);
    }

    /** {@code x + scale · up(mixed(x))}: the up projection is a 1×1 convolution with bias, without batch norm. */
    private Layer residual(String name, Layer mixed, int channels, float scale, boolean relu) {
        Layer up = new Layer.Conv("conv2d", w(channels), 1, 1, 1, 1, 0, 0, 1, true);
        return new Layer.Residual(name, Layer.Sequence.of("branch", mixed, up), scale, relu);
    }

    /** Reduction-A with (k, l, m, n) = (192, 192, 256, 384): 17×17×256 → 8×8×896. */
    private Layer mixed6a() {
        return new Layer.Concat("mixed_6a", List.of(
                basic("branch0", 384, 3, 2, 0),
                Layer.Sequence.of("branch1", basic("0", 192, 1, 1, 0), basic("1", 192, 3, 1, 1),
                        basic("2", 256, 3, 2, 0)),
                new Layer.MaxPool("branch2", 3, 2, 0)));
    }

    /** Reduction-B: 8×8×896 → 3×3×1792. */
    private Layer mixed7a() {
        return new Layer.Concat("mixed_7a", List.of(
                Layer.Sequence.of("branch0", basic("0", 256, 1, 1, 0), basic("1", 384, 3, 2, 0)),
                Layer.Sequence.of("branch1", basic("0", 256, 1, 1, 0), basic("1", 256, 3, 2, 0)),
                Layer.Sequence.of("branch2", basic("0", 256, 1, 1, 0), basic("1", 256, 3, 1, 1),
                        basic("2", 256, 3, 2, 0)),
                new Layer.MaxPool("branch3", 3, 2, 0)));
    }
}
