package org.tl4j.experiments.table4;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a table was measured on: CPU model (from {@code /proc/cpuinfo} where there is one) and cores. */
record Hardware(String cpu, int cores) {

    static Hardware detect() {
        String model = System.getProperty("os.arch");
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            try {
                List<String> lines = Files.readAllLines(info);
                for (String l : lines) {
                    if (l.startsWith("model name")) {
                        model = l.substring(l.indexOf(':') + 1).trim();
                        break;
                    }
                }
            } catch (IOException e) {
                // keep the architecture as the model
            }
        }
        return new Hardware(model, Runtime.getRuntime().availableProcessors());
    }

    String describe() {
        return cpu + ", " + cores + " cores available (all used by PyTorch and ONNX Runtime)";
    }
}
