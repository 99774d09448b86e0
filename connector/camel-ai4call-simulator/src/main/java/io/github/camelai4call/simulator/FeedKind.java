package io.github.camelai4call.simulator;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one registry of analytics feeds: one row per analytics operation of the contract, with the feed it reads, the
 * id prefix of its records, the size of its synthetic history (one record per {@code callsPerRecord} calls), the
 * generator of that history, the values its records always have (also a filter of its pages), the defaults of the
 * required properties of an appended record, and the record property the {@code callId} filter compares.
 */
enum FeedKind {

    CALLS("analyticsCalls", "call_", 1, CallHistory::new, "id", Map.of(),
            ordered("direction", "inbound", "outcome", "completed")),
    /** The outbound calls: a view of the calls feed. */
    CALLS_OUTBOUND("analyticsCallsOutbound", CALLS, ordered("direction", "outbound"), ordered("outcome", "completed")),
    RECHARGES("analyticsRecharges", "rch_", 200, RechargeHistory::new, "callId", Map.of(),
            ordered("amount", 10.0, "currency", Tariffs.CURRENCY)),
    RAG("analyticsRag", "rag_", 5, RagHistory::new, "callId", Map.of(), Map.of()),
    SMS("analyticsSms", "sms_", 10, SmsHistory::new, "callId", Map.of(), ordered("status", "delivered")),
    TOOL_RESPONSES("analyticsToolResponses", "tlr_", 4, ToolResponseHistory::new, "callId", Map.of(),
            ordered("toolId", DemoData.TOOL_BOOK_APPOINTMENT, "success", Boolean.TRUE)),
    PRE_CALL("analyticsPreCall", "pre_", 5, PreCallHistory::new, "callId", Map.of(),
            ordered("check", "number-validation", "result", "passed"));

    /** Builds the synthetic history of n records with ids {@code idPrefix...} spread over [start, end). */
    interface Generator {
        SyntheticHistory create(SyntheticHistory.Subjects subjects, String idPrefix, long n, long start, long end);
    }

    /** The operationIds of the analytics feeds, in contract order. */
    static final List<String> OPERATION_IDS = Arrays.stream(values()).map(k -> k.operationId).toList();

    final String operationId;
    private final FeedKind store;
    final String idPrefix;
    private final int callsPerRecord;
    private final Generator generator;
    final String callIdProperty;
    final Map<String, Object> fixed;
    final Map<String, Object> defaults;

    FeedKind(String operationId, String idPrefix, int callsPerRecord, Generator generator, String callIdProperty,
             Map<String, Object> fixed, Map<String, Object> defaults) {
        this.operationId = operationId;
        this.store = null;
        this.idPrefix = idPrefix;
        this.callsPerRecord = callsPerRecord;
        this.generator = generator;
        this.callIdProperty = callIdProperty;
        this.fixed = fixed;
        this.defaults = defaults;
    }

    /** A view of another feed: its records, restricted to (and appended with) the fixed values. */
    FeedKind(String operationId, FeedKind store, Map<String, Object> fixed, Map<String, Object> defaults) {
        this.operationId = operationId;
        this.store = store;
        this.idPrefix = store.idPrefix;
        this.callsPerRecord = store.callsPerRecord;
        this.generator = store.generator;
        this.callIdProperty = store.callIdProperty;
        this.fixed = fixed;
        this.defaults = defaults;
    }

    /** The feed whose records this operation serves: itself, or the feed it is a view of. */
    FeedKind store() {
        return store == null ? this : store;
    }

    /** The feed of an analytics operationId, or null. */
    static FeedKind of(String operationId) {
        for (FeedKind k : values()) {
            if (k.operationId.equals(operationId)) return k;
        }
        return null;
    }

    /** The feeds of a customer, the calls of its history spread over the last 89 days. */
    static Map<FeedKind, Feed> feeds(SyntheticHistory.Subjects subjects, long calls, long now) {
        long end = now - 60_000L;
        long start = now - 89L * 24 * 3600 * 1000;
        Map<FeedKind, Feed> out = new java.util.EnumMap<>(FeedKind.class);
        for (FeedKind k : values()) {
            if (k.store() == k) out.put(k, k.newFeed(subjects, calls, start, end));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The empty feed of a customer, with a synthetic history proportional to the customer's calls. */
    private Feed newFeed(SyntheticHistory.Subjects subjects, long calls, long start, long end) {
        long n = calls == 0 ? 0 : Math.max(1, calls / callsPerRecord);
        return new Feed(this, n == 0 ? null : generator.create(subjects, idPrefix, n, start, end));
    }

    /** A copy of an appended record with id and timestamp first, the timestamp as ISO-8601, the fixed values and the defaults. */
    Map<String, Object> normalize(Map<String, ?> record, String defaultId) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object id = record.get("id");
        out.put("id", id == null ? defaultId : String.valueOf(id));
        Object ts = record.get("timestamp");
        try {
            out.put("timestamp", (ts == null ? java.time.Instant.now() : Times.toInstant(ts)).toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("timestamp is not ISO-8601: " + ts);
        }
        record.forEach((k, v) -> {
            if (!k.equals("id") && !k.equals("timestamp")) out.put(k, v instanceof java.time.Instant ? v.toString() : v);
        });
        out.putAll(fixed);
        defaults.forEach(out::putIfAbsent);
        return out;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return Collections.unmodifiableMap(m);
    }
}
