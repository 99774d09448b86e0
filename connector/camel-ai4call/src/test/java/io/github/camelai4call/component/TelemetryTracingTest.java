package io.github.camelai4call.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.SpanContextPropagationExtractor;
import org.apache.camel.telemetry.SpanContextPropagationInjector;
import org.apache.camel.telemetry.SpanLifecycleManager;
import org.apache.camel.telemetry.Tracer;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.Fault;
import io.github.camelai4call.testing.Await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ai4call span decorator of camel-telemetry, Camel's newer tracing SPI, under a tracer that keeps its spans in
 * memory (camel-telemetry-dev and camel-opentelemetry2 do not resolve here; both are such tracers over this SPI).
 */
class TelemetryTracingTest extends Ai4callTestSupport {

    private static final String PHONE = "+390810000001";
    private final List<MemorySpan> spans = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        new MemoryTracer(spans).init(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:outboundCall").to("ai4call:outboundCall?requestTimeout=20000&assistantApiKey=RAW("
                                              + DemoData.DEMO_ASSISTANT_SALES + ")");
                from("direct:optionsCall").to("ai4call:analyticsCalls?limit=1&assistantApiKey=RAW("
                                              + DemoData.DEMO_ASSISTANT_SALES + ")&metadataKey=phone&metadataValue=RAW(" + PHONE + ")");
            }
        };
    }

    private MemorySpan span(int index) throws InterruptedException {
        Await.until(() -> named("ai4call:outboundCall").size() > index, Duration.ofSeconds(10));
        return named("ai4call:outboundCall").get(index);
    }

    private List<MemorySpan> named(String name) {
        return spans.stream().filter(s -> s.name.equals(name) && s.closed).toList();
    }

    @Test
    void spansCarryOperationStatusCallIdAndDeliveryAndNoOption() throws Exception {
        Exchange placed = template.request("direct:outboundCall", e -> e.getMessage().setBody(Map.of("to", PHONE)));
        assertNull(placed.getException());
        MemorySpan span = span(0);
        assertEquals("outboundCall", span.tags.get("ai4call.operation"));
        assertEquals(placed.getMessage().getHeader(Ai4callConstants.HTTP_STATUS).toString(),
                span.tags.get("http.response.status_code"));
        assertEquals(placed.getMessage().getBody(io.github.camelai4call.model.OutboundCallResponse.class).getCallId(),
                span.tags.get("ai4call.call.id"));
        assertEquals("ACCEPTED", span.tags.get("ai4call.delivery"));
        assertEquals("ai4call://outboundCall", span.tags.get("camel.uri"));

        simulator().faults().inject("outboundCall", Fault.status(503).times(1));
        template.request("direct:outboundCall", e -> e.getMessage().setBody(Map.of("to", PHONE)));
        MemorySpan rejected = span(1);
        assertEquals("503", rejected.tags.get("http.response.status_code"));
        assertEquals("REJECTED", rejected.tags.get("ai4call.delivery"));
        assertTrue(rejected.error);

        assertNull(template.request("direct:optionsCall", e -> e.getMessage().setBody(null)).getException());
        Await.until(() -> named("ai4call:analyticsCalls").size() == 1, Duration.ofSeconds(10));
        assertEquals("ai4call://analyticsCalls", named("ai4call:analyticsCalls").get(0).tags.get("camel.uri"));
        assertFalse(spans.isEmpty());

        for (MemorySpan s : spans) {
            for (Map.Entry<String, String> tag : s.tags.entrySet()) {
                String value = tag.getValue();
                assertFalse(value.contains("ast_") || value.contains("+39") || value.contains(DemoData.DEMO_PORTAL_API_KEY),
                        s.name + " " + tag.getKey() + " = " + value);
            }
            for (Map<String, String> event : s.events) {
                assertFalse(event.toString().contains("ast_") || event.toString().contains("+39"), event.toString());
            }
        }
    }

    /** A camel-telemetry tracer whose spans stay in memory. */
    static final class MemoryTracer extends Tracer {
        private final List<MemorySpan> spans;

        MemoryTracer(List<MemorySpan> spans) {
            this.spans = spans;
        }

        @Override
        protected void initTracer() {
            setSpanLifecycleManager(new SpanLifecycleManager() {
                @Override
                public Span create(String spanName, Span parent, SpanContextPropagationExtractor extractor) {
                    MemorySpan span = new MemorySpan(spanName);
                    spans.add(span);
                    return span;
                }

                @Override
                public void activate(Span span) {
                }

                @Override
                public void deactivate(Span span) {
                }

                @Override
                public void close(Span span) {
                    ((MemorySpan) span).closed = true;
                }

                @Override
                public void inject(Span span, SpanContextPropagationInjector injector, boolean includeTracing) {
                }
            });
        }
    }

    static final class MemorySpan implements Span {
        private final String name;
        private final Map<String, String> tags = new ConcurrentHashMap<>();
        private final List<Map<String, String>> events = new CopyOnWriteArrayList<>();
        private volatile boolean error;
        private volatile boolean closed;

        MemorySpan(String name) {
            this.name = name;
        }

        @Override
        public void log(Map<String, String> fields) {
            events.add(fields);
        }

        @Override
        public void setTag(String key, String value) {
            tags.put(key, value);
        }

        @Override
        public void setComponent(String component) {
            tags.put("component", component);
        }

        @Override
        public void setError(boolean error) {
            this.error = error;
        }
    }
}
