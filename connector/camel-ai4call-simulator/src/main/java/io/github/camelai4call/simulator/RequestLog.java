package io.github.camelai4call.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the simulator received: a count per operation and the most recent requests with how they were answered. */
final class RequestLog {

    private static final int RECENT_REQUESTS = 500;

    /** How a request ended: answered with a status, or cut by a fault. */
    enum Ending { ANSWERED, DROPPED, TRUNCATED }

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Deque<Map<String, Object>> recent = new ArrayDeque<>();

    /** Counts a request on arrival, before faults, authentication and validation. */
    void arrived(String operationId) {
        counts.computeIfAbsent(operationId, k -> new AtomicLong()).incrementAndGet();
    }

    /** Records how a routed request ended; {@code status} is the HTTP status when answered. */
    void ended(String requestId, String method, String path, String operationId, Ending ending, int status, long durationMs) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("time", Instant.now().toString());
        entry.put("requestId", requestId);
        entry.put("method", method);
        entry.put("path", path);
        entry.put("operationId", operationId);
        entry.put("status", switch (ending) {
            case DROPPED -> "dropped";
            case TRUNCATED -> "truncated";
            case ANSWERED -> status;
        });
        entry.put("durationMs", durationMs);
        synchronized (recent) {
            recent.addLast(entry);
            while (recent.size() > RECENT_REQUESTS) recent.removeFirst();
        }
    }

    long count(String operationId) {
        AtomicLong c = counts.get(operationId);
        return c == null ? 0 : c.get();
    }

    /** The counts of every operation that received requests, by operationId. */
    Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    List<Map<String, Object>> recent() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }

    void clear() {
        counts.clear();
        synchronized (recent) {
            recent.clear();
        }
    }
}
