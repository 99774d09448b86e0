package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The outbound calls of the simulated platform, and the life of each: {@link #place} accepts a call (202 queued),
 * {@link #play} runs it for the configured call duration and {@link #end} files its record in the customer's calls
 * feed. What happens during a simulated call (the platform calling the customer's webhooks and tools) belongs in
 * {@link #play}.
 * <p>
 * The outcome is chosen by the last digit of {@code to}: 7 = no_answer, 8 = busy, 9 = voicemail, else completed.
 */
final class OutboundCalls implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundCalls.class);

    private final SimulatorConfig config;
    private final Customers customers;
    private final Ids ids;
    private final ScheduledExecutorService scheduler;
    private final List<OutboundCall> accepted = new CopyOnWriteArrayList<>();

    OutboundCalls(SimulatorConfig config, Customers customers, Ids ids) {
        this.config = config;
        this.customers = customers;
        this.ids = ids;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Threads.daemon("ai4call-sim-calls-"));
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
        String to = Json.text(b, "to");
        String from = b.has("from") ? Json.text(b, "from") : a.companyNumber;
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = b.get("metadata") instanceof ObjectNode md
                ? Collections.unmodifiableMap(Json.MAPPER.convertValue(md, LinkedHashMap.class)) : Map.of();
        OutboundCall call = new OutboundCall(ids.next(FeedKind.CALLS.idPrefix, 16), c.operationId, cust.email, a.key, to, from,
                metadata, c.rawBody, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        accepted.add(call);
        LOG.debug("Accepted {} {} from assistant {}", c.operationId, call.callId(), Json.mask(a.key));
        play(call, cust, a.name());

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

    /** Runs an accepted call: it lasts the configured call duration (ended at once when that is zero). */
    private void play(OutboundCall call, CustomerState customer, String assistantName) {
        Duration d = config.callDuration();
        if (d.isZero()) {
            end(call, customer, assistantName);
        } else {
            scheduler.schedule(() -> end(call, customer, assistantName), d.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Files the call's record in the customer's calls feed, unless the state was reset since. */
    private void end(OutboundCall call, CustomerState customer, String assistantName) {
        if (!customers.isCurrent(customer)) return;
        String outcome = outcome(call.to());
        int seconds = "completed".equals(outcome) || "voicemail".equals(outcome)
                ? (int) Math.max(1, Math.round(config.callDuration().toMillis() / 1000.0)) : 0;
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("id", call.callId());
        rec.put("timestamp", call.acceptedAt().toString());
        rec.put("assistantApiKey", call.assistantApiKey());
        rec.put("assistantName", assistantName);
        rec.put("direction", "outbound");
        rec.put("from", call.from());
        rec.put("to", call.to());
        rec.put("durationSeconds", seconds);
        rec.put("outcome", outcome);
        rec.put("cost", Tariffs.call(seconds));
        rec.put("currency", Tariffs.CURRENCY);
        rec.put("metadata", call.metadata());
        customer.feed(FeedKind.CALLS).append(rec);
    }

    private static String outcome(String to) {
        return switch (to.charAt(to.length() - 1)) {
            case '7' -> "no_answer";
            case '8' -> "busy";
            case '9' -> "voicemail";
            default -> "completed";
        };
    }

    /** The calls accepted so far, oldest first. */
    List<OutboundCall> accepted() {
        return List.copyOf(accepted);
    }

    void clear() {
        accepted.clear();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
