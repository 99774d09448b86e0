package io.github.camelai4call.component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.Fault;
import io.github.camelai4call.testing.Await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ai4call dev console, found as Camel finds it (dev consoles on, camel-console's registry), in text and JSON,
 * after calls against the simulator: operations called by outcome, the last errors with keys and phone numbers
 * masked, and the feed consumer's watermark.
 */
class DevConsoleTest extends Ai4callTestSupport {

    private static final String PHONE = "+390810000001";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setDevConsole(true); // camel.main.devConsoleEnabled=true, camel run --console
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:outboundCall").to("ai4call:outboundCall?requestTimeout=20000");
                from("direct:listAssistants").to("ai4call:listAssistants");
                from("ai4call:analyticsCalls?startFrom=P91D&limit=1000&outputType=jsonNode").routeId("callsFeed")
                        .autoStartup(false).to("mock:records");
            }
        };
    }

    private DevConsole console() {
        DevConsoleRegistry registry = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
        assertNotNull(registry, "camel-console's registry");
        DevConsole console = registry.resolveById("ai4call");
        assertNotNull(console, "the ai4call console, by its service file");
        return console;
    }

    @Test
    void showsOperationsErrorsAndWatermarks() throws Exception {
        Map<String, Object> call = Map.of("assistantApiKey", DemoData.DEMO_ASSISTANT_SALES, "to", PHONE);
        template.request("direct:outboundCall", e -> e.getMessage().setBody(call));
        simulator().faults().inject("outboundCall", Fault.status(503).times(1));
        template.request("direct:outboundCall", e -> e.getMessage().setBody(call));
        // refused before sending; the validation message quotes the value: the console must not show it
        template.request("direct:outboundCall", e -> e.getMessage().setBody(Map.of("assistantApiKey",
                DemoData.DEMO_ASSISTANT_SALES, "to", "+3912345678901234567")));
        simulator().faults().inject("listAssistants", Fault.status(503).times(1));
        template.requestBody("direct:listAssistants", (Object) null);
        context.getRouteController().startRoute("callsFeed");
        Await.until(() -> console().call(DevConsole.MediaType.TEXT).toString().contains("s behind"),
                Duration.ofSeconds(30));

        String text = console().call(DevConsole.MediaType.TEXT).toString();
        assertTrue(text.contains("outboundCall: 3 calls {ACCEPTED=1, NOT_SENT=1, REJECTED=1}, 0 retries"), text);
        assertTrue(text.contains("listAssistants: 1 calls {ACCEPTED=1}, 1 retries, last status 200"), text);
        assertTrue(text.contains("outboundCall REJECTED HTTP 503: ai4call:outboundCall failed with HTTP 503"), text);
        assertTrue(text.contains("analyticsCalls (route callsFeed): "), text);
        assertNothingSecret(text);

        JsonObject json = (JsonObject) console().call(DevConsole.MediaType.JSON);
        List<JsonObject> operations = json.getCollection("operations");
        JsonObject outbound = operations.stream().filter(o -> "outboundCall".equals(o.getString("operation")))
                .findFirst().orElseThrow();
        assertEquals(3L, outbound.getLong("calls"));
        assertEquals(1L, outbound.getMap("outcomes").get("REJECTED"));
        List<JsonObject> errors = json.getCollection("errors");
        assertEquals(2, errors.size(), json.toJson());
        assertEquals("InvalidRequest", errors.get(1).getString("failure"));
        List<JsonObject> feeds = json.getCollection("feeds");
        assertEquals("analyticsCalls", feeds.get(0).getString("feed"));
        assertTrue(Instant.parse(feeds.get(0).getString("watermark")).isBefore(Instant.now()));
        assertTrue(feeds.get(0).getLong("records") > 0);
        assertNothingSecret(json.toJson());
    }

    @Test
    void saysSoBeforeAnyCall() {
        String text = console().call(DevConsole.MediaType.TEXT).toString();
        assertTrue(text.startsWith("Operations called: 0"), text);
        JsonObject json = (JsonObject) console().call(DevConsole.MediaType.JSON);
        assertTrue(json.getCollection("operations").isEmpty());
    }

    private static void assertNothingSecret(String shown) {
        assertFalse(shown.contains("ast_"), shown);
        assertFalse(shown.contains("+39"), shown);
        assertFalse(shown.contains(DemoData.DEMO_PORTAL_API_KEY), shown);
    }
}
