package org.tl4j.spark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.SparkSession;
import org.tl4j.backbone.EmbedderSettings;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.datasets.lfw.LfwDataset;
import org.tl4j.experiments.report.ReportWriter;
import org.tl4j.spark.SparkSessions;
import org.tl4j.spark.embed.ImageRow;
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
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tl spark embed}: embeds an image set with a backbone on Spark and writes a Parquet table (image id, label,
 * embedding, model SHA-256, spec, preprocessing, image CRC-32C) with {@code _tl4j-provenance.json} beside its parts.
 */
@Command(name = "embed", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Embed an image set with a backbone on Apache Spark into Parquet: an LFW-style archive or "
                + "folder (<label>/<image>.jpg), or a list of image paths or URIs the executors can read.")
public final class SparkEmbedCommand implements Callable<Integer> {

    @Option(names = "--images", paramLabel = "PATH",
            description = "An LFW-style .tgz/.tar archive (read by the driver, bytes sent with the tasks) or a folder "
                    + "(read by the executors: it must be on storage they all see).")
    Path images;

    @Option(names = "--list", paramLabel = "FILE|URI",
            description = "A text file with one image path or URI per line (hdfs:, s3a:, file:, ...), optionally "
                    + "<TAB>label; the list and the images are read by the executors (relative paths are resolved "
                    + "against the list's folder).")
    String list;

    @Option(names = "--out", paramLabel = "DIR", description = "Parquet folder to write (default: results/embeddings-<timestamp>.parquet).")
    Path out;

    @Option(names = "--limit", paramLabel = "N", description = "Embed only the first N images (by id), e.g. for a quick "
            + "check or a benchmark.")
    Integer limit;

    @CommandLine.Mixin
    EmbeddingArguments embedding = new EmbeddingArguments();

    @CommandLine.Mixin
    SparkOptions spark = new SparkOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec cmdSpec;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = cmdSpec.commandLine();
        if ((images == null) == (list == null)) {
            throw new CommandLine.ParameterException(cl, "Give exactly one of --images PATH or --list FILE");
        }
        OffsetDateTime started = OffsetDateTime.now();
        Path dir = out != null ? out : Path.of("results", "embeddings-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".parquet");
        if (Files.exists(dir)) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --out: " + dir + " exists; choose "
                    + "another folder or delete it");
        }
        PretrainedSource source = embedding.source(cl);
        EmbedderSettings settings = embedding.settings(cl);
        List<ImageRow> rows = null;
        String input;
        try {
            if (list != null) {
                input = list;
                if (limit != null) {
                    rows = ImageRows.list(Path.of(list));
                }
            } else if (Files.isDirectory(images)) {
                rows = ImageRows.folder(images);
                input = images.toString();
            } else {
                LfwDataset data = LfwDataset.open(images);
                List<String> keys = new ArrayList<>();
                data.imagesByPerson().values().forEach(keys::addAll);
                rows = ImageRows.carrying(data.images(), keys);
                input = images + " (SHA-256 " + data.sha256() + ")";
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "Invalid value for --images/--list: " + e.getMessage());
        }
        if (limit != null) {
            if (limit < 1) {
                throw new CommandLine.ParameterException(cl, "Invalid value for --limit: " + limit + " (must be >= 1)");
            }
            rows = new ArrayList<>(rows);
            rows.sort(java.util.Comparator.comparing(ImageRow::id));
            rows = rows.subList(0, Math.min(limit, rows.size()));
        }
        PrintWriter err = cl.getErr();
        err.println("embedding " + (rows != null ? rows.size() + " images" : "the images listed in " + list)
                + " with " + source.name() + " on Spark " + spark.master());
        err.flush();
        SparkSession session = spark.start("tl spark embed", err);
        SparkEmbedding.Result r;
        String where;
        try {
            r = rows != null
                    ? SparkEmbedding.embed(session, rows, source, settings, embedding.partitionImages, dir)
                    : SparkEmbedding.embed(session, ImageRows.list(SparkSessions.context(session), list), source,
                    settings, embedding.partitionImages, dir);
            where = SparkSessions.describe(SparkSessions.context(session));
        } finally {
            session.stop();
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("command", "tl " + String.join(" ", cl.getParseResult().originalArgs()));
        p.put("started", started.toString());
        p.put("finished", OffsetDateTime.now().toString());
        p.put("executor", where);
        p.put("sparkStartSeconds", spark.startSeconds);
        p.put("input", input);
        p.put("model", source.name());
        p.put("trainedOn", source.trainedOn());
        p.putAll(r.provenance());
        p.put("settings", Map.of("batch", settings.batchSize(),
                "decodeThreads", settings.decodeThreads(), "partitionImages", embedding.partitionImages,
                "flip", settings.flip(), "align", settings.align()));
        ReportWriter.atomically(dir.resolve("_tl4j-provenance.json"),
                w -> w.write(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(p) + "\n"));
        PrintWriter o = cl.getOut();
        o.println(r.summary());
        o.println("Wrote " + dir + " (Parquet: image_id, label, embedding, model_sha256, spec, preprocessing, "
                + "content_crc32c) on " + where);
        o.flush();
        return 0;
    }
}
