package io.github.camelai4call.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;

/** Everything one run of {@link BenchmarkMain} measured, as the {@link Report} reads it. */
record RunResults(ZonedDateTime started, double seconds, String loadAtStart, String loadAtEnd, RunSettings settings,
        Throughput throughput, HarnessStartups.Result harnessStartups, ColdStarts.Outcome coldStarts,
        DependencySize.Result size, List<String> problems) {

    /** The 1, 5 and 15 minute load averages of the machine, or n/a. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "n/a";
        }
    }
}
