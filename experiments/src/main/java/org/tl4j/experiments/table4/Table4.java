package org.tl4j.experiments.table4;

import org.tl4j.core.eval.ProgressListener;
import org.tl4j.core.eval.RequestException;
import org.tl4j.deep.net.InceptionResNetV1;
import org.tl4j.deep.train.SoftmaxTrainer;
import org.tl4j.deep.train.TrainingSchedule;
import org.tl4j.datasets.lfw.LfwDataset;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.PretrainedSource;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The white paper's Table 4 measured here: Inception-ResNet v1 trained from scratch (DJL) against transfer learning
 * with it and with each pretrained backbone (ONNX Runtime), on the same {@link IdentitySplit} of LFW. Writes
 * {@code table4.csv}, {@code table4.md} and {@code table4.png}.
 */
public final class Table4 {

    /** The files a run writes. */
    public static final List<String> OUTPUTS = List.of("table4.csv", "table4.md", "table4.png");

    /**
     * What to run.
     *
     * @param traditionalSteps steps of the traditional schedule to run (all of them for a full run)
     * @param traditionalImages when positive, run one step on only this many images instead (time per image
     *                          extrapolated)
     * @param microBatch       images per forward/backward pass of the traditional side
     * @param evaluate         whether to score the traditional network on the test images after its steps
     * @param irv1Model        the Inception-ResNet v1 model for the transfer side (exported with {@code seed}), or
     *                         {@code null} to skip that row
     * @param sources          the other backbones, transfer side only
     * @param embedder         pipeline settings of the transfer side (no cache is used)
     * @param classifier       the classifier on embeddings
     * @param seed             seeds the split, the initial weights, batches and flips, and the classifiers
     */
    public record Settings(long traditionalSteps, int traditionalImages, int microBatch, boolean evaluate, PretrainedSource irv1Model,
                           List<PretrainedSource> sources, EmbedderSettings embedder, ClassifierView classifier,
                           long seed) {
    }

    /**
     * The classifier on embeddings (public view of the package's settings): logistic regression solved to
     * convergence, scored on the people with at least {@code minImages} images.
     *
     * @param minImages the people scored: those with at least this many images ({@code ≥ 2})
     * @param c         inverse regularisation strength
     */
    public record ClassifierView(int minImages, double c) {
        /** People with 10 or more images, {@code C = 1}. */
        public static ClassifierView defaults() {
            TransferLearning.ClassifierSettings d = TransferLearning.ClassifierSettings.defaults();
            return new ClassifierView(d.minImages(), d.c());
        }
    }

    private Table4() {
    }

    /** The paper's schedule. */
    public static TrainingSchedule schedule() {
        return TrainingSchedule.PAPER;
    }

