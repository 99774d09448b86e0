package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import static io.github.camelai4call.simulator.DemoData.*;
import static org.junit.jupiter.api.Assertions.*;

/** Every operation of the contract answers 2xx with a body that conforms to the contract's response schema. */
class AllOperationsTest {

    static Ai4callSimulator sim;
    static TestClient client;

    @BeforeAll
    static void start() {
        sim = Ai4callSimulator.start(SimulatorConfig.builder().port(0).analyticsRecords(2000).callDuration(Duration.ofMillis(100)).build());
        client = new TestClient(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static HttpRequest multipart(String path, String fileName, String contentType, byte[] content, String description) {
        String boundary = "----sim" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(crlf);
        if (description != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n" + description + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return HttpRequest.newBuilder(URI.create(client.baseUrl + path))
                .header("x-client-email", DEMO_EMAIL).header("x-portal-api-key", DEMO_PORTAL_API_KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
    }

    @Test
    void everyOperationAnswers2xxConformingToTheContract() throws Exception {
        TestClient c = client;
        String a = "/api/v1/assistants/" + DEMO_ASSISTANT_SALES;
        String cat = "/api/v1/catalog/assistants/" + DEMO_ASSISTANT_SALES;

        // auth
        c.expect(200, "POST", "/api/v1/auth/portal/login", "{\"email\":\"" + DEMO_EMAIL + "\",\"portalApiKey\":\"" + DEMO_PORTAL_API_KEY + "\"}");
        c.expect(200, "GET", "/health", null);

        // account
        c.expect(200, "GET", "/api/v1/account/allowed-ips", null);
        JsonNode ips = c.expect(200, "PATCH", "/api/v1/account/allowed-ips", "{\"enabled\":true,\"ips\":[\"127.0.0.1\",\"10.0.0.0/8\",\"::1\"]}").json();
        assertEquals(3, ips.get("ips").size());
        c.expect(200, "GET", "/api/v1/account/call-limits", null);
        JsonNode limits = c.expect(200, "PATCH", "/api/v1/account/call-limits", "{\"maxConcurrentCalls\":15,\"maxCallsPerHour\":150}").json();
        assertEquals(15, limits.get("maxConcurrentCalls").asInt());
        assertEquals(20, limits.get("contractedMaxConcurrentCalls").asInt());
        c.expect(200, "GET", "/api/v1/account/number-routing", null);
        c.expect(200, "PATCH", "/api/v1/account/number-routing",
                "{\"routes\":[{\"number\":\"+390200000001\",\"assistantApiKey\":\"ast_demo_support_01\"}]}");
        JsonNode plugins = c.expect(200, "GET", "/api/v1/account/plugins/available", null).json();
        assertTrue(plugins.get("items").size() >= 3);
        c.expect(200, "GET", "/api/v1/account/plugins/instances", null);
        JsonNode conf = c.expect(200, "GET", "/api/v1/account/plugins/configuration?instanceId=" + DEMO_PLUGIN_INSTANCE, null).json();
        assertEquals(PLUGIN_CRM_HUBSPOT, conf.get("pluginId").asText());
        c.expect(200, "PATCH", "/api/v1/account/plugins/configuration",
                "{\"instanceId\":\"pli_demo_crm_01\",\"settings\":{\"portalId\":\"9999\",\"syncOutcomes\":false}}");
        JsonNode inst = c.expect(200, "PATCH", "/api/v1/account/plugins/purchase", "{\"pluginId\":\"plg_sms_gateway\",\"acceptTerms\":true}").json();
        assertEquals("active", inst.get("status").asText());

        // assistants
        JsonNode list = c.expect(200, "GET", "/api/v1/assistants?limit=10", null).json();
        assertEquals(2, list.get("items").size());
        JsonNode created = c.expect(201, "POST", "/api/v1/assistants",
                "{\"name\":\"Appointment reminder\",\"description\":\"Confirms tomorrow's appointments.\",\"language\":\"it-IT\","
                        + "\"prompt\":\"You call patients to confirm their appointment.\",\"firstMessage\":\"Hello, this is the clinic.\"}").json();
        assertTrue(created.get("assistantApiKey").asText().startsWith("ast_"));
        c.expect(200, "GET", a, null);
        c.expect(200, "GET", a + "/prompt", null);
        JsonNode prompt = c.expect(200, "PATCH", a + "/prompt", "{\"prompt\":\"You are a very polite sales assistant.\"}").json();
        assertEquals("You are a very polite sales assistant.", prompt.get("prompt").asText());
        c.expect(200, "GET", a + "/runtime/settings", null);
        JsonNode rs = c.expect(200, "PATCH", a + "/runtime/settings",
                "{\"settings\":{\"silenceTimeoutSeconds\":15},\"advancedSettings\":{\"temperature\":0.2,\"backgroundSound\":\"cafe\"}}").json();
        assertEquals(15, rs.at("/settings/silenceTimeoutSeconds").asInt());
        assertEquals("Europe/Rome", rs.at("/settings/timezone").asText());

        // voice
        c.expect(200, "GET", "/api/v1/catalog/providers/tts", null);
        c.expect(200, "GET", "/api/v1/catalog/providers/asr", null);
        c.expect(200, "GET", "/api/v1/catalog/providers/llm", null);
        JsonNode voices = c.expect(200, "GET", cat + "/tts/voices?provider=azure&language=it-IT", null).json();
        assertEquals(2, voices.get("items").size());
        c.expect(200, "GET", cat + "/asr/models?provider=deepgram", null);
        c.expect(200, "GET", cat + "/llm/models?provider=anthropic", null);
        c.expect(200, "PATCH", a + "/runtime/tts", "{\"provider\":\"azure\",\"voiceId\":\"az_elsa\",\"speed\":1.1}");
        c.expect(200, "PATCH", a + "/runtime/asr", "{\"provider\":\"whisper\",\"model\":\"whisper-1\",\"language\":\"it-IT\"}");
        c.expect(200, "PATCH", a + "/runtime/llm", "{\"provider\":\"mistral\",\"model\":\"mistral-large\",\"temperature\":0.2,\"maxTokens\":800}");
        c.expect(200, "PATCH", a + "/runtime/dtmf", "{\"enabled\":true,\"terminationKey\":\"*\",\"interDigitTimeoutMs\":1500}");

        // rag
        c.expect(200, "GET", "/api/v1/catalog/rag/collections", null);
        JsonNode docs = c.expect(200, "GET", "/api/v1/catalog/rag/collections/product-faq/documents", null).json();
        assertEquals(2, docs.get("items").size());
        byte[] content = "# Warranty\n\nTwo years on every device.\n".getBytes(StandardCharsets.UTF_8);
        TestClient.Res up = c.send(multipart("/api/v1/catalog/rag/collections/product-faq/documents", "warranty.md", "text/markdown",
                content, "Warranty terms"));
        assertEquals(201, up.status(), up.body());
        TestClient.assertConforms("POST", "/api/v1/catalog/rag/collections/product-faq/documents", up);
        assertEquals(content.length, up.json().get("sizeBytes").asLong());
        assertEquals(Digests.sha256Hex(content), up.json().get("sha256").asText());
        assertEquals("Warranty terms", up.json().get("description").asText());
        String docId = up.json().get("documentId").asText();
        c.expect(200, "DELETE", "/api/v1/catalog/rag/collections/product-faq/documents/" + docId, null);
        JsonNode est = c.expect(200, "POST", "/api/v1/catalog/rag/documents/estimate",
                "{\"fileName\":\"manual.pdf\",\"sizeBytes\":1048576,\"contentType\":\"application/pdf\"}").json();
        assertEquals(262144, est.get("estimatedTokens").asLong());
        c.expect(200, "PATCH", a + "/runtime/rag", "{\"enabled\":true,\"collections\":[\"product-faq\"],\"topK\":5,\"similarityThreshold\":0.8}");

        // tools & pre-call
        c.expect(200, "GET", "/api/v1/catalog/tools", null);
        c.expect(200, "PATCH", a + "/runtime/tools", "{\"toolIds\":[\"tool_book_appointment\",\"tool_send_sms\"]}");
        JsonNode at = c.expect(200, "GET", cat + "/tools", null).json();
        long enabled = 0;
        for (JsonNode t : at.get("items")) if (t.get("enabled").asBoolean()) enabled++;
        assertEquals(2, enabled);
        c.expect(200, "GET", cat + "/pre-call", null);
        c.expect(200, "PATCH", a + "/runtime/precall/number-validation",
                "{\"enabled\":true,\"allowedCountries\":[\"IT\",\"CH\"],\"blockPremiumNumbers\":true}");
        c.expect(200, "PATCH", a + "/runtime/precall/mcp-config", "{\"enabled\":true,\"serverUrl\":\"https://mcp.example.com/sse\",\"tools\":[\"crm_lookup\"]}");

        // hangup
        c.expect(200, "GET", cat + "/hangup", null);
        c.expect(200, "PATCH", a + "/runtime/hangup", "{\"action\":\"transfer\",\"transferNumber\":\"+390810000009\",\"goodbyeMessage\":\"Transferring you now.\"}");
        c.expect(200, "PATCH", a + "/runtime/hangup/save-conversation",
                "{\"enabled\":true,\"destination\":\"webhook\",\"webhookUrl\":\"https://crm.example.com/hooks/transcript\",\"includeRecording\":true}");
        c.expect(200, "PATCH", a + "/runtime/hangup/schema",
                "{\"schema\":{\"type\":\"object\",\"properties\":{\"appointmentConfirmed\":{\"type\":\"boolean\"}}}}");

        // the runtime settings reflect the assignments
        JsonNode runtime = c.expect(200, "GET", a + "/runtime/settings", null).json();
        assertEquals("az_elsa", runtime.at("/tts/voiceId").asText());
        assertEquals("whisper-1", runtime.at("/asr/model").asText());
        assertEquals("mistral-large", runtime.at("/llm/model").asText());
        assertEquals("*", runtime.at("/dtmf/terminationKey").asText());
        assertEquals(5, runtime.at("/rag/topK").asInt());
        assertEquals(2, runtime.at("/tools/toolIds").size());
        assertEquals("transfer", runtime.at("/hangup/action").asText());

        // outbound
        JsonNode call = c.expect(202, "POST", "/webhook/outbound_call",
                "{\"assistantApiKey\":\"ast_demo_sales_01\",\"to\":\"+390810000001\",\"from\":\"+390200000001\",\"metadata\":{\"lead_id\":\"123\"}}").json();
        assertEquals("queued", call.get("status").asText());
        c.expect(202, "POST", "/webhook/outbound_call_pbx",
                "{\"assistantApiKey\":\"ast_demo_support_01\",\"to\":\"+390810000002\",\"pbxTrunkId\":\"trunk_main\",\"metadata\":{\"ticket\":\"T-1\"}}");

        // analytics
        c.expect(200, "GET", "/api/v1/account/analytics/calls?limit=50&direction=inbound", null);
        c.expect(200, "GET", "/api/v1/account/analytics/calls-outbound?limit=50&outcome=completed&metadataKey=lead_id", null);
        c.expect(200, "GET", "/api/v1/account/analytics/recharges", null);
        c.expect(200, "GET", "/api/v1/account/analytics/rag?collectionName=product-faq", null);
        c.expect(200, "GET", "/api/v1/account/analytics/sms?assistantApiKey=ast_demo_sales_01", null);
        c.expect(200, "GET", "/api/v1/account/analytics/tool-responses?toolId=tool_book_appointment", null);
        c.expect(200, "GET", "/api/v1/account/analytics/pre-call?metadataKey=lead_id", null);

        Set<String> missing = new TreeSet<>(sim.operationIds());
        missing.removeAll(sim.requestCounts().keySet());
        assertEquals(Set.of(), missing, "operations not exercised");
        assertEquals(55, sim.operationIds().size());
    }

    @Test
    void analyticsFiltersSelectOnlyMatchingRecords() {
        TestClient c = client;
        JsonNode page = c.expect(200, "GET", "/api/v1/account/analytics/calls?limit=200&direction=outbound&outcome=completed"
                + "&assistantApiKey=ast_demo_support_01", null).json();
        assertTrue(page.get("items").size() > 0);
        for (JsonNode r : page.get("items")) {
            assertEquals("outbound", r.get("direction").asText());
            assertEquals("completed", r.get("outcome").asText());
            assertEquals(DEMO_ASSISTANT_SUPPORT, r.get("assistantApiKey").asText());
        }
        JsonNode first = c.get("/api/v1/account/analytics/calls?limit=1").json().get("items").get(0);
        JsonNode byId = c.expect(200, "GET", "/api/v1/account/analytics/calls?callId=" + first.get("id").asText(), null).json();
        assertEquals(1, byId.get("items").size());
        JsonNode tools = c.expect(200, "GET", "/api/v1/account/analytics/tool-responses?limit=100&toolId=tool_crm_lookup", null).json();
        for (JsonNode r : tools.get("items")) assertEquals(TOOL_CRM_LOOKUP, r.get("toolId").asText());
        JsonNode lead = c.get("/api/v1/account/analytics/calls-outbound?limit=1").json().get("items").get(0);
        String leadId = lead.at("/metadata/lead_id").asText();
        JsonNode byLead = c.expect(200, "GET", "/api/v1/account/analytics/calls-outbound?limit=1000&metadataKey=lead_id&metadataValue=" + leadId, null).json();
        assertTrue(byLead.get("items").size() >= 1);
        for (JsonNode r : byLead.get("items")) assertEquals(leadId, r.at("/metadata/lead_id").asText());
    }

    @Test
    void largeUploadIsStreamedHashedAndNotKeptInMemory() throws Exception {
        byte[] big = new byte[5 * 1024 * 1024 + 17];
        new java.util.Random(1).nextBytes(big);
        // a fake boundary-like sequence inside the content must not end the part
        byte[] fake = "\r\n--notTheBoundary".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(fake, 0, big, 1000, fake.length);
        TestClient.Res up = client.send(multipart("/api/v1/catalog/rag/collections/big-docs/documents", "manual.pdf", "application/pdf", big, null));
        assertEquals(201, up.status(), up.body());
        TestClient.assertConforms("POST", "/api/v1/catalog/rag/collections/big-docs/documents", up);
        assertEquals(big.length, up.json().get("sizeBytes").asLong());
        assertEquals(Digests.sha256Hex(big), up.json().get("sha256").asText());
        CustomerState.RagDocument doc = sim.customer(DEMO_EMAIL).collections.get("big-docs").documents.get(up.json().get("documentId").asText());
        assertNull(doc.content, "content above 1 MB is not kept");
        // the new collection is listed, a second upload of the same file name conflicts, bad types are 422
        assertTrue(client.get("/api/v1/catalog/rag/collections").body().contains("big-docs"));
        assertEquals(409, client.send(multipart("/api/v1/catalog/rag/collections/big-docs/documents", "manual.pdf", "application/pdf",
                new byte[] {1, 2, 3}, null)).status());
        TestClient.Res exe = client.send(multipart("/api/v1/catalog/rag/collections/big-docs/documents", "tool.exe", "application/octet-stream",
                new byte[] {1, 2, 3}, null));
        assertEquals(422, exe.status());
        assertEquals("file", exe.json().get("field").asText());
    }
}
