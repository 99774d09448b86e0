package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelai4call.simulator.DemoData.*;
import static org.junit.jupiter.api.Assertions.*;

/** The documentation's cURL examples, authentication, isolation, IP allow-list, request validation and 422s. */
class AuthAndValidationTest {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension();

    static final String OUTBOUND = "{\"assistantApiKey\":\"ast_demo_sales_01\",\"to\":\"+390810000001\",\"from\":\"+390200000001\",\"metadata\":{\"lead_id\":\"123\"}}";

    TestClient client() {
        return new TestClient(SIMULATOR.baseUrl());
    }

    @AfterEach
    void reset() {
        SIMULATOR.simulator().resetState();
    }

    static void assertError(TestClient.Res r, int status, String code, String field) {
        assertEquals(status, r.status(), r.body());
        assertEquals(status, r.json().get("status").asInt());
        assertEquals(code, r.json().get("code").asText(), r.body());
        if (field != null) assertEquals(field, r.json().path("field").asText(null), r.body());
        assertTrue(r.json().get("requestId").asText().startsWith("req_"));
    }

    @Test
    void documentationCurlExamples() {
        TestClient c = client();
        JsonNode login = c.expect(200, "POST", "/api/v1/auth/portal/login",
                "{\"email\":\"demo@ai4call.local\",\"portalApiKey\":\"portal_demo_key_123456789\"}").json();
        assertTrue(login.get("authenticated").asBoolean());
        assertEquals(DEMO_CUSTOMER_ID, login.get("customerId").asText());
        assertEquals(DEMO_COMPANY, login.get("companyName").asText());
        c.expect(200, "GET", "/api/v1/assistants", null);
        JsonNode call = c.expect(202, "POST", "/webhook/outbound_call", OUTBOUND).json();
        assertTrue(call.get("callId").asText().startsWith("call_"));

        TestClient anonymous = c.as(null, null);
        assertError(anonymous.get("/api/v1/assistants"), 401, "UNAUTHORIZED", null);
        assertError(anonymous.post("/webhook/outbound_call", OUTBOUND), 401, "UNAUTHORIZED", null);
        assertError(anonymous.post("/api/v1/auth/portal/login", "{\"email\":\"demo@ai4call.local\",\"portalApiKey\":\"wrong_key_000\"}"),
                401, "UNAUTHORIZED", null);
        assertEquals(1, SIMULATOR.simulator().outboundCalls().size());
    }

    @Test
    void authenticationAndIsolation() {
        TestClient c = client();
        assertError(c.as(DEMO_EMAIL, "portal_demo_key_wrong").get("/api/v1/assistants"), 401, "UNAUTHORIZED", null);
        assertError(c.as("nobody@example.com", DEMO_PORTAL_API_KEY).get("/api/v1/assistants"), 401, "UNAUTHORIZED", null);
        assertError(c.as(DEMO_EMAIL, ACME_PORTAL_API_KEY).get("/api/v1/assistants"), 401, "UNAUTHORIZED", null);
        // acme's assistant seen from demo: 404 in path, query filter and outbound body
        assertError(c.get("/api/v1/assistants/" + ACME_ASSISTANT_RECEPTION), 404, "NOT_FOUND", "assistantApiKey");
        assertError(c.get("/api/v1/account/analytics/calls?assistantApiKey=" + ACME_ASSISTANT_RECEPTION), 404, "NOT_FOUND", "assistantApiKey");
        assertError(c.post("/webhook/outbound_call", OUTBOUND.replace(DEMO_ASSISTANT_SALES, ACME_ASSISTANT_RECEPTION)), 404, "NOT_FOUND",
                "assistantApiKey");
        assertError(c.get("/api/v1/assistants/ast_does_not_exist"), 404, "NOT_FOUND", "assistantApiKey");
        TestClient acme = c.as(ACME_EMAIL, ACME_PORTAL_API_KEY);
        JsonNode list = acme.expect(200, "GET", "/api/v1/assistants", null).json();
        assertEquals(1, list.get("items").size());
        assertEquals(ACME_ASSISTANT_RECEPTION, list.at("/items/0/assistantApiKey").asText());
        assertError(acme.get("/api/v1/assistants/" + DEMO_ASSISTANT_SALES), 404, "NOT_FOUND", "assistantApiKey");
        // health needs nothing
        assertEquals(200, c.as(null, null).expect(200, "GET", "/health", null).status());
    }

