package io.github.camelai4call.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * An outbound call accepted by the simulator (outboundCall or outboundCallPbx answered 202).
 *
 * @param callId         the id returned to the caller (call_...)
 * @param operationId    outboundCall or outboundCallPbx
 * @param customerEmail  the x-client-email of the caller
 * @param assistantApiKey the assistant placing the call
 * @param to             the called number
 * @param from           the caller id used
 * @param metadata       the request metadata, verbatim (empty when absent)
 * @param requestJson    the request body as received
 * @param acceptedAt     when the call was accepted (the timestamp of its analytics record)
 */
public record OutboundCall(String callId, String operationId, String customerEmail, String assistantApiKey,
                           String to, String from, Map<String, Object> metadata, String requestJson, Instant acceptedAt) {
}
