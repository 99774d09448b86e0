package io.github.camelai4call.kamelets;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.simulator.DemoData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sinks (a message in, a call out), sources (records out of the analytics feeds) and missing required properties. */
class SinkSourceKameletsTest extends KameletTestSupport {

    private static final String SALES = DemoData.DEMO_ASSISTANT_SALES;
    private static final List<String> FEEDS = List.of("calls", "calls-outbound", "recharges", "rag", "sms",
            "tool-responses", "pre-call");

    @Test
    void outboundCallSinkPlacesOneCallPerMessage() {
        String sink = uri("ai4call-outbound-call-sink", true, "assistantApiKey", SALES);
        // a bare phone number
        template.sendBody(sink, "+390810000001");
        // a JSON call request with metadata, passed through to analytics
        template.sendBody(sink, "{\"to\":\"+390810000002\",\"metadata\":{\"lead_id\":\"L-7\"}}");
        assertEquals(2, SIMULATOR.simulator().requestCount("outboundCall"));

        JsonNode calls = action("analyticsCallsOutbound", null, null, "metadataKey", "lead_id", "metadataValue", "L-7");
        assertEquals(1, calls.path("items").size(), calls.toString());
        assertEquals("+390810000002", calls.path("items").get(0).path("to").asText());
        assertEquals(List.of(SALES, SALES), SIMULATOR.simulator().outboundCalls().stream()
                .map(c -> c.assistantApiKey()).toList());
    }

    @Test
    void outboundCallPbxSinkPlacesTheCallThroughThePbx() {
        String sink = uri("ai4call-outbound-call-pbx-sink", true, "assistantApiKey", SALES);
        String answer = template.requestBody(sink,
                "{\"to\":\"+390810000003\",\"pbxTrunkId\":\"" + DemoData.DEMO_PBX_TRUNK + "\"}", String.class);
        assertTrue(answer.contains("\"channel\":\"pbx\""), answer);
        template.sendBody(sink, "+390810000004");
        assertEquals(2, SIMULATOR.simulator().requestCount("outboundCallPbx"));
        assertEquals(0, SIMULATOR.simulator().requestCount("outboundCall"));
    }

    @Test
    void aMissingRequiredPropertyIsNamed() {
        // no email
        Exception e = assertThrows(Exception.class, () -> template.requestBody(
                "kamelet:ai4call-get-call-limits-action?portalApiKey=" + DemoData.DEMO_PORTAL_API_KEY + "&baseUrl="
                        + SIMULATOR.baseUrl(), null, String.class));
        assertMentions(e, "email");
        // no assistantApiKey on a single-assistant operation
        e = assertThrows(Exception.class, () -> template.requestBody(
                uri("ai4call-get-assistant-prompt-action", true), null, String.class));
        assertMentions(e, "assistantApiKey");
        // no assistantApiKey on a sink
        e = assertThrows(Exception.class, () -> template.sendBody(
                uri("ai4call-outbound-call-sink", true), "+390810000001"));
        assertMentions(e, "assistantApiKey");
        assertEquals(0, SIMULATOR.simulator().requestCount("outboundCall"), "no call without its properties");
    }

    private static void assertMentions(Exception e, String property) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        assertTrue(messages.toString().contains("mandatory parameters must be provided: " + property),
                "the error does not name '" + property + "': " + messages);
    }

    @Test
    void everySourceDeliversRecords() throws Exception {
        Assumptions.assumeTrue(KameletFiles.componentOptions().contains("startFrom"),
                "SKIPPED: the installed camel-ai4call has no analytics feed consumer yet (no startFrom option)");
        Map<String, List<String>> received = new java.util.concurrent.ConcurrentHashMap<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (String feed : FEEDS) {
                    received.put(feed, new CopyOnWriteArrayList<>());
                    from(uri("ai4call-" + feed + "-source", true, "startFrom", "P400D", "delay", "200", "limit", "50"))
                            .routeId(feed).process(x -> received.get(feed).add(x.getMessage().getBody(String.class)));
                }
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && received.values().stream().anyMatch(List::isEmpty)) {
            Thread.sleep(100);
        }
        for (String feed : FEEDS) {
            List<String> records = received.get(feed);
            assertFalse(records.isEmpty(), "the " + feed + " source delivered no record");
            JsonNode first = KameletFiles.JSON.readTree(records.get(0));
            assertTrue(first.isObject() && first.has("id"), feed + " delivered " + records.get(0));
            Set<String> ids = new HashSet<>();
            for (String r : records) {
                assertTrue(ids.add(KameletFiles.JSON.readTree(r).path("id").asText()), feed + ": a record delivered twice");
            }
        }
    }

    @Test
    void callsSourceFiltersAndBatches() throws Exception {
        Assumptions.assumeTrue(KameletFiles.componentOptions().contains("startFrom"),
                "SKIPPED: the installed camel-ai4call has no analytics feed consumer yet (no startFrom option)");
        List<Object> pages = new CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("ai4call-calls-source", true, "startFrom", "P400D", "delay", "200", "batch", "true",
                        "direction", "inbound", "limit", "20")).process(x -> pages.add(x.getMessage().getBody()));
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && pages.isEmpty()) {
            Thread.sleep(100);
        }
        assertFalse(pages.isEmpty(), "no page delivered");
        assertTrue(pages.get(0) instanceof List<?> l && !l.isEmpty(), "a page is a list of records: " + pages.get(0));
        for (Object r : (List<?>) pages.get(0)) {
            assertEquals("inbound", KameletFiles.JSON.readTree(r.toString()).path("direction").asText());
        }
    }
}
