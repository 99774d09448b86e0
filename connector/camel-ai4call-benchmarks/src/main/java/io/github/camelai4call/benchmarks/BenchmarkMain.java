package io.github.camelai4call.benchmarks;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.camelai4call.component.Ai4callOperation;
import io.github.camelai4call.simulator.Ai4callSimulator;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.SimulatorConfig;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The benchmark harness: five clients, two operations, 1 and 8 concurrent callers, against two local servers
 * (answers recorded from the simulator and replayed at almost no CPU cost, and the simulator itself), then
 * CamelContext start-up and dependency size. Plain Java rather than JMH: the measured thing is a loopback HTTP round
 * trip (tens of microseconds), far above what JMH's harness protects against; like JMH it forks a JVM per measured
 * client ({@link ClientFork}).
 * <p>
 * Method: each client runs in a JVM of its own, with the two servers started in that JVM; only one JVM works at a
 * time. Per server each client is warmed up until its throughput stops rising; then, for each (operation, callers)
 * pair, each is warmed up until steady, and all are timed in {@code bench.rounds} rounds of {@code bench.seconds},
 * interleaved and their order rotated from round to round so that drift of the machine is shared. The simulator state is reset
 * before every outboundCall round against it (each call is kept in memory). Each figure is the mean over rounds of
 * completed calls per second, with the standard deviation.
 */
public final class BenchmarkMain {

    static final String COMMAND = "mvn -B -q -pl connector/camel-ai4call-benchmarks -am -DskipTests -Pbenchmark verify";
    static final int[] CALLERS = {1, 8};
    static final String CONNECTOR = "io.github.camel-ai4call:camel-ai4call";
    /**
     * What the cold-start application depends on: the connector, the direct: component its routes start from, and
     * the simple language Camel needs to start (and SLF4J's no-op binding, as in the harness).
     */
    static final List<String> COLD_START_APPLICATION = List.of(CONNECTOR, "org.apache.camel:camel-direct",
            "org.apache.camel:camel-core-languages", "org.slf4j:slf4j-nop");
    static final String LOAD_AT_START = Report.loadAverage();

    private final double roundSeconds = Double.parseDouble(System.getProperty("bench.seconds", "2"));
    private final int rounds = Integer.getInteger("bench.rounds", 5);
    private final int startupRepeats = Integer.getInteger("bench.startupRepeats", 10);

    /**
     * @param userMicros   user CPU per call of the client's JVM (client and servers), mean over rounds; NaN if unknown
     * @param systemMicros the same for system (kernel) CPU
     */
    record Stats(double mean, double sd, double min, double max, long errors, String firstError, double warmupSeconds,
            boolean steady, double userMicros, double systemMicros) {
        double cv() {
            return mean == 0 ? 0 : 100 * sd / mean;
        }
    }

    /** How long a client ran, before its first timed figure against a server, until its throughput stopped rising. */
    record ClientWarmup(Server server, String client, double seconds, boolean steady) {
    }

    record Row(Server server, Client.Op op, int callers, String client, boolean raw, boolean ai4call,
            boolean restOpenApi, Stats stats) {
    }

    /** The HTTP server the clients talk to. */
    enum Server {
        /** Answers recorded from the simulator, replayed at almost no CPU cost: the clients' own cost shows. */
        RECORDED("recorded-answer server"),
        /** The simulator itself: routing and validating every request by the contract costs more than any client. */
        SIMULATOR("simulator");

        final String label;

        Server(String label) {
            this.label = label;
        }
    }

    public static void main(String[] args) throws Exception {
        new BenchmarkMain().run();
    }

