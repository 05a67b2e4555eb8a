package org.tl4j.experiments.table4;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.tl4j.deep.train.TrainingSchedule;
import org.tl4j.experiments.report.ReportWriter;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes Table 4 in the white paper's columns (use case, training dataset, traditional DL training time, transfer
 * learning training time, speed-up, architecture) plus what this run adds: the model, how the traditional time was
 * obtained, the accuracy each side reached, the transfer time's two parts, the hardware; and the paper's own row.
 */
final class Table4Report {

    /** The white paper's row (Table 4, measured on a 2S Intel Xeon Gold 6148 system). */
    static final Row PAPER = new Row("FaceNet (white paper)", "LFW (13,232 images)", "Inception ResNet v1",
            "TensorFlow, FaceNet", 20 * 3600.0, "approximately 20 hours (reported)", Double.NaN, 15 * 60.0,
            Double.NaN, Double.NaN, Double.NaN, "2S Intel Xeon Gold 6148 (2 × 20 cores), no CPU optimisations");

    /**
     * One row.
     *
     * @param useCase             use case
     * @param dataset             training dataset
     * @param architecture        network architecture
     * @param model               the model (file or built-in name)
     * @param traditionalSeconds  traditional training time of the full schedule (NaN: not trained here)
     * @param traditionalBasis    how it was obtained
     * @param traditionalAccuracy test accuracy the traditional run reached (NaN: not evaluated)
     * @param transferSeconds     transfer learning time (embedding pass + classifier)
     * @param embedSeconds        its embedding pass
     * @param classifierSeconds   its classifier training
     * @param transferAccuracy    test accuracy of the classifier on the embeddings
     * @param hardware            where it was measured
     */
    record Row(String useCase, String dataset, String architecture, String model, double traditionalSeconds,
               String traditionalBasis, double traditionalAccuracy, double transferSeconds, double embedSeconds,
               double classifierSeconds, double transferAccuracy, String hardware) {
        double speedup() {
            return traditionalSeconds / transferSeconds;
        }
    }

    private Table4Report() {
    }

    static String duration(double s) {
        if (Double.isNaN(s)) {
            return "—";
        }
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%.1f h", s / 3600);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%.1f min", s / 60);
        }
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String pct(double a) {
        return Double.isNaN(a) ? "—" : String.format(Locale.ROOT, "%.2f %%", 100 * a);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    static void writeCsv(List<Row> rows, Path file) throws IOException {
        ReportWriter.atomically(file, w -> {
            w.write("use_case,training_dataset,traditional_training_s,transfer_training_s,speedup,architecture,model,"
                    + "traditional_basis,traditional_accuracy,transfer_accuracy,embedding_s,classifier_s,hardware\n");
            for (Row r : rows) {
                w.write(String.join(",", csv(r.useCase()), csv(r.dataset()), num(r.traditionalSeconds()),
                        num(r.transferSeconds()), num(r.speedup()), csv(r.architecture()), csv(r.model()),
                        csv(r.traditionalBasis()), num(r.traditionalAccuracy()), num(r.transferAccuracy()),
                        num(r.embedSeconds()), num(r.classifierSeconds()), csv(r.hardware())) + "\n");
            }
        });
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static void writeMarkdown(List<Row> rows, Map<String, String> notes, Path file) throws IOException {
        ReportWriter.atomically(file, w -> w.write(markdown(rows, notes)));
    }

    static String markdown(List<Row> rows, Map<String, String> notes) {
        StringBuilder sb = new StringBuilder("# Table 4: traditional training versus transfer learning\n\n");
        sb.append("| use case | training dataset | traditional DL training time | transfer learning training time | "
                + "speed-up | architecture | model | traditional: how | accuracy (traditional) | accuracy (transfer) "
                + "| transfer = embedding pass + classifier |\n|---|---|---:|---:|---:|---|---|---|---:|---:|---|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    r.useCase(), r.dataset(), duration(r.traditionalSeconds()), duration(r.transferSeconds()),
                    Double.isNaN(r.speedup()) ? "—" : String.format(Locale.ROOT, "%.0f×", r.speedup()),
                    r.architecture(), r.model(), r.traditionalBasis(), pct(r.traditionalAccuracy()),
                    pct(r.transferAccuracy()), Double.isNaN(r.embedSeconds()) ? "—"
                            : duration(r.embedSeconds()) + " + " + duration(r.classifierSeconds())));
        }
        sb.append('\n');
        for (Map.Entry<String, String> e : notes.entrySet()) {
            sb.append("- **").append(e.getKey()).append("**: ").append(e.getValue()).append('\n');
        }
        return sb.toString();
    }

    /**
     * A bar chart in the spirit of the white paper's Figure 3: traditional and transfer training time (hours, log
     * scale) for the paper's run and for every row of this machine that has both.
     */
    static void writeChart(List<Row> rows, Path file) throws IOException {
        List<String> cats = new ArrayList<>();
        List<Double> trad = new ArrayList<>();
        List<Double> transfer = new ArrayList<>();
        for (Row r : rows) {
            if (!Double.isNaN(r.traditionalSeconds()) && !Double.isNaN(r.transferSeconds())) {
                cats.add(String.format(Locale.ROOT, "%s (%.0f× speed-up)", r.useCase(), r.speedup()));
                trad.add(r.traditionalSeconds() / 3600);
                transfer.add(r.transferSeconds() / 3600);
            }
        }
        CategoryChart c = new CategoryChartBuilder().width(900).height(560)
                .title("Training time on LFW: traditional deep learning vs transfer learning")
                .xAxisTitle("").yAxisTitle("hours").build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setSeriesColors(new Color[]{new Color(0x1f, 0x4e, 0x79), new Color(0x70, 0xad, 0x47)});
        c.getStyler().setLabelsVisible(true);
        c.getStyler().setDecimalPattern("#,##0.00");
        c.addSeries("traditional DL (from scratch)", cats, trad);
        c.addSeries("transfer learning", cats, transfer);
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** "80 epochs × 13 batches × 1,024 images = 1,040 steps". */
    static String schedule(TrainingSchedule s) {
        return String.format(Locale.ROOT, "%d epochs × %d batches × %,d images = %,d steps (%,d images)", s.epochs(),
                s.epochSize(), s.batchSize(), s.steps(), s.images());
    }
}
