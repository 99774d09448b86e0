package io.github.camelai4call.component;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.Fault;
import io.github.camelai4call.testing.Await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-operation meters, in the MeterRegistry bound under camel-micrometer's name, against the simulator over real
 * HTTP with its faults: calls by outcome, status and failure, retries, latency, and a feed consumer's records and lag.
 */
class MetricsTest extends Ai4callTestSupport {

    private static final Map<String, Object> CALL = Map.of("assistantApiKey", DemoData.DEMO_ASSISTANT_SALES,
            "to", "+390810000001", "metadata", Map.of("lead_id", "L-1"));

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", registry); // what camel-micrometer and Camel Main bind
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:outboundCall").to("ai4call:outboundCall?requestTimeout=20000");
                from("direct:listAssistants").to("ai4call:listAssistants");
                from("direct:unreachable").to("ai4call:outboundCall?baseUrl=http://127.0.0.1:1&maxRetries=1");
                from("ai4call:analyticsCalls?startFrom=P91D&limit=1000&outputType=jsonNode").routeId("callsFeed")
                        .autoStartup(false).to("mock:records");
            }
        };
    }

    private Exchange send(String route, Object body) {
        return template.request(route, e -> e.getMessage().setBody(body));
    }

    private double calls(String operation, String outcome, String status, String failure) {
        Counter counter = registry.find("ai4call.calls").tags("operation", operation, "outcome", outcome, "status", status,
                "failure", failure).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aPlacedCallIsCountedAndTimed() {
        Exchange exchange = send("direct:outboundCall", CALL);
        assertNull(exchange.getException());
        String status = exchange.getMessage().getHeader(Ai4callConstants.HTTP_STATUS).toString();
        assertEquals(1, calls("outboundCall", "ACCEPTED", status, "none"));
        Timer timer = registry.find("ai4call.call.duration").tags("operation", "outboundCall", "outcome", "ACCEPTED").timer();
        assertNotNull(timer);
        assertEquals(1, timer.count());
        assertTrue(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0);
    }

    @Test
    void failuresAreCountedByOutcomeStatusAndFailure() {
        simulator().faults().inject("outboundCall", Fault.status(503).times(1));
        send("direct:outboundCall", CALL);
        assertEquals(1, calls("outboundCall", "REJECTED", "503", "none"));

        simulator().faults().inject("outboundCall", Fault.status(504).times(1));
        send("direct:outboundCall", CALL);
        assertEquals(1, calls("outboundCall", "UNKNOWN", "504", "none"));

        simulator().faults().inject("outboundCall", Fault.dropConnection().times(1));
        Exchange dropped = send("direct:outboundCall", CALL);
        String failure = dropped.getException().getCause().getClass().getSimpleName();
        assertEquals(1, calls("outboundCall", "UNKNOWN", "none", failure), "tagged with " + failure);

        send("direct:unreachable", CALL);
        assertEquals(1, registry.find("ai4call.calls").tags("operation", "outboundCall", "outcome", "NOT_SENT",
                "status", "none").counters().stream().filter(c -> !"InvalidRequest".equals(c.getId().getTag("failure")))
                .mapToDouble(Counter::count).sum());

        send("direct:outboundCall", Map.of("assistantApiKey", DemoData.DEMO_ASSISTANT_SALES)); // no "to"
        assertEquals(1, calls("outboundCall", "NOT_SENT", "none", "InvalidRequest"));
        assertEquals(0, simulator().outboundCalls().size(), "nothing placed");
    }

    @Test
    void retriesAreCountedByTheStatusTheyFollow() {
        simulator().faults().inject("listAssistants", Fault.status(503).times(2));
        Exchange exchange = send("direct:listAssistants", null);
        assertNull(exchange.getException());
        Counter retries = registry.find("ai4call.retries").tags("operation", "listAssistants", "status", "503").counter();
        assertNotNull(retries);
        assertEquals(2, retries.count());
        assertEquals(1, calls("listAssistants", "ACCEPTED", "200", "none"), "one call, three attempts");
    }

    @Test
    void aFeedConsumerCountsRecordsAndHowFarItIsBehind() throws Exception {
        context.getRouteController().startRoute("callsFeed");
        TimeGauge lag = registry.find("ai4call.feed.lag").tags("feed", "analyticsCalls", "routeId", "callsFeed").timeGauge();
        Await.until(() -> registry.find("ai4call.feed.lag").timeGauge() != null
                    && !Double.isNaN(registry.find("ai4call.feed.lag").timeGauge().value()), Duration.ofSeconds(30));
        lag = registry.find("ai4call.feed.lag").tags("feed", "analyticsCalls", "routeId", "callsFeed").timeGauge();
        assertNotNull(lag);
        assertTrue(lag.value() >= 0, "seconds behind now: " + lag.value());
        Counter records = registry.find("ai4call.feed.records").tags("feed", "analyticsCalls", "routeId", "callsFeed")
                .counter();
        assertNotNull(records);
        Await.until(() -> records.count() == getMockEndpoint("mock:records").getReceivedCounter(), Duration.ofSeconds(30));
        assertTrue(records.count() > 0);
        assertTrue(calls("analyticsCalls", "ACCEPTED", "200", "none") >= 1, "the feed's pages are calls too");
    }

    @Test
    void noTagCarriesAKeyOrAPhoneNumber() {
        send("direct:outboundCall", CALL);
        simulator().faults().inject("outboundCall", Fault.status(503).times(1));
        send("direct:outboundCall", CALL);
        send("direct:outboundCall", Map.of("assistantApiKey", DemoData.DEMO_ASSISTANT_SALES, "to", "+1"));
        assertFalse(registry.getMeters().isEmpty());
        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                String value = tag.getValue();
                assertFalse(value.contains("ast_") || value.contains(DemoData.DEMO_PORTAL_API_KEY)
                            || value.contains("+39") || value.contains("+1") || value.contains("L-1"),
                        meter.getId() + " carries " + value);
            }
        }
    }

}
