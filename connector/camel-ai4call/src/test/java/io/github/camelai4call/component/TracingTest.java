package io.github.camelai4call.component;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.opentelemetry.OpenTelemetryTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.Fault;
import io.github.camelai4call.testing.Await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ai4call span decorator under camel-opentelemetry (Camel's camel-tracing SPI), its spans exported to memory:
 * operation, HTTP status, call id and delivery on the span, and no key, phone number or body anywhere in a span, even
 * when the endpoint URI carries them as options.
 */
class TracingTest extends Ai4callTestSupport {

    private static final String PHONE = "+390811234567";
    private static final Map<String, Object> CALL = Map.of("assistantApiKey", DemoData.DEMO_ASSISTANT_SALES, "to", PHONE,
            "metadata", Map.of("lead_id", "L-1"));

    private final InMemorySpans spans = new InMemorySpans();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        OpenTelemetryTracer tracer = new OpenTelemetryTracer();
        tracer.setTracer(provider.get("ai4call-test"));
        tracer.init(context);
        return context;
    }

    @AfterEach
    void closeProvider() {
        provider.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:outboundCall").to("ai4call:outboundCall?requestTimeout=20000");
                // key and phone number in the endpoint URI: the generic decorator would put them in camel.uri/url.query
                from("direct:optionsCall").to("ai4call:analyticsCalls?limit=1&assistantApiKey=RAW("
                                              + DemoData.DEMO_ASSISTANT_SALES + ")&metadataKey=phone&metadataValue=RAW(" + PHONE + ")");
            }
        };
    }

    private SpanData ai4callSpan(String name) throws InterruptedException {
        Await.until(() -> spans.named(name).size() > 0, Duration.ofSeconds(10));
        return spans.named(name).get(0);
    }

    private static String attribute(SpanData span, String name) {
        Object value = span.getAttributes().asMap().get(AttributeKey.stringKey(name));
        return value == null ? null : value.toString();
    }

    @Test
    void aCallSpanCarriesOperationStatusCallIdAndDelivery() throws Exception {
        Exchange exchange = template.request("direct:outboundCall", e -> e.getMessage().setBody(CALL));
        assertNull(exchange.getException());
        SpanData span = ai4callSpan("ai4call:outboundCall");
        assertEquals("outboundCall", attribute(span, "ai4call.operation"));
        assertEquals(exchange.getMessage().getHeader(Ai4callConstants.HTTP_STATUS).toString(),
                attribute(span, "http.response.status_code"));
        String callId = exchange.getMessage().getBody(io.github.camelai4call.model.OutboundCallResponse.class).getCallId();
        assertEquals(callId, attribute(span, "ai4call.call.id"));
        assertEquals("ACCEPTED", attribute(span, "ai4call.delivery"));
        assertEquals("ai4call://outboundCall", attribute(span, "camel.uri"));
        assertNothingSecret();
    }

    @Test
    void aRejectedCallSpanIsAnErrorWithItsStatusAndAMaskedEvent() throws Exception {
        simulator().faults().inject("outboundCall", Fault.status(503).times(1));
        template.request("direct:outboundCall", e -> e.getMessage().setBody(CALL));
        SpanData span = ai4callSpan("ai4call:outboundCall");
        assertEquals("503", attribute(span, "http.response.status_code"));
        assertEquals("REJECTED", attribute(span, "ai4call.delivery"));
        assertEquals(io.opentelemetry.api.trace.StatusCode.ERROR, span.getStatus().getStatusCode());
        // an invalid phone number is echoed by the validation message: the span's event masks it
        template.request("direct:outboundCall", e -> e.getMessage().setBody(Map.of("assistantApiKey",
                DemoData.DEMO_ASSISTANT_SALES, "to", "+3912345678901234567")));
        Await.until(() -> spans.named("ai4call:outboundCall").size() == 2, Duration.ofSeconds(10));
        SpanData invalid = spans.named("ai4call:outboundCall").get(1);
        assertEquals("NOT_SENT", attribute(invalid, "ai4call.delivery"));
        assertFalse(invalid.getEvents().isEmpty(), "the error event");
        // the validation message quotes the contract's example number: masked in the ai4call span's event too
        String message = String.valueOf(invalid.getEvents().get(0).getAttributes().asMap()
                .get(AttributeKey.stringKey("message")));
        assertTrue(message.contains("E.164") && message.contains("+xxxxxx") && !message.contains("+39"), message);
        assertNothingSecret();
    }

    @Test
    void optionsInTheEndpointUriNeverReachASpan() throws Exception {
        Exchange exchange = template.request("direct:optionsCall", e -> e.getMessage().setBody(null));
        assertNull(exchange.getException());
        SpanData span = ai4callSpan("ai4call:analyticsCalls");
        assertNull(attribute(span, "url.query"));
        assertEquals("ai4call://analyticsCalls", attribute(span, "camel.uri"));
        assertEquals("200", attribute(span, "http.response.status_code"));
        assertNothingSecret();
    }

    @Test
    void aCallsFeedRecordSpanCarriesItsCallId() throws Exception {
        JsonNode page = template.requestBody("ai4call:analyticsCalls?limit=1&outputType=jsonNode", null, JsonNode.class);
        String callId = page.path("items").path(0).path("id").asText();
        assertFalse(callId.isEmpty());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ai4call:analyticsCalls?startFrom=P91D&outputType=jsonNode&callId=" + callId).routeId("feed")
                        .to("mock:records");
            }
        });
        getMockEndpoint("mock:records").expectedMinimumMessageCount(1);
        getMockEndpoint("mock:records").assertIsSatisfied();
        Await.until(() -> spans.all().stream().anyMatch(s -> callId.equals(attribute(s, "ai4call.record.id"))),
                Duration.ofSeconds(10));
        SpanData record = spans.all().stream().filter(s -> callId.equals(attribute(s, "ai4call.record.id"))).findFirst()
                .orElseThrow();
        assertEquals(callId, attribute(record, "ai4call.call.id"));
        assertEquals("analyticsCalls", attribute(record, "ai4call.operation"));
        context.getRouteController().stopRoute("feed");
        assertNothingSecret();
    }

    /** No attribute or event of any span holds a key, a phone number or a body value. */
    private void assertNothingSecret() {
        assertFalse(spans.all().isEmpty());
        for (SpanData span : spans.all()) {
            span.getAttributes().forEach((k, v) -> assertClean(span, k.getKey(), String.valueOf(v)));
            for (EventData event : span.getEvents()) {
                event.getAttributes().forEach((k, v) -> assertClean(span, k.getKey(), String.valueOf(v)));
            }
        }
    }

    private static void assertClean(SpanData span, String name, String value) {
        assertFalse(value.contains("ast_") || value.contains(DemoData.DEMO_PORTAL_API_KEY) || value.contains(PHONE)
                    || value.contains("+3912345678901234567")
                    || value.contains("L-1") || value.contains(DemoData.DEMO_EMAIL),
                span.getName() + " " + name + " = " + value);
    }

    /** An OpenTelemetry exporter that keeps the spans in memory. */
    static final class InMemorySpans implements SpanExporter {
        private final List<SpanData> exported = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            exported.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        List<SpanData> all() {
            return List.copyOf(exported);
        }

        List<SpanData> named(String name) {
            return exported.stream().filter(s -> s.getName().equals(name)).toList();
        }
    }
}
