package io.github.camelai4call.kamelets;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.simulator.DemoData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every action Kamelet, loaded from the classpath and run in plain Camel against the simulator with realistic input. */
class ActionKameletsTest extends KameletTestSupport {

    private static final String SALES = DemoData.DEMO_ASSISTANT_SALES;
    private static final Set<String> CALLED = ConcurrentHashMap.newKeySet();

    private JsonNode run(String op, Object body, String... props) {
        return run(op, body, null, props);
    }

    private JsonNode run(String op, Object body, Map<String, Object> headers, String... props) {
        JsonNode answer = action(op, body, headers, props);
        CALLED.add(op);
        return answer;
    }

    @AfterAll
    static void everyActionKameletWasRun() {
        Set<String> missing = new TreeSet<>();
        for (String file : KameletFiles.files().keySet()) {
            if (file.endsWith("-action.kamelet.yaml")) {
                missing.add(file.substring("ai4call-".length(), file.length() - "-action.kamelet.yaml".length()));
            }
        }
        Set<String> called = new HashSet<>();
        CALLED.forEach(op -> called.add(kebab(op)));
        missing.removeAll(called);
        assertTrue(missing.isEmpty(), "action Kamelets without a test: " + missing);
    }

    @Test
    void authAndHealth() {
        JsonNode login = run("portalLogin",
                "{\"email\":\"" + DemoData.DEMO_EMAIL + "\",\"portalApiKey\":\"" + DemoData.DEMO_PORTAL_API_KEY + "\"}");
        assertTrue(login.path("authenticated").asBoolean());
        assertEquals("UP", run("health", null).path("status").asText());
    }

    @Test
    void account() {
        JsonNode ips = run("updateAllowedIps", "{\"enabled\":true,\"ips\":[\"127.0.0.1/32\",\"203.0.113.10/32\"]}");
        assertEquals("203.0.113.10/32", ips.path("ips").get(1).asText());
        assertEquals(2, run("getAllowedIps", null).path("ips").size());

        assertEquals(5, run("updateCallLimits", "{\"maxConcurrentCalls\":5}").path("maxConcurrentCalls").asInt());
        assertEquals(5, run("getCallLimits", null).path("maxConcurrentCalls").asInt());

        JsonNode routing = run("updateNumberRouting",
                "{\"routes\":[{\"number\":\"+390200000009\",\"assistantApiKey\":\"" + SALES + "\"}]}");
        assertEquals("+390200000009", routing.path("routes").get(0).path("number").asText());
        assertEquals(1, run("getNumberRouting", null).path("routes").size());

        JsonNode available = run("listAvailablePlugins", null, "limit", "20");
        assertFalse(available.path("items").isEmpty());
        JsonNode instances = run("listPluginInstances", null);
        String instanceId = instances.path("items").get(0).path("instanceId").asText();
        assertEquals(instanceId, run("getPluginConfiguration", null, "instanceId", instanceId).path("instanceId").asText());
        JsonNode updated = run("updatePluginConfiguration",
                "{\"instanceId\":\"" + instanceId + "\",\"settings\":{\"syncOutcomes\":false}}");
        assertFalse(updated.path("settings").path("syncOutcomes").asBoolean(true));

        Set<String> owned = new HashSet<>();
        instances.path("items").forEach(i -> owned.add(i.path("pluginId").asText()));
        String toBuy = null;
        for (JsonNode p : available.path("items")) {
            if (!owned.contains(p.path("pluginId").asText())) {
                toBuy = p.path("pluginId").asText();
                break;
            }
        }
        assertEquals(toBuy, run("purchasePlugin", Map.of("pluginId", toBuy)).path("pluginId").asText());
    }

