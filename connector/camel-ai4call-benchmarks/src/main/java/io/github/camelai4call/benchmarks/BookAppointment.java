package io.github.camelai4call.benchmarks;

import java.util.Map;

import io.github.camelai4call.model.ToolCallAnswer;
import io.github.camelai4call.model.ToolCallRequest;

/**
 * The work both routes of the callback benchmark do for one tool call, as in docs/callbacks.md: book the date the
 * assistant asked for and say so. The answer carries no {@code callId}: the ai4call: consumer puts the request's in,
 * the plain route does it itself.
 */
final class BookAppointment {

    static final String TOOL_ID = "book_appointment";

    private BookAppointment() {
    }

    static ToolCallAnswer answer(ToolCallRequest call) {
        Object date = call.getArguments().get("date");
        return new ToolCallAnswer().withResult("Booked for " + date + ".")
                .withData(Map.of("appointmentId", "apt_" + call.getCallId()));
    }

    /** The tool call the platform posts during call {@code callId}. */
    static String request(String callId) {
        return "{\"callId\":\"" + callId + "\",\"toolId\":\"" + TOOL_ID + "\",\"toolName\":\"Book appointment\","
               + "\"arguments\":{\"date\":\"2026-12-03\",\"slot\":\"10:30\"},\"metadata\":{\"lead_id\":\"123\"}}";
    }

    /** What a correct answer to {@code callId} contains (a fallback answer does not). */
    static String expectedMark(String callId) {
        return "\"apt_" + callId + "\"";
    }
}
