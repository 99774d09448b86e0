package io.github.camelai4call.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM, split into user and system (kernel) time: from {@code /proc/self/stat} on Linux, where the
 * kernel counts in ticks of 10 ms (USER_HZ 100); elsewhere both parts are NaN.
 * <p>
 * In a client's fork this is the CPU of the client and of the servers it talks to together: on 2 cores a call's
 * throughput is the inverse of that sum, so the split shows how much of a call no client can save (the kernel's
 * loopback TCP, the server) and how much is the client's own.
 */
final class ProcessCpu {

    private static final Path STAT = Path.of("/proc/self/stat");
    private static final double MICROS_PER_TICK = 10_000;

    /** User and system CPU in microseconds since the JVM started (NaN where unknown). */
    record Sample(double userMicros, double systemMicros) {
        Sample minus(Sample before) {
            return new Sample(userMicros - before.userMicros, systemMicros - before.systemMicros);
        }
    }

    private ProcessCpu() {
    }

    static Sample now() {
        try {
            String stat = Files.readString(STAT);
            // the fields after the command name in parentheses (which may hold spaces): utime is the 14th field
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new Sample(Long.parseLong(f[11]) * MICROS_PER_TICK, Long.parseLong(f[12]) * MICROS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return new Sample(Double.NaN, Double.NaN);
        }
    }
}