    @Test
    void assistantsAndPrompt() {
        JsonNode page = run("listAssistants", null);
        assertTrue(page.path("items").findValuesAsText("assistantApiKey").contains(SALES));

        String name = "Appointment reminder " + UUID.randomUUID();
        JsonNode created = run("createAssistant", Map.of("name", name, "language", "it-IT"));
        String key = created.path("assistantApiKey").asText();
        assertTrue(key.startsWith("ast_"));
        assertEquals(name, run("getAssistant", null, "assistantApiKey", key).path("name").asText());

        assertFalse(run("getAssistantPrompt", null, "assistantApiKey", SALES).path("prompt").asText().isEmpty());
        JsonNode prompt = run("updateAssistantPrompt",
                "{\"prompt\":\"You confirm appointments politely.\",\"firstMessage\":\"Hello from the clinic!\"}",
                "assistantApiKey", SALES);
        assertEquals("Hello from the clinic!", prompt.path("firstMessage").asText());

        JsonNode settings = run("updateRuntimeSettings", "{\"settings\":{\"silenceTimeoutSeconds\":12}}", "assistantApiKey",
                SALES);
        assertEquals(12, settings.path("settings").path("silenceTimeoutSeconds").asInt());
        assertEquals(12, run("getRuntimeSettings", null, "assistantApiKey", SALES).path("settings")
                .path("silenceTimeoutSeconds").asInt());
    }

    @Test
    void voice() {
        assertFalse(run("listTtsProviders", null).path("items").isEmpty());
        assertFalse(run("listAsrProviders", null).path("items").isEmpty());
        assertFalse(run("listLlmProviders", null).path("items").isEmpty());

        JsonNode voice = run("listTtsVoices", null, "assistantApiKey", SALES).path("items").get(0);
        JsonNode tts = run("updateTts", Map.of("provider", voice.path("providerId").asText(), "voiceId",
                voice.path("voiceId").asText()), "assistantApiKey", SALES);
        assertEquals(voice.path("voiceId").asText(), tts.path("voiceId").asText());

        JsonNode asr = run("listAsrModels", null, "assistantApiKey", SALES).path("items").get(0);
        assertEquals(asr.path("modelId").asText(), run("updateAsr", Map.of("provider", asr.path("providerId").asText(),
                "model", asr.path("modelId").asText()), "assistantApiKey", SALES).path("model").asText());
        JsonNode llm = run("listLlmModels", null, "assistantApiKey", SALES).path("items").get(0);
        assertEquals(llm.path("modelId").asText(), run("updateLlm", Map.of("provider", llm.path("providerId").asText(),
                "model", llm.path("modelId").asText()), "assistantApiKey", SALES).path("model").asText());
        assertEquals("#", run("updateDtmf", "{\"enabled\":true,\"terminationKey\":\"#\"}", "assistantApiKey", SALES)
                .path("terminationKey").asText());
    }

    @Test
    void ragKnowledgeBase() {
        JsonNode collections = run("listRagCollections", null);
        assertTrue(collections.path("items").findValuesAsText("name").contains("product-faq"));

        // the file name comes from the file consumer's CamelFileNameOnly header when CamelAi4callFileName is unset
        byte[] doc = "Opening hours: 9 to 18, Monday to Friday.".getBytes();
        JsonNode uploaded = run("uploadRagDocument", doc, Map.of("CamelFileNameOnly", "hours.txt"),
                "collectionName", "kb-test");
        assertEquals("hours.txt", uploaded.path("fileName").asText());
        assertEquals(doc.length, uploaded.path("sizeBytes").asInt());

        JsonNode docs = run("listRagDocuments", null, "collectionName", "kb-test");
        assertEquals(uploaded.path("documentId").asText(), docs.path("items").get(0).path("documentId").asText());
        assertTrue(run("deleteRagDocument", null, "collectionName", "kb-test", "documentId",
                uploaded.path("documentId").asText()).path("deleted").asBoolean());

        assertTrue(run("estimateRagDocument", Map.of("fileName", "manual.pdf", "sizeBytes", 1_048_576))
                .path("estimatedTokens").asLong() > 0);
        assertEquals("product-faq", run("updateRag", "{\"enabled\":true,\"collections\":[\"product-faq\"]}",
                "assistantApiKey", SALES).path("collections").get(0).asText());
    }

