package io.github.camelai4call.examples.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.camelai4call.component.Ai4callConstants;
import io.github.camelai4call.examples.flows.ExampleFlow.Dsl;
import io.github.camelai4call.simulator.CallbackDelivery;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.Fault;

class AppointmentBookingTest extends ExampleTestSupport {

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void theAssistantBooksAFreeSlotDuringTheCallAndIsOfferedOthersWhenItIsTaken(Dsl dsl) throws Exception {
        Instant since = Instant.now();
        CamelContext camel = start(dsl, props("booking.dir", dir.toString(), "ai4call.assistant", DemoData.DEMO_ASSISTANT_SALES),
                ExampleFlow.APPOINTMENT_BOOKING);
        ProducerTemplate template = camel.createProducerTemplate();

        // a call: the assistant asks for the tool's example arguments, 2026-12-03 at 10:30; the platform delivers
        // the invocation twice (at least once, the same delivery id)
        SIMULATOR.simulator().faults().inject("toolCall", Fault.duplicateDelivery().times(1));
        String first = placeCall(template, "L-41", "+390810000141");
        await("the invocation and its duplicate", Duration.ofSeconds(20),
                () -> !deliveries(first, "toolCall").isEmpty() && deliveries(first, "toolCall").get(0).attempts() == 2);
        CallbackDelivery tool = deliveries(first, "toolCall").get(0);
        assertEquals(CallbackDelivery.Status.DELIVERED, tool.status());
        assertNull(tool.answerProblem(), "a ToolCallAnswer echoing the call id");
        assertTrue(tool.answerBody().contains("\"result\":\"Booked for 2026-12-03 at 10:30.\""), tool.answerBody());
        assertEquals(200, tool.attemptLog().get(1).httpStatus(), "the duplicate answered too");
        DataSource db = camel.getRegistry().lookupByNameAndType("bookingDb", DataSource.class);
        assertEquals(List.of("2026-12-03 10:30 " + first + " L-41"), appointments(db), "booked once");

        // a second call asks for the same slot: not booked twice, the first free slots of the day offered instead
        String second = placeCall(template, "L-42", "+390810000142");
        tool = awaitDelivery(second, "toolCall");
        assertTrue(tool.answerBody().contains("\"result\":\"10:30 on 2026-12-03 is not available. Free that day: "
                                              + "09:00, 09:30, 10:00.\""), tool.answerBody());
        assertEquals(List.of("2026-12-03 10:30 " + first + " L-41"), appointments(db));

        // the assistant passes a date the calendar cannot read: the route fails, the caller hears the fallback answer
        SIMULATOR.simulator().setToolArguments(DemoData.DEMO_EMAIL, DemoData.DEMO_ASSISTANT_SALES,
                DemoData.TOOL_BOOK_APPOINTMENT, Map.of("date", "next Tuesday", "slot", "10:30"));
        String third = placeCall(template, "L-43", "+390810000143");
        tool = awaitDelivery(third, "toolCall");
        assertNull(tool.answerProblem(), tool.answerBody());
        assertTrue(tool.answerBody().contains("\"result\":\"The tool is not available right now."), tool.answerBody());
        assertEquals(1, appointments(db).size());

        // what analytics shows: the tool invocations answered (200, a valid answer)
        await("all three in the tool-responses feed", Duration.ofSeconds(20),
                () -> toolResponses(template, since).size() == 3);
        for (Map<?, ?> response : toolResponses(template, since)) {
            assertEquals(DemoData.TOOL_BOOK_APPOINTMENT, response.get("toolId"));
            assertEquals(true, response.get("success"), response.toString());
            assertEquals(200, response.get("httpStatus"), response.toString());
        }
    }

    private static String placeCall(ProducerTemplate template, String leadId, String to) {
        Map<?, ?> call = template.requestBody("ai4call:outboundCall?outputType=map&assistantApiKey=RAW("
                + DemoData.DEMO_ASSISTANT_SALES + ")", "{\"to\":\"" + to + "\",\"metadata\":{\"lead_id\":\"" + leadId + "\"}}", Map.class);
        return (String) call.get("callId");
    }

    private static List<Map<?, ?>> toolResponses(ProducerTemplate template, Instant since) {
        Map<?, ?> page = template.requestBodyAndHeader("ai4call:analyticsToolResponses?outputType=map&toolId="
                + DemoData.TOOL_BOOK_APPOINTMENT, null, Ai4callConstants.FROM, since.toString(), Map.class);
        List<Map<?, ?>> items = new ArrayList<>();
        for (Object item : (List<?>) page.get("items")) {
            items.add((Map<?, ?>) item);
        }
        return items;
    }

    private static List<String> appointments(DataSource db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT appointment_date, slot, call_id, lead_id FROM appointments ORDER BY booked_at")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4));
            }
        }
        return rows;
    }
}