    /**
     * Runs everything and writes the outputs into {@code dir}.
     *
     * @param progress a new progress listener for each long phase
     * @param log      one line per phase
     * @return the markdown table
     */
    public static String run(LfwDataset data, Settings s, Path dir, Supplier<ProgressListener> progress,
                             PrintStream log) throws IOException {
        Hardware hw = Hardware.detect();
        IdentitySplit split = IdentitySplit.of(data.imagesByPerson(), s.seed());
        List<String> keys = TransferLearning.keys(split);
        log.println("split: " + split.describe());
        TransferLearning.ClassifierSettings classifier = new TransferLearning.ClassifierSettings(
                s.classifier().minImages(), s.classifier().c());
        IdentitySplit scored;
        try {
            scored = split.restrict(classifier.minImages());
        } catch (IllegalArgumentException e) {
            throw new RequestException(e.getMessage() + " (--min-images)");
        }
        log.println("scored: " + scored.classes() + " people with " + classifier.minImages() + " or more images; "
                + scored.train().size() + " training and " + scored.test().size() + " test images of theirs");
        TrainingSchedule schedule = schedule();
        List<Table4Report.Row> rows = new ArrayList<>();
        rows.add(Table4Report.PAPER);
        String dataset = String.format(Locale.ROOT, "LFW (%,d images)", data.imageCount());
        Map<String, String> notes = new LinkedHashMap<>();

        if (s.irv1Model() != null) {
            log.println("== traditional: Inception-ResNet v1 from random weights (seed " + s.seed() + ")");
            TraditionalTraining.Result t = TraditionalTraining.run(data.images(), split, scored, schedule,
                    s.traditionalSteps(),
                    s.traditionalImages(), s.microBatch(), s.evaluate(), s.seed(), progress.get());
            log.printf(Locale.ROOT, "   %.1f s per step of %,d images (%.1f ms per image; %.1f CPU-s per step, load "
                            + "%.1f); schedule %s: %s%n", t.estimate().secondsPerStep(), schedule.batchSize(),
                    1000 * t.estimate().secondsPerStep() / schedule.batchSize(),
                    cpuPerStep(t), t.load(), t.estimate().basis(),
                    Table4Report.duration(t.estimate().totalSeconds()));
            log.println("== transfer: " + s.irv1Model().name() + " (the same random initial weights, exported to ONNX)");
            TransferLearning.Result r = TransferLearning.run(data.images(), keys, split, s.irv1Model(), s.embedder(),
                    classifier, progress.get());
            logTransfer(log, r);
            rows.add(new Table4Report.Row("FaceNet (tl4j, this machine)", dataset, "Inception ResNet v1",
                    "facenet-irv1 (random weights, seed " + s.seed() + ")", t.estimate().totalSeconds(),
                    t.estimate().basis(), t.accuracy(), r.totalSeconds(), r.embedSeconds(), r.trainSeconds(),
                    r.accuracy(), hw.describe()));
            double cpuTotal = cpuPerStep(t) * schedule.steps();
            notes.put("CPU time (Inception-ResNet v1)", String.format(Locale.ROOT, "traditional %.1f CPU-s per step "
                            + "→ %s of CPU for the schedule; transfer %s of CPU; ratio %.0f× (wall-clock ratio %.0f×). "
                            + "One-minute load average %.1f after the traditional steps and %.1f after the transfer "
                            + "side on %d processors: where other work shares the machine, wall times stretch and the "
                            + "CPU ratio is the steadier comparison.", cpuPerStep(t),
                    Table4Report.duration(cpuTotal), Table4Report.duration(r.cpuSeconds()), cpuTotal / r.cpuSeconds(),
                    t.estimate().totalSeconds() / r.totalSeconds(), t.load(), r.load(), hw.cores()));
            notes.put("Traditional side", String.format(Locale.ROOT, "Inception-ResNet v1 (%,d trainable parameters; "
                            + "FaceNet's definition, batch norm without γ), softmax over %,d identities, FaceNet's "
                            + "classifier recipe (Adam β=(0.9, 0.999), ε=0.1, learning rate 0.05 then 0.005 from "
                            + "epoch 60, weight decay 5e-4, dropout keep 0.8, random flips, fixed standardisation), "
                            + "schedule %s, each batch of %,d accumulated from micro-batches of %d; %s: %.2f s per "
                            + "step (%.1f ms per image) → %s. Loss %.3f on the first batch, %.3f on the last%s.",
                    t.parameters(), split.classes(), Table4Report.schedule(schedule), schedule.batchSize(),
                    t.microBatch(), t.estimate().basis(), t.estimate().secondsPerStep(),
                    1000 * t.estimate().secondsPerStep() / schedule.batchSize(),
                    Table4Report.duration(t.estimate().totalSeconds()), t.firstLoss(), t.lastLoss(),
                    Double.isNaN(t.accuracy()) ? "" : String.format(Locale.ROOT,
                            "; test accuracy after these steps %.2f %% (scored in %.1f s, not counted)",
                            100 * t.accuracy(), t.evalSeconds())));
            write(rows, notes, dir);
        }
        for (PretrainedSource src : s.sources()) {
            log.println("== transfer: " + src.name() + " (trained on " + src.trainedOn() + ")");
            TransferLearning.Result r = TransferLearning.run(data.images(), keys, split, src, s.embedder(),
                    classifier, progress.get());
            logTransfer(log, r);
            rows.add(new Table4Report.Row("face identification, pretrained backbone", dataset, architecture(src),
                    src.name(), Double.NaN, "not trained here", Double.NaN, r.totalSeconds(), r.embedSeconds(),
                    r.trainSeconds(), r.accuracy(), hw.describe()));
            write(rows, notes, dir);
        }
        notes.put("Transfer side", "one ONNX Runtime pass over all " + String.format(Locale.ROOT, "%,d", keys.size())
                + " images with the backbone (decode, fixed crop, normalise, inference; batch " + s.embedder().batchSize()
                + ", no embedding cache) + a classifier on the frozen, L2-normalised embeddings: multinomial logistic "
                + "regression (tl4j's default learner, C = " + classifier.c() + ", balanced class weights as "
                + "scikit-learn's class_weight='balanced', solved by L-BFGS to a gradient tolerance of 1e-6) over the " + scored.classes() + " people with " + classifier.minImages()
                + " or more images, trained on their " + scored.train().size() + " training images; accuracy = top-1 "
                + "on their " + scored.test().size() + " test images (one per person; one error = "
                + String.format(Locale.ROOT, "%.2f", 100.0 / scored.test().size()) + " points).");
        notes.put("Split", split.describe() + "; seed " + s.seed() + ". The traditional side trains its softmax over "
                + "all identities on all training images; both sides are scored on the same test images, those of the "
                + "people with " + classifier.minImages() + " or more images (the traditional network by its own "
                + "softmax over all identities).");
        notes.put("Hardware", hw.describe() + "; Java " + System.getProperty("java.version") + "; DJL "
                + ai.djl.engine.Engine.getDjlVersion() + " on PyTorch " + org.tl4j.deep.DeepEngine.pytorch().getVersion()
                + " (CPU, " + org.tl4j.deep.DeepEngine.activeThreads() + " libtorch threads); ONNX Runtime " + ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion());
        notes.put("Paper", "Table 4 of the white paper: FaceNet on LFW, ≈ 20 h traditional vs ≈ 15 min transfer "
                + "(≈ 80×), 2S Intel Xeon Gold 6148, TensorFlow, max_nrof_epochs=80, batch_size=1024, epoch_size=13.");
        write(rows, notes, dir);
        return Table4Report.markdown(rows, notes);
    }

