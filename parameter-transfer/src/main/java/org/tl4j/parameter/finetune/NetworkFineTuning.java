package org.tl4j.parameter.finetune;

import org.tl4j.core.learn.Seeds;
import org.tl4j.deep.net.Network;
import org.tl4j.deep.train.LearningRate;
import org.tl4j.deep.train.SoftmaxTrainer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fine-tunes a pretrained network (the "trunk": a head of dense layers on frozen embeddings, or a backbone's last
 * layers on cached features) with a new softmax classifier on the labelled target, as {@link FineTuneSettings}
 * describe: deep's {@link SoftmaxTrainer} does each step (autograd, L2-SP, frozen parameters untouched); this class
 * draws the mini-batches (a seeded permutation per pass over the data) and runs the stages of progressive unfreezing.
 */
public final class NetworkFineTuning {

    private NetworkFineTuning() {
    }

    /**
     * One stage.
     *
     * @param trainable the trunk parameters that trained
     * @param meanLoss  the mean cross-entropy of its steps
     */
    public record Stage(List<String> trainable, double meanLoss) {
    }

    /**
     * The outcome.
     *
     * @param head   the classifier's parameters ({@code logits.weight} {@code [classes, D]}, {@code logits.bias})
     * @param stages each stage
     * @param steps  optimiser steps taken
     */
    public record Result(Map<String, float[]> head, List<Stage> stages, long steps) {
    }

    /**
     * Trains {@code trunk} (in place) and a new classifier on {@code n} inputs.
     *
     * @param trunk      the pretrained network; its parameters are updated
     * @param inputShape one batch's input shape ({@code [1, …]})
     * @param units      the trunk's parametric layers, bottom to top, each as its parameter names
     * @param x          {@code n} inputs, flattened
     * @param y          their classes in {@code [0, classes)}
     * @param stages     number of stages (the head-only stage plus one per unit to unfreeze)
     */
    public static Result train(Network trunk, long[] inputShape, List<List<String>> units, float[] x, int[] y, int n,
                               int classes, FineTuneSettings s, int stages, long seed) {
        int size = Math.toIntExact(x.length / Math.max(1, n));
        int batch = Math.min(s.batch(), n);
        SoftmaxTrainer.Settings ts = new SoftmaxTrainer.Settings(batch, batch, s.beta(),
                LearningRate.constant(s.rate()), 0.9f, 0.999f, 1e-8f, s.alpha(), s.trunkRate());
        List<Stage> done = new ArrayList<>();
        try (SoftmaxTrainer t = new SoftmaxTrainer(trunk, inputShape, classes, ts, Seeds.derive(seed, "head"))) {
            int[] order = Seeds.permutation(n, Seeds.derive(seed, "batches", 0));
            int pass = 0;
            int next = 0;
            float[] xb = new float[batch * size];
            int[] yb = new int[batch];
            for (int stage = 0; stage < stages; stage++) {
                Set<String> trainable = new LinkedHashSet<>();
                int open = s.unfrozen(stage, units.size());
                for (int u = units.size() - open; u < units.size(); u++) {
                    trainable.addAll(units.get(u));
                }
                t.setTrainable(trainable);
                double sum = 0;
                for (int step = 0; step < s.stepsPerStage(); step++) {
                    for (int b = 0; b < batch; b++) {
                        if (next == n) {
                            order = Seeds.permutation(n, Seeds.derive(seed, "batches", ++pass));
                            next = 0;
                        }
                        int i = order[next++];
                        System.arraycopy(x, i * size, xb, b * size, size);
                        yb[b] = y[i];
                    }
                    sum += t.step(xb, yb, batch);
                }
                done.add(new Stage(List.copyOf(trainable), sum / s.stepsPerStage()));
            }
            Map<String, float[]> head = new LinkedHashMap<>();
            for (String p : t.head().parameters().keySet()) {
                head.put(p, t.head().values(p));
            }
            return new Result(head, List.copyOf(done), t.steps());
        }
    }

    /** The current values of every parameter of {@code net}. */
    public static Map<String, float[]> values(Network net) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (String p : net.parameters().keySet()) {
            out.put(p, net.values(p));
        }
        return out;
    }
}
