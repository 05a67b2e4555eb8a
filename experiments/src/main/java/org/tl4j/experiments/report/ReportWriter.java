package org.tl4j.experiments.report;

import org.tl4j.core.BaselineRole;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tl4j.core.eval.DiscrepancyRecord;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.Metric;
import org.tl4j.core.eval.NegativeTransferTest;
import org.tl4j.core.eval.ResultRow;
import org.tl4j.core.eval.RunRecord;
import org.tl4j.core.eval.SummaryRow;
import org.tl4j.core.math.SampleStatistics;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes an {@link EvaluationReport} as {@code results.csv} (with {@code models.csv} beside it),
 * {@code results.md}, {@code discrepancy.csv} and {@code provenance.json}. Each file is written to a temporary name and moved into place, so a reader never sees
 * half a file.
 */
public final class ReportWriter {

    /** The header of {@code results.csv}. */
    public static final List<String> RESULTS_HEADER = List.of("suite", "task", "strategy", "approach", "seed", "metric",
            "value", "target_only", "source_only", "ntg", "negative_transfer", "fit_ms", "published", "error");

    /** The header of {@code models.csv}. */
    public static final List<String> MODELS_HEADER = List.of("suite", "task", "strategy", "approach", "seed",
            "summary");

    /** The header of {@code discrepancy.csv}. */
    public static final List<String> DISCREPANCY_HEADER = List.of("task", "seed", "source", "target", "mmd_linear",
            "mmd_rbf", "rbf_sigma", "proxy_a_distance", "coral");

    private ReportWriter() {
    }

