package io.github.camelai4call.component.observe;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.tracing.SpanAdapter;
import org.apache.camel.tracing.decorators.AbstractSpanDecorator;

/**
 * The span decorator of camel-tracing (used by camel-opentelemetry and Camel's other tracers of that SPI), found by
 * {@code ServiceLoader} through {@code META-INF/services/org.apache.camel.tracing.SpanDecorator}. Replaces the
 * generic decorator's {@code camel.uri}, {@code url.path} and {@code url.query} tags, which would carry the endpoint's
 * options (a key, a phone number), by the tags of {@link SpanTags}; the error event carries the masked message.
 */
public class Ai4callSpanDecorator extends AbstractSpanDecorator {

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
    public void pre(SpanAdapter span, Exchange exchange, Endpoint endpoint) {
        span.setComponent("camel-" + SpanTags.COMPONENT);
        SpanTags.before(exchange, endpoint).forEach(span::setTag);
        span.setLowCardinalityTag(SpanTags.OPERATION, SpanTags.operation(exchange, endpoint));
    }

    @Override
    public void post(SpanAdapter span, Exchange exchange, Endpoint endpoint) {
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
