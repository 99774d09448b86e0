package io.github.camelai4call.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The callback benchmark's measuring loop: {@code n} concurrent clients, each posting tool calls one after the other
 * for a while, every call's latency kept (send until the whole answer is read); the call under way at the end is
 * not counted.
 */
final class ToolCallLoad implements AutoCloseable {

    /** The most concurrent clients measured. */
    static final int MAX_CLIENTS = 8;

    /**
     * One round against one route: calls per second, latency percentiles in milliseconds, failed calls, the JVM's
     * CPU per completed call in microseconds (client and server: they share the JVM and the 2 cores).
     */
    record Round(double rate, double p50Millis, double p99Millis, long failed, String firstFailure, double userMicros,
            double systemMicros) {
        double cpuMicros() {
            return userMicros + systemMicros;
        }
    }

    private record Caller(long[] latencies, int completed, long failed, Throwable firstFailure) {
    }

    private final SignedToolCalls client;
    private final ExecutorService callers = Executors.newFixedThreadPool(MAX_CLIENTS, r -> {
        Thread t = new Thread(r, "bench-platform");
        t.setDaemon(true);
        return t;
    });

    ToolCallLoad(SignedToolCalls client) {
        this.client = client;
    }

    Round run(URI target, int clients, double seconds) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Future<Caller>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(callers.submit(() -> {
                go.await();
                long end = deadline[0];
                long[] latencies = new long[4096];
                int ok = 0;
                long failed = 0;
                Throwable first = null;
                while (true) {
                    long start = System.nanoTime();
                    try {
                        client.call(target);
                        long done = System.nanoTime();
                        if (done - end >= 0) {
                            break;
                        }
                        if (ok == latencies.length) {
                            latencies = Arrays.copyOf(latencies, ok * 2);
                        }
                        latencies[ok++] = done - start;
                    } catch (Exception e) {
                        if (System.nanoTime() - end >= 0) {
                            break;
                        }
                        failed++;
                        first = first == null ? e : first;
                    }
                }
                return new Caller(latencies, ok, failed, first);
            }));
        }
        ProcessCpu.Sample before = ProcessCpu.now();
        deadline[0] = System.nanoTime() + (long) (seconds * 1e9);
        go.countDown(); // the latch publishes deadline[0] to the callers
        List<Caller> done = new ArrayList<>();
        for (Future<Caller> f : futures) {
            done.add(f.get());
        }
        ProcessCpu.Sample cpu = ProcessCpu.now().minus(before);
        long[] all = done.stream().flatMapToLong(c -> Arrays.stream(c.latencies(), 0, c.completed())).sorted().toArray();
        long failed = done.stream().mapToLong(Caller::failed).sum();
        String firstFailure = done.stream().map(Caller::firstFailure).filter(e -> e != null).map(Throwable::toString)
                .findFirst().orElse(null);
        double completed = Math.max(1, all.length);
        return new Round(all.length / seconds, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6, failed,
                firstFailure, cpu.userMicros() / completed, cpu.systemMicros() / completed);
    }

    /** The nearest-rank percentile of sorted values (NaN when there are none). */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    @Override
    public void close() {
        callers.shutdownNow();
    }
}
