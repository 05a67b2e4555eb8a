package org.tl4j.spark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.SparkSession;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.core.eval.ProgressListener;
import org.tl4j.core.suite.SuiteContext;
import org.tl4j.datasets.lfw.LfwDataset;
import org.tl4j.datasets.lfw.LfwIdentities;
import org.tl4j.datasets.lfw.LfwPairs;
import org.tl4j.experiments.lfw.IdentityClassification;
import org.tl4j.experiments.lfw.LfwEvaluation;
import org.tl4j.experiments.lfw.LfwReport;
import org.tl4j.experiments.lfw.TransferVerdict;
import org.tl4j.experiments.report.ReportWriter;
import org.tl4j.spark.SparkSessions;
import org.tl4j.spark.embed.EmbeddingTable;
import org.tl4j.spark.embed.ImageRows;
import org.tl4j.spark.embed.SparkEmbedding;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tl4j.experiments.cli.LfwProtocolOptions;

/**
 * {@code tl spark lfw}: {@code tl lfw}'s protocols on vectors embedded by Spark. The images are embedded on Spark
 * into {@code embeddings.parquet}; the table is read back and loaded into a fresh embedding cache
 * ({@link EmbeddingTable#toCache}), and {@link LfwEvaluation} then runs verification and identity classification
 * exactly as {@code tl lfw} does, served entirely from those vectors (a run that would have to compute any embedding
 * itself fails).
 */
@Command(name = "lfw", mixinStandardHelpOptions = true, sortOptions = false,
        description = "LFW verification and identity classification (tl lfw's protocols) on embeddings computed on "
                + "Apache Spark; writes embeddings.parquet, lfw.csv, lfw-folds.csv and provenance.json.")
public final class SparkLfwCommand implements Callable<Integer> {

    @Option(names = "--lfw", paramLabel = "PATH",
            description = "lfw.tgz or its extracted folder (default: <data>/data/lfw/lfw-gray.tgz).")
    Path lfw;

    @Option(names = "--pairs", paramLabel = "PATH", description = "LFW View 2 pairs.txt (default: <data>/data/lfw/pairs.txt).")
    Path pairs;

    @CommandLine.Mixin
    LfwProtocolOptions protocol = new LfwProtocolOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/spark-lfw-<timestamp>).")
    Path out;

    @CommandLine.Mixin
    EmbeddingArguments embedding = new EmbeddingArguments();

    @CommandLine.Mixin
    SparkOptions spark = new SparkOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec cmdSpec;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = cmdSpec.commandLine();
        long t0 = System.nanoTime();
        OffsetDateTime started = OffsetDateTime.now();
        protocol.validate(cl);
        SuiteContext ctx = new SuiteContext(embedding.dataRoot(), Map.of());
        Path lfwPath = lfw != null ? lfw : ctx.require("data/lfw/lfw-gray.tgz", "LFW archive (--lfw)");
        Path pairsPath = pairs != null ? pairs : ctx.require("data/lfw/pairs.txt", "LFW pairs.txt (--pairs)");
        Path dir = out != null ? out
                : Path.of("results", "spark-lfw-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Path parquet = dir.resolve("embeddings.parquet");
        if (Files.exists(parquet)) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --out: " + parquet + " exists; choose "
                    + "another folder");
        }
        PretrainedSource source = embedding.source(cl);
        EmbedderSettings settings = embedding.settings(cl);
        LfwEvaluation.Options opts;
        try {
            opts = new LfwEvaluation.Options(settings.withCache(dir.resolve("embedding-cache")), protocol.minImages,
                    protocol.trainPerPerson, embedding.seed, protocol.far, protocol.allImages(), protocol.learners);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        PrintWriter err = cl.getErr();
        LfwPairs pairList = LfwPairs.read(pairsPath);
        LfwDataset dataset = LfwDataset.open(lfwPath);
        LfwEvaluation.checkPairs(dataset, pairList, pairsPath.getFileName().toString());
        LfwIdentities.Split split = LfwIdentities.split(dataset, protocol.minImages, protocol.trainPerPerson, embedding.seed);
        List<String> keys = LfwEvaluation.keysToEmbed(dataset, pairList, split, opts.allImages());
        err.printf(Locale.ROOT, "embedding %d of %d LFW images with %s on Spark %s%n", keys.size(),
                dataset.imageCount(), source.name(), spark.master());
        err.flush();

        Files.createDirectories(dir);
        SparkSession session = spark.start("tl spark lfw", cl.getErr());
        SparkEmbedding.Result embedded;
        EmbeddingTable.Table table;
        String where;
        try {
            embedded = SparkEmbedding.embed(session, ImageRows.carrying(dataset.images(), keys), source, settings,
                    embedding.partitionImages, parquet);
            where = SparkSessions.describe(SparkSessions.context(session));
            table = EmbeddingTable.read(session, parquet);
        } finally {
            session.stop();
        }
        err.println("spark: " + embedded.summary());
        EmbeddingTable.toCache(table, opts.settings().cachePath(), source.spec());
        LfwEvaluation.Row row = LfwEvaluation.run(dataset, pairList, source, opts, ProgressListener.NONE);
        if (row.embedding().computed() != 0) {
            throw new IllegalStateException(row.embedding().computed() + " images were not in the Spark table and "
                    + "would have been embedded locally: the table does not match this run's settings");
        }
        List<LfwReport.Entry> entries = List.of(new LfwReport.Entry(row,
                new TransferVerdict(TransferVerdict.Kind.NONE, Double.NaN, Double.NaN, Double.NaN)));
        LfwReport.writeCsv(entries, protocol.learners, dir.resolve("lfw.csv"));
        LfwReport.writeFolds(entries, dir.resolve("lfw-folds.csv"));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("command", "tl " + String.join(" ", cl.getParseResult().originalArgs()));
        p.put("started", started.toString());
        p.put("finished", OffsetDateTime.now().toString());
        p.put("executor", where);
        p.put("sparkStartSeconds", spark.startSeconds);
        p.put("lfw", lfwPath.getFileName().toString());
        p.put("lfwSha256", dataset.sha256());
        p.put("pairs", pairsPath.getFileName().toString());
        p.put("images", protocol.images);
        p.put("model", source.name());
        p.put("embedding", embedded.provenance());
        p.put("verification", row.verification().accuracy());
        p.put("verificationStd", row.verification().accuracyStd());
        List<Map<String, Object>> cls = new ArrayList<>();
        for (IdentityClassification.Result c : row.classification()) {
            cls.add(Map.of("learner", c.learner(), "accuracy", c.accuracy()));
        }
        p.put("classification", cls);
        p.put("totalSeconds", (System.nanoTime() - t0) / 1e9);
        ReportWriter.atomically(dir.resolve("provenance.json"),
                w -> w.write(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(p) + "\n"));
        PrintWriter o = cl.getOut();
        o.print(LfwReport.table(entries));
        o.printf(Locale.ROOT, "Verification %.2f%% ± %.2f on %d Spark-embedded images (%s); total %.1f s%n",
                100 * row.verification().accuracy(), 100 * row.verification().accuracyStd(), table.size(), where,
                (System.nanoTime() - t0) / 1e9);
        o.println("Wrote " + parquet + ", lfw.csv, lfw-folds.csv, provenance.json in " + dir);
        o.flush();
        return 0;
    }
}
