package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin API under {@code /__admin} (not part of the contract, no authentication): {@code GET|DELETE requests},
 * {@code GET|POST|DELETE faults}, {@code GET outbound-calls}, {@code POST inbound-calls},
 * {@code GET|DELETE callbacks}, {@code POST tool-arguments}, {@code POST analytics/{feedOperationId}},
 * {@code POST reset}, {@code DELETE allowed-ips} (docs/simulator.md). It answers only callers on the loopback interface, also when the
 * simulator listens on every interface: it resets state and shows the requests received.
 */
final class AdminApi {

    static final String PREFIX = "/__admin";

    private final RequestLog log;
    private final Faults faults;
    private final Contract contract;
    private final OutboundCalls calls;
    private final Analytics analytics;
    private final Customers customers;
    private final InboundCalls inbound;
    private final CallbackDeliveries deliveries;
    private final Runnable resetState;
    private final Runnable resetAll;

    AdminApi(RequestLog log, Faults faults, Contract contract, OutboundCalls calls, Analytics analytics, Customers customers,
             InboundCalls inbound, CallbackDeliveries deliveries, Runnable resetState, Runnable resetAll) {
        this.inbound = inbound;
        this.deliveries = deliveries;
        this.log = log;
        this.faults = faults;
        this.contract = contract;
        this.calls = calls;
        this.analytics = analytics;
        this.customers = customers;
        this.resetState = resetState;
        this.resetAll = resetAll;
    }

    /** Whether a caller may use the admin API: only from this machine's loopback interface. */
    static boolean allows(java.net.InetAddress remote) {
        return remote != null && remote.isLoopbackAddress();
    }

