package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.github.camelai4call.simulator.DemoData.*;

/** The global catalogs (providers, voices, models, plugins, hangup options) and the demo customers. */
final class Catalog {

    private Catalog() {
    }

    static final List<ObjectNode> TTS_PROVIDERS = List.of(
            provider("elevenlabs", "ElevenLabs", "Natural multilingual voices."),
            provider("azure", "Azure AI Speech", "Microsoft neural voices."),
            provider("google", "Google Cloud Text-to-Speech", "WaveNet and Neural2 voices."));
    static final List<ObjectNode> ASR_PROVIDERS = List.of(
            provider("deepgram", "Deepgram", "Low-latency streaming speech recognition."),
            provider("whisper", "OpenAI Whisper", "Robust multilingual transcription."));
    static final List<ObjectNode> LLM_PROVIDERS = List.of(
            provider("openai", "OpenAI", "GPT models."),
            provider("anthropic", "Anthropic", "Claude models."),
            provider("mistral", "Mistral AI", "Mistral models, hosted in the EU."));

    static final List<ObjectNode> TTS_VOICES = List.of(
            voice("el_giulia", "elevenlabs", "Giulia", "it-IT", "female"),
            voice("el_marco", "elevenlabs", "Marco", "it-IT", "male"),
            voice("el_rachel", "elevenlabs", "Rachel", "en-US", "female"),
            voice("az_elsa", "azure", "Elsa (it-IT-ElsaNeural)", "it-IT", "female"),
            voice("az_diego", "azure", "Diego (it-IT-DiegoNeural)", "it-IT", "male"),
            voice("az_jenny", "azure", "Jenny (en-US-JennyNeural)", "en-US", "female"),
            voice("gg_it_wavenet_a", "google", "it-IT-Wavenet-A", "it-IT", "female"),
            voice("gg_en_neural2_d", "google", "en-US-Neural2-D", "en-US", "male"));
    static final List<ObjectNode> ASR_MODELS = List.of(
            model("nova-2", "deepgram", "Nova-2", "it-IT", "en-US", "de-DE", "fr-FR"),
            model("nova-3", "deepgram", "Nova-3", "en-US", "it-IT"),
            model("whisper-1", "whisper", "Whisper large-v2", "it-IT", "en-US", "de-DE", "fr-FR", "es-ES"));
    static final List<ObjectNode> LLM_MODELS = List.of(
            model("gpt-4o-mini", "openai", "GPT-4o mini", "it-IT", "en-US", "de-DE", "fr-FR"),
            model("gpt-4o", "openai", "GPT-4o", "it-IT", "en-US", "de-DE", "fr-FR"),
            model("claude-3-5-haiku", "anthropic", "Claude 3.5 Haiku", "it-IT", "en-US"),
            model("claude-3-5-sonnet", "anthropic", "Claude 3.5 Sonnet", "it-IT", "en-US"),
            model("mistral-small", "mistral", "Mistral Small", "it-IT", "en-US", "fr-FR"),
            model("mistral-large", "mistral", "Mistral Large", "it-IT", "en-US", "fr-FR"));

    static final List<ObjectNode> PLUGINS = List.of(
            plugin(PLUGIN_CRM_HUBSPOT, "HubSpot CRM sync", "Pushes call outcomes to HubSpot.", 19.9),
            plugin(PLUGIN_SMS_GATEWAY, "SMS gateway", "Sends follow-up SMS after calls.", 9.9),
            plugin(PLUGIN_CALENDAR_GOOGLE, "Google Calendar", "Books appointments in Google Calendar.", 14.9),
            plugin(PLUGIN_SALESFORCE, "Salesforce CRM sync", "Pushes call outcomes to Salesforce.", 29.9));

    static final List<ObjectNode> HANGUP_OPTIONS = List.of(
            hangupOption("hangup", "End the call after the goodbye message."),
            hangupOption("redirect", "End the call and notify a URL with the call outcome."),
            hangupOption("transfer", "Transfer the call to a human operator."));

    static ObjectNode find(List<ObjectNode> list, String field, String value) {
        for (ObjectNode o : list) {
            if (o.get(field).asText().equals(value)) return o;
        }
        return null;
    }

    private static ObjectNode provider(String id, String name, String description) {
        ObjectNode o = Json.obj();
        o.put("providerId", id);
        o.put("name", name);
        o.put("description", description);
        return o;
    }

    private static ObjectNode voice(String id, String provider, String name, String language, String gender) {
        ObjectNode o = Json.obj();
        o.put("voiceId", id);
        o.put("providerId", provider);
        o.put("name", name);
        o.put("language", language);
        o.put("gender", gender);
        return o;
    }

