package org.tl4j.spark;

import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.tl4j.core.eval.FitExecutor;
import org.tl4j.core.eval.FitJob;
import org.tl4j.core.eval.FitRunner;
import org.tl4j.core.eval.RunRecord;
import scala.runtime.BoxedUnit;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the harness's fits on Apache Spark: each {@link FitJob} is one Spark task. The problems, the strategy
 * factory's {@link org.tl4j.core.eval.StrategyFactory.Settings settings} and the jobs travel once, as one broadcast
 * ({@link Shipment}); every executor JVM deserializes them once and rebuilds the strategy factory from
 * {@link org.tl4j.core.StrategyRegistry#load()}, so a fit there is the same computation as
 * {@link FitExecutor#local(int)}'s and gives the same bits (only {@code fit_ms} differs).
 * <p>
 * Records come back to the driver as tasks finish and are handed on in submission order, each as soon as it and
 * every earlier one are in, so {@code runs.csv} grows while the job runs and an interrupted run resumes with what
 * finished. A task or strategy that cannot be sent fails on the driver before anything runs, naming its class.
 */
public final class SparkFitExecutor implements FitExecutor {
    private final JavaSparkContext sc;
    private volatile String described;

    /** Fits on the cluster (or local threads) of {@code sc}; the caller owns and stops the context. */
    public SparkFitExecutor(JavaSparkContext sc) {
        this.sc = Objects.requireNonNull(sc, "sc");
        this.described = SparkSessions.describe(sc);
    }

    @Override
    public void execute(FitRunner runner, List<FitJob> jobs, Consumer<RunRecord> inOrder) {
        if (jobs.isEmpty()) {
            described = SparkSessions.describe(sc);
            return;
        }
        Shipment shipment = Shipment.of(runner, jobs);
        Broadcast<byte[]> shipped = sc.broadcast(shipment.toBytes());
        try {
            run(shipped, jobs, inOrder);
        } finally {
            described = SparkSessions.describe(sc);
            shipped.destroy();
        }
    }

    private void run(Broadcast<byte[]> shipped, List<FitJob> jobs, Consumer<RunRecord> inOrder) {
        int n = jobs.size();
        List<Integer> indices = new ArrayList<>(n);
        List<Object> partitions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            indices.add(i);
            partitions.add(i);
        }
        // One job per partition, so each fit is one task and they spread over every executor core.
        RDD<Integer> rdd = sc.parallelize(indices, n).rdd();
        BlockingQueue<Arrived> arrived = new LinkedBlockingQueue<>();
        scala.Function2<Object, byte[], BoxedUnit> handler = (partition, bytes) -> {
            arrived.add(new Arrived((Integer) partition, bytes));
            return BoxedUnit.UNIT;
        };
        sc.setJobDescription("tl4j: " + n + " fits");
        SimpleFutureAction<Object> job = sc.sc().submitJob(rdd, new RemoteFit(shipped, java.util.UUID.randomUUID().toString()),
                scala.jdk.javaapi.CollectionConverters.asScala(partitions).toList(), handler, () -> null);
        RunRecord[] done = new RunRecord[n];
        int next = 0;
        try {
            while (next < n) {
                Arrived a = arrived.poll(100, TimeUnit.MILLISECONDS);
                if (a == null) {
                    if (job.isCompleted() && arrived.isEmpty()) {
                        failure(job, next, jobs);
                    }
                    continue;
                }
                done[a.index()] = ShippedRecord.read(a.bytes()).toRecord();
                while (next < n && done[next] != null) {
                    inOrder.accept(done[next]);
                    done[next] = null;
                    next++;
                }
            }
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Spark fits; finished fits are saved and "
                    + "--resume continues", e);
        } catch (RuntimeException | Error e) {
            job.cancel();
            throw e;
        }
    }

    /** The job ended without every result: rethrows its failure with the executor's message. */
    private static void failure(SimpleFutureAction<Object> job, int next, List<FitJob> jobs) {
        scala.Option<scala.util.Try<Object>> value = job.value();
        if (value.isDefined() && value.get().isFailure()) {
            Throwable t = value.get().failed().get();
            throw new IllegalStateException("Spark job failed before " + jobs.get(next).label() + " finished: "
                    + SparkSessions.rootMessage(t), t);
        }
        throw new IllegalStateException("Spark job ended without the result of " + jobs.get(next).label());
    }

    @Override
    public String describe() {
        return described;
    }

    /** A result as it reached the driver. */
    private record Arrived(int index, byte[] bytes) {
    }

    /**
     * The task: runs fit {@code i} of the broadcast shipment on an executor and returns its record, serialized.
     * The shipment is unpacked once per executor JVM and broadcast ({@link #OPENED}).
     */
    static final class RemoteFit implements scala.Function1<scala.collection.Iterator<Integer>, byte[]>, Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Unpacked shipments by key; only the latest few are kept. Keyed by a UUID of the driver, not the broadcast
         * id: ids restart with every SparkContext, and a JVM may outlive one (local mode, tests).
         */
        private static final Map<String, Shipment.Remote> OPENED = new LinkedHashMap<>();

        private final Broadcast<byte[]> shipment;
        private final String key;

        RemoteFit(Broadcast<byte[]> shipment, String key) {
            this.shipment = shipment;
            this.key = key;
        }

        @Override
        public byte[] apply(scala.collection.Iterator<Integer> indices) {
            Shipment.Remote remote = opened(shipment, key);
            int i = indices.next();
            if (indices.hasNext()) {
                throw new IllegalStateException("Expected one fit per Spark partition");
            }
            RunRecord r = remote.runner().run(remote.job(i));
            try {
                return Shipment.serialize(ShippedRecord.of(r));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot serialize the record of " + remote.job(i).label(), e);
            }
        }

        private static Shipment.Remote opened(Broadcast<byte[]> b, String key) {
            synchronized (OPENED) {
                Shipment.Remote r = OPENED.get(key);
                if (r == null) {
                    r = Shipment.fromBytes(b.value()).open();
                    OPENED.put(key, r);
                    while (OPENED.size() > 2) {
                        OPENED.remove(OPENED.keySet().iterator().next());
                    }
                }
                return r;
            }
        }
    }

    /** A {@link RunRecord} in serializable form. */
    record ShippedRecord(String suite, String task, String strategy, String approach, long seed,
                         LinkedHashMap<String, Double> metrics, long fitMillis, String error) implements Serializable {
        private static final long serialVersionUID = 1L;

        static ShippedRecord of(RunRecord r) {
            return new ShippedRecord(r.suite(), r.task(), r.strategy(), r.approach(), r.seed(),
                    new LinkedHashMap<>(r.metrics()), r.fitMillis(), r.error());
        }

        static ShippedRecord read(byte[] bytes) {
            try {
                return (ShippedRecord) Shipment.deserialize(bytes);
            } catch (IOException | ClassNotFoundException e) {
                throw new IllegalStateException("Cannot read a fit's record from Spark: " + e, e);
            }
        }

        RunRecord toRecord() {
            return new RunRecord(suite, task, strategy, approach, seed, metrics, fitMillis, error);
        }
    }
}
