package org.tl4j.experiments.table4;

import java.lang.management.ManagementFactory;

/**
 * The process's CPU time (all threads, native ones included), beside wall time: on a machine shared with other
 * work, wall time stretches with the load while CPU time tracks the work done.
 */
final class CpuClock {
    private CpuClock() {
    }

    /** Seconds of CPU the process has used, or NaN where the JVM cannot tell. */
    static double processSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long ns = os.getProcessCpuTime();
            return ns < 0 ? Double.NaN : ns / 1e9;
        }
        return Double.NaN;
    }

    /** The one-minute load average, or NaN. */
    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
