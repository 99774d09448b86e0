package io.github.camelai4call.benchmarks;

import java.nio.file.Files;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelai4call.component.Ai4callOperation;
import io.github.camelai4call.simulator.Ai4callSimulator;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.SimulatorConfig;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The benchmark harness: four clients, two operations, 1 and 8 concurrent callers, against two local servers in
 * turn (answers recorded from the simulator and replayed at almost no CPU cost, then the simulator itself), then
 * CamelContext start-up and dependency size. Plain Java rather than JMH: the measured thing is a loopback HTTP round trip
 * (tens to hundreds of microseconds), far above what JMH's harness protects against, and on 2 cores a forked,
 * per-benchmark JMH run would take much longer for the same confidence.
 * <p>
 * Method: for each (operation, callers) pair every client is warmed up, then timed in {@code bench.rounds} rounds of
 * {@code bench.seconds}, the clients interleaved and their order rotated from round to round so that drift (JIT,
 * GC, simulator state) is shared. The simulator state is reset before every outboundCall round (each call is kept
 * in memory). Each figure is the mean over rounds of completed calls per second, with the standard deviation.
 */
public final class BenchmarkMain {

    static final String COMMAND = "mvn -B -q -pl connector/camel-ai4call-benchmarks -am -DskipTests -Pbenchmark verify";
    static final int[] CALLERS = {1, 8};
    static final String LOAD_AT_START = Report.loadAverage();

