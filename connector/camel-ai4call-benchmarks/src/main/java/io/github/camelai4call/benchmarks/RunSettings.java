package io.github.camelai4call.benchmarks;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code bench.*} system properties of a run, read in one place (the module's pom passes them on and documents
 * them). The client forks read the same record: the harness passes the warm-up properties on to them.
 *
 * @param roundSeconds     length of one timed round
 * @param rounds           timed rounds per (operation, callers)
 * @param warmupMinSeconds warm-up per (operation, callers): at least this long...
 * @param warmupMaxSeconds ...then on until the throughput is steady, but no longer than this
 * @param servers          the servers the clients are measured against ({@code bench.server})
 * @param only             a text the measured clients' labels must contain (blank: all)
 * @param diagnose         whether the diagnostic ai4call: variants are measured too
 * @param coldStarts       fresh JVMs per cold-start variant
 * @param harnessStartups  contexts started in the harness JVM after the first one
 * @param aotJava          the home of a Java 25+ for the AOT-cache cold starts (blank: looked for)
 * @param report           the file the section is written to (blank: printed only)
 * @param repository       the local Maven repository the classpath comes from
 * @param forkJvmArgs      extra options for the client forks, e.g. a profiler's
 */
record RunSettings(double roundSeconds, int rounds, double warmupMinSeconds, double warmupMaxSeconds,
        List<Server> servers, String only, boolean diagnose, int coldStarts, int harnessStartups, String aotJava,
        String report, Path repository, String forkJvmArgs) {

    /** The properties the client forks need, passed on to their JVMs. */
    static final List<String> FORK_PROPERTIES = List.of("bench.warmup", "bench.warmupMax");

    static RunSettings fromSystemProperties() {
        return new RunSettings(
                Double.parseDouble(System.getProperty("bench.seconds", "2")),
                Integer.getInteger("bench.rounds", 5),
                Double.parseDouble(System.getProperty("bench.warmup", "3")),
                Double.parseDouble(System.getProperty("bench.warmupMax", "40")),
                servers(System.getProperty("bench.server", "both")),
                System.getProperty("bench.only", ""),
                Boolean.getBoolean("bench.diagnose"),
                Integer.getInteger("bench.coldStarts", 15),
                Integer.getInteger("bench.startupRepeats", 10),
                System.getProperty("bench.aotJava", ""),
                System.getProperty("bench.report", ""),
                Path.of(System.getProperty("bench.repo", System.getProperty("user.home") + "/.m2/repository")),
                System.getProperty("bench.forkJvmArgs", ""));
    }

    /** recorded, simulator or both (anything else). */
    private static List<Server> servers(String which) {
        return switch (which) {
            case "recorded" -> List.of(Server.RECORDED);
            case "simulator" -> List.of(Server.SIMULATOR);
            default -> List.of(Server.RECORDED, Server.SIMULATOR);
        };
    }

    /** The measured clients: the diagnostic ones with {@code diagnose}, those whose label contains {@code only}. */
    List<ClientKind> clients() {
        return ClientKind.measured(diagnose).stream().filter(k -> only.isBlank() || k.label.contains(only)).toList();
    }
}
