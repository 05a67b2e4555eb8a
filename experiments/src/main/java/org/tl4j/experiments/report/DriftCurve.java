package org.tl4j.experiments.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The drift × target-size curve of parameter transfer, read from a {@code results.csv} of the
 * {@code drifting-linear} suite: per strategy, the mean test MSE over seeds divided by {@code target-only}'s on the
 * same draws (below 1: the source helped), against the drift, one line per labelled target size; points whose
 * negative-transfer verdict is positive are drawn as red crosses. Written as a Markdown table ({@link #markdown})
 * and a PNG ({@link #chart}).
 */
public final class DriftCurve {
    private static final int PANEL_W = 520;
    private static final int PANEL_H = 420;
    private static final Color[] SIZE_COLOURS = {new Color(30, 90, 180), new Color(40, 150, 80),
            new Color(210, 140, 20), new Color(120, 60, 160), new Color(90, 90, 90), new Color(0, 160, 170)};

    /**
     * One cell: a strategy at one grid point.
     *
     * @param meanMse      the strategy's mean test MSE
     * @param targetOnly   target-only's mean test MSE on the same draws
     * @param negative     whether the harness flagged negative transfer
     */
    public record Cell(double meanMse, double targetOnly, boolean negative) {
        /** MSE relative to target-only. */
        public double ratio() {
            return meanMse / targetOnly;
        }
    }

    private final List<String> strategies;
    private final List<Double> drifts;
    private final List<Integer> sizes;
    private final Map<String, Cell> cells;

    private DriftCurve(List<String> strategies, List<Double> drifts, List<Integer> sizes, Map<String, Cell> cells) {
        this.strategies = strategies;
        this.drifts = drifts;
        this.sizes = sizes;
        this.cells = cells;
    }

    /**
     * Reads the MSE rows of {@code results} for the grid.
     *
     * @param taskName the task of a grid point (drift, size)
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if a grid point has no MSE rows
     */
    public static DriftCurve read(Path results, List<Double> drifts, List<Integer> sizes,
                                  BiFunction<Double, Integer, String> taskName) throws IOException {
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Boolean> flagged = new LinkedHashMap<>();
        List<String> strategies = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(results)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                if (!rec.get("metric").equals("mse") || !rec.get("error").isEmpty()) {
                    continue;
                }
                String strategy = rec.get("strategy");
                String key = rec.get("task") + "|" + strategy;
                double[] s = sums.computeIfAbsent(key, k -> new double[3]);
                s[0] += Double.parseDouble(rec.get("value"));
                s[1] += rec.get("target_only").isEmpty() ? Double.NaN : Double.parseDouble(rec.get("target_only"));
                s[2]++;
                flagged.put(key, "true".equals(rec.get("negative_transfer")));
                if (!strategies.contains(strategy) && !strategy.equals("target-only")) {
                    strategies.add(strategy);
                }
            }
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (String s : strategies) {
            for (int n : sizes) {
                for (double d : drifts) {
                    String key = taskName.apply(d, n) + "|" + s;
                    double[] v = sums.get(key);
                    if (v == null) {
                        throw new IllegalArgumentException(results + " has no MSE of '" + s + "' on task "
                                + taskName.apply(d, n));
                    }
                    cells.put(key(s, d, n), new Cell(v[0] / v[2], v[1] / v[2], flagged.get(key)));
                }
            }
        }
        return new DriftCurve(List.copyOf(strategies), List.copyOf(drifts), List.copyOf(sizes), cells);
    }

    private static String key(String strategy, double drift, int size) {
        return strategy + "|" + drift + "|" + size;
    }

    /** The cell of a strategy at a grid point. */
    public Cell cell(String strategy, double drift, int size) {
        return cells.get(key(strategy, drift, size));
    }

    /** The strategies, in the order of the results. */
    public List<String> strategies() {
        return strategies;
    }

    /**
     * The Markdown table: per strategy, rows = target size, columns = drift, cells = MSE / target-only MSE
     * ({@code ⚠} = flagged negative transfer); then target-only's own MSE.
     */
    public String markdown(int seeds) {
        StringBuilder sb = new StringBuilder();
        sb.append("Test MSE relative to `target-only` on the same draws (mean over ").append(seeds)
                .append(" seeds; < 1: the source helped; ⚠ = negative transfer flagged by the harness: NTG > 0, "
                        + "one-sided paired t-test p < α).\n\n");
        for (String s : strategies) {
            sb.append("**`").append(s).append("`**\n\n| n \\ drift |");
            drifts.forEach(d -> sb.append(' ').append(fmt(d)).append(" |"));
            sb.append("\n|---:|").append("---:|".repeat(drifts.size())).append('\n');
            for (int n : sizes) {
                sb.append("| ").append(n).append(" |");
                for (double d : drifts) {
                    Cell c = cell(s, d, n);
                    sb.append(String.format(Locale.ROOT, " %.3f%s |", c.ratio(), c.negative() ? " ⚠" : ""));
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        String any = strategies.get(0);
        sb.append("**`target-only`** (absolute test MSE)\n\n| n \\ drift |");
        drifts.forEach(d -> sb.append(' ').append(fmt(d)).append(" |"));
        sb.append("\n|---:|").append("---:|".repeat(drifts.size())).append('\n');
        for (int n : sizes) {
            sb.append("| ").append(n).append(" |");
            for (double d : drifts) {
                sb.append(String.format(Locale.ROOT, " %.3f |", cell(any, d, n).targetOnly()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Writes the PNG: one panel per strategy, MSE / target-only (log scale) against drift, a line per size. */
    public void chart(Path file) throws IOException {
        List<BufferedImage> panels = new ArrayList<>();
        for (String s : strategies) {
            XYChart c = new XYChartBuilder().width(PANEL_W).height(PANEL_H).title(s)
                    .xAxisTitle("drift ||w_t - w_s|| / ||w_s||").yAxisTitle("test MSE / target-only MSE").build();
            Styler st = c.getStyler();
            st.setChartBackgroundColor(Color.WHITE);
            st.setLegendPosition(Styler.LegendPosition.OutsideS);
            st.setLegendLayout(Styler.LegendLayout.Horizontal);
            c.getStyler().setYAxisLogarithmic(true);
            List<Double> xs = new ArrayList<>(drifts);
            for (int i = 0; i < sizes.size(); i++) {
                int n = sizes.get(i);
                List<Double> ys = new ArrayList<>();
                for (double d : drifts) {
                    ys.add(cell(s, d, n).ratio());
                }
                XYSeries series = c.addSeries("n = " + n, xs, ys);
                series.setLineColor(SIZE_COLOURS[i % SIZE_COLOURS.length]);
                series.setMarkerColor(SIZE_COLOURS[i % SIZE_COLOURS.length]);
                series.setMarker(SeriesMarkers.CIRCLE);
            }
            List<Double> fx = new ArrayList<>();
            List<Double> fy = new ArrayList<>();
            for (int n : sizes) {
                for (double d : drifts) {
                    Cell cell = cell(s, d, n);
                    if (cell.negative()) {
                        fx.add(d);
                        fy.add(cell.ratio());
                    }
                }
            }
            if (!fx.isEmpty()) {
                XYSeries neg = c.addSeries("negative transfer", fx, fy);
                neg.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                neg.setMarker(SeriesMarkers.CROSS);
                neg.setMarkerColor(new Color(200, 30, 30));
            }
            XYSeries one = c.addSeries("target-only", List.of(xs.get(0), xs.get(xs.size() - 1)), List.of(1.0, 1.0));
            one.setLineColor(Color.GRAY);
            one.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[]{6f, 4f}, 0f));
            one.setMarker(SeriesMarkers.NONE);
            panels.add(BitmapEncoder.getBufferedImage(c));
        }
        int cols = Math.min(2, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        BufferedImage out = new BufferedImage(cols * PANEL_W, rows * PANEL_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            g.drawImage(panels.get(i), (i % cols) * PANEL_W, (i / cols) * PANEL_H, null);
        }
        g.dispose();
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        if (!ImageIO.write(out, "png", tmp.toFile())) {
            throw new IOException("No PNG writer available to write " + file);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
