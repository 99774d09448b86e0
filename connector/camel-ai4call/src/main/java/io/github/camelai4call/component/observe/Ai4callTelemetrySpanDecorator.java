package io.github.camelai4call.component.observe;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.decorators.AbstractSpanDecorator;

/**
 * The span decorator of camel-telemetry, Camel's newer tracing SPI (camel-opentelemetry2, camel-telemetry-dev), found
 * through {@code META-INF/services/org.apache.camel.telemetry.SpanDecorator}: the same tags as
 * {@link Ai4callSpanDecorator} ({@link SpanTags}), and none of the endpoint's options.
 */
public class Ai4callTelemetrySpanDecorator extends AbstractSpanDecorator {

    @Override
    public String getComponent() {
        return SpanTags.COMPONENT;
    }

    @Override
    public String getComponentClassName() {
        return SpanTags.COMPONENT_CLASS;
    }

    @Override
    public String getOperationName(Exchange exchange, Endpoint endpoint) {
        return SpanTags.COMPONENT + ":" + SpanTags.operation(exchange, endpoint);
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        span.setComponent("camel-" + SpanTags.COMPONENT);
        SpanTags.before(exchange, endpoint).forEach(span::setTag);
        span.setTag(SpanTags.OPERATION, SpanTags.operation(exchange, endpoint));
    }

    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        SpanTags.after(exchange).forEach(span::setTag);
        if (exchange.isFailed()) {
            span.setError(true);
        }
        Map<String, String> error = SpanTags.errorEvent(exchange);
        if (error != null) {
            span.log(error);
        }
    }
}