    private void run() throws Exception {
        ZonedDateTime started = ZonedDateTime.now();
        long t0 = System.nanoTime();
        String email = DemoData.DEMO_EMAIL;
        String key = DemoData.DEMO_PORTAL_API_KEY;

        List<Row> rows = new ArrayList<>();
        List<ClientWarmup> clientWarmups = new ArrayList<>();
        double[] startup;
        DependencySize.Result size;
        List<String> problems = new ArrayList<>();

        // 4. start-up first, so that the first context is really the first one of this JVM
        try (Ai4callSimulator sim = Ai4callSimulator.start(SimulatorConfig.builder().port(0).build())) {
            startup = startup(sim.baseUrl(), email, key);
        }

        // 1-3. throughput: each client in a JVM of its own (with its own servers), against each server in turn
        List<ClientFork> forks = new ArrayList<>();
        try {
            for (ClientKind kind : clients()) {
                log("starting the JVM of " + kind.label);
                forks.add(new ClientFork(kind));
            }
            for (Server server : servers()) {
                log("throughput against the " + server.label);
                List<ClientFork> ready = new ArrayList<>();
                for (ClientFork f : forks) {
                    ClientWarmup w = f.prepare(server, problems);
                    if (w != null) {
                        clientWarmups.add(w);
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

        // 5. dependency size
        Path repo = Paths.get(System.getProperty("bench.repo", System.getProperty("user.home") + "/.m2/repository"));
        DependencySize dependencies = new DependencySize(repo, System.getProperty("java.class.path"));
        size = dependencies.compute(CONNECTOR, List.of("org.apache.camel:camel-core-engine", "org.apache.camel:camel-support"));

        // 4b. cold start in fresh JVMs, with the harness idle, on the classpath of an application using the connector
        Optional<ColdStarts.Java> aotJava = ColdStarts.aotJava(problems);
        ColdStarts.Outcome coldStarts = new ColdStarts(Paths.get("target", "cold-start"),
                dependencies.classpathOf(COLD_START_APPLICATION))
                .measure(Integer.getInteger("bench.coldStarts", 7), aotJava, problems);

        double totalSeconds = (System.nanoTime() - t0) / 1e9;
        String report = Report.markdown(started, totalSeconds, roundSeconds, ClientFork.WARMUP_MIN_SECONDS,
                ClientFork.WARMUP_MAX_SECONDS, rounds, rows,
                clientWarmups, startup, coldStarts, size, problems);
        System.out.println();
        System.out.println(report);
        String out = System.getProperty("bench.report");
        if (out != null && !out.isBlank()) {
            Path p = Paths.get(out).toAbsolutePath().normalize();
            ReportSections.write(p, "http-benchmark", report);
            log("written to " + p);
        }
    }

    /** -Dbench.server=recorded|simulator|both (default both): which servers the clients are measured against. */
    private static List<Server> servers() {
        String which = System.getProperty("bench.server", "both");
        return switch (which) {
            case "recorded" -> List.of(Server.RECORDED);
            case "simulator" -> List.of(Server.SIMULATOR);
            default -> List.of(Server.RECORDED, Server.SIMULATOR);
        };
    }

    /**
     * The measured clients: -Dbench.diagnose=true adds ai4call: variants (without body validation, with the JsonNode
     * output of the raw loops); -Dbench.only=ai4call keeps the clients whose name contains the text, e.g. to run one
     * under a profiler (the report is then partial).
     */
    private static List<ClientKind> clients() {
        String only = System.getProperty("bench.only", "");
        return ClientKind.measured(Boolean.getBoolean("bench.diagnose")).stream()
                .filter(k -> only.isBlank() || k.label.contains(only))
                .toList();
    }

    /** Milliseconds from new DefaultCamelContext() to started, with one ai4call: endpoint per operation. */
    private double[] startup(String baseUrl, String email, String key) throws Exception {
        double[] ms = new double[1 + startupRepeats];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            DefaultCamelContext context = new DefaultCamelContext();
            CamelClients.configure(context, baseUrl, email, key);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (Ai4callOperation op : Ai4callOperation.values()) {
                        from("direct:" + op.name()).to("ai4call:" + op.name());
                    }
                }
            });
            context.start();
            ms[i] = (System.nanoTime() - t) / 1e6;
            int routes = context.getRoutes().size();
            context.close();
            log(String.format(Locale.ROOT, "start-up %d: %.1f ms (%d routes)", i, ms[i], routes));
        }
        return ms;
    }

    /**
     * One (operation, callers) pair against one server: each client warmed up on it, then the timed rounds, the
     * clients interleaved and their order rotated from round to round.
     */
    private List<Row> group(Server server, List<ClientFork> forks, Client.Op op, int n) throws Exception {
        Map<ClientFork, double[]> rates = new LinkedHashMap<>();
        Map<ClientFork, long[]> errors = new LinkedHashMap<>();
        Map<ClientFork, String> firstError = new LinkedHashMap<>();
        Map<ClientFork, double[]> warmups = new LinkedHashMap<>();
        Map<ClientFork, double[]> cpu = new LinkedHashMap<>();
        for (ClientFork f : forks) {
            rates.put(f, new double[rounds]);
            cpu.put(f, new double[2]);
            errors.put(f, new long[1]);
            warmups.put(f, f.warmUp(op, n));
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < forks.size(); i++) {
                ClientFork f = forks.get((i + r) % forks.size());
                ClientFork.Round round = f.round(op, n, roundSeconds);
                rates.get(f)[r] = round.rate();
                cpu.get(f)[0] += round.userMicrosPerCall() / rounds;
                cpu.get(f)[1] += round.systemMicrosPerCall() / rounds;
                errors.get(f)[0] += round.errors();
                if (round.firstError() != null) {
                    firstError.putIfAbsent(f, round.firstError());
                }
            }
        }
        List<Row> out = new ArrayList<>();
        for (ClientFork f : forks) {
            double[] v = rates.get(f);
            double mean = Arrays.stream(v).average().orElse(0);
            double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, v.length - 1);
            Stats s = new Stats(mean, Math.sqrt(var), Arrays.stream(v).min().orElse(0), Arrays.stream(v).max().orElse(0),
                    errors.get(f)[0], firstError.get(f), warmups.get(f)[0], warmups.get(f)[1] > 0, cpu.get(f)[0],
                    cpu.get(f)[1]);
            out.add(new Row(server, op, n, f.kind.label, f.kind.raw(), f.kind.ai4callDefaults(), f.kind.plainRestOpenApi(), s));
            log(String.format(Locale.ROOT, "%-9s %-14s %d callers %-40s %9.0f req/s  sd %6.0f  errors %d",
                    server.name().toLowerCase(Locale.ROOT), op, n, f.kind.label, mean, s.sd(), s.errors()));
        }
        return out;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static void log(String s) {
        System.out.println("[bench] " + s);
        System.out.flush();
    }

    static String now() {
        return ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
