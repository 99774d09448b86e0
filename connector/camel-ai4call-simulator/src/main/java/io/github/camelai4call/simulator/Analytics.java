package io.github.camelai4call.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The analytics feeds of the simulator, for tests that need records the synthetic history does not have
 * (e.g. late-arriving records with an earlier timestamp).
 */
public final class Analytics {

    /** The operationIds of the analytics feeds. */
    public static final List<String> FEED_OPERATION_IDS = List.of("analyticsCalls", "analyticsCallsOutbound", "analyticsRecharges",
            "analyticsRag", "analyticsSms", "analyticsToolResponses", "analyticsPreCall");

    private final Ai4callSimulator sim;

    Analytics(Ai4callSimulator sim) {
        this.sim = sim;
    }

    /** Appends a record to a feed of the demo customer. */
    public Map<String, Object> append(String feedOperationId, Map<String, ?> record) {
        return append(DemoData.DEMO_EMAIL, feedOperationId, record);
    }

    /**
     * Appends a record to a feed of a customer. {@code timestamp} may be an Instant, an ISO-8601 string or epoch
     * millis (default: now); {@code id} is generated when absent; the required properties of the feed's schema get
     * defaults when absent. analyticsCallsOutbound appends an outbound call record to the calls feed.
     *
     * @return the record as stored (and as it will be served)
     */
    public Map<String, Object> append(String customerEmail, String feedOperationId, Map<String, ?> record) {
        Objects.requireNonNull(record, "record");
        String feed = Feeds.feedOf(Objects.requireNonNull(feedOperationId, "feedOperationId"));
        if (feed == null) throw new IllegalArgumentException("Not an analytics feed: " + feedOperationId + "; one of " + FEED_OPERATION_IDS);
        CustomerState c = sim.customer(customerEmail);
        if (c == null) throw new IllegalArgumentException("Unknown customer " + customerEmail);
        String prefix = switch (feed) {
            case Feeds.CALLS -> "call_";
            case Feeds.RECHARGES -> "rch_";
            case Feeds.RAG -> "rag_";
            case Feeds.SMS -> "sms_";
            case Feeds.TOOLS -> "tlr_";
            default -> "pre_";
        };
        Map<String, Object> normalized = Feeds.normalize(feedOperationId, record, prefix + sim.randomHex(16));
        c.feeds.get(feed).append(normalized);
        return Collections.unmodifiableMap(new LinkedHashMap<>(normalized));
    }

    /** The number of records of a feed of a customer (synthetic history plus appended records). */
    public long size(String customerEmail, String feedOperationId) {
        String feed = Feeds.feedOf(feedOperationId);
        if (feed == null) throw new IllegalArgumentException("Not an analytics feed: " + feedOperationId);
        CustomerState c = sim.customer(customerEmail);
        if (c == null) throw new IllegalArgumentException("Unknown customer " + customerEmail);
        Feeds.Feed f = c.feeds.get(feed);
        return f.baseCount() + f.extra.size();
    }
}
