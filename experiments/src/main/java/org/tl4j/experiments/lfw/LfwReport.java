package org.tl4j.experiments.lfw;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tl4j.experiments.report.ReportWriter;
import org.tl4j.experiments.report.TextTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@code tl lfw} run: {@code lfw.csv} (one row per model), {@code lfw-folds.csv} (held-out accuracy per
 * fold) and {@code lfw.md} (the table, the verdicts and how they were obtained). Files are written atomically.
 */
public final class LfwReport {

    /** A result row with its transfer verdict. */
    public record Entry(LfwEvaluation.Row row, TransferVerdict verdict) {
    }

    private LfwReport() {
    }

    /** The header of {@code lfw.csv} for the given learners. */
    public static List<String> header(List<String> learners) {
        List<String> h = new ArrayList<>(List.of("model", "source_kind", "aligned", "embedding_dim", "images",
                "verification_accuracy", "verification_std", "val_at_far", "val_std", "far", "far_target", "auc",
                "eer"));
        for (String l : learners) {
            h.add("classification_accuracy_" + l);
            h.add("classifier_train_s_" + l);
        }
        h.addAll(List.of("classes", "train_images", "test_images", "embedding_images_per_s", "embedding_s",
                "images_computed", "images_cached", "no_face", "total_s", "transfer", "gain_vs_pixels_pp", "p_useful",
                "source_sha256"));
        return h;
    }