    @Test
    void allowedIpsLockOutThenReset() {
        TestClient c = client();
        c.expect(200, "PATCH", "/api/v1/account/allowed-ips", "{\"enabled\":true,\"ips\":[\"203.0.113.10/32\",\"198.51.100.0/24\"]}");
        assertError(c.get("/api/v1/assistants"), 403, "IP_NOT_ALLOWED", null);
        assertError(c.post("/api/v1/auth/portal/login", "{\"email\":\"demo@ai4call.local\",\"portalApiKey\":\"portal_demo_key_123456789\"}"),
                403, "IP_NOT_ALLOWED", null);
        // the other customer is not affected
        c.as(ACME_EMAIL, ACME_PORTAL_API_KEY).expect(200, "GET", "/api/v1/assistants", null);
        SIMULATOR.simulator().resetAllowedIps();
        c.expect(200, "GET", "/api/v1/assistants", null);
        // a CIDR containing 127.0.0.1 keeps access
        c.expect(200, "PATCH", "/api/v1/account/allowed-ips", "{\"enabled\":true,\"ips\":[\"127.0.0.0/8\"]}");
        c.expect(200, "GET", "/api/v1/assistants", null);
        c.expect(200, "PATCH", "/api/v1/account/allowed-ips", "{\"ips\":[\"10.1.2.3\"]}");
        assertError(c.get("/api/v1/assistants"), 403, "IP_NOT_ALLOWED", null);
        SIMULATOR.simulator().resetState();
        c.expect(200, "GET", "/api/v1/assistants", null);
        assertError(c.patch("/api/v1/account/allowed-ips", "{\"ips\":[\"not-an-ip\"]}"), 422, "UNPROCESSABLE", "ips[0]");
    }

    @Test
    void anEnabledAllowListWithoutAddressesIsRefused() {
        TestClient c = client();
        TestClient.Res r = c.patch("/api/v1/account/allowed-ips", "{\"enabled\":true,\"ips\":[]}");
        assertError(r, 422, "UNPROCESSABLE", "ips");
        TestClient.assertConforms("PATCH", "/api/v1/account/allowed-ips", r);
        JsonNode now = c.expect(200, "GET", "/api/v1/account/allowed-ips", null).json();
        assertFalse(now.get("enabled").asBoolean(), "the allow-list is unchanged");
        // disabling with no addresses is fine, and so is an empty update (disabled by default)
        assertFalse(c.expect(200, "PATCH", "/api/v1/account/allowed-ips", "{\"enabled\":false,\"ips\":[]}").json().get("enabled").asBoolean());
        assertFalse(c.expect(200, "PATCH", "/api/v1/account/allowed-ips", "{\"ips\":[]}").json().get("enabled").asBoolean());
    }

    @Test
    void requestValidationNamesTheField() {
        TestClient c = client();
        assertError(c.post("/webhook/outbound_call", OUTBOUND.replace("+390810000001", "0810000001")), 400, "VALIDATION_FAILED", "to");
        assertError(c.post("/webhook/outbound_call", "{\"assistantApiKey\":\"ast_demo_sales_01\"}"), 400, "VALIDATION_FAILED", "to");
        assertError(c.post("/webhook/outbound_call", "{\"to\":\"+390810000001\"}"), 400, "VALIDATION_FAILED", "assistantApiKey");
        assertError(c.post("/api/v1/assistants", "{\"description\":\"no name\"}"), 400, "VALIDATION_FAILED", "name");
        assertError(c.get("/api/v1/assistants?limit=5000"), 400, "VALIDATION_FAILED", "limit");
        assertError(c.get("/api/v1/account/analytics/calls?direction=sideways"), 400, "VALIDATION_FAILED", "direction");
        assertError(c.patch("/api/v1/account/number-routing", "{\"routes\":[{\"number\":\"12\",\"assistantApiKey\":\"ast_demo_sales_01\"}]}"),
                400, "VALIDATION_FAILED", "routes[0].number");
        TestClient.Res malformed = c.post("/webhook/outbound_call", "{not json");
        assertEquals(400, malformed.status());
        assertError(c.get("/api/v1/assistants?cursor=bogus!"), 400, "VALIDATION_FAILED", "cursor");
        assertEquals(0, SIMULATOR.simulator().outboundCalls().size());
    }

