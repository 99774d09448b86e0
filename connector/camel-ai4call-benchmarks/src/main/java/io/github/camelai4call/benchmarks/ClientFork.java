package io.github.camelai4call.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelai4call.simulator.Ai4callSimulator;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.SimulatorConfig;

/**
 * One client in a JVM of its own, as JMH forks each benchmark: in a JVM shared by several clients the JIT compiles
 * the code they share (HttpCore, Jackson, Camel) with the mixed profile of all of them, which slowed the leanest
 * client most. Each fork starts the same two servers in its own JVM, as the harness did before: the simulator, and
 * the recorded-answer server with the simulator's answers (with the servers in another process, every request cost
 * two switches between processes, which on 2 cores hid much of the clients' own cost).
 * <p>
 * All forks live for the whole run, but only one works at a time: the harness sends a fork one command on its
 * standard input, the fork does it and answers with one line starting with {@value #MARK} on its standard output,
 * while the other forks wait idle. So the harness can still interleave the timed rounds of all clients, and drift of
 * the machine (other load, frequency) falls on all of them alike.
 */
final class ClientFork implements AutoCloseable {

    static final String MARK = "@@";
    /** Warm-up per (operation, callers): at least this long (-Dbench.warmup, passed on to the forks)... */
    static final double WARMUP_MIN_SECONDS = Double.parseDouble(System.getProperty("bench.warmup", "3"));
    /** ...then on until the throughput is steady, but no longer than this (-Dbench.warmupMax). */
    static final double WARMUP_MAX_SECONDS = Double.parseDouble(System.getProperty("bench.warmupMax", "40"));
    static final Map<String, Object> OUTBOUND_BODY = Map.of("assistantApiKey", DemoData.DEMO_ASSISTANT_SALES,
            "to", "+390810000001", "metadata", Map.of("lead_id", "123"));

    /**
     * One timed round: completed calls per second, failed calls, the first failure, and the fork's user and system
     * CPU per completed call in microseconds (client and servers together; NaN where not measured).
     */
    record Round(double rate, long errors, String firstError, double userMicrosPerCall, double systemMicrosPerCall) {
    }

    final ClientKind kind;
    private final Process child;
    private final BufferedReader out;
    private final Writer in;

    // ------------------------------------------------------------------ harness side