    private static void logTransfer(PrintStream log, TransferLearning.Result r) {
        log.printf(Locale.ROOT, "   embedding %.1f s (%.1f images/s), classifier %.1f s (%d L-BFGS iterations), "
                        + "accuracy %.2f %% on %d people; %.1f CPU-s, load %.1f%n", r.embedSeconds(),
                r.images() / r.embedSeconds(), r.trainSeconds(), r.scored().iterations(), 100 * r.accuracy(),
                r.scored().classes(), r.cpuSeconds(), r.load());
    }

    /** Writes (or rewrites, after each row, so an interrupted run keeps the rows it finished) the three outputs. */
    private static void write(List<Table4Report.Row> rows, Map<String, String> notes, Path dir) throws IOException {
        Files.createDirectories(dir);
        Table4Report.writeCsv(rows, dir.resolve("table4.csv"));
        Table4Report.writeMarkdown(rows, notes, dir.resolve("table4.md"));
        Table4Report.writeChart(rows, dir.resolve("table4.png"));
    }

    private static double cpuPerStep(TraditionalTraining.Result t) {
        TrainingSchedule.Estimate e = t.estimate();
        return t.cpuSeconds() * e.secondsPerStep() / e.measuredSeconds();
    }

    private static String architecture(PretrainedSource s) {
        String n = s.spec().name();
        if (n.startsWith("mobilefacenet")) {
            return "MobileFaceNet";
        }
        if (n.startsWith("dlib")) {
            return "ResNet-29 (dlib)";
        }
        if (n.startsWith("facenet")) {
            return "Inception ResNet v1";
        }
        return n;
    }

    /** Trainable parameters of FaceNet's Inception-ResNet v1. */
    public static long irv1Parameters() {
        return InceptionResNetV1.PARAMETERS;
    }

    /** FaceNet's traditional settings with {@code micro} images per pass. */
    public static SoftmaxTrainer.Settings traditionalSettings(int micro) {
        return SoftmaxTrainer.Settings.facenet(schedule(), micro);
    }
}
