package org.tl4j.deep;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import java.nio.file.Path;

/**
 * The DJL engine tl4j trains with: PyTorch (libtorch CPU, from the {@code pytorch-native-cpu} jar on the class
 * path), offline. Before DJL loads, {@link #pytorch()} sets {@code ai.djl.offline=true} (DJL then never downloads:
 * it extracts the native library shipped in the jar) and, unless {@code DJL_CACHE_DIR} is set as an environment
 * variable or system property, a writable extraction folder: {@code $XDG_CACHE_HOME/tl4j/djl} or
 * {@code ~/.cache/tl4j/djl} (about 430 MB once extracted). Tests set {@code target/djl-cache} through the pom.
 *
 * <p><b>Threads.</b> libtorch's default is one intra-op thread per processor. tl4j's networks here are small
 * (dense heads, a backbone's last layers) and run on shared machines, where that default collapses: on a busy
 * 2-core machine a head fine-tune took 447 s with the default against 12.9 s with one thread. One thread also makes
 * every run give the same bits (parallel reductions may add in a different order from run to run). So, unless the
 * user set DJL's {@code ai.djl.pytorch.num_threads} / {@code ai.djl.pytorch.num_interop_threads} themselves,
 * {@link #pytorch()} sets both to {@link #threads()}: the system property {@value #THREADS_PROPERTY} (default 1).
 * Commands that want all processors for large networks (Table 4's Inception-ResNet) call {@link #useThreads(int)}
 * before the engine loads. libtorch reads the count once, when the engine loads.
 */
public final class DeepEngine {
    /** The DJL engine name. */
    public static final String ENGINE = "PyTorch";
    /** System property: libtorch threads (intra- and inter-op) when DJL's own properties are not set; default 1. */
    public static final String THREADS_PROPERTY = "tl4j.torch.threads";
    /** DJL's property for libtorch's intra-op threads, read when the engine loads. */
    public static final String DJL_THREADS = "ai.djl.pytorch.num_threads";
    /** DJL's property for libtorch's inter-op threads, read when the engine loads. */
    public static final String DJL_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

    private static boolean loaded;

    private DeepEngine() {
    }

    /**
     * The PyTorch engine, configured offline on first use.
     *
     * @throws IllegalStateException naming the cache folder and the fix when libtorch cannot be loaded
     */
    public static synchronized Engine pytorch() {
        configure();
        try {
            Engine engine = Engine.getEngine(ENGINE);
            loaded = true;
            return engine;
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("Cannot load DJL's PyTorch engine (libtorch CPU) from the class path into "
                    + cacheDir() + ": " + e.getMessage() + ". The jars ai.djl.pytorch:pytorch-native-cpu "
                    + "(linux-x86_64) and pytorch-jni must be on the class path and DJL_CACHE_DIR writable", e);
        }
    }

    /** A new CPU manager of the PyTorch engine; close it to free its arrays. */
    public static NDManager newManager() {
        return pytorch().newBaseManager(Device.cpu());
    }

    /** Seeds PyTorch's global generator (dropout masks); weights are drawn by tl4j's own seeded generators. */
    public static void seed(long seed) {
        pytorch().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    /**
     * The libtorch thread count tl4j asks for: {@value #THREADS_PROPERTY} if set, else 1.
     *
     * @throws IllegalArgumentException naming the property when it is not a positive integer
     */
    public static int threads() {
        String set = System.getProperty(THREADS_PROPERTY);
        if (set == null || set.isBlank()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(set.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("System property " + THREADS_PROPERTY + "=" + set
                + " is not a positive integer: set it to the number of libtorch threads, e.g. -D" + THREADS_PROPERTY
                + "=1");
    }

    /**
     * Asks for {@code n} libtorch threads (0 = one per processor) before the engine loads, overriding
     * {@value #THREADS_PROPERTY} (DJL's own properties, when the user set them, still win). libtorch reads the count
     * once: after the engine has loaded this changes nothing, and the caller should report the returned count.
     *
     * @return the intra-op threads libtorch will use (when loaded: uses)
     * @throws IllegalArgumentException when {@code n} is negative
     */
    public static synchronized int useThreads(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("libtorch threads must be >= 0 (0 = one per processor), got " + n);
        }
        if (loaded) {
            return ai.djl.pytorch.jni.JniUtils.getNumThreads();
        }
        System.setProperty(THREADS_PROPERTY, Integer.toString(n == 0 ? Runtime.getRuntime().availableProcessors() : n));
        return Integer.getInteger(DJL_THREADS, threads());
    }

    /** The intra-op threads libtorch uses; loads the engine. */
    public static int activeThreads() {
        pytorch();
        return ai.djl.pytorch.jni.JniUtils.getNumThreads();
    }

    /** The folder libtorch is extracted to. */
    public static Path cacheDir() {
        String set = System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR"));
        return Path.of(set != null && !set.isBlank() ? set : defaultCacheDir().toString());
    }

    private static void configure() {
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        String env = System.getenv("DJL_CACHE_DIR");
        if ((env == null || env.isBlank()) && System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", defaultCacheDir().toString());
        }
        if (!loaded) {
            int n = threads();
            if (System.getProperty(DJL_THREADS) == null) {
                System.setProperty(DJL_THREADS, Integer.toString(n));
            }
            if (System.getProperty(DJL_INTEROP_THREADS) == null) {
                System.setProperty(DJL_INTEROP_THREADS, Integer.toString(n));
            }
        }
    }

    private static Path defaultCacheDir() {
        return userCacheDir().resolve("djl");
    }

    /** tl4j's folder in the user's cache: {@code $XDG_CACHE_HOME/tl4j} or {@code ~/.cache/tl4j}. */
    public static Path userCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("tl4j");
    }
}
