package io.github.camelai4call.simulator;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The contract's rule on properties a request schema does not name (info.description): they are refused with 400,
 * unless the schema opens the object itself. The contract states it on every object of every JSON request body,
 * so that the component's validation and the simulator's apply the same rule.
 */
class ClosedRequestBodiesTest {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension().resetBeforeEach();

    @Test
    void everyObjectOfARequestBodySaysWhetherItTakesOtherProperties() {
        OpenAPI api = Contract.parse(Contract.readResource());
        List<String> open = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            MediaType json = json(op);
            if (json != null) walk(op.getOperationId(), json.getSchema(), open);
        }));
        assertEquals(List.of(), open, "request objects without additionalProperties");
    }

    private static MediaType json(Operation op) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) return null;
        return op.getRequestBody().getContent().get("application/json");
    }

    @SuppressWarnings("rawtypes")
    private static void walk(String where, Schema s, List<String> open) {
        if (s == null) return;
        boolean object = "object".equals(s.getType()) || s.getProperties() != null;
        if (object && s.getAdditionalProperties() == null) open.add(where);
        if (s.getProperties() != null) {
            for (Object e : s.getProperties().entrySet()) {
                Map.Entry<?, ?> p = (Map.Entry<?, ?>) e;
                walk(where + "." + p.getKey(), (Schema) p.getValue(), open);
            }
        }
        if (s.getItems() != null) walk(where + "[]", s.getItems(), open);
        if (s.getAdditionalProperties() instanceof Schema a) walk(where + ".*", a, open);
    }

    @Test
    void aMisplacedPropertyIsRefusedNamingIt() {
        TestClient c = new TestClient(SIMULATOR.baseUrl());
        TestClient.Res r = c.post("/webhook/outbound_call", "{\"assistantApiKey\":\"ast_demo_sales_01\",\"to\":\"+390810000001\",\"lead_id\":\"123\"}");
        assertEquals(400, r.status(), r.body());
        assertEquals("VALIDATION_FAILED", r.json().get("code").asText());
        assertEquals("lead_id", r.json().get("field").asText());
        assertEquals(0, SIMULATOR.simulator().outboundCalls().size(), "no call placed");
        // where the contract opens an object, other properties are taken
        c.expect(200, "PATCH", "/api/v1/account/plugins/configuration",
                "{\"instanceId\":\"pli_demo_crm_01\",\"settings\":{\"anyKey\":\"any value\"}}");
        c.expect(202, "POST", "/webhook/outbound_call",
                "{\"assistantApiKey\":\"ast_demo_sales_01\",\"to\":\"+390810000001\",\"metadata\":{\"lead_id\":\"123\"}}");
    }
}
