package io.github.camelai4call.component.callback;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelai4call.component.support.JsonMapper;

/**
 * The platform-http processor of one path: checks the signature before anything else (403, nothing routed), then
 * hands the delivery to the consumer of its event (and, for tool calls, of its toolId) and writes that consumer's
 * answer. Several consumers share a path through one dispatcher; they share its webhook secret.
 */
public final class CallbackDispatcher implements Processor {

    /** The request headers of the contract's callbacks. */
    public static final String EVENT = "X-Ai4call-Event";
    public static final String DELIVERY_ID = "X-Ai4call-Delivery-Id";
    public static final String TIMESTAMP = "X-Ai4call-Timestamp";
    public static final String SIGNATURE = "X-Ai4call-Signature";

    private static final Logger LOG = LoggerFactory.getLogger(CallbackDispatcher.class);

    private final String path;
    private final WebhookSignature signature;
    private final Clock clock;
    private final List<CallbackHandler> handlers = new CopyOnWriteArrayList<>();

    public CallbackDispatcher(String path, WebhookSignature signature, Clock clock) {
        this.path = path;
        this.signature = signature;
        this.clock = clock;
    }

    /** Adds a consumer; refuses one that would answer what another on this path answers already. */
    void add(CallbackHandler handler, WebhookSignature itsSignature) {
        if (!signature.sameAs(itsSignature)) {
            throw new IllegalArgumentException(handler.describe() + ": path " + path + " is served already by "
                    + handlers.get(0).describe() + " with another webhookSecret or signatureTolerance; consumers sharing a "
                    + "path share them (values not shown)");
        }
        for (CallbackHandler h : handlers) {
            if (h.event().equals(handler.event()) && java.util.Objects.equals(h.toolId(), handler.toolId())) {
                throw new IllegalArgumentException(handler.describe() + ": " + h.describe() + " answers "
                        + (h.toolId() == null ? "every " + h.event() : "tool " + h.toolId()) + " at " + path + " already");
            }
        }
        handlers.add(handler);
    }

    /** Removes a consumer; true when no consumer is left on the path. */
    boolean remove(CallbackHandler handler) {
        handlers.remove(handler);
        return handlers.isEmpty();
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        CallbackReply reply = dispatch(in.getHeader(EVENT, String.class), in.getHeader(DELIVERY_ID, String.class),
                in.getHeader(TIMESTAMP, String.class), in.getHeader(SIGNATURE, String.class), body(in), EarlyReply.of(in));
        in.getHeaders().clear(); // the request's headers are not echoed in the answer
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        in.setHeader(Exchange.CONTENT_TYPE, reply.contentType());
        in.setBody(reply.body());
    }

    CallbackReply dispatch(String event, String deliveryId, String timestamp, String signatureHeader, byte[] body,
            EarlyReply earlyReply) {
        WebhookSignature.Verdict verdict = signature.verify(timestamp, signatureHeader, body, clock.instant());
        if (verdict != WebhookSignature.Verdict.VALID) {
            LOG.warn("ai4call: refused a request at {} ({}): nothing routed", path, verdict);
            return CallbackReply.error(403, "signature refused: " + verdict);
        }
        if (event == null || deliveryId == null || deliveryId.isBlank()) {
            return CallbackReply.error(400, "the headers " + EVENT + " and " + DELIVERY_ID + " are required");
        }
        JsonNode json;
        try {
            json = JsonMapper.get().readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return CallbackReply.error(400, "the body of " + event + " is not a JSON object");
        }
        CallbackDelivery delivery = new CallbackDelivery(event, deliveryId, body, json, earlyReply);
        CallbackHandler handler = handlerFor(delivery);
        if (handler == null) {
            String served = String.join(", ", handlers.stream().map(CallbackHandler::describe).toList());
            LOG.warn("ai4call: no consumer at {} for {}{} (served here: {})", path, event,
                    delivery.text("toolId") == null ? "" : " of tool " + delivery.text("toolId"), served);
            return CallbackReply.error(404, "no consumer at " + path + " for " + event
                    + (delivery.text("toolId") == null ? "" : " of tool '" + delivery.text("toolId") + "'")
                    + "; served here: " + served);
        }
        return handler.handle(delivery);
    }

    private CallbackHandler handlerFor(CallbackDelivery delivery) {
        String toolId = delivery.text("toolId");
        CallbackHandler any = null;
        for (CallbackHandler h : handlers) {
            if (h.event().equals(delivery.event())) {
                if (h.toolId() == null) {
                    any = h;
                } else if (h.toolId().equals(toolId)) {
                    return h;
                }
            }
        }
        return any;
    }

    private static byte[] body(Message in) {
        byte[] body = in.getBody(byte[].class);
        return body == null ? new byte[0] : body;
    }

    public String path() {
        return path;
    }
}
