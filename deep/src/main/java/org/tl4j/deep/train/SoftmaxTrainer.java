package org.tl4j.deep.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import org.tl4j.deep.DeepEngine;
import org.tl4j.deep.net.Layer;
import org.tl4j.deep.net.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Softmax classification training as FaceNet's {@code train_softmax.py} does it: a trunk (e.g.
 * {@link org.tl4j.deep.net.InceptionResNetV1}) or, for transfer learning, fixed feature vectors, followed by a
 * linear layer with bias over the classes; loss = mean cross-entropy + {@code weightDecay} · ½‖W‖² over the weights
 * of convolutions and linear layers (TensorFlow's {@code l2_regularizer}, through autograd, not the optimiser); Adam
 * (Kingma &amp; Ba, ICLR 2015) with FaceNet's β₁ = 0.9, β₂ = 0.999, ε = 0.1 and a {@link LearningRate} schedule.
 * <p>
 * <b>Gradient accumulation.</b> A batch of {@code batchSize} images runs as micro-batches of at most
 * {@code microBatch}: each micro-batch's mean loss, weighted by its share of the batch, is back-propagated, PyTorch
 * sums the gradients, and one optimiser step follows — the gradient of the whole batch's mean loss, for a fraction of
 * the memory. Batch norm is the exception: each micro-batch normalises with its own statistics (and updates the
 * running averages once per micro-batch), as in any accumulation ("ghost" batches of {@code microBatch}).
 * <p>
 * <b>Fine-tuning a pretrained trunk</b> (parameter transfer). With {@link Settings#startPenalty()} {@code α > 0}
 * the trunk's parameters are penalised towards their values when the trainer was created, L2-SP (Li, Grandvalet
 * &amp; Davis, <i>Explicit inductive bias for transfer learning with convolutional networks</i>, ICML 2018):
 * {@code α/2 ‖w_trunk − w⁰_trunk‖² + weightDecay/2 ‖W_head‖²} instead of plain weight decay on the trunk. Trunk
 * parameters can be frozen and unfrozen between steps ({@link #setTrainable}: frozen ones get no gradient and are
 * left bit for bit unchanged), which progressive unfreezing from the top uses; and the trunk can learn at a fraction
 * {@link Settings#trunkRateFactor()} of the head's rate (its own Adam state).
 * <p>
 * Randomness: weights come from {@link Network#initialise(long)}; dropout masks from PyTorch's generator, seeded
 * here. Not thread-safe; close it to free the head and the optimiser state (the trunk belongs to the caller).
 */
public final class SoftmaxTrainer implements AutoCloseable {

    /**
     * Settings.
     *
     * @param batchSize    images per optimiser step
     * @param microBatch   images per forward/backward pass (≤ batchSize)
     * @param weightDecay  L2 factor on the weights (FaceNet's {@code --weight_decay})
     * @param learningRate the schedule
     * @param beta1        Adam's β₁
     * @param beta2        Adam's β₂
     * @param epsilon      Adam's ε
     * @param startPenalty L2-SP's {@code α}: the trunk is penalised by {@code α/2 ‖w − w⁰‖²} towards its values at
     *                     creation (0: plain weight decay on the trunk's weights, as in training from scratch)
     * @param trunkRateFactor the trunk's learning rate as a fraction of the head's (1: the same)
     */
    public record Settings(int batchSize, int microBatch, float weightDecay, LearningRate learningRate, float beta1,
                           float beta2, float epsilon, float startPenalty, float trunkRateFactor) {
        /** Validates the settings. */
        public Settings {
            Objects.requireNonNull(learningRate, "learningRate");
            if (batchSize < 1 || microBatch < 1 || microBatch > batchSize) {
                throw new IllegalArgumentException("Invalid batch " + batchSize + " / micro-batch " + microBatch
                        + ": need 1 <= micro-batch <= batch");
            }
            if (!(weightDecay >= 0) || !(epsilon > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)
                    || !(startPenalty >= 0) || !(trunkRateFactor > 0) || !Float.isFinite(startPenalty)
                    || !Float.isFinite(trunkRateFactor)) {
                throw new IllegalArgumentException("Invalid optimiser settings " + this);
            }
        }

        /** Settings for training from scratch: no L2-SP, one learning rate. */
        public Settings(int batchSize, int microBatch, float weightDecay, LearningRate learningRate, float beta1,
                        float beta2, float epsilon) {
            this(batchSize, microBatch, weightDecay, learningRate, beta1, beta2, epsilon, 0f, 1f);
        }

        /** The same settings with L2-SP's {@code α} (the trunk penalised towards its starting values). */
        public Settings withStartPenalty(float alpha) {
            return new Settings(batchSize, microBatch, weightDecay, learningRate, beta1, beta2, epsilon, alpha,
                    trunkRateFactor);
        }

        /** The same settings with the trunk learning at {@code factor} times the head's rate. */
        public Settings withTrunkRateFactor(float factor) {
            return new Settings(batchSize, microBatch, weightDecay, learningRate, beta1, beta2, epsilon, startPenalty,
                    factor);
        }

        /**
         * FaceNet's classifier training of Inception-ResNet v1 (its wiki's recipe, which the white paper followed):
         * Adam, the CASIA schedule (0.05, then 0.005 from epoch 60), weight decay 5·10⁻⁴, with the white paper's
         * batch of 1,024 run as micro-batches of {@code microBatch}.
         */
        public static Settings facenet(TrainingSchedule schedule, int microBatch) {
            return new Settings(schedule.batchSize(), microBatch, 5e-4f,
                    LearningRate.facenetClassifier(schedule.epochSize()), 0.9f, 0.999f, 0.1f);
        }

        /** The same settings with another micro-batch size. */
        public Settings withMicroBatch(int m) {
            return new Settings(batchSize, m, weightDecay, learningRate, beta1, beta2, epsilon, startPenalty,
                    trunkRateFactor);
        }
    }

    private final Network trunk;
    private final Network head;
    private final long[] inputShape;
    private final int classes;
    /**
     * DJL allows one collecting {@link GradientCollector} per process: steps of trainers on different threads (fits
     * run in parallel by the harness) take turns. Each step's arithmetic is unchanged, so results stay the same bits.
     */
    private static final Object AUTOGRAD = new Object();

    private final Settings settings;
    private final Optimizer optimizer;
    private final Optimizer trunkOptimizer;
    private final List<Parameter> headParameters = new ArrayList<>();
    private final Map<String, Parameter> trunkParameters = new java.util.LinkedHashMap<>();
    private final List<Parameter> decayed = new ArrayList<>();
    private final Map<Parameter, NDArray> anchors = new java.util.LinkedHashMap<>();
    private final Loss loss = Loss.softmaxCrossEntropyLoss();
    private long steps;

    /**
     * A trainer of {@code trunk} + a new linear head over {@code classes}.
     *
     * @param trunk      the network below the head, or {@code null} to train the head alone on feature vectors
     * @param inputShape the shape of one batch of inputs ({@code [1, D]} for features; the trunk's for images)
     * @param seed       seeds the head's weights and the dropout masks
     */
    public SoftmaxTrainer(Network trunk, long[] inputShape, int classes, Settings settings, long seed) {
        if (classes < 2) {
            throw new IllegalArgumentException("Softmax training needs two or more classes, given " + classes);
        }
        this.trunk = trunk;
        this.inputShape = inputShape.clone();
        this.classes = classes;
        this.settings = Objects.requireNonNull(settings, "settings");
        long features;
        if (trunk == null) {
            if (inputShape.length != 2) {
                throw new IllegalArgumentException("Feature vectors have shape [N, D], given "
                        + java.util.Arrays.toString(inputShape));
            }
            features = inputShape[1];
        } else {
            Shape out = trunk.block().getOutputShapes(new Shape[]{new Shape(inputShape)})[0];
            if (out.dimension() != 2) {
                throw new IllegalArgumentException("The trunk must end in [N, D] (flatten or pool first), it gives "
                        + out);
            }
            features = out.get(1);
        }
        this.head = Network.build(Layer.Sequence.of("head", new Layer.Linear("logits", classes, true)), 1, features);
        head.initialise(seed);
        DeepEngine.seed(seed);
        for (Network n : trunk == null ? List.of(head) : List.of(trunk, head)) {
            for (Map.Entry<String, Parameter> e : n.parameters().entrySet()) {
                Parameter p = e.getValue();
                if (!p.requiresGradient()) {
                    continue;
                }
                if (n == head) {
                    headParameters.add(p);
                } else {
                    trunkParameters.put(e.getKey(), p);
                }
                if (n == trunk && settings.startPenalty() > 0) {
                    NDArray w = p.getArray();
                    NDArray anchor = head.manager().create(w.toFloatArray(), w.getShape());
                    anchors.put(p, anchor);
                } else if (e.getKey().endsWith(".weight") && !(n.owner(e.getKey()) instanceof Layer.Prelu)) {
                    decayed.add(p);
                }
            }
        }
        this.optimizer = adam(settings, settings.learningRate());
        float factor = settings.trunkRateFactor();
        LearningRate rate = settings.learningRate();
        this.trunkOptimizer = factor == 1f ? optimizer : adam(settings, new ai.djl.training.tracker.Tracker() {
            @Override
            public float getNewValue(int numUpdate) {
                return factor * rate.getNewValue(numUpdate);
            }
        });
    }

    private static Optimizer adam(Settings settings, ai.djl.training.tracker.Tracker rate) {
        return Optimizer.adam().optLearningRateTracker(rate).optBeta1(settings.beta1())
                .optBeta2(settings.beta2()).optEpsilon(settings.epsilon()).optWeightDecays(0f).build();
    }

    /**
     * Freezes every trunk parameter except those named in {@code trainable} (full names, as
     * {@link Network#parameters()}) and unfreezes those. Frozen parameters get no gradient and no update, so their
     * values stay bit for bit as they are. The head always trains. The trainable trunk parameters are those that
     * required gradients when the trainer was created; closing the trainer unfreezes them again.
     *
     * @throws IllegalArgumentException naming a parameter the trunk does not have (or does not train)
     */
    public void setTrainable(java.util.Set<String> trainable) {
        for (String name : trainable) {
            if (!trunkParameters.containsKey(name)) {
                throw new IllegalArgumentException("The trunk has no trainable parameter '" + name + "'; it has "
                        + trunkParameters.keySet());
            }
        }
        for (Map.Entry<String, Parameter> e : trunkParameters.entrySet()) {
            e.getValue().freeze(!trainable.contains(e.getKey()));
        }
    }

    /** The trunk parameters that currently train. */
    public java.util.Set<String> trainableTrunkParameters() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        trunkParameters.forEach((k, p) -> {
            if (p.requiresGradient()) {
                out.add(k);
            }
        });
        return out;
    }

    /** The linear head ({@code logits.weight} {@code [classes, D]}, {@code logits.bias}). */
    public Network head() {
        return head;
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    /** Optimiser steps taken. */
    public long steps() {
        return steps;
    }

    /**
     * One optimiser step on a batch of {@code n} inputs (micro-batches of {@code settings.microBatch()}).
     *
     * @param inputs {@code n} inputs laid out as the input shape with batch {@code n}
     * @param labels {@code n} class indices in {@code [0, classes)}
     * @return the batch's mean cross-entropy before the step (the regulariser excluded)
     */
    public double step(float[] inputs, int[] labels, int n) {
        int size = checkBatch(inputs, labels, n);
        return step(n, (start, k, x, y) -> {
            System.arraycopy(inputs, start * size, x, 0, k * size);
            System.arraycopy(labels, start, y, 0, k);
        });
    }

    /** Supplies a batch one micro-batch at a time, so a large batch never has to be in memory at once. */
    @FunctionalInterface
    public interface MicroBatches {
        /**
         * Writes inputs {@code start .. start + k − 1} of the batch into {@code x} (laid out as the input shape with
         * batch {@code k}) and their labels into {@code y}.
         */
        void fill(int start, int k, float[] x, int[] y);
    }

    /**
     * One optimiser step on a batch of {@code n} inputs that {@code batch} supplies micro-batch by micro-batch, in
     * order.
     *
     * @return the batch's mean cross-entropy before the step (the regulariser excluded)
     */
    public double step(int n, MicroBatches batch) {
        if (n < 1) {
            throw new IllegalArgumentException("Empty batch");
        }
        int size = Math.toIntExact(sizeOf());
        int m = settings.microBatch();
        float[] xb = new float[Math.min(m, n) * size];
        int[] yb = new int[Math.min(m, n)];
        NDManager root = (trunk != null ? trunk : head).manager();
        synchronized (AUTOGRAD) {
            return lockedStep(n, batch, size, m, xb, yb, root);
        }
    }

    private double lockedStep(int n, MicroBatches batch, int size, int m, float[] xb, int[] yb, NDManager root) {
        double lossSum = 0;
        try (GradientCollector gc = DeepEngine.pytorch().newGradientCollector()) {
            for (int start = 0; start < n; start += m) {
                int k = Math.min(m, n - start);
                batch.fill(start, k, xb, yb);
                checkBatch(xb, yb, k);
                try (NDManager sub = root.newSubManager()) {
                    NDArray x = sub.create(slice(xb, 0, k * size), shape(k));
                    NDArray y = sub.create(slice(yb, 0, k));
                    NDArray logits = logits(x, true);
                    NDArray ce = loss.evaluate(new NDList(y), new NDList(logits));
                    NDArray total = ce.mul((float) k / n);
                    if (start == 0 && (settings.weightDecay() > 0 || !anchors.isEmpty())) {
                        total = total.add(penalty(sub));
                    }
                    gc.backward(total);
                    lossSum += ce.getFloat() * k;
                }
            }
        }
        for (Parameter p : headParameters) {
            NDArray w = p.getArray();
            try (NDArray g = w.getGradient()) {
                optimizer.update(p.getId(), w, g);
            }
        }
        for (Parameter p : trunkParameters.values()) {
            if (!p.requiresGradient()) {
                continue;
            }
            NDArray w = p.getArray();
            try (NDArray g = w.getGradient()) {
                trunkOptimizer.update(p.getId(), w, g);
            }
        }
        steps++;
        return lossSum / n;
    }

    /**
     * The training objective on a batch of {@code n} inputs — mean cross-entropy plus the penalties, in training
     * mode — and its gradient with respect to every parameter that trains (through autograd; no step is taken), for
     * gradient checks.
     *
     * @param gradients receives the gradient of each training parameter, keyed {@code trunk:NAME} or
     *                  {@code head:NAME}
     */
    public double objective(float[] inputs, int[] labels, int n, Map<String, float[]> gradients) {
        int size = checkBatch(inputs, labels, n);
        NDManager root = (trunk != null ? trunk : head).manager();
        synchronized (AUTOGRAD) {
            return lockedObjective(inputs, labels, n, size, root, gradients);
        }
    }

    private double lockedObjective(float[] inputs, int[] labels, int n, int size, NDManager root,
                                   Map<String, float[]> gradients) {
        double value;
        try (GradientCollector gc = DeepEngine.pytorch().newGradientCollector();
             NDManager sub = root.newSubManager()) {
            NDArray x = sub.create(slice(inputs, 0, n * size), shape(n));
            NDArray y = sub.create(slice(labels, 0, n));
            NDArray total = loss.evaluate(new NDList(y), new NDList(logits(x, true)));
            if (settings.weightDecay() > 0 || !anchors.isEmpty()) {
                total = total.add(penalty(sub));
            }
            value = total.getFloat();
            gc.backward(total);
            for (Map.Entry<String, Parameter> e : head.parameters().entrySet()) {
                gradients.put("head:" + e.getKey(), e.getValue().getArray().getGradient().toFloatArray());
            }
            for (Map.Entry<String, Parameter> e : trunkParameters.entrySet()) {
                if (e.getValue().requiresGradient()) {
                    gradients.put("trunk:" + e.getKey(), e.getValue().getArray().getGradient().toFloatArray());
                }
            }
        }
        return value;
    }

    /**
     * {@code ½ · weightDecay · Σ‖W‖²} over the decayed weights plus L2-SP's {@code ½ α Σ‖w − w⁰‖²} over the anchored
     * trunk parameters that train, with its intermediates attached to {@code sub}.
     */
    private NDArray penalty(NDManager sub) {
        NDArray decay = null;
        for (Parameter p : decayed) {
            if (!p.requiresGradient()) {
                continue;
            }
            NDArray sq = p.getArray().square();
            sq.attach(sub);
            NDArray s = sq.sum();
            s.attach(sub);
            decay = decay == null ? s : decay.add(s);
        }
        NDArray sp = null;
        for (Map.Entry<Parameter, NDArray> e : anchors.entrySet()) {
            if (!e.getKey().requiresGradient()) {
                continue;
            }
            NDArray d = e.getKey().getArray().sub(e.getValue());
            d.attach(sub);
            NDArray sq = d.square();
            sq.attach(sub);
            NDArray s = sq.sum();
            s.attach(sub);
            sp = sp == null ? s : sp.add(s);
        }
        NDArray total = decay == null ? sub.zeros(new Shape()) : decay.mul(0.5f * settings.weightDecay());
        return sp == null ? total : total.add(sp.mul(0.5f * settings.startPenalty()));
    }

    /**
     * The mean cross-entropy of {@code n} inputs, in micro-batches, without a gradient or an optimiser step.
     *
     * @param training whether to run as in training (batch statistics, which also move the running averages, and
     *                 dropout) or at inference
     */
    public double loss(float[] inputs, int[] labels, int n, boolean training) {
        int size = checkBatch(inputs, labels, n);
        double sum = 0;
        for (int start = 0; start < n; start += settings.microBatch()) {
            int k = Math.min(settings.microBatch(), n - start);
            try (NDManager sub = (trunk != null ? trunk : head).manager().newSubManager()) {
                NDArray x = sub.create(slice(inputs, start * size, k * size), shape(k));
                NDArray y = sub.create(slice(labels, start, k));
                sum += loss.evaluate(new NDList(y), new NDList(logits(x, training))).getFloat() * k;
            }
        }
        return sum / n;
    }

    /** The most probable class of each of {@code n} inputs at inference, in micro-batches. */
    public int[] predict(float[] inputs, int n) {
        int size = Math.toIntExact(sizeOf());
        int[] out = new int[n];
        for (int start = 0; start < n; start += settings.microBatch()) {
            int k = Math.min(settings.microBatch(), n - start);
            try (NDManager sub = (trunk != null ? trunk : head).manager().newSubManager()) {
                NDArray x = sub.create(slice(inputs, start * size, k * size), shape(k));
                long[] arg = logits(x, false).argMax(1).toLongArray();
                for (int i = 0; i < k; i++) {
                    out[start + i] = (int) arg[i];
                }
            }
        }
        return out;
    }

    private NDArray logits(NDArray x, boolean training) {
        NDArray features = trunk == null ? x : trunk.forward(x, training);
        return head.forward(features, training);
    }

    private int checkBatch(float[] inputs, int[] labels, int n) {
        long size = sizeOf();
        if (n < 1 || inputs.length < n * size || labels.length < n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "A batch of %d needs %d input values and %d "
                    + "labels, given %d and %d", n, n * size, n, inputs.length, labels.length));
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("Label " + labels[i] + " at " + i + " is outside [0, " + classes + ")");
            }
        }
        return Math.toIntExact(size);
    }

    private long sizeOf() {
        long s = 1;
        for (int i = 1; i < inputShape.length; i++) {
            s *= inputShape[i];
        }
        return s;
    }

    private Shape shape(int k) {
        long[] s = inputShape.clone();
        s[0] = k;
        return new Shape(s);
    }

    private static float[] slice(float[] a, int from, int len) {
        return from == 0 && len == a.length ? a : java.util.Arrays.copyOfRange(a, from, from + len);
    }

    private static int[] slice(int[] a, int from, int len) {
        return from == 0 && len == a.length ? a : java.util.Arrays.copyOfRange(a, from, from + len);
    }

    @Override
    public void close() {
        for (Parameter p : trunkParameters.values()) {
            p.freeze(false);
        }
        head.close();
    }
}
