package io.github.camelai4call.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelai4call.model.AssistantPage;
import io.github.camelai4call.model.OutboundCallResponse;
import io.github.camelai4call.simulator.Ai4callSimulator;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.SimulatorConfig;
import org.apache.camel.component.rest.openapi.RestOpenApiComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * Every measured client does both operations against the simulator and gives the answer the report says it gives,
 * the camel-rest-openapi routes included: that module is taken at the newest served release, older than the Camel
 * core it runs on here.
 */
class ClientsTest {

    @Test
    void everyClientAnswersBothOperations() throws Exception {
        try (Ai4callSimulator sim = Ai4callSimulator.start(SimulatorConfig.builder().port(0).build())) {
            for (ClientKind kind : ClientKind.values()) {
                try (Client c = kind.create(sim.baseUrl(), DemoData.DEMO_EMAIL, DemoData.DEMO_PORTAL_API_KEY,
                        Client.OUTBOUND_BODY)) {
                    for (Client.Op op : Client.Op.values()) {
                        Object answer = c.call(op);
                        assertTrue(expected(kind, op).isInstance(answer), kind + " " + op + " gave " + answer.getClass());
                    }
                }
            }
        }
    }

    @Test
    void theRestOpenApiAnchorIsTheRootPomsVersionOnTheProjectsCamel() {
        assertEquals(System.getProperty("camel-rest-openapi.version"),
                RestOpenApiComponent.class.getPackage().getImplementationVersion());
        assertTrue(DefaultCamelContext.class.getPackage().getImplementationVersion().startsWith("4.18."));
    }

    private static Class<?> expected(ClientKind kind, Client.Op op) {
        boolean typed = kind == ClientKind.AI4CALL || kind == ClientKind.AI4CALL_NO_VALIDATION
                || kind == ClientKind.REST_OPENAPI_SAME_WORK;
        if (typed) {
            return op == Client.Op.listAssistants ? AssistantPage.class : OutboundCallResponse.class;
        }
        return kind == ClientKind.REST_OPENAPI ? Map.class : JsonNode.class;
    }
}
