package io.github.camelai4call.examples.flows;

import java.io.File;

import org.apache.camel.builder.RouteBuilder;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Flow 7, book an appointment during the call: the assistant's webhook tool {@code {{booking.tool-id}}} (arguments
 * {@code date}, {@code slot}) is answered by a route that reads and writes the clinic calendar, an embedded H2 database
 * in {@code {{booking.dir}}} (schema and the slots offered: {@code booking/schema.sql}). A free slot is booked for the
 * call ({@code call_id}, and the call's {@code lead_id}) and confirmed; a slot booked already, or not offered, is
 * answered with the first free slots of that day, for the assistant to offer. The answer is the sentence the
 * assistant speaks from. A second invocation by the same call finds its booking and confirms it again.
 * <p>
 * At start the {@code appointment-tool-binding} route binds the tool to the assistant with the URL the platform posts
 * tool calls to, {@code {{ai4call.callback-url}}/ai4call/tool-call}. YAML twin:
 * {@code routes/appointment-booking.camel.yaml}.
 */
public class AppointmentBooking extends RouteBuilder {

    @Override
    public void configure() {
        String dir = getContext().resolvePropertyPlaceholders("{{booking.dir}}");
        bindToRegistry("bookingDb", JdbcConnectionPool.create("jdbc:h2:file:" + new File(dir, "appointments").getAbsolutePath()
                + ";INIT=RUNSCRIPT FROM 'classpath:booking/schema.sql'", "sa", ""));   // the tables, created if missing

        from("timer:appointment-tool-binding?repeatCount=1&delay=0")
            .routeId("appointment-tool-binding")
            .setBody(simple("{\"toolIds\":[\"{{booking.tool-id:tool_book_appointment}}\"],"
                            + "\"webhookUrl\":\"{{ai4call.callback-url}}/ai4call/tool-call\"}"))
            .to("ai4call:updateTools?assistantApiKey=RAW({{ai4call.assistant}})")
            .log("Tool {{booking.tool-id:tool_book_appointment}} now calls {{ai4call.callback-url}}/ai4call/tool-call");

        from("ai4call:toolCall?toolId={{booking.tool-id:tool_book_appointment}}&outputType=map")
            .routeId("book-appointment")
            .setHeader("callId", simple("${body[callId]}"))
            .setHeader("leadId", simple("${body[metadata][lead_id]}"))
            .setHeader("date", simple("${body[arguments][date]}"))
            .setHeader("slot", simple("${body[arguments][slot]}"))
            .to("sql:classpath:booking/slot-state.sql?dataSource=#bookingDb&outputType=SelectOne")
            .choice()
                .when(body().isEqualTo("free"))
                    .to("sql:classpath:booking/book.sql?dataSource=#bookingDb")
                    .setBody(simple("Booked for ${header.date} at ${header.slot}."))
                .when(body().isEqualTo(header("callId")))                      // booked by this call already
                    .setBody(simple("Booked for ${header.date} at ${header.slot}."))
                .otherwise()                                                 // taken, or not a slot of the calendar
                    .to("sql:classpath:booking/free-slots.sql?dataSource=#bookingDb&outputType=SelectOne")
                    .setBody(simple("${header.slot} on ${header.date} is not available. Free that day: ${body}."))
            .end()
            .log("Call ${header.callId}: ${body}");
    }
}
