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
 */
public final class DeepEngine {
    /** The DJL engine name. */
    public static final String ENGINE = "PyTorch";

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
            return Engine.getEngine(ENGINE);
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
