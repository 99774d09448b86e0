package io.github.camelai4call.simulator;

import java.time.Instant;
import java.util.List;

/**
 * One event the simulated platform sent to a customer's URL (a tool call, a call ended, a conversation saved, or a
 * tool called on the assistant's MCP server before a call) and how it went; listed by
 * {@link Ai4callSimulator#callbackDeliveries()} and {@code GET /__admin/callbacks}.
 *
 * @param deliveryId     the X-Ai4call-Delivery-Id, the same on every attempt (and on a duplicate)
 * @param event          the X-Ai4call-Event: toolCall, callEnded, conversationSaved, or mcp
 * @param customerEmail  the account
 * @param assistantApiKey the assistant of the call
 * @param callId         the call
 * @param toolId         the tool of a toolCall, the MCP tool's name of an mcp event; null otherwise
 * @param url            where it was sent
 * @param status         how it ended (PENDING while under way)
 * @param httpStatus     the status of the last attempt's answer; null when none came (timeout, connection refused)
 * @param attempts       how many requests were sent, duplicates included
 * @param attemptLog     each request, in order
 * @param requestBody    the body sent (the same on every attempt)
 * @param answerBody     the body of the accepted answer (toolCall and mcp), else null
 * @param answerProblem  what was wrong with the answer of a toolCall (not a ToolCallAnswer, callId not echoed), else null
 * @param startedAt      when the first attempt left
 */
public record CallbackDelivery(String deliveryId, String event, String customerEmail, String assistantApiKey, String callId,
                               String toolId, String url, Status status, Integer httpStatus, int attempts,
                               List<Attempt> attemptLog, String requestBody, String answerBody, String answerProblem,
                               Instant startedAt) {

    /** How a delivery ended. */
    public enum Status {
        /** Still being delivered (attempts or the wait between them under way). */
        PENDING,
        /** A 2xx answer (for a toolCall: whatever the answer's body; see answerProblem). */
        DELIVERED,
        /** A 4xx answer (a 403 for a bad signature): the platform does not redeliver. */
        REJECTED,
        /** No 2xx after every attempt (5xx, timeouts, connection failures). */
        FAILED
    }

    /**
     * One request of a delivery.
     *
     * @param number       1 for the first
     * @param httpStatus   the answer's status, or null when none came
     * @param error        why no answer came (timeout, connection refused), else null
     * @param durationMs   from sending to the answer or the failure
     * @param duplicate    sent again after the delivery ended (the duplicate fault), same delivery id
     * @param badSignature signed with the wrong key (the bad-signature fault)
     */
    public record Attempt(int number, Integer httpStatus, String error, long durationMs, boolean duplicate, boolean badSignature) {
    }
}
