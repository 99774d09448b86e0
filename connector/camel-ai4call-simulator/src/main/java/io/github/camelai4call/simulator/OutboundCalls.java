package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The outbound calls of the simulated platform: {@link #place} accepts a call (202 queued) and hands it to the
 * {@link CallPlayer}, which plays its life (what the platform does during and after it, then its record in the calls
 * feed). Calls beyond the account's call limits (maxConcurrentCalls, maxCallsPerHour, maxCallsPerDay) are refused with
 * the contract's 429 unless {@link SimulatorConfig#enforceCallLimits()} is off.
 * <p>
 * The outcome is chosen by the last digit of {@code to}: 7 = no_answer, 8 = busy, 9 = voicemail, else completed.
 */
final class OutboundCalls {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundCalls.class);
    private static final long HOUR_MILLIS = 3_600_000L;
    private static final long DAY_MILLIS = 24 * HOUR_MILLIS;

    private final SimulatorConfig config;
    private final Ids ids;
    private final CallPlayer player;
    private final List<OutboundCall> accepted = new CopyOnWriteArrayList<>();

    OutboundCalls(SimulatorConfig config, Ids ids, CallPlayer player) {
        this.config = config;
        this.ids = ids;
        this.player = player;
    }

    /** The outboundCall ({@code channel} trunk) and outboundCallPbx (pbx) operations. */
    Http.Response place(Http.Ctx c, String channel) {
        ObjectNode b = c.body instanceof ObjectNode o ? o : Json.obj();
        CustomerState cust = c.customer;
        CustomerState.AssistantState a;
        synchronized (cust) {
            a = cust.assistant(Json.text(b, "assistantApiKey"));
            if ("disabled".equals(a.assistant.path("status").asText())) {
                throw ApiException.unprocessable("The assistant is disabled", "assistantApiKey");
            }
        }
        String trunk = Json.text(b, "pbxTrunkId");
        if ("pbx".equals(channel) && trunk != null && !cust.pbxTrunks.contains(trunk)) {
            throw ApiException.unprocessable("Unknown PBX trunk " + trunk, "pbxTrunkId");
        }
        if (config.enforceCallLimits()) admit(cust);
        String to = Json.text(b, "to");
        String from = b.has("from") ? Json.text(b, "from") : a.companyNumber;
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = b.get("metadata") instanceof ObjectNode md
                ? Collections.unmodifiableMap(Json.MAPPER.convertValue(md, LinkedHashMap.class)) : Map.of();
        OutboundCall call = new OutboundCall(ids.next(FeedKind.CALLS.idPrefix, 16), c.operationId, cust.email, a.key, to, from,
                metadata, c.rawBody, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        accepted.add(call);
        LOG.debug("Accepted {} {} from assistant {}", c.operationId, call.callId(), Json.mask(a.key));
        player.play(new SimulatedCall(call.callId(), "outbound", cust, a.key, a.name(), from, to, metadata, call.acceptedAt(),
                config.enforceCallLimits()));

        ObjectNode o = Json.obj();
        o.put("callId", call.callId());
        o.put("status", "queued");
        o.put("assistantApiKey", a.key);
        o.put("to", to);
        o.put("from", from);
        o.put("channel", channel);
        o.put("createdAt", call.acceptedAt().toString());
        return Http.Response.json(202, o);
    }

    /**
     * Counts a new call against the account's call limits, or refuses it with the contract's 429: Retry-After is
     * when the limit frees up (the end of a call in progress, the oldest call leaving the hour or day).
     */
    private void admit(CustomerState cust) {
        synchronized (cust) {
            long now = System.currentTimeMillis();
            java.util.ArrayDeque<Long> times = cust.acceptedCalls;
            while (!times.isEmpty() && times.peekFirst() <= now - DAY_MILLIS) times.pollFirst();
            long concurrent = cust.callLimits.path("maxConcurrentCalls").asLong();
            if (cust.liveCalls >= concurrent) {
                throw ApiException.callLimitReached("maxConcurrentCalls", concurrent, ceilSeconds(config.callDuration().toMillis()));
            }
            // the day first: when both are reached, the day frees up last
            long perDay = cust.callLimits.path("maxCallsPerDay").asLong();
            if (times.size() >= perDay) {
                long oldest = times.isEmpty() ? now : times.peekFirst();
                throw ApiException.callLimitReached("maxCallsPerDay", perDay, ceilSeconds(oldest + DAY_MILLIS - now));
            }
            long perHour = cust.callLimits.path("maxCallsPerHour").asLong();
            long inHour = 0;
            long oldestInHour = now;
            for (java.util.Iterator<Long> it = times.descendingIterator(); it.hasNext(); ) {
                long t = it.next();
                if (t <= now - HOUR_MILLIS) break;
                inHour++;
                oldestInHour = t;
            }
            if (inHour >= perHour) {
                throw ApiException.callLimitReached("maxCallsPerHour", perHour, ceilSeconds(oldestInHour + HOUR_MILLIS - now));
            }
            times.addLast(now);
            cust.liveCalls++;
        }
    }

    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }

    /** The calls accepted so far, oldest first. */
    List<OutboundCall> accepted() {
        return List.copyOf(accepted);
    }

    void clear() {
        accepted.clear();
    }
}
