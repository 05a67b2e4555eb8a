package org.tl4j.experiments.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A second process for tests: locks the folder named by its argument, says so, and holds it until stdin closes. */
public final class LockHolder {
    private LockHolder() {
    }

    /** Starts a LockHolder in another JVM on {@code dir} and returns once it holds the lock. */
    public static Process start(Path dir) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dir.toString()).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        if (line == null || !line.startsWith("locked")) {
            p.destroyForcibly();
            throw new IllegalStateException("The lock holder did not lock " + dir + ": " + line);
        }
        return p;
    }

    /** Locks {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        try (OutputFolder f = OutputFolder.lock(Path.of(args[0]), "--out", "LockHolder (test)")) {
            System.out.println("locked " + f.dir());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the test closes our input or kills us
            }
        }
    }
}