    private static ObjectNode model(String id, String provider, String name, String... languages) {
        ObjectNode o = Json.obj();
        o.put("modelId", id);
        o.put("providerId", provider);
        o.put("name", name);
        o.set("languages", Json.arr(languages));
        return o;
    }

    private static ObjectNode plugin(String id, String name, String description, double price) {
        ObjectNode o = Json.obj();
        o.put("pluginId", id);
        o.put("name", name);
        o.put("description", description);
        o.put("monthlyPrice", price);
        o.put("currency", "EUR");
        return o;
    }

    private static ObjectNode hangupOption(String action, String description) {
        ObjectNode o = Json.obj();
        o.put("action", action);
        o.put("description", description);
        return o;
    }

    // ------------------------------------------------------------------------------------------------ demo customers

    /** The demo customers, as after start or resetState. */
    static List<CustomerState> demoCustomers(SimulatorConfig config) {
        long now = System.currentTimeMillis();
        String created = Instant.ofEpochMilli(now - 120L * 24 * 3600 * 1000).toString();

        CustomerState demo = new CustomerState(DEMO_CUSTOMER_ID, DEMO_EMAIL, DEMO_PORTAL_API_KEY, DEMO_WEBHOOK_SECRET, DEMO_COMPANY, "business", "demo",
                List.of(DEMO_PBX_TRUNK, "trunk_backup"));
        addAssistant(demo, DEMO_ASSISTANT_SALES, DEMO_ASSISTANT_SALES_NAME, "Qualifies inbound leads and books demos.", "it-IT",
                DEMO_NUMBER_SALES, "You are a polite sales assistant for Demo S.r.l.", "Hi! I'm calling from Demo about your request.", created);
        addAssistant(demo, DEMO_ASSISTANT_SUPPORT, DEMO_ASSISTANT_SUPPORT_NAME, "Answers product questions with the FAQ.", "it-IT",
                DEMO_NUMBER_SUPPORT, "You are the support desk of Demo S.r.l.; answer with the product FAQ.",
                "Hello, Demo support here. How can I help?", created);
        demo.assistants.get(DEMO_ASSISTANT_SUPPORT).rag = ragBinding(true, RAG_COLLECTION_PRODUCT_FAQ, RAG_COLLECTION_SUPPORT_KB);
        demo.assistants.get(DEMO_ASSISTANT_SALES).tools.set("toolIds", Json.arr(TOOL_BOOK_APPOINTMENT, TOOL_CRM_LOOKUP));
        CustomerState.RagCollection faq = new CustomerState.RagCollection(RAG_COLLECTION_PRODUCT_FAQ, "Product questions and answers.", created);
        faq.documents.put(RAG_DOCUMENT_PRICING, document(RAG_DOCUMENT_PRICING, RAG_COLLECTION_PRODUCT_FAQ, "pricing.md", "text/markdown",
                "# Pricing 2026\n\nStarter: 49 EUR/month. Business: 199 EUR/month.\n", "2026 price list", created));
        faq.documents.put(RAG_DOCUMENT_FAQ, document(RAG_DOCUMENT_FAQ, RAG_COLLECTION_PRODUCT_FAQ, "faq.txt", "text/plain",
                "Q: Can I keep my number?\nA: Yes, numbers can be ported.\n", "Frequently asked questions", created));
        demo.collections.put(faq.name, faq);
        CustomerState.RagCollection kb = new CustomerState.RagCollection(RAG_COLLECTION_SUPPORT_KB, "Troubleshooting guides.", created);
        kb.documents.put("doc_000003", document("doc_000003", RAG_COLLECTION_SUPPORT_KB, "troubleshooting.html", "text/html",
                "<h1>Troubleshooting</h1><p>Restart the router.</p>", "Router troubleshooting", created));
        demo.collections.put(kb.name, kb);
        demo.documentSeq = 3;
        addTools(demo);
        ObjectNode inst = Json.obj();
        inst.put("instanceId", DEMO_PLUGIN_INSTANCE);
        inst.put("pluginId", PLUGIN_CRM_HUBSPOT);
        inst.put("status", "active");
        inst.put("createdAt", created);
        ObjectNode settings = Json.obj();
        settings.put("portalId", "4242");
        settings.put("syncOutcomes", true);
        demo.plugins.put(DEMO_PLUGIN_INSTANCE, new CustomerState.PluginInstance(inst, settings));
        demo.pluginSeq = 1;
        demo.callLimits = limits(10, 200, 2000, 600);
        demo.routes = Json.F.arrayNode();
        demo.routes.add(route(DEMO_NUMBER_SALES, DEMO_ASSISTANT_SALES));
        demo.routes.add(route(DEMO_NUMBER_SUPPORT, DEMO_ASSISTANT_SUPPORT));
        demo.feeds = FeedKind.feeds(subjects(config, demo), config.analyticsRecords(), now);

        CustomerState acme = new CustomerState(ACME_CUSTOMER_ID, ACME_EMAIL, ACME_PORTAL_API_KEY, ACME_WEBHOOK_SECRET, ACME_COMPANY, "starter", "acme",
                List.of(ACME_PBX_TRUNK));
        addAssistant(acme, ACME_ASSISTANT_RECEPTION, ACME_ASSISTANT_RECEPTION_NAME, "Answers the switchboard.", "en-US",
                ACME_NUMBER_RECEPTION, "You are the receptionist of ACME Corp.", "Good morning, ACME Corp., how may I direct your call?",
                created);
        CustomerState.RagCollection acmeKb = new CustomerState.RagCollection("reception-kb", "Office hours and directory.", created);
        acmeKb.documents.put("doc_000001", document("doc_000001", "reception-kb", "directory.txt", "text/plain",
                "Sales: ext. 201\nSupport: ext. 202\n", "Internal directory", created));
        acme.collections.put(acmeKb.name, acmeKb);
        acme.documentSeq = 1;
        addTools(acme);
        acme.callLimits = limits(5, 100, 1000, 300);
        acme.routes = Json.F.arrayNode();
        acme.routes.add(route(ACME_NUMBER_RECEPTION, ACME_ASSISTANT_RECEPTION));
        acme.feeds = FeedKind.feeds(subjects(config, acme), config.analyticsRecords() / 10, now);
        return List.of(demo, acme);
    }

