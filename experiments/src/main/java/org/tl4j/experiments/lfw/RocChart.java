package org.tl4j.experiments.lfw;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The LFW verification ROC curves of a run as a PNG (XChart): true-accept rate against false-accept rate on a
 * logarithmic axis from 10⁻³, one curve per row, pooled over the folds.
 */
public final class RocChart {
    private static final double MIN_FAR = 1e-3;

    private RocChart() {
    }

    /** Writes the chart of {@code rows} to {@code file} (atomically). */
    public static void write(List<LfwEvaluation.Row> rows, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(820).title("LFW View 2 verification ROC (pooled folds)")
                .xAxisTitle("false accept rate (log scale)").yAxisTitle("true accept rate").build();
        Styler s = chart.getStyler();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisMin(MIN_FAR);
        chart.getStyler().setXAxisMax(1.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Vertical);
        s.setChartBackgroundColor(Color.WHITE);
        for (LfwEvaluation.Row r : rows) {
            double[] fpr = r.verification().rocFpr();
            double[] tpr = r.verification().rocTpr();
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < fpr.length; i++) {
                if (fpr[i] >= MIN_FAR) {
                    if (x.isEmpty() && i > 0) {
                        x.add(MIN_FAR);
                        y.add(tpr[i - 1]);
                    }
                    x.add(fpr[i]);
                    y.add(tpr[i]);
                }
            }
            String name = String.format(Locale.ROOT, "%s (acc %.2f%%, AUC %.4f)", r.label(),
                    100 * r.verification().accuracy(), r.verification().auc());
            XYSeries series = chart.addSeries(name, x, y);
            series.setMarker(SeriesMarkers.NONE);
        }
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        if (!ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", tmp.toFile())) {
            throw new IOException("No PNG writer available to write " + file);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