    private final double roundSeconds = Double.parseDouble(System.getProperty("bench.seconds", "2"));
    private final double warmupSeconds = Double.parseDouble(System.getProperty("bench.warmup", "2"));
    private final int rounds = Integer.getInteger("bench.rounds", 5);
    private final int startupRepeats = Integer.getInteger("bench.startupRepeats", 10);
    private final ExecutorService callers = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "bench-caller");
        t.setDaemon(true);
        return t;
    });

    record Stats(double mean, double sd, double min, double max, long errors, String firstError) {
        double cv() {
            return mean == 0 ? 0 : 100 * sd / mean;
        }
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
        Map<String, Object> outboundBody = Map.of("assistantApiKey", DemoData.DEMO_ASSISTANT_SALES, "to", "+390810000001",
                "metadata", Map.of("lead_id", "123"));

        StringBuilder md = new StringBuilder();
        List<Row> rows = new ArrayList<>();
        double[] startup;
        DependencySize.Result size;
        List<String> problems = new ArrayList<>();

        try (Ai4callSimulator sim = Ai4callSimulator.start(SimulatorConfig.builder().port(0).analyticsRecords(5000).build())) {
            String baseUrl = sim.baseUrl();
            log("simulator at " + baseUrl);

            // 4. start-up first, so that the first context is really the first one of this JVM
            startup = startup(baseUrl, email, key);

            // 1-3. throughput, against each server in turn
            for (Server server : servers()) {
                if (server == Server.RECORDED) {
                    try (RecordedAnswerServer recorded = RecordedAnswerServer.recordFrom(sim.baseUrl(), email, key,
                            RawClients.MAPPER.writeValueAsBytes(outboundBody))) {
                        rows.addAll(throughput(server, recorded.baseUrl(), sim, email, key, outboundBody, problems));
                    }
                } else {
                    rows.addAll(throughput(server, sim.baseUrl(), sim, email, key, outboundBody, problems));
                }
            }
        }
        callers.shutdownNow();

        // 4b. cold start in fresh JVMs, with the harness idle
        List<ColdStarts.Result> coldStarts = new ColdStarts(Paths.get("target", "cold-start"))
                .measure(Integer.getInteger("bench.coldStarts", 7), problems);

        // 5. dependency size
        Path repo = Paths.get(System.getProperty("bench.repo", System.getProperty("user.home") + "/.m2/repository"));
        size = new DependencySize(repo, System.getProperty("java.class.path"))
                .compute("io.github.camel-ai4call:camel-ai4call",
                        List.of("org.apache.camel:camel-core-engine", "org.apache.camel:camel-support"));

        double totalSeconds = (System.nanoTime() - t0) / 1e9;
        String report = Report.markdown(started, totalSeconds, roundSeconds, warmupSeconds, rounds, rows, startup,
                coldStarts, size, problems);
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

    /** Every client, both operations, 1 and 8 callers, against one server. */
    private List<Row> throughput(Server server, String baseUrl, Ai4callSimulator sim, String email, String key,
            Map<String, Object> outboundBody, List<String> problems) throws Exception {
        log("throughput against the " + server.label + " at " + baseUrl);
        List<Client> clients = new ArrayList<>();
        clients.add(new RawClients.ApacheHttpClient5(baseUrl, email, key, outboundBody));
        clients.add(new RawClients.JdkHttpClient(baseUrl, email, key, outboundBody));
        clients.add(new CamelClients.Ai4call(baseUrl, email, key, outboundBody));
        if (Boolean.getBoolean("bench.diagnose")) {
            // where the time of ai4call: goes: without body validation, and with the JsonNode output of the raw loops
            clients.add(new CamelClients.Ai4call(baseUrl, email, key, outboundBody, "?validateRequest=false"));
            clients.add(new CamelClients.Ai4call(baseUrl, email, key, outboundBody, "?outputType=jsonNode"));
            clients.add(new CamelClients.Ai4call(baseUrl, email, key, outboundBody,
                    "?validateRequest=false&outputType=jsonNode"));
        }
        for (boolean sameWork : new boolean[] {false, true}) {
            try {
                clients.add(new CamelClients.RestOpenApi(baseUrl, email, key, outboundBody, sameWork));
            } catch (Exception e) {
                problems.add("The camel-rest-openapi route" + (sameWork ? " (validating + typed)" : "")
                        + " could not be started: " + e);
                e.printStackTrace();
            }
        }
        String only = System.getProperty("bench.only", "");
        if (!only.isBlank()) {
            // -Dbench.only=ai4call: measure a subset, e.g. under a profiler (the report is then partial)
            clients.removeIf(c -> !c.name().contains(only));
        }
        // smoke test: every client must succeed once per operation before anything is timed
        for (Client c : new ArrayList<>(clients)) {
            for (Client.Op op : Client.Op.values()) {
                try {
                    Object out = c.call(op);
                    log(c.name() + " " + op + " -> " + out.getClass().getSimpleName());
                } catch (Exception e) {
                    problems.add(c.name() + " fails on " + op + " against the " + server.label + ": " + e);
                    e.printStackTrace();
                    clients.remove(c);
                    break;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Client.Op op : Client.Op.values()) {
            for (int n : CALLERS) {
                rows.addAll(group(server, sim, clients, op, n));
            }
        }
        for (Client c : clients) {
            c.close();
        }
        return rows;
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

    private List<Row> group(Server server, Ai4callSimulator sim, List<Client> clients, Client.Op op, int n) throws Exception {
        Map<Client, double[]> rates = new LinkedHashMap<>();
        Map<Client, long[]> errors = new LinkedHashMap<>();
        Map<Client, AtomicReference<Throwable>> firstError = new LinkedHashMap<>();
        for (Client c : clients) {
            rates.put(c, new double[rounds]);
            errors.put(c, new long[1]);
            firstError.put(c, new AtomicReference<>());
            if (op == Client.Op.outboundCall && server == Server.SIMULATOR) sim.resetState();
            measure(c, op, n, warmupSeconds, new long[1], new AtomicReference<>());
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < clients.size(); i++) {
                Client c = clients.get((i + r) % clients.size());
                if (op == Client.Op.outboundCall && server == Server.SIMULATOR) sim.resetState();
                rates.get(c)[r] = measure(c, op, n, roundSeconds, errors.get(c), firstError.get(c));
            }
        }
        List<Row> out = new ArrayList<>();
        for (Client c : clients) {
            double[] v = rates.get(c);
            double mean = Arrays.stream(v).average().orElse(0);
            double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, v.length - 1);
            Throwable fe = firstError.get(c).get();
            Stats s = new Stats(mean, Math.sqrt(var), Arrays.stream(v).min().orElse(0), Arrays.stream(v).max().orElse(0),
                    errors.get(c)[0], fe == null ? null : fe.toString());
            out.add(new Row(server, op, n, c.name(), c.raw(), c instanceof CamelClients.Ai4call a && a.options.isEmpty(),
                    c instanceof CamelClients.RestOpenApi ro && !ro.sameWork(), s));
            log(String.format(Locale.ROOT, "%-9s %-14s %d callers %-40s %9.0f req/s  sd %6.0f  errors %d",
                    server.name().toLowerCase(Locale.ROOT), op, n, c.name(), mean, s.sd(), s.errors()));
        }
        return out;
    }

    /** n threads call as fast as they can for the given time; returns completed calls per second. */
    private double measure(Client c, Client.Op op, int n, double seconds, long[] errors, AtomicReference<Throwable> first)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> futures = new ArrayList<>();
        long[] deadline = new long[1];
        for (int i = 0; i < n; i++) {
            futures.add(callers.submit(() -> {
                go.await();
                long end = deadline[0];
                long ok = 0;
                long failed = 0;
                while (true) {
                    try {
                        if (c.call(op) == null) throw new IllegalStateException("null answer");
                        if (System.nanoTime() - end >= 0) break;
                        ok++;
                    } catch (Throwable e) {
                        first.compareAndSet(null, e);
                        if (System.nanoTime() - end >= 0) break;
                        failed++;
                    }
                }
                return new long[] {ok, failed};
            }));
        }
        long nanos = (long) (seconds * 1e9);
        deadline[0] = System.nanoTime() + nanos;
        go.countDown(); // the latch publishes deadline[0] to the callers
        long ok = 0;
        for (Future<long[]> f : futures) {
            long[] r = f.get();
            ok += r[0];
            errors[0] += r[1];
        }
        return ok / seconds;
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
