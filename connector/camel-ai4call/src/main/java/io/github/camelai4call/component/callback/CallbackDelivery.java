package io.github.camelai4call.component.callback;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One signed request of the platform, checked and parsed: the event (X-Ai4call-Event), the delivery id
 * (X-Ai4call-Delivery-Id, the same on every redelivery), the raw body and its JSON tree, and the request's
 * {@link EarlyReply} where its platform-http engine has one (else null).
 */
public record CallbackDelivery(String event, String deliveryId, byte[] body, JsonNode json, EarlyReply earlyReply) {

    /** A top-level text property of the body (callId, toolId), or null. */
    public String text(String property) {
        JsonNode value = json.get(property);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
