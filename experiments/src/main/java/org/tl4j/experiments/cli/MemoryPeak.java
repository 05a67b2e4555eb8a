package org.tl4j.experiments.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The process's memory peak: the resident-set high-water mark from {@code /proc/self/status} ({@code VmHWM}: Java
 * heap, ONNX Runtime's native buffers and everything else) where the platform has it, and the sum of the Java heap
 * pools' peak usage.
 */
final class MemoryPeak {
    private MemoryPeak() {
    }

    /** Peak resident set size in MiB, or NaN where {@code /proc} is unavailable. */
    static double residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** Sum of the heap pools' peak usage in MiB. */
    static double heapMiB() {
        long b = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                b += p.getPeakUsage().getUsed();
            }
        }
        return b / (1024.0 * 1024.0);
    }

    /** {@code resident peak 812 MiB (Java heap pools' peaks 455 MiB)}. */
    static String describe() {
        double rss = residentMiB();
        return String.format(Locale.ROOT, "%s (Java heap pools' peaks %.0f MiB)",
                Double.isNaN(rss) ? "resident peak n/a" : String.format(Locale.ROOT, "resident peak %.0f MiB", rss),
                heapMiB());
    }

    /** The 1-minute load average from {@code /proc/loadavg}, or NaN. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