    @Test
    void semanticErrorsAre422WithField() {
        TestClient c = client();
        String a = "/api/v1/assistants/" + DEMO_ASSISTANT_SALES;
        assertError(c.patch(a + "/runtime/tts", "{\"provider\":\"elevenlabs\",\"voiceId\":\"el_nobody\"}"), 422, "UNPROCESSABLE", "voiceId");
        assertError(c.patch(a + "/runtime/tts", "{\"provider\":\"acme-tts\",\"voiceId\":\"el_giulia\"}"), 422, "UNPROCESSABLE", "provider");
        assertError(c.patch(a + "/runtime/tts", "{\"provider\":\"azure\",\"voiceId\":\"el_giulia\"}"), 422, "UNPROCESSABLE", "voiceId");
        assertError(c.patch(a + "/runtime/llm", "{\"provider\":\"openai\",\"model\":\"claude-3-5-sonnet\"}"), 422, "UNPROCESSABLE", "model");
        assertError(c.patch("/api/v1/account/call-limits", "{\"maxConcurrentCalls\":50}"), 422, "UNPROCESSABLE", "maxConcurrentCalls");
        assertError(c.patch(a + "/runtime/rag", "{\"enabled\":true,\"collections\":[\"no-such-kb\"]}"), 422, "UNPROCESSABLE", "collections");
        assertError(c.patch(a + "/runtime/tools", "{\"toolIds\":[\"tool_unknown\"]}"), 422, "UNPROCESSABLE", "toolIds");
        assertError(c.patch(a + "/runtime/hangup", "{\"action\":\"redirect\"}"), 422, "UNPROCESSABLE", "redirectUrl");
        assertError(c.call("PATCH", "/api/v1/account/plugins/purchase", "{\"pluginId\":\"plg_nope\"}"), 404, "NOT_FOUND", "pluginId");
        assertError(c.call("PATCH", "/api/v1/account/plugins/purchase", "{\"pluginId\":\"plg_crm_hubspot\"}"), 409, "CONFLICT", "pluginId");
        assertError(c.post("/api/v1/assistants", "{\"name\":\"Sales qualifier\"}"), 409, "CONFLICT", "name");
        assertError(c.call("DELETE", "/api/v1/catalog/rag/collections/product-faq/documents/doc_999999", null), 404, "NOT_FOUND", "documentId");
        assertError(c.get("/api/v1/catalog/rag/collections/nope/documents"), 404, "NOT_FOUND", "collectionName");
        assertError(c.get("/api/v1/account/plugins/configuration?instanceId=pli_nope"), 404, "NOT_FOUND", "instanceId");
        assertError(c.post("/webhook/outbound_call_pbx", OUTBOUND.replace("}}", "},\"pbxTrunkId\":\"trunk_nope\"}")), 422, "UNPROCESSABLE",
                "pbxTrunkId");
    }

    @Test
    void errorBodiesConformToTheContract() {
        TestClient c = client();
        TestClient.Res r = c.as(null, null).get("/api/v1/assistants");
        TestClient.assertConforms("GET", "/api/v1/assistants", r);
        r = c.post("/webhook/outbound_call", OUTBOUND.replace("+390810000001", "abc"));
        TestClient.assertConforms("POST", "/webhook/outbound_call", r);
    }
}
