package io.github.camelai4call.benchmarks;

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

/** The measuring loop of a client's fork: caller threads doing complete calls for a while, warm-ups made of that. */
final class Measurement implements AutoCloseable {

    /** What the callers did in one slice of time. */
    record Calls(long completed, long failed, Throwable firstFailure, double seconds) {
        double rate() {
            return completed / seconds;
        }
    }

    private final Ai4callSimulator sim;
    private final RunSettings settings;
    private final ExecutorService callers = Executors.newFixedThreadPool(Goals.CALLERS, r -> {
        Thread t = new Thread(r, "bench-caller");
        t.setDaemon(true);
        return t;
    });

    Measurement(Ai4callSimulator sim, RunSettings settings) {
        this.sim = sim;
        this.settings = settings;
    }

    /** Every client must succeed once per operation before anything is timed: null, or what failed. */
    String smokeTest(Server server, Client c, String name) {
        for (Client.Op op : Client.Op.values()) {
            try {
                Object out = c.call(op);
                Log.line(name + " " + op + " -> " + out.getClass().getSimpleName());
            } catch (Exception e) {
                e.printStackTrace();
                return name + " fails on " + op + " against the " + server.label + ": " + e;
            }
        }
        return null;
    }

    /**
     * Runs both operations at {@link Goals#CALLERS} callers, alternately in slices of one second, until neither rises
     * any more: the mean of an operation's last three slices is less than 3% above the mean of its three before (at
     * least 12 s, at most {@code bench.warmupMax} + 20 s). On 2 cores the JIT compilers share the CPU with the
     * callers, and a Camel route with HTTP behind it reaches its steady throughput only after tens of seconds: a
     * fixed 2 s warm-up measured partly interpreted code, and more so for the client with the most code to compile.
     */
    ForkProtocol.Warmed warmUpClient(Server server, Client c, String name) throws Exception {
        Map<Client.Op, List<Double>> slices = new LinkedHashMap<>();
        double spent = 0;
        double max = settings.warmupMaxSeconds() + 20;
        while (true) {
            for (Client.Op op : Client.Op.values()) {
                resetIfNeeded(server, op);
                slices.computeIfAbsent(op, k -> new ArrayList<>()).add(run(c, op, Goals.CALLERS, 1.0).rate());
                spent += 1.0;
            }
            boolean steady = slices.values().stream().allMatch(Measurement::stoppedRising);
            if (steady || spent >= max) {
                Log.line(String.format(Locale.ROOT, "%s warmed up in %.0f s%s", name, spent, steady ? "" : " (not steady)"));
                return new ForkProtocol.Warmed(spent, steady);
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
     */
    ForkProtocol.Warmed warmUp(Server server, Client c, Client.Op op, int n) throws Exception {
        List<Double> slices = new ArrayList<>();
        double spent = 0;
        while (true) {
            resetIfNeeded(server, op);
            slices.add(run(c, op, n, 1.0).rate());
            spent += 1.0;
            boolean steady = spent >= settings.warmupMinSeconds() && slices.size() >= 3
                    && withinTenPercent(slices.subList(slices.size() - 3, slices.size()));
            if (steady || spent >= settings.warmupMaxSeconds()) {
                return new ForkProtocol.Warmed(spent, steady);
            }
        }
    }

    private static boolean withinTenPercent(List<Double> last) {
        Samples s = Samples.of(last);
        return s.mean() > 0 && (s.max() - s.min()) <= 0.10 * s.mean();
    }

    /** One timed round, with the CPU the fork spent per completed call. */
    ForkProtocol.RoundResult timedRound(Server server, Client c, Client.Op op, int n, double seconds) throws Exception {
        resetIfNeeded(server, op);
        ProcessCpu.Sample before = ProcessCpu.now();
        Calls calls = run(c, op, n, seconds);
        ProcessCpu.Sample cpu = ProcessCpu.now().minus(before);
        double completed = Math.max(1, calls.completed());
        return new ForkProtocol.RoundResult(calls.rate(), calls.failed(),
                calls.firstFailure() == null ? null : calls.firstFailure().toString(),
                cpu.userMicros() / completed, cpu.systemMicros() / completed);
    }

    /** Each outboundCall against the simulator is kept in its memory: it starts every round empty. */
    private void resetIfNeeded(Server server, Client.Op op) {
        if (op == Client.Op.outboundCall && server == Server.SIMULATOR) {
            sim.resetState();
        }
    }

    /** {@code n} callers doing complete calls in a loop for {@code seconds}; the call under way at the end is not counted. */
    private Calls run(Client c, Client.Op op, int n, double seconds) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> first = new AtomicReference<>();
        List<Future<Calls>> futures = new ArrayList<>();
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
                return new Calls(ok, failed, null, seconds);
            }));
        }
        deadline[0] = System.nanoTime() + (long) (seconds * 1e9);
        go.countDown(); // the latch publishes deadline[0] to the callers
        long ok = 0;
        long failed = 0;
        for (Future<Calls> f : futures) {
            Calls caller = f.get();
            ok += caller.completed();
            failed += caller.failed();
        }
        return new Calls(ok, failed, first.get(), seconds);
    }

    @Override
    public void close() {
        callers.shutdownNow();
    }
}
