package io.github.camelai4call.component;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.model.AllowedIps;
import io.github.camelai4call.model.AsrConfig;
import io.github.camelai4call.model.DtmfConfig;
import io.github.camelai4call.model.LlmConfig;
import io.github.camelai4call.model.Assistant;
import io.github.camelai4call.model.AssistantPage;
import io.github.camelai4call.model.AssistantPrompt;
import io.github.camelai4call.model.AssistantToolPage;
import io.github.camelai4call.model.CallLimits;
import io.github.camelai4call.model.CallRecordPage;
import io.github.camelai4call.model.HangupConfig;
import io.github.camelai4call.model.HangupOptions;
import io.github.camelai4call.model.HangupSchema;
import io.github.camelai4call.model.HealthStatus;
import io.github.camelai4call.model.McpConfig;
import io.github.camelai4call.model.ModelPage;
import io.github.camelai4call.model.NumberRouting;
import io.github.camelai4call.model.NumberValidationConfig;
import io.github.camelai4call.model.OutboundCallRequest;
import io.github.camelai4call.model.OutboundCallResponse;
import io.github.camelai4call.model.PluginConfiguration;
import io.github.camelai4call.model.PluginInstance;
import io.github.camelai4call.model.PluginInstancePage;
import io.github.camelai4call.model.PluginPage;
import io.github.camelai4call.model.PortalLoginResponse;
import io.github.camelai4call.model.PreCallEventPage;
import io.github.camelai4call.model.PreCallOptions;
import io.github.camelai4call.model.ProviderPage;
import io.github.camelai4call.model.RagBinding;
import io.github.camelai4call.model.RagCollectionPage;
import io.github.camelai4call.model.RagDocument;
import io.github.camelai4call.model.RagDocumentDeleted;
import io.github.camelai4call.model.RagDocumentPage;
import io.github.camelai4call.model.RagEstimate;
import io.github.camelai4call.model.RagEventPage;
import io.github.camelai4call.model.RechargeRecordPage;
import io.github.camelai4call.model.RuntimeSettings;
import io.github.camelai4call.model.SaveConversationConfig;
import io.github.camelai4call.model.SmsRecordPage;
import io.github.camelai4call.model.ToolPage;
import io.github.camelai4call.model.ToolResponseRecordPage;
import io.github.camelai4call.model.ToolsBinding;
import io.github.camelai4call.model.TtsConfig;
import io.github.camelai4call.model.TtsVoicePage;
import io.github.camelai4call.simulator.DemoData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every one of the contract's operations, through a Camel route, against the simulator. */
class EveryOperationTest extends Ai4callTestSupport {

    private static final String SALES = DemoData.DEMO_ASSISTANT_SALES;
    private static final Set<String> CALLED = ConcurrentHashMap.newKeySet();

    private <T> T run(String op, Object body, Map<String, Object> headers, Class<T> type) {
        T result = call(op, body, headers, type);
        CALLED.add(op);
        return result;
    }

    @AfterAll
    static void everyOperationWasCalled() {
        Set<String> missing = new TreeSet<>(Arrays.stream(Ai4callOperation.values()).map(Enum::name).toList());
        missing.removeAll(CALLED);
        assertTrue(missing.isEmpty(), "operations without a test: " + missing);
    }

    @Test
    void authAndHealth() {
        PortalLoginResponse login = run("portalLogin",
                Map.of("email", DemoData.DEMO_EMAIL, "portalApiKey", DemoData.DEMO_PORTAL_API_KEY), null,
                PortalLoginResponse.class);
        assertTrue(login.getAuthenticated());
        assertEquals(DemoData.DEMO_EMAIL, login.getEmail());
        assertEquals(HealthStatus.StatusEnum.UP, run("health", null, null, HealthStatus.class).getStatus());
    }

