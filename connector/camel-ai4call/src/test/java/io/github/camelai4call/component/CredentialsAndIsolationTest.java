package io.github.camelai4call.component;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelai4call.model.AssistantPage;
import io.github.camelai4call.model.OutboundCallResponse;
import io.github.camelai4call.simulator.DemoData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One route, two customers: credentials per exchange from headers, and each sees only its own data. */
class CredentialsAndIsolationTest extends Ai4callTestSupport {

    private static final Map<String, Object> ACME = Map.of(Ai4callConstants.EMAIL, DemoData.ACME_EMAIL,
            Ai4callConstants.PORTAL_API_KEY, DemoData.ACME_PORTAL_API_KEY);

    @Test
    void headersOverrideTheConfiguredCustomer() {
        AssistantPage demo = call("listAssistants", null, null, AssistantPage.class);
        AssistantPage acme = call("listAssistants", null, ACME, AssistantPage.class);
        assertTrue(demo.getItems().stream().anyMatch(a -> a.getAssistantApiKey().equals(DemoData.DEMO_ASSISTANT_SALES)));
        assertTrue(demo.getItems().stream().noneMatch(a -> a.getAssistantApiKey().equals(DemoData.ACME_ASSISTANT_RECEPTION)));
        assertEquals(java.util.List.of(DemoData.ACME_ASSISTANT_RECEPTION),
                acme.getItems().stream().map(a -> a.getAssistantApiKey()).toList());
    }

    @Test
    void callsArePlacedForTheCustomerOfTheExchange() {
        Map<String, Object> headers = new java.util.HashMap<>(ACME);
        headers.put(Ai4callConstants.ASSISTANT_API_KEY, DemoData.ACME_ASSISTANT_RECEPTION);
        OutboundCallResponse call = call("outboundCall", Map.of("to", "+41440000099"), headers, OutboundCallResponse.class);
        assertEquals(DemoData.ACME_ASSISTANT_RECEPTION, call.getAssistantApiKey());
        assertEquals(DemoData.ACME_EMAIL, simulator().outboundCalls().get(0).customerEmail());
    }

    @Test
    void aCustomerCannotUseAnotherCustomersAssistant() {
        Map<String, Object> headers = new java.util.HashMap<>(ACME);
        headers.put(Ai4callConstants.ASSISTANT_API_KEY, DemoData.DEMO_ASSISTANT_SALES);
        Ai4callException e = assertInstanceOf(Ai4callException.class, failure("getAssistantPrompt", null, headers));
        assertEquals(404, e.getStatusCode());
        assertEquals(0, simulator().outboundCalls().size());
    }
}
