package org.tl4j.spark;

import org.tl4j.core.StrategyRegistry;
import org.tl4j.core.TransferProblem;
import org.tl4j.core.TransferStrategyProvider;
import org.tl4j.core.eval.FitJob;
import org.tl4j.core.eval.FitRunner;
import org.tl4j.core.eval.Metric;
import org.tl4j.core.eval.Metrics;
import org.tl4j.core.eval.StrategyFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the fits of one {@link SparkFitExecutor#execute} call need where they run, sent to the executors once
 * as a broadcast: the distinct problems (serialized together, so data shared between tasks travel once), the suite
 * name, the {@link StrategyFactory.Settings} from which each executor rebuilds the strategy factory, the providers of
 * strategies that {@link StrategyRegistry#load()} would not find there, and the jobs as indices.
 * <p>
 * The shipment is Java-serialized by tl4j itself, not by Spark's configured serializer, so the problems' own
 * serialization (Tribuo datasets, image sources) is what crosses the wire whatever {@code spark.serializer} says,
 * and a problem that cannot be serialized fails on the driver with a message naming its class.
 */
final class Shipment implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * One fit, by reference into the shipment.
     *
     * @param problem  index into the problems
     * @param strategy the strategy's name
     * @param seed     the seed
     * @param metrics  the metric names, primary first
     */
    record Job(int problem, String strategy, long seed, List<String> metrics) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final String suite;
    private final StrategyFactory.Settings settings;
    private final List<TransferStrategyProvider> shippedProviders;
    private final List<Job> jobs;
    private final byte[] problems;

    private Shipment(String suite, StrategyFactory.Settings settings, List<TransferStrategyProvider> shippedProviders,
                     List<Job> jobs, byte[] problems) {
        this.suite = suite;
        this.settings = settings;
        this.shippedProviders = shippedProviders;
        this.jobs = jobs;
        this.problems = problems;
    }

    /**
     * Packs {@code jobs} for the executors.
     *
     * @throws IllegalArgumentException naming the task and the class when a problem cannot be serialized, naming the
     *                                  strategy and its provider class when executors could not rebuild a strategy,
     *                                  naming the metric when executors could not rebuild it
     */
    static Shipment of(FitRunner runner, List<FitJob> jobs) {
        IdentityHashMap<TransferProblem<?>, Integer> index = new IdentityHashMap<>();
        List<TransferProblem<?>> problems = new ArrayList<>();
        List<Job> shipped = new ArrayList<>(jobs.size());
        Set<String> strategies = new LinkedHashSet<>();
        for (FitJob j : jobs) {
            Integer i = index.get(j.problem());
            if (i == null) {
                i = problems.size();
                index.put(j.problem(), i);
                problems.add(j.problem());
            }
            List<String> names = new ArrayList<>();
            for (Metric m : j.metrics()) {
                checkRebuildable(m, j.problem());
                names.add(m.name());
            }
            strategies.add(j.strategy());
            shipped.add(new Job(i, j.strategy(), j.seed(), List.copyOf(names)));
        }
        List<TransferStrategyProvider> providers = providersToShip(runner.factory().registry(), strategies);
        byte[] bytes = serializeProblems(problems);
        return new Shipment(runner.suite(), runner.factory().settings(), providers, List.copyOf(shipped), bytes);
    }

    /**
     * The metric is rebuilt on the executor from its name: one of the (deserialized) problem's own metrics, or a
     * built-in; anything else cannot be rebuilt there.
     */
    private static void checkRebuildable(Metric m, TransferProblem<?> problem) {
        for (Metric own : problem.metrics()) {
            if (own.name().equals(m.name())) {
                return;
            }
        }
        try {
            Metrics.named(m.name());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Metric '" + m.name() + "' (" + m.getClass().getName() + ") of task '"
                    + problem.name() + "' cannot be rebuilt on Spark executors: executors rebuild a metric from its "
                    + "name, as one of the task's own metrics() or a built-in (Metrics.named); declare it in the "
                    + "task's metrics() or run the evaluation locally");
        }
    }

    /**
     * Executors find strategies with {@link StrategyRegistry#load()}. A strategy the driver's registry has from
     * elsewhere (e.g. {@link StrategyRegistry#of}) travels as its provider, which must then be serializable.
     */
    private static List<TransferStrategyProvider> providersToShip(StrategyRegistry driver, Set<String> strategies) {
        StrategyRegistry loaded = StrategyRegistry.load();
        List<TransferStrategyProvider> out = new ArrayList<>();
        for (String name : strategies) {
            TransferStrategyProvider p = driver.provider(name);
            if (loaded.contains(name) && loaded.provider(name).getClass().equals(p.getClass())) {
                continue;
            }
            if (!(p instanceof Serializable)) {
                throw new IllegalArgumentException("Strategy '" + name + "' (provider " + p.getClass().getName()
                        + ") cannot be sent to Spark executors: it is not registered through META-INF/services/"
                        + TransferStrategyProvider.class.getName() + ", so executors cannot rebuild it, and "
                        + p.getClass().getName() + " is not Serializable. Register the provider with a services "
                        + "line (and put its jar on the executors' class path), or make it Serializable");
            }
            try {
                serialize(p);
            } catch (NotSerializableException e) {
                throw new IllegalArgumentException("Strategy '" + name + "' (provider " + p.getClass().getName()
                        + ") cannot be sent to Spark executors: it holds an instance of " + e.getMessage()
                        + ", which is not Serializable. Register the provider through META-INF/services instead, "
                        + "or make " + e.getMessage() + " Serializable", e);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot serialize the provider of strategy '" + name + "': " + e, e);
            }
            out.add(p);
        }
        return List.copyOf(out);
    }

    private static byte[] serializeProblems(List<TransferProblem<?>> problems) {
        for (TransferProblem<?> p : problems) {
            if (!(p instanceof Serializable)) {
                throw new IllegalArgumentException("Task '" + p.name() + "' (" + p.getClass().getName() + ") cannot be "
                        + "sent to Spark executors: " + p.getClass().getName() + " is not Serializable. Make it "
                        + "implement java.io.Serializable, or run it with tl run (local threads)");
            }
        }
        try {
            return serialize(new ArrayList<>(problems));
        } catch (NotSerializableException e) {
            // Find which task holds it, so the message names both.
            for (TransferProblem<?> p : problems) {
                try {
                    serialize(p);
                } catch (NotSerializableException inner) {
                    throw new IllegalArgumentException("Task '" + p.name() + "' (" + p.getClass().getName() + ") "
                            + "cannot be sent to Spark executors: it holds an instance of " + inner.getMessage()
                            + ", which is not Serializable. Make " + inner.getMessage() + " implement "
                            + "java.io.Serializable (or hold its data in a serializable form), or run the task with "
                            + "tl run (local threads)", inner);
                } catch (IOException other) {
                    throw new IllegalStateException("Cannot serialize task '" + p.name() + "': " + other, other);
                }
            }
            throw new IllegalArgumentException("The tasks cannot be sent to Spark executors: they hold an instance of "
                    + e.getMessage() + ", which is not Serializable", e);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialize the tasks for Spark: " + e, e);
        }
    }

    /** Java serialization of {@code o}. */
    static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        return b.toByteArray();
    }

    /** Reads what {@link #serialize} wrote, resolving classes with the thread's context class loader. */
    static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    /** This shipment, serialized (what the driver broadcasts). */
    byte[] toBytes() {
        try {
            return serialize(this);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialize the Spark shipment: " + e, e);
        }
    }

    /** A shipment read back from {@link #toBytes()}. */
    static Shipment fromBytes(byte[] bytes) {
        try {
            return (Shipment) deserialize(bytes);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot read the tl4j shipment on this Spark executor: " + e
                    + " (are tl4j's jars, and those of every strategy and task class, on the executors' class path? "
                    + "Pass them with spark-submit --jars)", e);
        }
    }

    int jobCount() {
        return jobs.size();
    }

    /**
     * What an executor needs to run the shipment's fits: the problems and a {@link FitRunner} over a registry
     * rebuilt there.
     */
    Remote open() {
        List<?> ps;
        try {
            ps = (List<?>) deserialize(problems);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot read the tasks on this Spark executor: " + e + " (are the jars of "
                    + "every task class on the executors' class path?)", e);
        }
        List<TransferProblem<?>> typed = new ArrayList<>(ps.size());
        for (Object o : ps) {
            typed.add((TransferProblem<?>) o);
        }
        Map<String, TransferStrategyProvider> providers = new LinkedHashMap<>();
        for (TransferStrategyProvider p : shippedProviders) {
            providers.put(p.descriptor().name(), p);
        }
        for (TransferStrategyProvider p : StrategyRegistry.load().providers()) {
            providers.putIfAbsent(p.descriptor().name(), p);
        }
        StrategyRegistry registry = StrategyRegistry.of(new ArrayList<>(providers.values()));
        for (Job j : jobs) {
            if (!registry.contains(j.strategy())) {
                throw new IllegalStateException("Strategy '" + j.strategy() + "' is registered on the driver but not "
                        + "on this Spark executor: put the jar of its module on the executors' class path "
                        + "(spark-submit --jars)");
            }
        }
        StrategyFactory factory = new StrategyFactory(registry, settings);
        return new Remote(typed, new FitRunner(suite, factory), jobs);
    }

    /** The unpacked shipment on an executor. */
    record Remote(List<TransferProblem<?>> problems, FitRunner runner, List<Job> jobs) {
        /** The {@code i}-th fit as a {@link FitJob} over the deserialized problem. */
        FitJob job(int i) {
            Job j = jobs.get(i);
            TransferProblem<?> p = problems.get(j.problem());
            List<Metric> metrics = new ArrayList<>(j.metrics().size());
            for (String name : j.metrics()) {
                Metric found = null;
                for (Metric own : p.metrics()) {
                    if (own.name().equals(name)) {
                        found = own;
                        break;
                    }
                }
                metrics.add(found != null ? found : Metrics.named(name));
            }
            return new FitJob(p, j.strategy(), j.seed(), metrics);
        }
    }

    /** Resolves classes with the thread's context class loader (Spark's executor loader holds the user's jars). */
    private static final class ContextObjectInputStream extends ObjectInputStream {
        ContextObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            if (cl == null) {
                return super.resolveClass(desc);
            }
            try {
                return Class.forName(desc.getName(), false, cl);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }

    @Override
    public String toString() {
        return "Shipment(" + suite + ", " + jobs.size() + " fits, " + problems.length + " bytes of tasks)";
    }
}