    @Test
    void account() {
        AllowedIps ips = run("updateAllowedIps", "{\"enabled\":true,\"ips\":[\"127.0.0.1/32\",\"203.0.113.10/32\"]}", null,
                AllowedIps.class);
        assertEquals(List.of("127.0.0.1/32", "203.0.113.10/32"), ips.getIps());
        assertEquals(ips.getIps(), run("getAllowedIps", null, null, AllowedIps.class).getIps());

        assertEquals(5, run("updateCallLimits", Map.of("maxConcurrentCalls", 5), null, CallLimits.class).getMaxConcurrentCalls());
        assertEquals(5, run("getCallLimits", null, null, CallLimits.class).getMaxConcurrentCalls());

        NumberRouting routing = run("updateNumberRouting",
                Map.of("routes", List.of(Map.of("number", "+390200000009", "assistantApiKey", SALES))), null,
                NumberRouting.class);
        assertEquals("+390200000009", routing.getRoutes().get(0).getNumber());
        assertEquals(1, run("getNumberRouting", null, null, NumberRouting.class).getRoutes().size());

        PluginPage available = run("listAvailablePlugins", null, null, PluginPage.class);
        assertFalse(available.getItems().isEmpty());
        PluginInstancePage instances = run("listPluginInstances", null, null, PluginInstancePage.class);
        String instanceId = instances.getItems().get(0).getInstanceId();
        PluginConfiguration config = run("getPluginConfiguration", null,
                Map.of(Ai4callConstants.INSTANCE_ID, instanceId), PluginConfiguration.class);
        assertEquals(instanceId, config.getInstanceId());
        PluginConfiguration updated = run("updatePluginConfiguration",
                Map.of("instanceId", instanceId, "settings", Map.of("syncOutcomes", false)), null, PluginConfiguration.class);
        assertEquals(false, updated.getSettings().get("syncOutcomes"));

        Set<String> owned = instances.getItems().stream().map(PluginInstance::getPluginId).collect(Collectors.toSet());
        String toBuy = available.getItems().stream().map(p -> p.getPluginId()).filter(id -> !owned.contains(id))
                .findFirst().orElseThrow();
        PluginInstance bought = run("purchasePlugin", Map.of("pluginId", toBuy), null, PluginInstance.class);
        assertEquals(toBuy, bought.getPluginId());
    }

    @Test
    void assistantsAndPrompt() {
        AssistantPage page = run("listAssistants", null, null, AssistantPage.class);
        assertTrue(page.getItems().stream().anyMatch(a -> SALES.equals(a.getAssistantApiKey())));

        String name = "Appointment reminder " + UUID.randomUUID();
        Exchange created = exchange("createAssistant", Map.of("name", name, "language", "it-IT"), null);
        CALLED.add("createAssistant");
        Assistant assistant = created.getMessage().getBody(Assistant.class);
        assertTrue(assistant.getAssistantApiKey().startsWith("ast_"));
        assertEquals(201, created.getMessage().getHeader(Ai4callConstants.HTTP_STATUS));

        assertEquals(name, run("getAssistant", null, assistant(assistant.getAssistantApiKey()), Assistant.class).getName());
        assertNotNull(run("getAssistantPrompt", null, assistant(SALES), AssistantPrompt.class).getPrompt());
        AssistantPrompt prompt = run("updateAssistantPrompt",
                Map.of("prompt", "You confirm appointments politely.", "firstMessage", "Hello from the clinic!"),
                assistant(SALES), AssistantPrompt.class);
        assertEquals("Hello from the clinic!", prompt.getFirstMessage());

        RuntimeSettings settings = run("updateRuntimeSettings", Map.of("settings", Map.of("silenceTimeoutSeconds", 12)),
                assistant(SALES), RuntimeSettings.class);
        assertEquals(12, settings.getSettings().getSilenceTimeoutSeconds());
        assertEquals(12, run("getRuntimeSettings", null, assistant(SALES), RuntimeSettings.class).getSettings()
                .getSilenceTimeoutSeconds());
    }