    /** Writes {@code lfw.csv}. */
    public static void writeCsv(List<Entry> entries, List<String> learners, Path file) throws IOException {
        ReportWriter.atomically(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
                p.printRecord(header(learners));
                for (Entry e : entries) {
                    LfwEvaluation.Row r = e.row();
                    Verification.Result v = r.verification();
                    List<Object> rec = new ArrayList<>(List.of(r.label(), r.source().kind().name().toLowerCase(Locale.ROOT),
                            r.aligned(), r.dim(), r.embedding().requested(), num(v.accuracy()), num(v.accuracyStd()),
                            num(v.val()), num(v.valStd()), num(v.far()), num(v.farTarget()), num(v.auc()),
                            num(v.eer())));
                    for (IdentityClassification.Result c : r.classification()) {
                        rec.add(num(c.accuracy()));
                        rec.add(num(c.trainSeconds()));
                    }
                    IdentityClassification.Result c0 = r.classification().isEmpty() ? null : r.classification().get(0);
                    rec.addAll(List.of(c0 == null ? "" : c0.people(), c0 == null ? "" : c0.trainImages(),
                            c0 == null ? "" : c0.testImages(), num(r.embedding().imagesPerSecond()),
                            num(r.embedding().computeSeconds()), r.embedding().computed(), r.embedding().fromCache(),
                            r.embedding().noFace(), num(r.totalSeconds()), e.verdict().label(),
                            num(e.verdict().gainPp()), num(e.verdict().pUseful()), r.source().sha256()));
                    p.printRecord(rec);
                }
            }
        });
    }

    /** Writes {@code lfw-folds.csv}: model, fold, threshold, held-out accuracy, VAL and FAR. */
    public static void writeFolds(List<Entry> entries, Path file) throws IOException {
        ReportWriter.atomically(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
                p.printRecord("model", "fold", "threshold", "accuracy", "val", "far");
                for (Entry e : entries) {
                    Verification.Result v = e.row().verification();
                    for (int f = 0; f < v.folds(); f++) {
                        p.printRecord(e.row().label(), f + 1, num(v.foldThreshold()[f]), num(v.foldAccuracy()[f]),
                                num(v.foldVal()[f]), num(v.foldFar()[f]));
                    }
                }
            }
        });
    }

    /** The terminal table. */
    public static String table(List<Entry> entries) {
        List<String> head = new ArrayList<>(List.of("model", "verification", "VAL@FAR", "AUC", "EER"));
        List<String> learners = entries.isEmpty() ? List.of() : entries.get(0).row().classification().stream()
                .map(IdentityClassification.Result::learner).toList();
        head.addAll(learners);
        head.addAll(List.of("images/s", "total s", "transfer"));
        TextTable t = new TextTable(head);
        for (Entry e : entries) {
            LfwEvaluation.Row r = e.row();
            Verification.Result v = r.verification();
            List<String> row = new ArrayList<>(List.of(r.label(), pct(v.accuracy()) + " ± " + pct(v.accuracyStd()),
                    pct(v.val()), fmt4(v.auc()), pct(v.eer())));
            for (IdentityClassification.Result c : r.classification()) {
                row.add(pct(c.accuracy()));
            }
            row.addAll(List.of(rate(r.embedding().imagesPerSecond()), String.format(Locale.ROOT, "%.1f", r.totalSeconds()),
                    e.verdict().label()));
            t.add(row);
        }
        return t.render();
    }

    /** Writes {@code lfw.md}. */
    public static void writeMarkdown(List<Entry> entries, Map<String, Object> info, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("# LFW: deep feature transfer with frozen pretrained embeddings\n\n");
        int folds = entries.isEmpty() ? 0 : entries.get(0).row().verification().folds();
        if (info.containsKey("command")) {
            sb.append("Command: `").append(info.get("command")).append("`\n\n");
        }
        sb.append("Data: `").append(info.get("lfw")).append("` (").append(info.get("lfwImages")).append(" images), pairs `")
                .append(info.get("pairs")).append("` (View 2). Protocols: verification as FaceNet's LFW validation "
                        + "(").append(folds).append(" folds; each fold in turn is held out and the squared-Euclidean "
                        + "threshold maximising accuracy on the other ").append(folds - 1)
                .append(folds == 2 ? " fold" : " folds").append(" is applied to it; "
                        + "accuracy ± population std over folds; VAL at FAR = ")
                .append(info.get("farTarget")).append(" with the threshold from the training folds; ROC, AUC and EER "
                        + "pooled over all pairs). Identity classification: people with at least ")
                .append(info.get("minImages")).append(" images, ").append(info.get("trainPerPerson"))
                .append(" training images per person (seeded shuffle, seed ").append(info.get("seed"))
                .append("), the rest for testing; a linear classifier on the frozen embeddings "
                        + "(`pretrained-embedding` strategy; classifier training time excludes embedding).\n\n");
        List<String> learners = entries.isEmpty() ? List.of() : entries.get(0).row().classification().stream()
                .map(IdentityClassification.Result::learner).toList();
        sb.append("| model | aligned | dim | verification acc. | VAL@FAR | AUC | EER |");
        for (String l : learners) {
            sb.append(' ').append(l).append(" acc. | ").append(l).append(" train s |");
        }
        sb.append(" images/s | total s | transfer |\n|---|---|---:|---:|---:|---:|---:|");
        sb.append("---:|---:|".repeat(learners.size())).append("---:|---:|---|\n");
        for (Entry e : entries) {
            LfwEvaluation.Row r = e.row();
            Verification.Result v = r.verification();
            sb.append("| ").append(r.source().name()).append(" | ").append(r.aligned() ? "yes" : "no").append(" | ")
                    .append(r.dim()).append(" | ").append(pct(v.accuracy())).append(" ± ").append(pct(v.accuracyStd()))
                    .append(" | ").append(pct(v.val())).append(" ± ").append(pct(v.valStd())).append(" | ")
                    .append(fmt4(v.auc())).append(" | ").append(pct(v.eer())).append(" |");
            for (IdentityClassification.Result c : r.classification()) {
                sb.append(' ').append(pct(c.accuracy())).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", c.trainSeconds())).append(" |");
            }
            sb.append(' ').append(rate(r.embedding().imagesPerSecond())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", r.totalSeconds())).append(" | ")
                    .append(e.verdict().label()).append(" |\n");
        }
        sb.append("\nPercentages; images/s counts images embedded in this run (`cached` when all came from the "
                + "embedding cache). ");
        if (entries.stream().anyMatch(e -> e.verdict().kind() == TransferVerdict.Kind.NO_CONTROL)) {
            sb.append("Transfer: no verdicts (`n/a`): the no-source control (`pixels`) was not run (`--no-pixels`), "
                    + "and without it whether a source helps cannot be tested.\n\n## Verdicts\n\n");
        } else {
            sb.append("Transfer: each source against the no-source control (`pixels`: the same crops, 32×32 gray, "
                    + "centred, unit norm) with the same alignment, by a one-sided paired t-test over the ")
                    .append(folds).append(" folds' verification errors (α = ").append(info.get("alpha"))
                    .append(").\n\n## Verdicts\n\n");
        }
        for (Entry e : entries) {
            sb.append("- **").append(e.row().label()).append("**: ").append(e.verdict().sentence(e.row().source().name()))
                    .append(".\n");
        }
        sb.append("\n## Sources and embedding\n\n");
        for (Entry e : entries) {
            LfwEvaluation.Row r = e.row();
            sb.append("- **").append(r.label()).append("**: ").append(r.source().trainedOn()).append("; ")
                    .append(r.backbone()).append("; SHA-256 `").append(r.source().sha256()).append("`; ")
                    .append(r.embedding().summary());
            if (!r.noFaceKeys().isEmpty()) {
                sb.append("; no face found in ").append(r.noFaceKeys().size()).append(" images (fixed crop used), e.g. ")
                        .append(r.noFaceKeys().subList(0, Math.min(3, r.noFaceKeys().size())));
            }
            sb.append(".\n");
        }
        if (info.containsKey("memoryPeak")) {
            sb.append("\nMemory peak: ").append(info.get("memoryPeak")).append(". Machine: ")
                    .append(info.get("processors")).append(" processors.\n");
        }
        sb.append("\nFiles: `lfw.csv`, `lfw-folds.csv`, `roc.png`, `provenance.json`.\n");
        ReportWriter.atomically(file, w -> w.write(sb.toString()));
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", 100 * v);
    }

    static String fmt4(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String rate(double v) {
        return Double.isNaN(v) ? "cached" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