    Http.Response handle(String method, String path, Map<String, List<String>> query, String body) throws IOException {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        JsonNode b = body == null ? Json.obj() : Json.MAPPER.readTree(body);
        String customer = query.containsKey("customer") ? query.get("customer").get(0) : DemoData.DEMO_EMAIL;
        if (p.equals("/__admin/requests")) {
            if (method.equals("GET")) {
                ObjectNode o = Json.obj();
                o.set("counts", Json.MAPPER.valueToTree(log.counts()));
                o.set("recent", Json.MAPPER.valueToTree(log.recent()));
                return Http.Response.ok(o);
            }
            if (method.equals("DELETE")) {
                log.clear();
                return done();
            }
        } else if (p.equals("/__admin/faults")) {
            if (method.equals("GET")) {
                ObjectNode o = Json.obj();
                faults.active().forEach((op, list) -> {
                    ArrayNode a = o.putArray(op);
                    list.forEach(f -> a.add(f.toString()));
                });
                return Http.Response.ok(o);
            }
            if (method.equals("POST")) {
                String op = Json.text(b, "operationId");
                if (op == null) throw ApiException.badRequest("operationId is required (or \"*\")", "operationId");
                boolean callback = contract.callbacks.containsKey(op);
                if (!op.equals(Faults.ALL_OPERATIONS) && !contract.byOperationId.containsKey(op) && !callback) {
                    throw ApiException.notFound("Unknown operationId " + op, "operationId");
                }
                Fault f = fault(b);
                if (callback ? !f.type().ofCallbacks() : !f.type().ofApi()) {
                    throw ApiException.badRequest(f.type() + " is not a fault of " + (callback ? "a callback" : "an API operation")
                            + (callback ? "; use delay, duplicate or badSignature" : "; duplicate and badSignature are faults of the callbacks"), "type");
                }
                faults.inject(op, f);
                return done();
            }
            if (method.equals("DELETE")) {
                if (query.containsKey("operationId")) faults.clear(query.get("operationId").get(0));
                else faults.clear();
                return done();
            }
        } else if (p.equals("/__admin/outbound-calls") && method.equals("GET")) {
            ArrayNode list = Json.F.arrayNode();
            calls.accepted().forEach(call -> list.add(toJson(call)));
            return Http.Response.ok(list);
        } else if (p.equals("/__admin/inbound-calls") && method.equals("POST")) {
            CustomerState c = customers.find(customer);
            if (c == null) throw ApiException.notFound("Unknown customer " + customer, "customer");
            SimulatedCall call = inbound.start(c, b);
            ObjectNode o = Json.obj();
            o.put("callId", call.callId());
            o.put("status", "ringing");
            o.put("assistantApiKey", call.assistantApiKey());
            o.put("from", call.from());
            o.put("to", call.to());
            o.put("createdAt", call.acceptedAt().toString());
            return Http.Response.json(202, o);
        } else if (p.equals("/__admin/callbacks")) {
            if (method.equals("GET")) {
                String event = query.containsKey("event") ? query.get("event").get(0) : null;
                String callId = query.containsKey("callId") ? query.get("callId").get(0) : null;
                ArrayNode list = Json.F.arrayNode();
                for (CallbackDelivery d : deliveries.list()) {
                    if (event != null && !event.equals(d.event())) continue;
                    if (callId != null && !callId.equals(d.callId())) continue;
                    list.add(toJson(d));
                }
                return Http.Response.ok(list);
            }
            if (method.equals("DELETE")) {
                deliveries.clear();
                return done();
            }
        } else if (p.equals("/__admin/tool-arguments") && method.equals("POST")) {
            if (!(b.get("arguments") instanceof ObjectNode args)) throw ApiException.badRequest("arguments must be an object", "arguments");
            customers.setToolArguments(customer, Json.text(b, "assistantApiKey"), Json.text(b, "toolId"), args);
            return done();
        } else if (p.startsWith("/__admin/analytics/") && method.equals("POST")) {
            String feed = p.substring("/__admin/analytics/".length());
            @SuppressWarnings("unchecked")
            Map<String, Object> rec = Json.MAPPER.convertValue(b, LinkedHashMap.class);
            try {
                return Http.Response.json(201, Json.MAPPER.valueToTree(analytics.append(customer, feed, rec)));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage(), null);
            }
        } else if (p.equals("/__admin/reset") && method.equals("POST")) {
            if (query.containsKey("all")) resetAll.run();
            else resetState.run();
            return done();
        } else if (p.equals("/__admin/allowed-ips") && method.equals("DELETE")) {
            customers.disableAllowLists();
            return done();
        }
        throw ApiException.notFound("No admin endpoint " + method + " " + path, null);
    }

    private static Fault fault(JsonNode b) {
        String type = Json.text(b, "type");
        Fault f;
        try {
            if (type == null || type.equals("status")) {
                f = Fault.status(b.path("status").asInt(503));
            } else if (type.equals("delay")) {
                f = Fault.delay(Duration.ofMillis(b.path("delayMs").asLong(1000)));
            } else if (type.equals("drop") || type.equals("dropConnection")) {
                f = Fault.dropConnection();
            } else if (type.equals("truncate") || type.equals("truncateBody")) {
                f = Fault.truncateBody();
            } else if (type.equals("duplicate") || type.equals("duplicateDelivery")) {
                f = Fault.duplicateDelivery();
            } else if (type.equals("badSignature")) {
                f = Fault.badSignature();
            } else {
                throw ApiException.badRequest("type must be status, delay, drop, truncate, duplicate or badSignature", "type");
            }
            if (b.has("times")) f = f.times(b.get("times").asInt());
            if (b.has("rate")) f = f.rate(b.get("rate").asDouble());
            if (b.has("retryAfterSeconds")) f = f.retryAfterSeconds(b.get("retryAfterSeconds").asInt());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), null);
        }
        return f;
    }

    /** An accepted call; the mapper has no java.time support, so acceptedAt is written as ISO-8601 text here. */
    private static ObjectNode toJson(OutboundCall call) {
        ObjectNode o = Json.obj();
        o.put("callId", call.callId());
        o.put("operationId", call.operationId());
        o.put("customerEmail", call.customerEmail());
        o.put("assistantApiKey", call.assistantApiKey());
        o.put("to", call.to());
        o.put("from", call.from());
        o.set("metadata", Json.MAPPER.valueToTree(call.metadata()));
        o.put("requestJson", call.requestJson());
        o.put("acceptedAt", call.acceptedAt().toString());
        return o;
    }

    /** A delivery; the mapper has no java.time support, so startedAt is written as ISO-8601 text here. */
    private static ObjectNode toJson(CallbackDelivery d) {
        ObjectNode o = Json.obj();
        o.put("deliveryId", d.deliveryId());
        o.put("event", d.event());
        o.put("customerEmail", d.customerEmail());
        o.put("assistantApiKey", d.assistantApiKey());
        o.put("callId", d.callId());
        o.put("toolId", d.toolId());
        o.put("url", d.url());
        o.put("status", d.status().name().toLowerCase(java.util.Locale.ROOT));
        if (d.httpStatus() == null) o.putNull("httpStatus");
        else o.put("httpStatus", d.httpStatus());
        o.put("attempts", d.attempts());
        o.set("attemptLog", Json.MAPPER.valueToTree(d.attemptLog()));
        o.put("requestBody", d.requestBody());
        o.put("answerBody", d.answerBody());
        o.put("answerProblem", d.answerProblem());
        o.put("startedAt", d.startedAt().toString());
        return o;
    }

    private static Http.Response done() {
        ObjectNode o = Json.obj();
        o.put("ok", true);
        return Http.Response.ok(o);
    }
}