    /**
     * Writes {@code results.csv}: one row per run and metric; and {@code models.csv} in the same folder
     * ({@link #writeModelsCsv}).
     */
    public static void writeResultsCsv(EvaluationReport r, Path file) throws IOException {
        writeModelsCsv(r, file.toAbsolutePath().resolveSibling("models.csv"));
        atomically(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
                p.printRecord(RESULTS_HEADER);
                for (ResultRow row : r.rows()) {
                    p.printRecord(row.suite(), row.task(), row.strategy(), row.approach(), row.seed(),
                            row.metric().name(), num(row.value()), num(row.targetOnly()), num(row.sourceOnly()),
                            num(row.ntg()), row.negativeTransfer().csv(), row.fitMillis(), num(row.published()),
                            row.error() == null ? "" : row.error());
                }
            }
        });
    }

    /**
     * Writes {@code models.csv}: one row per run whose model gave a one-line
     * {@linkplain org.tl4j.core.TransferModel#summary() summary} (e.g. the predicate mapping of a relational
     * transfer), in run order; only the header when none did.
     */
    public static void writeModelsCsv(EvaluationReport r, Path file) throws IOException {
        atomically(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
                p.printRecord(MODELS_HEADER);
                for (RunRecord run : r.runs()) {
                    if (!run.summary().isEmpty()) {
                        p.printRecord(run.suite(), run.task(), run.strategy(), run.approach(), run.seed(),
                                run.summary());
                    }
                }
            }
        });
    }

    /** Writes {@code discrepancy.csv}. */
    public static void writeDiscrepancyCsv(EvaluationReport r, Path file) throws IOException {
        atomically(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
                p.printRecord(DISCREPANCY_HEADER);
                for (DiscrepancyRecord d : r.discrepancies()) {
                    p.printRecord(d.task(), d.seed(), d.source(), d.target(), num(d.mmdLinear()), num(d.mmdRbf()),
                            num(d.rbfSigma()), num(d.proxyADistance()), num(d.coral()));
                }
            }
        });
    }

    /** Writes {@code results.md}: per task, mean ± std per strategy, baselines, NTG and negative transfer marked. */
    public static void writeMarkdown(EvaluationReport r, Map<String, Object> runInfo, Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# tl4j results: suite `").append(r.suite()).append("`\n\n");
        sb.append("Seeds: ").append(r.seeds()).append(". Mean ± sample standard deviation over seeds. ")
                .append("NTG = error(strategy) − error(target-only), paired by seed (Wang et al., CVPR 2019); ")
                .append("**NEGATIVE** marks a gap positive beyond seed noise (one-sided paired t-test, α = ")
                .append(r.alpha()).append("); `n/a` where target-only does not apply or one seed cannot decide.\n\n");
        if (runInfo.containsKey("command")) {
            sb.append("Command: `").append(runInfo.get("command")).append("`\n\n");
        }
        Map<String, List<SummaryRow>> byTask = new LinkedHashMap<>();
        for (SummaryRow s : r.summary()) {
            byTask.computeIfAbsent(s.task(), k -> new ArrayList<>()).add(s);
        }
        boolean anyPublished = false;
        for (SummaryRow s : r.summary()) {
            anyPublished |= !Double.isNaN(s.published());
        }
        for (Map.Entry<String, List<SummaryRow>> e : byTask.entrySet()) {
            sb.append("## ").append(e.getKey()).append("\n\n");
            String desc = r.tasks().get(e.getKey());
            if (desc != null && !desc.equals(e.getKey())) {
                sb.append(desc).append("\n\n");
            }
            Set<Metric> metrics = new LinkedHashSet<>();
            for (SummaryRow s : e.getValue()) {
                metrics.add(s.metric());
            }
            Metric primary = metrics.iterator().next();
            sb.append("| strategy | approach |");
            for (Metric m : metrics) {
                sb.append(' ').append(m.name()).append(" |");
            }
            Map<BaselineRole, String> roles = r.baselines().getOrDefault(e.getKey(), Map.of());
            sb.append(' ').append(roleHeader(BaselineRole.TARGET_ONLY, roles)).append(" | ")
                    .append(roleHeader(BaselineRole.SOURCE_ONLY, roles)).append(" | NTG (").append(primary.name())
                    .append(") | p | negative transfer |")
                    .append(anyPublished ? " published |" : "").append(" fit ms |\n");
            sb.append("|---|---|").append("---:|".repeat(metrics.size())).append("---:|---:|---:|---:|---|")
                    .append(anyPublished ? "---:|" : "").append("---:|\n");
            Map<String, Map<Metric, SummaryRow>> byStrategy = new LinkedHashMap<>();
            for (SummaryRow s : e.getValue()) {
                byStrategy.computeIfAbsent(s.strategy(), k -> new LinkedHashMap<>()).put(s.metric(), s);
            }
            for (Map.Entry<String, Map<Metric, SummaryRow>> se : byStrategy.entrySet()) {
                SummaryRow p = se.getValue().get(primary);
                sb.append("| ").append(se.getKey()).append(" | ").append(p.approach()).append(" |");
                for (Metric m : metrics) {
                    SummaryRow s = se.getValue().get(m);
                    sb.append(' ').append(s == null ? "" : pm(s.mean(), s.std())).append(" |");
                }
                sb.append(' ').append(fmt(p.targetOnlyMean())).append(" | ").append(fmt(p.sourceOnlyMean())).append(" | ")
                        .append(p.test().n() == 0 ? "n/a" : pm(p.test().meanGap(), p.test().sdGap())).append(" | ")
                        .append(Double.isNaN(p.test().pValue()) ? "n/a" : String.format(Locale.ROOT, "%.3g", p.test().pValue()))
                        .append(" | ").append(verdict(p.verdict())).append(" |");
                if (anyPublished) {
                    sb.append(' ').append(Double.isNaN(p.published()) ? "" : fmt(p.published())).append(" |");
                }
                sb.append(' ').append(String.format(Locale.ROOT, "%.0f", p.meanFitMillis()))
                        .append(p.failures() > 0 ? " (" + p.failures() + " failed)" : "").append(" |\n");
            }
            sb.append('\n');
            for (Metric m : metrics) {
                List<String> undefined = new ArrayList<>();
                for (Map.Entry<String, Map<Metric, SummaryRow>> se : byStrategy.entrySet()) {
                    SummaryRow x = se.getValue().get(m);
                    // No finite value although some fit succeeded: the metric is undefined for this model.
                    if (x != null && x.n() == 0 && x.failures() < r.seeds().size()) {
                        undefined.add('`' + se.getKey() + '`');
                    }
                }
                if (!undefined.isEmpty()) {
                    sb.append("`").append(m.name()).append("` is n/a for ").append(String.join(", ", undefined))
                            .append(m.needs().isEmpty() ? ": no seed gave a finite value" : ": the metric needs "
                                    + m.needs() + ", which these models do not give").append(".\n\n");
                }
            }
            modelNotes(r, e.getKey(), sb);
            if (!roles.containsKey(BaselineRole.TARGET_ONLY)) {
                sb.append("No target-only baseline applies to this task (").append(r.tasks().getOrDefault(e.getKey(), ""))
                        .append("): the negative transfer gap is n/a.\n\n");
            }
            Map<String, String> notRun = r.skipped().getOrDefault(e.getKey(), Map.of());
            if (!notRun.isEmpty()) {
                sb.append("Not run on this task (they do not apply): ");
                String sep = "";
                for (Map.Entry<String, String> n : notRun.entrySet()) {
                    sb.append(sep).append('`').append(n.getKey()).append("` (").append(n.getValue()).append(')');
                    sep = "; ";
                }
                sb.append(".\n\n");
            }
        }
        if (!r.discrepancies().isEmpty()) {
            sb.append("## Domain discrepancy (before training, mean over seeds)\n\n");
            sb.append("| task | source | target | MMD² linear | MMD² RBF (σ median) | proxy A-distance | CORAL |\n");
            sb.append("|---|---|---|---:|---:|---:|---:|\n");
            Map<String, List<DiscrepancyRecord>> g = new LinkedHashMap<>();
            for (DiscrepancyRecord d : r.discrepancies()) {
                g.computeIfAbsent(d.task() + "\u0000" + d.source(), k -> new ArrayList<>()).add(d);
            }
            for (List<DiscrepancyRecord> l : g.values()) {
                DiscrepancyRecord f = l.get(0);
                sb.append("| ").append(f.task()).append(" | ").append(f.source()).append(" | ").append(f.target())
                        .append(" | ").append(sci(meanOf(l, DiscrepancyRecord::mmdLinear)))
                        .append(" | ").append(sci(meanOf(l, DiscrepancyRecord::mmdRbf)))
                        .append(" | ").append(fmt(meanOf(l, DiscrepancyRecord::proxyADistance)))
                        .append(" | ").append(sci(meanOf(l, DiscrepancyRecord::coral))).append(" |\n");
            }
            sb.append('\n');
        }
        if (!r.failures().isEmpty()) {
            sb.append("## Failures\n\n");
            for (var f : r.failures()) {
                sb.append("- ").append(f.task()).append(" / ").append(f.strategy()).append(" / seed ").append(f.seed())
                        .append(": ").append(f.error()).append('\n');
            }
            sb.append('\n');
        }
        atomically(file, w -> w.write(sb.toString()));
    }

    /**
     * The "Model notes" of a task: each strategy's model summaries, identical ones over seeds given once with their
     * seeds.
     */
    private static void modelNotes(EvaluationReport r, String task, StringBuilder sb) {
        Map<String, Map<String, List<Long>>> notes = new LinkedHashMap<>();
        for (RunRecord run : r.runs()) {
            if (run.task().equals(task) && !run.summary().isEmpty()) {
                notes.computeIfAbsent(run.strategy(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(run.summary(), k -> new ArrayList<>()).add(run.seed());
            }
        }
        if (notes.isEmpty()) {
            return;
        }
        sb.append("Model notes:\n\n");
        for (Map.Entry<String, Map<String, List<Long>>> n : notes.entrySet()) {
            for (Map.Entry<String, List<Long>> s : n.getValue().entrySet()) {
                List<Long> seeds = s.getValue();
                sb.append("- `").append(n.getKey()).append("`, seed").append(seeds.size() > 1 ? "s " : " ")
                        .append(seeds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")))
                        .append(": ").append(s.getKey()).append('\n');
            }
        }
        sb.append('\n');
    }

    /** Writes {@code provenance.json}. */
    public static void writeProvenance(Map<String, Object> provenance, Path file) throws IOException {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String json = om.writeValueAsString(provenance);
        atomically(file, w -> w.write(json + "\n"));
    }

    /** The column header of a reference baseline: its role, and its name where that differs from the role. */
    static String roleHeader(BaselineRole role, Map<BaselineRole, String> roles) {
        String name = roles.get(role);
        return name == null || name.equals(role.label()) ? role.label() : role.label() + " (`" + name + "`)";
    }

    /** {@code NEGATIVE}, {@code no} or {@code n/a}, for Markdown. */
    public static String verdict(NegativeTransferTest.Verdict v) {
        return switch (v) {
            case NEGATIVE -> "**NEGATIVE**";
            case NOT_NEGATIVE -> "no";
            case UNDETERMINED -> "n/a";
        };
    }

    /** {@code mean ± std} with four decimals ({@code mean} alone when std is undefined). */
    public static String pm(double mean, double std) {
        if (Double.isNaN(mean)) {
            return "n/a";
        }
        return Double.isNaN(std) ? fmt(mean) : fmt(mean) + " ± " + fmt(std);
    }

    /** Four decimals, or {@code n/a}. */
    public static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String sci(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static double meanOf(List<DiscrepancyRecord> l, java.util.function.ToDoubleFunction<DiscrepancyRecord> f) {
        return SampleStatistics.mean(l.stream().mapToDouble(f).toArray());
    }

    /** Writes through a temporary file in the same folder, then moves it over {@code file}. */
    public static void atomically(Path file, IoWriter body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes to a writer. */
    @FunctionalInterface
    public interface IoWriter {
        /** Writes the content. */
        void write(Writer w) throws IOException;
    }
}
