package org.tl4j.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.backbone.ImageTransferTask;
import org.tl4j.backbone.PretrainedSource;
import org.tl4j.backbone.TinyImages;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.eval.EvaluationReport;
import org.tl4j.core.eval.Evaluator;
import org.tl4j.core.eval.FitExecutor;
import org.tl4j.core.eval.RunStore;
import org.tl4j.spark.embed.EmbeddingTable;
import org.tl4j.spark.embed.ImageRows;
import org.tl4j.spark.embed.SparkEmbedding;
import org.tl4j.spark.embed.SparkEmbeddingTest;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same work on a standalone Spark cluster whose two executors are separate JVMs (master, worker and executors
 * on 127.0.0.1), so that tasks, strategies' settings and providers, options, image sources, models and records are
 * really serialized: every result must equal that of local threads.
 */
class StandaloneClusterTest {
    static LoopbackCluster cluster;
    static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startCluster() throws Exception {
        SparkTestSessions.stop();
        cluster = LoopbackCluster.start(2, "2g");
        spark = SparkTestSessions.session(cluster.url(), cluster.driverConf(1, "512m"));
        JavaSparkContext sc = SparkTestSessions.context(spark);
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (sc.sc().statusTracker().getExecutorInfos().length < 3 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(3, sc.sc().statusTracker().getExecutorInfos().length,
                "two executors and the driver should have registered; executor logs:\n" + cluster.executorLogs());
    }

    @AfterAll
    static void stopCluster() {
        SparkTestSessions.stop();
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void tasksRunInOtherJvms() {
        long driver = ProcessHandle.current().pid();
        List<Long> pids = SparkTestSessions.context(spark).parallelize(List.of(1, 2, 3, 4), 4)
                .map(x -> ProcessHandle.current().pid()).collect();
        assertTrue(pids.stream().noneMatch(p -> p == driver), "tasks ran in the driver: " + pids);
    }

    @Test
    void aSweepOnTheClusterGivesTheRecordsOfLocalThreads() {
        List<String> strategies = List.of("coral", "kliep");
        EvaluationReport local = SparkFitExecutorTest.evaluate(FitExecutor.local(1), RunStore.inMemory(), strategies, 1);
        SparkFitExecutor executor = new SparkFitExecutor(SparkTestSessions.context(spark));
        EvaluationReport remote = SparkFitExecutorTest.evaluate(executor, RunStore.inMemory(), strategies, 1);
        assertEquals(SparkFitExecutorTest.withoutTimes(local.runs()), SparkFitExecutorTest.withoutTimes(remote.runs()));
        assertEquals("spark " + cluster.url() + " (2 executors, 2 cores)", remote.executor());
    }

    @Test
    void aProviderOnlyTheDriverRegisteredTravelsToTheExecutors() {
        StrategyRegistry registry = ShipmentTest.withExtra(new ShipmentTest.ShippableProvider());
        Evaluator.TaskSource tasks = seed -> List.of(new org.tl4j.core.synthetic.RotatedMoons(30).generate(seed));
        EvaluationReport local = Evaluator.builder("moons", registry).strategies(List.of("shipped-pooled"))
                .seeds(2).discrepancies(false).build().run(tasks);
        EvaluationReport remote = Evaluator.builder("moons", registry).strategies(List.of("shipped-pooled"))
                .seeds(2).discrepancies(false).executor(new SparkFitExecutor(SparkTestSessions.context(spark)))
                .build().run(tasks);
        assertEquals(SparkFitExecutorTest.withoutTimes(local.runs()), SparkFitExecutorTest.withoutTimes(remote.runs()));
        assertTrue(remote.runs().stream().anyMatch(r -> r.strategy().equals("shipped-pooled") && !r.failed()));
    }

    @Test
    void imageTasksTravelWithTheirImagesAndGiveTheRecordsOfLocalThreads() {
        PretrainedSource src = TinyImages.source(dir);
        Evaluator.TaskSource tasks = seed -> List.of(TinyImages.task(seed, src));
        List<String> strategies = List.of("pretrained-embedding");
        EvaluationReport local = Evaluator.builder("tiny", StrategyRegistry.load()).strategies(strategies).seeds(2)
                .discrepancies(false).build().run(tasks);
        EvaluationReport remote = Evaluator.builder("tiny", StrategyRegistry.load()).strategies(strategies).seeds(2)
                .discrepancies(false).executor(new SparkFitExecutor(SparkTestSessions.context(spark))).build()
                .run(tasks);
        assertTrue(local.runs().size() >= 4, "pixels and pretrained-embedding on two seeds: " + local.runs());
        assertTrue(local.runs().stream().noneMatch(r -> r.failed()), local.runs().toString());
        assertEquals(SparkFitExecutorTest.withoutTimes(local.runs()), SparkFitExecutorTest.withoutTimes(remote.runs()));
    }

    @Test
    void embeddingOnTheClusterEqualsTheSingleMachineEmbedder() throws Exception {
        PretrainedSource src = TinyImages.source(dir);
        ImageTransferTask t = TinyImages.task(5, src);
        Path out = dir.resolve("cluster.parquet");
        SparkEmbedding.embed(spark, ImageRows.carrying(t.images(), t.images().keys()), src,
                SparkEmbeddingTest.settings(), 6, out);
        EmbeddingTable.Table table = EmbeddingTable.read(spark, out);
        double diff = SparkEmbeddingTest.maxDifference(
                SparkEmbeddingTest.reference(src, t.images(), t.images().keys()), table.embeddings());
        assertTrue(diff <= SparkEmbeddingTest.TOLERANCE, "max difference " + diff);
    }
}
