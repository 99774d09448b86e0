package io.github.camelai4call.component.observe;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The tags an ai4call span carries, for both of Camel's tracing SPIs ({@link Ai4callSpanDecorator} for camel-tracing,
 * {@link Ai4callTelemetrySpanDecorator} for camel-telemetry). Only these, read from the message the component wrote:
 * the operation, the HTTP status, the call id (of an outbound call's answer, a callId filter, or a calls-feed record),
 * the delivery and, for a feed record, its id. Never the endpoint's options or query (they may hold a key or a phone
 * number), never a body (a transcript).
 */
final class SpanTags {

    static final String COMPONENT = "ai4call";
    static final String COMPONENT_CLASS = "io.github.camelai4call.component.Ai4callComponent";
    static final String OPERATION = "ai4call.operation";
    static final String HTTP_STATUS = "http.response.status_code";
    static final String CALL_ID = "ai4call.call.id";
    static final String DELIVERY = "ai4call.delivery";
    static final String RECORD_ID = "ai4call.record.id";
    /** The feed whose records are calls: their id is the call id. */
    private static final String CALLS_FEED = "analyticsCalls";

    // the component's header names (Ai4callConstants, which this package does not import)
    private static final String OPERATION_HEADER = "CamelAi4callOperation";
    private static final String STATUS_HEADER = "CamelAi4callHttpStatus";
    private static final String DELIVERY_HEADER = "CamelAi4callDelivery";
    private static final String CALL_ID_HEADER = "CamelAi4callCallId";
    private static final String FEED_HEADER = "CamelAi4callFeed";
    private static final String RECORD_ID_HEADER = "CamelAi4callRecordId";

    private static final ClassValue<Method> CALL_ID_GETTER = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method getter = type.getMethod("getCallId");
                return getter.getReturnType() == String.class ? getter : null;
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    private SpanTags() {
    }

    /** The endpoint's operation, or the one the message's header asks for. */
    static String operation(Exchange exchange, Endpoint endpoint) {
        String header = exchange.getMessage().getHeader(OPERATION_HEADER, String.class);
        if (header != null) {
            return header;
        }
        String uri = endpoint.getEndpointUri();
        int start = uri.indexOf(':') + 1;
        while (start < uri.length() && uri.charAt(start) == '/') {
            start++;
        }
        int end = uri.indexOf('?', start);
        return uri.substring(start, end < 0 ? uri.length() : end);
    }

    /** A sanitized endpoint URI for the span: scheme and operation, no option. */
    static String uri(Exchange exchange, Endpoint endpoint) {
        return COMPONENT + "://" + operation(exchange, endpoint);
    }

    /** The tags known when the exchange reaches the endpoint, but the operation (low-cardinality where a tracer has those). */
    static Map<String, String> before(Exchange exchange, Endpoint endpoint) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("url.scheme", COMPONENT);
        put(tags, "camel.route.id", exchange.getFromRouteId());
        tags.put("camel.uri", uri(exchange, endpoint));
        return tags;
    }

    /** The span's error event when the exchange failed with an exception, its message masked; null otherwise. */
    static Map<String, String> errorEvent(Exchange exchange) {
        Exception exception = exchange.getException();
        if (!exchange.isFailed() || exception == null) {
            return null;
        }
        return Map.of("event", "error", "error.kind", exception.getClass().getSimpleName(),
                "message", String.valueOf(error(exception)));
    }

    /** The tags known once the exchange has been through the endpoint. */
    static Map<String, String> after(Exchange exchange) {
        Map<String, String> tags = new LinkedHashMap<>();
        Message message = exchange.getMessage();
        put(tags, HTTP_STATUS, message.getHeader(STATUS_HEADER));
        put(tags, DELIVERY, message.getHeader(DELIVERY_HEADER));
        String feed = message.getHeader(FEED_HEADER, String.class);
        String recordId = message.getHeader(RECORD_ID_HEADER, String.class);
        put(tags, RECORD_ID, recordId);
        String callId = callIdOf(message.getBody());
        if (callId == null) {
            callId = CALLS_FEED.equals(feed) ? recordId : message.getHeader(CALL_ID_HEADER, String.class);
        }
        put(tags, CALL_ID, callId);
        return tags;
    }

    /** The error text a span may carry: keys and phone numbers masked. */
    static String error(Exception exception) {
        return Redaction.text(exception.getMessage());
    }

    private static String callIdOf(Object body) {
        if (body instanceof JsonNode tree) {
            JsonNode id = tree.path("callId");
            return id.isTextual() ? id.asText() : null;
        }
        if (body instanceof Map<?, ?> map) {
            return map.get("callId") instanceof String id ? id : null;
        }
        if (body == null || body instanceof String || body instanceof byte[]) {
            return null;
        }
        Method getter = CALL_ID_GETTER.get(body.getClass());
        try {
            return getter == null ? null : (String) getter.invoke(body);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static void put(Map<String, String> tags, String name, Object value) {
        if (value != null) {
            tags.put(name, value.toString());
        }
    }
}
