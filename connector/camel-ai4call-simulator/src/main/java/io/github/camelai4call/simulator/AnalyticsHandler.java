package io.github.camelai4call.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.util.List;
import java.util.Map;

import static io.github.camelai4call.simulator.Http.Ctx;
import static io.github.camelai4call.simulator.Http.Response;

/** Analytics: a page of the feed of the operation ({@link FeedKind}), streamed. */
final class AnalyticsHandler {

    private static final long DAY = 24L * 3600 * 1000;
    /** The query parameters that select records by the property of the same name. */
    private static final List<String> PROPERTY_FILTERS = List.of("direction", "outcome", "collectionName", "toolId");

    void registerIn(Handlers.Table table) {
        for (FeedKind kind : FeedKind.values()) table.put(kind.operationId, c -> page(c, kind));
    }

    private static Response page(Ctx c, FeedKind kind) {
        Feed feed = c.customer.feed(kind);
        FeedQuery q = new FeedQuery();
        long now = System.currentTimeMillis();
        q.limit = ListPage.limit(c);
        q.from = instant(c, "from", now - 90 * DAY);
        q.to = instant(c, "to", now);
        String cursor = c.q("cursor");
        if (cursor != null && !cursor.isEmpty()) q.after = Feed.Key.fromCursor(cursor);
        String assistantKey = c.q("assistantApiKey");
        if (assistantKey != null) {
            synchronized (c.customer) {
                c.customer.assistant(assistantKey);
            }
            q.equals.put("assistantApiKey", assistantKey);
        }
        for (String p : PROPERTY_FILTERS) {
            if (c.q(p) != null) q.equals.put(p, c.q(p));
        }
        for (Map.Entry<String, Object> e : kind.fixed.entrySet()) q.equals.put(e.getKey(), String.valueOf(e.getValue()));
        if (c.q("callId") != null) q.equals.put(kind.callIdProperty, c.q("callId"));
        q.metadataKey = c.q("metadataKey");
        q.metadataValue = c.q("metadataValue");
        return Response.stream(200, out -> {
            JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out);
            feed.writePage(q, g);
            g.flush();
        });
    }

    private static long instant(Ctx c, String name, long def) {
        String v = c.q(name);
        if (v == null || v.isEmpty()) return def;
        try {
            return Times.parse(v).toEpochMilli();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 date-time", name);
        }
    }
}