    @Test
    void voice() {
        assertFalse(run("listTtsProviders", null, null, ProviderPage.class).getItems().isEmpty());
        assertFalse(run("listAsrProviders", null, null, ProviderPage.class).getItems().isEmpty());
        assertFalse(run("listLlmProviders", null, null, ProviderPage.class).getItems().isEmpty());

        TtsVoicePage voices = run("listTtsVoices", null, assistant(SALES), TtsVoicePage.class);
        var voice = voices.getItems().get(0);
        TtsConfig tts = run("updateTts", Map.of("provider", voice.getProviderId(), "voiceId", voice.getVoiceId()),
                assistant(SALES), TtsConfig.class);
        assertEquals(voice.getVoiceId(), tts.getVoiceId());

        var asr = run("listAsrModels", null, assistant(SALES), ModelPage.class).getItems().get(0);
        assertEquals(asr.getModelId(), run("updateAsr", Map.of("provider", asr.getProviderId(), "model", asr.getModelId()),
                assistant(SALES), AsrConfig.class).getModel());
        var llm = run("listLlmModels", null, assistant(SALES), ModelPage.class).getItems().get(0);
        assertEquals(llm.getModelId(), run("updateLlm", Map.of("provider", llm.getProviderId(), "model", llm.getModelId()),
                assistant(SALES), LlmConfig.class).getModel());
        assertEquals("#", run("updateDtmf", Map.of("enabled", true, "terminationKey", "#"), assistant(SALES), DtmfConfig.class)
                .getTerminationKey());
        RuntimeSettings runtime = run("getRuntimeSettings", null, assistant(SALES), RuntimeSettings.class);
        assertEquals(voice.getVoiceId(), runtime.getTts().getVoiceId());
    }

    @Test
    void ragKnowledgeBase() {
        RagCollectionPage collections = run("listRagCollections", null, null, RagCollectionPage.class);
        assertTrue(collections.getItems().stream().anyMatch(c -> "product-faq".equals(c.getName())));

        byte[] doc = "Opening hours: 9 to 18, Monday to Friday.".getBytes();
        RagDocument uploaded = run("uploadRagDocument", doc, Map.of(Ai4callConstants.COLLECTION_NAME, "kb-test",
                Ai4callConstants.FILE_NAME, "hours.txt", Ai4callConstants.DOCUMENT_DESCRIPTION, "Opening hours"),
                RagDocument.class);
        assertEquals("hours.txt", uploaded.getFileName());
        assertEquals(doc.length, uploaded.getSizeBytes());

        RagDocumentPage docs = run("listRagDocuments", null, Map.of(Ai4callConstants.COLLECTION_NAME, "kb-test"),
                RagDocumentPage.class);
        assertEquals(List.of(uploaded.getDocumentId()), docs.getItems().stream().map(RagDocument::getDocumentId).toList());

        RagDocumentDeleted deleted = run("deleteRagDocument", null, Map.of(Ai4callConstants.COLLECTION_NAME, "kb-test",
                Ai4callConstants.DOCUMENT_ID, uploaded.getDocumentId()), RagDocumentDeleted.class);
        assertTrue(deleted.getDeleted());
        assertTrue(run("listRagDocuments", null, Map.of(Ai4callConstants.COLLECTION_NAME, "kb-test"), RagDocumentPage.class)
                .getItems().isEmpty());

        RagEstimate estimate = run("estimateRagDocument", Map.of("fileName", "manual.pdf", "sizeBytes", 1_048_576), null,
                RagEstimate.class);
        assertTrue(estimate.getEstimatedTokens() > 0);

        RagBinding binding = run("updateRag", Map.of("enabled", true, "collections", List.of("product-faq")),
                assistant(SALES), RagBinding.class);
        assertEquals(List.of("product-faq"), binding.getCollections());
    }

