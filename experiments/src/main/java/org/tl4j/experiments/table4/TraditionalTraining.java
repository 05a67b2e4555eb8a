package org.tl4j.experiments.table4;

import org.tl4j.core.eval.ProgressListener;
import org.tl4j.deep.net.InceptionResNetV1;
import org.tl4j.deep.net.Network;
import org.tl4j.deep.train.SoftmaxTrainer;
import org.tl4j.deep.train.TrainingSchedule;
import org.tl4j.backbone.ImageSource;

import java.util.List;
import java.util.Locale;

/**
 * Table 4's traditional side: Inception-ResNet v1 trained from random weights (seeded) with softmax over the LFW
 * identities, FaceNet's classifier recipe ({@link SoftmaxTrainer.Settings#facenet}), the white paper's batches of
 * 1,024 accumulated from micro-batches, for the first {@code steps} steps of the schedule; the full schedule's time is
 * the measured time per step × its steps. Each step's time includes preparing its images (overlapped with training).
 */
final class TraditionalTraining {

    /**
     * What was measured.
     *
     * @param estimate        the schedule's time from the steps run
     * @param firstLoss       mean cross-entropy of the first batch
     * @param lastLoss        mean cross-entropy of the last batch
     * @param accuracy        top-1 accuracy on the test images after the steps run (NaN when not evaluated)
     * @param evalSeconds     time of that evaluation (not part of the training time)
     * @param parameters      trainable parameters of the trunk
     * @param microBatch      images per forward/backward pass
     * @param cpuSeconds      process CPU time of the steps run
     * @param load            one-minute load average after them
     */
    record Result(TrainingSchedule.Estimate estimate, double firstLoss, double lastLoss, double accuracy,
                  double evalSeconds, long parameters, int microBatch, double cpuSeconds, double load) {
    }

    private TraditionalTraining() {
    }

    /**
     * Runs the first {@code steps} steps, or, when {@code partImages > 0}, one step on only {@code partImages} images
     * (accumulated as usual) and extrapolates by time per image.
     */
    static Result run(ImageSource images, IdentitySplit split, IdentitySplit scored, TrainingSchedule schedule,
                      long steps, int partImages, int microBatch, boolean evaluate, long seed,
                      ProgressListener progress) {
        InceptionResNetV1.Config cfg = InceptionResNetV1.Config.facenet();
        long[] shape = {1, 3, InceptionResNetV1.INPUT_SIZE, InceptionResNetV1.INPUT_SIZE};
        try (Network trunk = Network.build(InceptionResNetV1.trunk(cfg), shape);
             FaceTensors data = new FaceTensors(images, split.train(), seed)) {
            trunk.initialise(seed);
            SoftmaxTrainer.Settings settings = SoftmaxTrainer.Settings.facenet(schedule, microBatch);
            try (SoftmaxTrainer trainer = new SoftmaxTrainer(trunk, shape, split.classes(), settings, seed)) {
                int batch = partImages > 0 ? partImages : schedule.batchSize();
                if (partImages > 0) {
                    steps = 1;
                }
                long nSteps = steps;
                int micros = (batch + microBatch - 1) / microBatch;
                progress.start(String.format(Locale.ROOT, "training Inception-ResNet v1 from scratch: %d of %d steps "
                        + "of %d images, %d micro-batches each", steps, schedule.steps(), batch, micros),
                        steps * micros);
                double first = Double.NaN;
                double last = Double.NaN;
                long t0 = System.nanoTime();
                double c0 = CpuClock.processSeconds();
                for (long s = 0; s < steps; s++) {
                    long step = s + 1;
                    last = trainer.step(batch, (start, k, x, y) -> {
                        if (start > 0) {
                            progress.step(String.format(Locale.ROOT, "step %d/%d", step, nSteps));
                        }
                        FaceTensors.Micro m = data.next(k);
                        System.arraycopy(m.x(), 0, x, 0, m.x().length);
                        System.arraycopy(m.y(), 0, y, 0, k);
                    });
                    if (s == 0) {
                        first = last;
                    }
                    double elapsed = (System.nanoTime() - t0) / 1e9;
                    progress.step(String.format(Locale.ROOT, "step %d/%d: loss %.3f, %.1f s/step", step, steps, last,
                            elapsed / step));
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpu = CpuClock.processSeconds() - c0;
                double load = CpuClock.load();
                progress.finish();
                double acc = Double.NaN;
                double evalSeconds = 0;
                if (evaluate) {
                    long e0 = System.nanoTime();
                    acc = accuracy(trainer, data, split, scored, microBatch);
                    evalSeconds = (System.nanoTime() - e0) / 1e9;
                }
                TrainingSchedule.Estimate est = partImages > 0 ? schedule.estimateFromImages(partImages, seconds)
                        : schedule.estimate(steps, seconds);
                return new Result(est, first, last, acc, evalSeconds,
                        trunk.parameterCount(true), microBatch, cpu, load);
            }
        }
    }

    /**
     * Top-1 accuracy of the network's own softmax (over all of {@code split}'s identities) on the test images of
     * {@code scored} (a {@link IdentitySplit#restrict(int) restriction} of {@code split}, labelled differently).
     */
    private static double accuracy(SoftmaxTrainer trainer, FaceTensors data, IdentitySplit split,
                                   IdentitySplit scored, int micro) {
        int size = FaceTensors.SPEC.imageSize();
        List<IdentitySplit.Example> test = scored.test();
        int correct = 0;
        for (int start = 0; start < test.size(); start += micro) {
            int k = Math.min(micro, test.size() - start);
            float[] x = new float[k * size];
            for (int i = 0; i < k; i++) {
                data.prepare(test.get(start + i).key(), x, i, false);
            }
            int[] p = trainer.predict(x, k);
            for (int i = 0; i < k; i++) {
                correct += split.people().get(p[i]).equals(scored.people().get(test.get(start + i).label())) ? 1 : 0;
            }
        }
        return (double) correct / test.size();
    }
}