    /** Starts the JVM of one client and waits until its servers are up. */
    ClientFork(ClientKind kind) throws IOException {
        this.kind = kind;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms512m", "-Xmx512m"));
        String extra = System.getProperty("bench.forkJvmArgs", "");
        if (!extra.isBlank()) {
            // e.g. -Dbench.forkJvmArgs=-XX:StartFlightRecording=filename=fork.jfr to profile the forks
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        for (String p : List.of("bench.warmup", "bench.warmupMax")) {
            String v = System.getProperty(p);
            if (v != null) {
                cmd.add("-D" + p + "=" + v);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ClientFork.class.getName(), kind.name()));
        this.child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        this.out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
        answer();
    }

    /**
     * Builds the client against {@code server}, calls each operation once, then warms it up (both operations at 8
     * callers until neither rises any more).
     *
     * @return the warm-up, or null when the client failed (then added to {@code problems})
     */
    BenchmarkMain.ClientWarmup prepare(BenchmarkMain.Server server, List<String> problems) throws IOException {
        String[] a = command("PREPARE", server.name());
        if (a[0].equals("FAIL")) {
            problems.add(a[1]);
            return null;
        }
        return new BenchmarkMain.ClientWarmup(server, kind.label, Double.parseDouble(a[1]), Boolean.parseBoolean(a[2]));
    }

    /** Warms the prepared client up on one (operation, callers) pair: the seconds spent, and whether it was steady. */
    double[] warmUp(Client.Op op, int callers) throws IOException {
        String[] a = command("WARM", op.name(), String.valueOf(callers));
        return new double[] {Double.parseDouble(a[1]), Boolean.parseBoolean(a[2]) ? 1 : 0};
    }

    /** One timed round. */
    Round round(Client.Op op, int callers, double seconds) throws IOException {
        String[] a = command("ROUND", op.name(), String.valueOf(callers), String.valueOf(seconds));
        return new Round(Double.parseDouble(a[1]), Long.parseLong(a[2]), a[3].isEmpty() ? null : a[3],
                Double.parseDouble(a[4]), Double.parseDouble(a[5]));
    }

    private String[] command(String... words) throws IOException {
        in.write(String.join("\t", words) + "\n");
        in.flush();
        return answer();
    }

    /** Passes the fork's log lines through and returns the fields of its answer line. */
    private String[] answer() throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(MARK)) {
                return line.substring(MARK.length()).split("\t", -1);
            }
            System.out.println(line);
        }
        throw new IOException("the " + kind.label + " fork ended (exit code " + exitCode() + ")");
    }

    private String exitCode() {
        try {
            return String.valueOf(child.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            in.write("EXIT\n");
            in.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroyForcibly();
        }
        out.close();
    }

    // ------------------------------------------------------------------ forked side

    /** {@code ClientFork <ClientKind>}: starts the servers, then does the harness's commands one by one. */
    public static void main(String[] args) throws Exception {
        ClientKind kind = ClientKind.valueOf(args[0]);
        String email = DemoData.DEMO_EMAIL;
        String key = DemoData.DEMO_PORTAL_API_KEY;
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        // thousands of outboundCalls per second: far beyond the demo account's call limits
        try (Ai4callSimulator sim = Ai4callSimulator.start(SimulatorConfig.builder().port(0).analyticsRecords(5000)
                .enforceCallLimits(false).build());
             RecordedAnswerServer recorded = RecordedAnswerServer.recordFrom(sim.baseUrl(), email, key,
                     RawClients.MAPPER.writeValueAsBytes(OUTBOUND_BODY))) {
            Measurement m = new Measurement(sim);
            emit("READY");
            BenchmarkMain.Server server = null;
            Client client = null;
            for (String line = commands.readLine(); line != null && !line.equals("EXIT"); line = commands.readLine()) {
                String[] c = line.split("\t");
                switch (c[0]) {
                    case "PREPARE" -> {
                        if (client != null) {
                            client.close();
                            client = null;
                        }
                        server = BenchmarkMain.Server.valueOf(c[1]);
                        String url = server == BenchmarkMain.Server.RECORDED ? recorded.baseUrl() : sim.baseUrl();
                        try {
                            client = kind.create(url, email, key, OUTBOUND_BODY);
                        } catch (Exception e) {
                            e.printStackTrace();
                            emit("FAIL", "The " + kind.label + " could not be started: " + e);
                            continue;
                        }
                        String failure = m.smokeTest(server, client, kind.label);
                        if (failure != null) {
                            emit("FAIL", failure);
                            continue;
                        }
                        double[] w = m.warmUpClient(server, client, kind.label);
                        emit("OK", w[0], w[1] > 0);
                    }
                    case "WARM" -> {
                        double[] w = m.warmUp(server, client, Client.Op.valueOf(c[1]), Integer.parseInt(c[2]));
                        emit("OK", w[0], w[1] > 0);
                    }
                    case "ROUND" -> {
                        long[] errors = new long[1];
                        AtomicReference<Throwable> first = new AtomicReference<>();
                        Client.Op op = Client.Op.valueOf(c[1]);
                        m.resetIfNeeded(server, op);
                        double seconds = Double.parseDouble(c[3]);
                        ProcessCpu.Sample before = ProcessCpu.now();
                        double rate = m.measure(client, op, Integer.parseInt(c[2]), seconds, errors, first);
                        ProcessCpu.Sample cpu = ProcessCpu.now().minus(before);
                        double calls = Math.max(1, rate * seconds);
                        emit("OK", rate, errors[0], first.get() == null ? "" : first.get().toString(),
                                cpu.userMicros() / calls, cpu.systemMicros() / calls);
                    }
                    default -> throw new IllegalArgumentException("unknown command: " + line);
                }
            }
            if (client != null) {
                client.close();
            }
            m.callers.shutdownNow();
        }
        System.exit(0);
    }

    private static void emit(Object... fields) {
        StringBuilder b = new StringBuilder(MARK);
        for (int i = 0; i < fields.length; i++) {
            b.append(i == 0 ? "" : "\t").append(String.valueOf(fields[i]).replace('\t', ' ').replace('\n', ' '));
        }
        System.out.println(b);
        System.out.flush();
    }

    /** Warm-up, timed rounds and the callers' threads, in the forked JVM. */
    private static final class Measurement {

        private final Ai4callSimulator sim;
        final ExecutorService callers = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "bench-caller");
            t.setDaemon(true);
            return t;
        });

        Measurement(Ai4callSimulator sim) {
            this.sim = sim;
        }

        /** Every client must succeed once per operation before anything is timed: null, or what failed. */
        String smokeTest(BenchmarkMain.Server server, Client c, String name) {
            for (Client.Op op : Client.Op.values()) {
                try {
                    Object out = c.call(op);
                    BenchmarkMain.log(name + " " + op + " -> " + out.getClass().getSimpleName());
                } catch (Exception e) {
                    e.printStackTrace();
                    return name + " fails on " + op + " against the " + server.label + ": " + e;
                }
            }
            return null;
        }

        /**
         * Runs both operations at 8 callers, alternately in slices of one second, until neither rises any more:
         * the mean of an operation's last three slices is less than 3% above the mean of its three before (at
         * least 12 s, at most {@code bench.warmupMax} + 20 s). On 2 cores the JIT compilers share the CPU with the
         * callers, and a Camel route with HTTP behind it reaches its steady throughput only after tens of seconds: a fixed
         * 2 s warm-up measured partly interpreted code, and more so for the client with the most code to compile.
         */
        double[] warmUpClient(BenchmarkMain.Server server, Client c, String name) throws Exception {
            Map<Client.Op, List<Double>> slices = new LinkedHashMap<>();
            double spent = 0;
            double max = WARMUP_MAX_SECONDS + 20;
            while (true) {
                for (Client.Op op : Client.Op.values()) {
                    resetIfNeeded(server, op);
                    slices.computeIfAbsent(op, k -> new ArrayList<>())
                            .add(measure(c, op, BenchmarkMain.CALLERS[BenchmarkMain.CALLERS.length - 1], 1.0, new long[1],
                                    new AtomicReference<>()));
                    spent += 1.0;
                }
                boolean steady = slices.values().stream().allMatch(Measurement::stoppedRising);
                if (steady || spent >= max) {
                    BenchmarkMain.log(String.format(Locale.ROOT, "%s warmed up in %.0f s%s", name, spent,
                            steady ? "" : " (not steady)"));
                    return new double[] {spent, steady ? 1 : 0};
                }
            }
        }

        private static boolean stoppedRising(List<Double> v) {
            int n = v.size();
            if (n < 6) {
                return false;
            }
            double last = (v.get(n - 1) + v.get(n - 2) + v.get(n - 3)) / 3;
            double before = (v.get(n - 4) + v.get(n - 5) + v.get(n - 6)) / 3;
            return last < 1.03 * before;
        }

        /**
         * Runs the client in slices of one second, at least {@code bench.warmup} seconds, then until the last three
         * slices are within 10% of each other, at most {@code bench.warmupMax} seconds: after {@link #warmUpClient}
         * this settles the client on one (operation, callers) pair.
         *
         * @return the seconds spent, and 1 if the throughput was steady at the end (0 if the maximum was reached first)
         */
        double[] warmUp(BenchmarkMain.Server server, Client c, Client.Op op, int n) throws Exception {
            List<Double> slices = new ArrayList<>();
            double spent = 0;
            while (true) {
                resetIfNeeded(server, op);
                slices.add(measure(c, op, n, 1.0, new long[1], new AtomicReference<>()));
                spent += 1.0;
                boolean steady = spent >= WARMUP_MIN_SECONDS && slices.size() >= 3
                        && withinTenPercent(slices.subList(slices.size() - 3, slices.size()));
                if (steady || spent >= WARMUP_MAX_SECONDS) {
                    return new double[] {spent, steady ? 1 : 0};
                }
            }
        }

        private static boolean withinTenPercent(List<Double> last) {
            double min = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double mean = last.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            return mean > 0 && (max - min) <= 0.10 * mean;
        }

        /** Each outboundCall against the simulator is kept in its memory: it starts every round empty. */
        void resetIfNeeded(BenchmarkMain.Server server, Client.Op op) {
            if (op == Client.Op.outboundCall && server == BenchmarkMain.Server.SIMULATOR) {
                sim.resetState();
            }
        }

        double measure(Client c, Client.Op op, int n, double seconds, long[] errors,
                AtomicReference<Throwable> first) throws Exception {
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
    }
}
