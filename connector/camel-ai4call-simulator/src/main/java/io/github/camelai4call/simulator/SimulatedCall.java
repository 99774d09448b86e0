package io.github.camelai4call.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * A call the simulated platform plays: an outbound call accepted through the API, or an inbound call started through
 * the admin API.
 *
 * @param direction       outbound or inbound (as in the calls feed)
 * @param countsAsLive    whether it counts against maxConcurrentCalls while it lasts (accepted outbound calls with the
 *                        limits enforced)
 */
record SimulatedCall(String callId, String direction, CustomerState customer, String assistantApiKey, String assistantName,
                     String from, String to, Map<String, Object> metadata, Instant acceptedAt, boolean countsAsLive) {

    /** The other party's number: the one called, or the caller of an inbound call. */
    String otherParty() {
        return "inbound".equals(direction) ? from : to;
    }

    /**
     * How the call ended. An outbound call's by the last digit of {@code to}: 7 = no_answer, 8 = busy,
     * 9 = voicemail, else completed; an inbound call is answered: completed.
     */
    String outcome() {
        if ("inbound".equals(direction)) return "completed";
        return switch (to.charAt(to.length() - 1)) {
            case '7' -> "no_answer";
            case '8' -> "busy";
            case '9' -> "voicemail";
            default -> "completed";
        };
    }
}
