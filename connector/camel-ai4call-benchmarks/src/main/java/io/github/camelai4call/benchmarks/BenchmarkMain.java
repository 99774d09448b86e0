package io.github.camelai4call.benchmarks;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark harness: the clients of {@link ClientKind}, two operations, 1 and {@link Goals#CALLERS} concurrent
 * callers, against two local servers (answers recorded from the simulator and replayed at almost no CPU cost, and
 * the simulator itself), then CamelContext start-up and dependency size; writes its section of docs/performance.md
 * ({@link Report}). Plain Java rather than JMH: the measured thing is a loopback HTTP round trip (tens of
 * microseconds), far above what JMH's harness protects against; like JMH it forks a JVM per measured client
 * ({@link ClientFork}).
 * <p>
 * Method: each client runs in a JVM of its own, with the two servers started in that JVM; only one JVM works at a
 * time. Per server each client is warmed up until its throughput stops rising; then, for each (operation, callers)
 * pair, each is warmed up until steady, and all are timed in {@code bench.rounds} rounds of {@code bench.seconds},
 * interleaved and their order rotated from round to round so that drift of the machine is shared. The simulator
 * state is reset before every outboundCall round against it (each call is kept in memory). Each figure is the mean
 * over rounds of completed calls per second, with the standard deviation.
 */
public final class BenchmarkMain {

    static final String COMMAND = "mvn -B -q -pl connector/camel-ai4call-benchmarks -am -DskipTests -Pbenchmark verify";
    static final List<Integer> CALLERS = List.of(1, Goals.CALLERS);
    static final String CONNECTOR = "io.github.camel-ai4call:camel-ai4call";
    /** What a Camel user has before adding the connector: the baseline of the dependency-size figure. */
    static final List<String> CAMEL_BASELINE = List.of("org.apache.camel:camel-core-engine", "org.apache.camel:camel-support");
    /**
     * What the cold-start application depends on: the connector, the direct: component its routes start from, and
     * the simple language Camel needs to start (and SLF4J's no-op binding, as in the harness).
     */
    static final List<String> COLD_START_APPLICATION = List.of(CONNECTOR, "org.apache.camel:camel-direct",
            "org.apache.camel:camel-core-languages", "org.slf4j:slf4j-nop");

    private final RunSettings settings = RunSettings.fromSystemProperties();

    public static void main(String[] args) throws Exception {
        new BenchmarkMain().run();
    }

    private void run() throws Exception {
        ZonedDateTime started = ZonedDateTime.now();
        String loadAtStart = RunResults.loadAverage();
        long t0 = System.nanoTime();
        List<String> problems = new ArrayList<>();

        // start-up first, so that the first context is really the first one of this JVM
        HarnessStartups.Result harnessStartups = HarnessStartups.measure(settings.harnessStartups());
        Throughput throughput = throughput(problems);

        DependencySize dependencies = new DependencySize(settings.repository(), System.getProperty("java.class.path"));
        DependencySize.Result size = dependencies.compute(CONNECTOR, CAMEL_BASELINE);

        // cold start in fresh JVMs, with the harness idle, on the classpath of an application using the connector
        Optional<ColdStarts.Java> aotJava = ColdStarts.aotJava(settings.aotJava(), problems);
        ColdStarts.Outcome coldStarts = new ColdStarts(Paths.get("target", "cold-start"),
                dependencies.classpathOf(COLD_START_APPLICATION)).measure(settings.coldStarts(), aotJava, problems);

        RunResults results = new RunResults(started, (System.nanoTime() - t0) / 1e9, loadAtStart,
                RunResults.loadAverage(), settings, throughput, harnessStartups, coldStarts, size, problems);
        String report = Report.markdown(results);
        System.out.println();
        System.out.println(report);
        if (!settings.report().isBlank()) {
            Path p = Paths.get(settings.report()).toAbsolutePath().normalize();
            ReportSections.write(p, "http-benchmark", report);
            Log.line("written to " + p);
        }
    }

    /** Each client in a JVM of its own (with its own servers), against each server in turn. */
    private Throughput throughput(List<String> problems) throws Exception {
        List<Throughput.Row> rows = new ArrayList<>();
        List<Throughput.ClientWarmup> warmups = new ArrayList<>();
        List<ClientFork> forks = new ArrayList<>();
        try {
            for (ClientKind kind : settings.clients()) {
                Log.line("starting the JVM of " + kind.label);
                forks.add(new ClientFork(kind, settings));
            }
            for (Server server : settings.servers()) {
                Log.line("throughput against the " + server.label);
                List<ClientFork> ready = new ArrayList<>();
                for (ClientFork f : forks) {
                    Optional<ForkProtocol.Warmed> w = f.prepare(server, problems);
                    if (w.isPresent()) {
                        warmups.add(new Throughput.ClientWarmup(server, f.kind, w.get()));
                        ready.add(f);
                    }
                }
                for (Client.Op op : Client.Op.values()) {
                    for (int n : CALLERS) {
                        rows.addAll(group(server, ready, op, n));
                    }
                }
            }
        } finally {
            for (ClientFork f : forks) {
                f.close();
            }
        }
        return new Throughput(rows, warmups);
    }

    /**
     * One (operation, callers) pair against one server: each client warmed up on it, then the timed rounds, the
     * clients interleaved and their order rotated from round to round.
     */
    private List<Throughput.Row> group(Server server, List<ClientFork> forks, Client.Op op, int n) throws Exception {
        Map<ClientFork, ForkProtocol.Warmed> warmups = new LinkedHashMap<>();
        Map<ClientFork, List<ForkProtocol.RoundResult>> rounds = new LinkedHashMap<>();
        for (ClientFork f : forks) {
            warmups.put(f, f.warmUp(op, n));
            rounds.put(f, new ArrayList<>());
        }
        for (int r = 0; r < settings.rounds(); r++) {
            for (int i = 0; i < forks.size(); i++) {
                ClientFork f = forks.get((i + r) % forks.size());
                rounds.get(f).add(f.round(op, n, settings.roundSeconds()));
            }
        }
        List<Throughput.Row> out = new ArrayList<>();
        for (ClientFork f : forks) {
            Throughput.Stats s = Throughput.Stats.of(rounds.get(f), warmups.get(f));
            out.add(new Throughput.Row(server, op, n, f.kind, s));
            Log.line(String.format(Locale.ROOT, "%-9s %-14s %d callers %-40s %9.0f req/s  sd %6.0f  errors %d",
                    server.name().toLowerCase(Locale.ROOT), op, n, f.kind.label, s.mean(), s.rates().sd(), s.errors()));
        }
        return out;
    }
}