    static SyntheticHistory.Subjects subjects(SimulatorConfig config, CustomerState c) {
        List<String> keys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (CustomerState.AssistantState a : c.assistants.values()) {
            keys.add(a.key);
            names.add(a.name());
            numbers.add(a.companyNumber);
        }
        List<String> docs = new ArrayList<>();
        c.collections.values().forEach(col -> docs.addAll(col.documents.keySet()));
        List<String> tools = new ArrayList<>();
        c.tools.forEach(t -> tools.add(t.get("toolId").asText()));
        return new SyntheticHistory.Subjects(config.seed(), c.tag, keys.toArray(String[]::new), names.toArray(String[]::new),
                numbers.toArray(String[]::new), c.collections.keySet().toArray(String[]::new), docs.toArray(String[]::new),
                tools.toArray(String[]::new));
    }

    static void addAssistant(CustomerState c, String key, String name, String description, String language, String number,
                             String prompt, String firstMessage, String created) {
        CustomerState.AssistantState a = new CustomerState.AssistantState(key, number);
        a.assistant = Json.obj();
        a.assistant.put("assistantApiKey", key);
        a.assistant.put("name", name);
        if (description != null) a.assistant.put("description", description);
        a.assistant.put("language", language);
        a.assistant.put("status", "active");
        a.assistant.put("createdAt", created);
        a.assistant.put("updatedAt", created);
        a.prompt = Json.obj();
        a.prompt.put("prompt", prompt);
        a.prompt.put("firstMessage", firstMessage);
        a.prompt.put("updatedAt", created);
        a.settings = Json.obj();
        a.settings.put("language", language);
        a.settings.put("timezone", "Europe/Rome");
        a.settings.put("maxCallDurationSeconds", 600);
        a.settings.put("silenceTimeoutSeconds", 10);
        a.settings.put("interruptible", true);
        a.settings.put("voicemailDetection", true);
        a.advancedSettings = Json.obj();
        a.advancedSettings.put("temperature", 0.4);
        a.advancedSettings.put("endpointingMs", 300);
        a.advancedSettings.put("backgroundSound", "office");
        a.advancedSettings.put("recordCalls", true);
        a.tts = Json.obj();
        boolean english = language.startsWith("en");
        a.tts.put("provider", "elevenlabs");
        a.tts.put("voiceId", english ? "el_rachel" : "el_giulia");
        a.tts.put("speed", 1.0);
        a.asr = Json.obj();
        a.asr.put("provider", "deepgram");
        a.asr.put("model", "nova-2");
        a.asr.put("language", language);
        a.llm = Json.obj();
        a.llm.put("provider", "openai");
        a.llm.put("model", "gpt-4o-mini");
        a.llm.put("temperature", 0.3);
        a.llm.put("maxTokens", 512);
        a.dtmf = Json.obj();
        a.dtmf.put("enabled", true);
        a.dtmf.put("terminationKey", "#");
        a.dtmf.put("interDigitTimeoutMs", 2000);
        a.rag = ragBinding(false);
        a.tools = Json.obj();
        a.tools.set("toolIds", Json.F.arrayNode());
        a.hangup = Json.obj();
        a.hangup.put("action", "hangup");
        a.hangup.put("goodbyeMessage", english ? "Thank you, goodbye!" : "Grazie, arrivederci!");
        a.numberValidation = Json.obj();
        a.numberValidation.put("enabled", true);
        a.numberValidation.set("allowedCountries", Json.arr(english ? "CH" : "IT"));
        a.numberValidation.put("blockPremiumNumbers", true);
        a.mcpConfig = Json.obj();
        a.mcpConfig.put("enabled", false);
        a.mcpConfig.set("tools", Json.F.arrayNode());
        a.saveConversation = Json.obj();
        a.saveConversation.put("enabled", true);
        a.saveConversation.put("destination", "portal");
        a.saveConversation.put("includeRecording", false);
        a.hangupSchema = Json.obj();
        ObjectNode schema = a.hangupSchema.putObject("schema");
        schema.put("type", "object");
        schema.putObject("properties").putObject("appointmentConfirmed").put("type", "boolean");
        c.assistants.put(key, a);
    }

