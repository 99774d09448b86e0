package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The inbound calls of the simulated platform, started through the admin API ({@code POST /__admin/inbound-calls}):
 * someone calls one of the customer's numbers, the number's route (or the assistant named) answers, and the call is
 * played like an outbound one (pre-call MCP, tools, call ended, conversation saved, its record in the calls feed as
 * inbound and completed). Inbound calls do not count against the outbound call limits.
 */
final class InboundCalls {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    private final Ids ids;
    private final CallPlayer player;

    InboundCalls(Ids ids, CallPlayer player) {
        this.ids = ids;
        this.player = player;
    }

    /**
     * Starts one.
     *
     * @param request {@code from} (required, E.164), and {@code assistantApiKey} or {@code to} (one of the customer's
     *                numbers, routed as numberRouting says), {@code metadata} (string values)
     */
    SimulatedCall start(CustomerState customer, JsonNode request) {
        String from = Json.text(request, "from");
        if (from == null || !E164.matcher(from).matches()) throw ApiException.badRequest("from must be an E.164 number", "from");
        String key = Json.text(request, "assistantApiKey");
        String to = Json.text(request, "to");
        CustomerState.AssistantState a;
        synchronized (customer) {
            if (key == null) {
                if (to == null) throw ApiException.badRequest("assistantApiKey or to is required", "to");
                for (JsonNode r : customer.routes) {
                    if (to.equals(Json.text(r, "number"))) key = Json.text(r, "assistantApiKey");
                }
                if (key == null) throw ApiException.notFound("No route for " + to, "to");
            }
            a = customer.assistant(key);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        request.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        SimulatedCall call = new SimulatedCall(ids.next(FeedKind.CALLS.idPrefix, 16), "inbound", customer, a.key, a.name(), from,
                to == null ? a.companyNumber : to, Collections.unmodifiableMap(metadata), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                false);
        player.play(call);
        return call;
    }
}
