package io.github.camelai4call.component;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelai4call.simulator.Ai4callSimulator;
import io.github.camelai4call.simulator.Ai4callSimulatorExtension;
import io.github.camelai4call.simulator.DemoData;

/**
 * Camel tests against the AI4CALL simulator over real HTTP. Every operation has a route
 * {@code direct:<operation>} to {@code ai4call:<operation>}; the component points at the simulator with the demo
 * customer's credentials.
 */
abstract class Ai4callTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension();

    protected Ai4callSimulator simulator() {
        return SIMULATOR.simulator();
    }

    @BeforeEach
    void resetSimulator() {
        simulator().faults().clear();
        simulator().resetState();
        simulator().resetRequestCounts();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Ai4callComponent component = context.getComponent("ai4call", Ai4callComponent.class);
        component.getConfiguration().setBaseUrl(SIMULATOR.baseUrl());
        component.getConfiguration().setEmail(DemoData.DEMO_EMAIL);
        component.getConfiguration().setPortalApiKey(DemoData.DEMO_PORTAL_API_KEY);
        component.getConfiguration().setRetryInitialDelay(10);
        component.getConfiguration().setRequestTimeout(2000);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (Ai4callOperation op : Ai4callOperation.values()) {
                    from("direct:" + op.name()).routeId(op.name()).to("ai4call:" + op.name());
                }
            }
        };
    }

    /** Sends through the route of the operation and returns the exchange's message body. */
    protected <T> T call(String operation, Object body, Map<String, Object> headers, Class<T> type) {
        return template.requestBodyAndHeaders("direct:" + operation, body, headers == null ? Map.of() : headers, type);
    }

    protected Exchange exchange(String operation, Object body, Map<String, Object> headers) {
        return template.request("direct:" + operation, e -> {
            e.getMessage().setBody(body);
            if (headers != null) {
                e.getMessage().setHeaders(new HashMap<>(headers));
            }
        });
    }

    /** The cause an operation failed with. */
    protected Throwable failure(String operation, Object body, Map<String, Object> headers) {
        try {
            call(operation, body, headers, Object.class);
        } catch (CamelExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("ai4call:" + operation + " was expected to fail");
    }

    protected static Map<String, Object> assistant(String key) {
        return Map.of(Ai4callConstants.ASSISTANT_API_KEY, key);
    }
}