    static ObjectNode ragBinding(boolean enabled, String... collections) {
        ObjectNode o = Json.obj();
        o.put("enabled", enabled);
        o.set("collections", Json.arr(collections));
        o.put("topK", 4);
        o.put("similarityThreshold", 0.75);
        return o;
    }

    private static void addTools(CustomerState c) {
        ObjectNode book = tool(TOOL_BOOK_APPOINTMENT, "Book appointment", "Books a slot in the clinic calendar.", "webhook");
        ObjectNode bookArgs = book.putObject("parameters");
        bookArgs.put("type", "object");
        bookArgs.set("required", Json.arr("date"));
        ObjectNode bookProps = bookArgs.putObject("properties");
        bookProps.putObject("date").put("type", "string").put("format", "date").put("example", "2026-12-03");
        bookProps.putObject("slot").put("type", "string").put("example", "10:30");
        c.tools.add(book);
        ObjectNode crm = tool(TOOL_CRM_LOOKUP, "CRM lookup", "Looks the caller up in the CRM.", "mcp");
        ObjectNode crmArgs = crm.putObject("parameters");
        crmArgs.put("type", "object");
        crmArgs.set("required", Json.arr("number"));
        crmArgs.putObject("properties").putObject("number").put("type", "string").put("example", "+390810000001");
        c.tools.add(crm);
        c.tools.add(tool(TOOL_TRANSFER_HUMAN, "Transfer to operator", "Transfers the call to a human.", "builtin"));
        c.tools.add(tool(TOOL_SEND_SMS, "Send SMS", "Sends an SMS to the caller.", "builtin"));
    }

    private static ObjectNode tool(String id, String name, String description, String type) {
        ObjectNode o = Json.obj();
        o.put("toolId", id);
        o.put("name", name);
        o.put("description", description);
        o.put("type", type);
        return o;
    }

    private static ObjectNode limits(int concurrent, int hour, int day, int duration) {
        ObjectNode o = Json.obj();
        o.put("maxConcurrentCalls", concurrent);
        o.put("maxCallsPerHour", hour);
        o.put("maxCallsPerDay", day);
        o.put("maxCallDurationSeconds", duration);
        o.put("contractedMaxConcurrentCalls", CONTRACTED_MAX_CONCURRENT_CALLS);
        return o;
    }

    static ObjectNode route(String number, String assistant) {
        ObjectNode o = Json.obj();
        o.put("number", number);
        o.put("assistantApiKey", assistant);
        return o;
    }

    private static CustomerState.RagDocument document(String id, String collection, String fileName, String contentType, String content,
                                                      String description, String uploadedAt) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new CustomerState.RagDocument(id, collection, fileName, contentType, bytes.length, Digests.sha256Hex(bytes), description, uploadedAt, bytes);
    }

    static ArrayNode copy(List<ObjectNode> list) {
        ArrayNode a = Json.F.arrayNode();
        list.forEach(o -> a.add(o.deepCopy()));
        return a;
    }
}
