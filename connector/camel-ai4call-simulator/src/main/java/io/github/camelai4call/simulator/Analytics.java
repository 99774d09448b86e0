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
    public static final List<String> FEED_OPERATION_IDS = FeedKind.OPERATION_IDS;

    private final Customers customers;
    private final Ids ids;

    Analytics(Customers customers, Ids ids) {
        this.customers = customers;
        this.ids = ids;
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
        FeedKind kind = kind(Objects.requireNonNull(feedOperationId, "feedOperationId"));
        Map<String, Object> normalized = kind.normalize(record, ids.next(kind.idPrefix, 16));
        customer(customerEmail).feed(kind).append(normalized);
        return Collections.unmodifiableMap(new LinkedHashMap<>(normalized));
    }

    /** The number of records of a feed of a customer (synthetic history plus appended records). */
    public long size(String customerEmail, String feedOperationId) {
        return customer(customerEmail).feed(kind(feedOperationId)).size();
    }

    private static FeedKind kind(String feedOperationId) {
        FeedKind kind = FeedKind.of(feedOperationId);
        if (kind == null) throw new IllegalArgumentException("Not an analytics feed: " + feedOperationId + "; one of " + FEED_OPERATION_IDS);
        return kind;
    }

    private CustomerState customer(String email) {
        CustomerState c = customers.find(email);
        if (c == null) throw new IllegalArgumentException("Unknown customer " + email);
        return c;
    }
}