    @Test
    void toolsAndPreCall() {
        ToolPage tools = run("listTools", null, null, ToolPage.class);
        String toolId = tools.getItems().get(0).getToolId();
        ToolsBinding binding = run("updateTools", Map.of("toolIds", List.of(toolId)), assistant(SALES), ToolsBinding.class);
        assertEquals(List.of(toolId), binding.getToolIds());
        AssistantToolPage assistantTools = run("listAssistantTools", null, assistant(SALES), AssistantToolPage.class);
        assertTrue(assistantTools.getItems().stream().anyMatch(t -> t.getToolId().equals(toolId) && t.getEnabled()));

        assertNotNull(run("listPreCallOptions", null, assistant(SALES), PreCallOptions.class).getAssistantApiKey());
        NumberValidationConfig validation = run("updateNumberValidation",
                Map.of("enabled", true, "allowedCountries", List.of("IT")), assistant(SALES), NumberValidationConfig.class);
        assertEquals(List.of("IT"), validation.getAllowedCountries());
        McpConfig mcp = run("updateMcpConfig", Map.of("enabled", true, "serverUrl", "https://mcp.example.com/sse"),
                assistant(SALES), McpConfig.class);
        assertEquals("https://mcp.example.com/sse", mcp.getServerUrl().toString());
    }

    @Test
    void hangupAndPostCall() {
        HangupOptions options = run("listHangupOptions", null, assistant(SALES), HangupOptions.class);
        assertFalse(options.getOptions().isEmpty());
        HangupConfig hangup = run("updateHangup", Map.of("action", "transfer", "transferNumber", "+390200000099"),
                assistant(SALES), HangupConfig.class);
        assertEquals("+390200000099", hangup.getTransferNumber());
        SaveConversationConfig save = run("updateSaveConversation", Map.of("enabled", true, "destination", "portal"),
                assistant(SALES), SaveConversationConfig.class);
        assertTrue(save.getEnabled());
        HangupSchema schema = run("updateHangupSchema",
                Map.of("schema", Map.of("type", "object", "properties", Map.of("confirmed", Map.of("type", "boolean")))),
                assistant(SALES), HangupSchema.class);
        assertEquals("object", schema.getSchema().get("type"));
    }

    @Test
    void outboundCallsArePlacedOnce() {
        OutboundCallRequest request = new OutboundCallRequest().withTo("+390810000001").putMetadataItem("lead_id", "L-42");
        OutboundCallResponse call = run("outboundCall", request, assistant(SALES), OutboundCallResponse.class);
        assertNotNull(call.getCallId());
        assertEquals(OutboundCallResponse.StatusEnum.QUEUED, call.getStatus());
        OutboundCallResponse pbx = run("outboundCallPbx",
                Map.of("assistantApiKey", SALES, "to", "+390810000002", "metadata", Map.of("ticket", "T-7")), null,
                OutboundCallResponse.class);
        assertNotNull(pbx.getCallId());
        assertEquals(1, simulator().requestCount("outboundCall"));
        assertEquals(1, simulator().requestCount("outboundCallPbx"));
    }

    @Test
    void analyticsFeeds() {
        Map<String, Object> tenRecords = Map.of(Ai4callConstants.LIMIT, 10);
        Exchange calls = exchange("analyticsCalls", null, tenRecords);
        CALLED.add("analyticsCalls");
        assertEquals(10, calls.getMessage().getBody(CallRecordPage.class).getItems().size());
        assertEquals(true, calls.getMessage().getHeader(Ai4callConstants.HAS_MORE));
        assertNotNull(calls.getMessage().getHeader(Ai4callConstants.NEXT_CURSOR));

        CallRecordPage outbound = run("analyticsCallsOutbound", null, tenRecords, CallRecordPage.class);
        assertTrue(outbound.getItems().stream().allMatch(r -> r.getDirection().getValue().equals("outbound")));
        assertTrue(run("analyticsRecharges", null, tenRecords, RechargeRecordPage.class).getItems().size() <= 10);
        assertTrue(run("analyticsRag", null, tenRecords, RagEventPage.class).getItems().size() <= 10);
        assertTrue(run("analyticsSms", null, tenRecords, SmsRecordPage.class).getItems().size() <= 10);
        assertTrue(run("analyticsToolResponses", null, tenRecords, ToolResponseRecordPage.class).getItems().size() <= 10);
        assertTrue(run("analyticsPreCall", null, tenRecords, PreCallEventPage.class).getItems().size() <= 10);
    }
}