    @Test
    void toolsAndPreCall() {
        String toolId = run("listTools", null).path("items").get(0).path("toolId").asText();
        assertEquals(toolId, run("updateTools", Map.of("toolIds", List.of(toolId)), "assistantApiKey", SALES)
                .path("toolIds").get(0).asText());
        JsonNode tools = run("listAssistantTools", null, "assistantApiKey", SALES);
        boolean enabled = false;
        for (JsonNode t : tools.path("items")) {
            enabled |= t.path("toolId").asText().equals(toolId) && t.path("enabled").asBoolean();
        }
        assertTrue(enabled);

        assertEquals(SALES, run("listPreCallOptions", null, "assistantApiKey", SALES).path("assistantApiKey").asText());
        assertEquals("IT", run("updateNumberValidation", "{\"enabled\":true,\"allowedCountries\":[\"IT\"]}",
                "assistantApiKey", SALES).path("allowedCountries").get(0).asText());
        assertEquals("https://mcp.example.com/sse", run("updateMcpConfig",
                "{\"enabled\":true,\"serverUrl\":\"https://mcp.example.com/sse\"}", "assistantApiKey", SALES)
                .path("serverUrl").asText());
    }

    @Test
    void hangupAndPostCall() {
        assertFalse(run("listHangupOptions", null, "assistantApiKey", SALES).path("options").isEmpty());
        assertEquals("+390200000099", run("updateHangup", "{\"action\":\"transfer\",\"transferNumber\":\"+390200000099\"}",
                "assistantApiKey", SALES).path("transferNumber").asText());
        assertTrue(run("updateSaveConversation", "{\"enabled\":true,\"destination\":\"portal\"}", "assistantApiKey", SALES)
                .path("enabled").asBoolean());
        assertEquals("object", run("updateHangupSchema",
                "{\"schema\":{\"type\":\"object\",\"properties\":{\"confirmed\":{\"type\":\"boolean\"}}}}",
                "assistantApiKey", SALES).path("schema").path("type").asText());
    }

    @Test
    void outboundCalls() {
        JsonNode call = run("outboundCall", "{\"to\":\"+390810000001\",\"metadata\":{\"lead_id\":\"L-42\"}}",
                "assistantApiKey", SALES);
        assertEquals("queued", call.path("status").asText());
        assertEquals(SALES, call.path("assistantApiKey").asText());
        JsonNode pbx = run("outboundCallPbx", "{\"assistantApiKey\":\"" + SALES
                + "\",\"to\":\"+390810000002\",\"metadata\":{\"ticket\":\"T-7\"}}");
        assertEquals("pbx", pbx.path("channel").asText());
        assertEquals(1, SIMULATOR.simulator().requestCount("outboundCall"));
        assertEquals(1, SIMULATOR.simulator().requestCount("outboundCallPbx"));
    }

    @Test
    void analyticsPages() {
        JsonNode calls = run("analyticsCalls", null, "limit", "10", "direction", "outbound", "outcome", "completed");
        assertFalse(calls.path("items").isEmpty());
        calls.path("items").forEach(r -> {
            assertEquals("outbound", r.path("direction").asText());
            assertEquals("completed", r.path("outcome").asText());
        });
        run("analyticsCallsOutbound", null, "limit", "10").path("items")
                .forEach(r -> assertEquals("outbound", r.path("direction").asText()));
        for (String feed : List.of("analyticsRecharges", "analyticsRag", "analyticsSms", "analyticsToolResponses",
                "analyticsPreCall")) {
            JsonNode page = run(feed, null, "limit", "10", "from", "2020-01-01T00:00:00Z");
            assertTrue(page.path("items").isArray() && page.path("items").size() <= 10, feed + ": " + page);
        }
    }
}
