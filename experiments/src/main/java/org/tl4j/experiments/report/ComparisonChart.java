package org.tl4j.experiments.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.Metric;
import org.tl4j.core.eval.NegativeTransferTest;
import org.tl4j.core.eval.SummaryRow;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PNG comparing strategies with the baselines per task: one small bar chart per task (the task's primary metric,
 * mean with a ±1 standard deviation error bar), baselines in grey, transfer strategies in blue, strategies flagged
 * for negative transfer in red; the panels are tiled into one image.
 */
public final class ComparisonChart {
    private static final int PANEL_W = 560;
    private static final int PANEL_H = 380;
    /** Horizontal room per bar, so that every strategy's name fits under its bar (XChart skips overlapping labels). */
    private static final int BAR_W = 30;
    /** Extra height for the vertical strategy names. */
    private static final int LABEL_H = 110;
    private static final int COLUMNS = 2;

    private ComparisonChart() {
    }

    /** Renders the chart of {@code report} into {@code file} (PNG). */
    public static void write(EvaluationReport report, Path file) throws IOException {
        Map<String, List<SummaryRow>> byTask = new LinkedHashMap<>();
        Map<String, Metric> primary = new LinkedHashMap<>();
        for (SummaryRow s : report.summary()) {
            primary.putIfAbsent(s.task(), s.metric());
            if (s.metric() == primary.get(s.task())) {
                byTask.computeIfAbsent(s.task(), k -> new ArrayList<>()).add(s);
            }
        }
        int bars = byTask.values().stream().mapToInt(List::size).max().orElse(1);
        int panelW = Math.max(PANEL_W, 100 + BAR_W * bars);
        int panelH = PANEL_H + LABEL_H;
        List<BufferedImage> panels = new ArrayList<>();
        for (Map.Entry<String, List<SummaryRow>> e : byTask.entrySet()) {
            panels.add(BitmapEncoder.getBufferedImage(panel(e.getKey(), primary.get(e.getKey()), e.getValue(), panelW,
                    panelH)));
        }
        int cols = Math.min(COLUMNS, Math.max(1, panels.size()));
        int rows = (panels.size() + cols - 1) / cols;
        BufferedImage out = new BufferedImage(cols * panelW, Math.max(1, rows) * panelH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            g.drawImage(panels.get(i), (i % cols) * panelW, (i / cols) * panelH, null);
        }
        g.dispose();
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        if (!ImageIO.write(out, "png", tmp.toFile())) {
            throw new IOException("No PNG writer available to write " + file);
        }
        java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static CategoryChart panel(String task, Metric metric, List<SummaryRow> rows, int width, int height) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(task)
                .yAxisTitle(metric.name() + (metric.higherIsBetter() ? " (higher is better)" : " (lower is better)"))
                .build();
        Styler st = chart.getStyler();
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setLegendVisible(true);
        st.setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setXAxisTickMarkSpacingHint(BAR_W / 2); // a label under every bar
        List<String> x = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        List<Double> transfer = new ArrayList<>();
        List<Double> negative = new ArrayList<>();
        List<Double> baseErr = new ArrayList<>();
        List<Double> transferErr = new ArrayList<>();
        List<Double> negativeErr = new ArrayList<>();
        for (SummaryRow s : rows) {
            x.add(s.strategy());
            double v = Double.isNaN(s.mean()) ? 0 : s.mean();
            boolean isBaseline = "baseline".equals(s.approach());
            boolean neg = s.verdict() == NegativeTransferTest.Verdict.NEGATIVE;
            base.add(isBaseline && !neg ? v : 0.0);
            transfer.add(!isBaseline && !neg ? v : 0.0);
            negative.add(neg ? v : 0.0);
            double e = Double.isNaN(s.std()) ? 0.0 : s.std();
            baseErr.add(isBaseline && !neg ? e : 0.0);
            transferErr.add(!isBaseline && !neg ? e : 0.0);
            negativeErr.add(neg ? e : 0.0);
        }
        List<Color> colors = new ArrayList<>();
        if (base.stream().anyMatch(v -> v != 0)) {
            chart.addSeries("baseline", x, base, baseErr);
            colors.add(new Color(150, 150, 150));
        }
        if (transfer.stream().anyMatch(v -> v != 0)) {
            chart.addSeries("transfer", x, transfer, transferErr);
            colors.add(new Color(60, 110, 190));
        }
        if (negative.stream().anyMatch(v -> v != 0)) {
            chart.addSeries("negative transfer", x, negative, negativeErr);
            colors.add(new Color(200, 50, 50));
        }
        if (colors.isEmpty()) {
            chart.addSeries("baseline", x, base, baseErr);
            colors.add(new Color(150, 150, 150));
        }
        st.setSeriesColors(colors.toArray(new Color[0]));
        return chart;
    }
}
