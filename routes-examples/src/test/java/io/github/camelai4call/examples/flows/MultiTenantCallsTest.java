package io.github.camelai4call.examples.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.camelai4call.examples.flows.ExampleFlow.Dsl;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.OutboundCall;

class MultiTenantCallsTest extends ExampleTestSupport {

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void oneRouteServesTwoCustomersWithTheirOwnCredentials(Dsl dsl) throws Exception {
        CamelContext camel = start(dsl, props(
                "tenant.demo.email", DemoData.DEMO_EMAIL, "tenant.demo.portal-api-key", DemoData.DEMO_PORTAL_API_KEY,
                "tenant.demo.assistant", DemoData.DEMO_ASSISTANT_SALES,
                "tenant.acme.email", DemoData.ACME_EMAIL, "tenant.acme.portal-api-key", DemoData.ACME_PORTAL_API_KEY,
                "tenant.acme.assistant", DemoData.ACME_ASSISTANT_RECEPTION), ExampleFlow.MULTI_TENANT_CALLS);
        // the component-level credentials are not used by this route
        camel.getComponent("ai4call", io.github.camelai4call.component.Ai4callComponent.class).getConfiguration().setEmail(null);
        ProducerTemplate template = camel.createProducerTemplate();

        Exchange acme = template.request("direct:tenant-call", e -> {
            e.getMessage().setHeader("tenant", "acme");
            e.getMessage().setBody(Map.of("to", "+41790000001", "metadata", Map.of("ticket", "T-1")));
        });
        template.sendBodyAndHeader("direct:tenant-call", "{\"to\":\"+390810000002\"}", "tenant", "demo");
        assertFalse(acme.getMessage().getHeaders().keySet().stream().anyMatch(h -> h.contains("ApiKey") || h.endsWith("Email")),
                acme.getMessage().getHeaders().keySet().toString());

        List<OutboundCall> calls = SIMULATOR.simulator().outboundCalls();
        assertEquals(2, calls.size());
        assertEquals(List.of(DemoData.ACME_EMAIL, DemoData.DEMO_EMAIL), calls.stream().map(OutboundCall::customerEmail).toList());
        assertEquals(List.of(DemoData.ACME_ASSISTANT_RECEPTION, DemoData.DEMO_ASSISTANT_SALES),
                calls.stream().map(OutboundCall::assistantApiKey).toList());
        assertEquals("T-1", calls.get(0).metadata().get("ticket"));

        assertThrows(CamelExecutionException.class,
                () -> template.sendBodyAndHeader("direct:tenant-call", Map.of("to", "+390810000003"), "tenant", "nobody"));
        assertEquals(2, SIMULATOR.simulator().outboundCalls().size());
    }
}
