package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The in-memory state of one customer. Guarded by the instance's monitor (except feeds and the allow-list). */
final class CustomerState {

    final String customerId;
    final String email;
    final String companyName;
    final String plan;
    final byte[] portalApiKey;
    /** The key of the signatures of what the platform sends to this customer's URLs; never logged. */
    final String webhookSecret;
    final String tag;
    final List<String> pbxTrunks;

    final Map<String, AssistantState> assistants = new LinkedHashMap<>();
    final Map<String, RagCollection> collections = new LinkedHashMap<>();
    final List<ObjectNode> tools = new ArrayList<>();
    final Map<String, PluginInstance> plugins = new LinkedHashMap<>();
    ObjectNode callLimits;
    volatile IpAllowList allowList = IpAllowList.DISABLED;
    ArrayNode routes;
    Map<FeedKind, Feed> feeds;
    /** The outbound calls in progress, for maxConcurrentCalls. */
    int liveCalls;
    /** When the outbound calls of the last 24 hours were accepted (epoch millis, oldest first), for the hour and day limits. */
    final java.util.ArrayDeque<Long> acceptedCalls = new java.util.ArrayDeque<>();
    int assistantSeq;
    int documentSeq;
    int pluginSeq;

    CustomerState(String customerId, String email, String portalApiKey, String webhookSecret, String companyName, String plan,
                  String tag, List<String> pbxTrunks) {
        this.customerId = customerId;
        this.email = email;
        this.portalApiKey = portalApiKey.getBytes(StandardCharsets.UTF_8);
        this.webhookSecret = webhookSecret;
        this.companyName = companyName;
        this.plan = plan;
        this.tag = tag;
        this.pbxTrunks = pbxTrunks;
    }

    /** The feed an analytics operation reads (analyticsCallsOutbound reads the calls feed). */
    Feed feed(FeedKind kind) {
        return feeds.get(kind.store());
    }

    /** An assistant of this customer, or a 404 naming {@code assistantApiKey}; call it holding the monitor. */
    AssistantState assistant(String key) {
        AssistantState a = key == null ? null : assistants.get(key);
        if (a == null) throw ApiException.notFound("Assistant not found", "assistantApiKey");
        return a;
    }

    static final class AssistantState {
        final String key;
        final String companyNumber;
        ObjectNode assistant;
        ObjectNode prompt;
        ObjectNode settings;
        ObjectNode advancedSettings;
        ObjectNode tts;
        ObjectNode asr;
        ObjectNode llm;
        ObjectNode dtmf;
        ObjectNode rag;
        ObjectNode tools;
        ObjectNode hangup;
        ObjectNode numberValidation;
        ObjectNode mcpConfig;
        ObjectNode saveConversation;
        ObjectNode hangupSchema;
        /** The arguments of the webhook tools' invocations set through the admin API (toolId -> arguments). */
        final Map<String, ObjectNode> toolArguments = new LinkedHashMap<>();

        AssistantState(String key, String companyNumber) {
            this.key = key;
            this.companyNumber = companyNumber;
        }

        String name() {
            return assistant.get("name").asText();
        }

        ObjectNode runtimeSettings() {
            ObjectNode o = Json.obj();
            o.put("assistantApiKey", key);
            o.set("settings", settings.deepCopy());
            o.set("advancedSettings", advancedSettings.deepCopy());
            o.set("tts", tts.deepCopy());
            o.set("asr", asr.deepCopy());
            o.set("llm", llm.deepCopy());
            o.set("dtmf", dtmf.deepCopy());
            o.set("rag", rag.deepCopy());
            o.set("tools", tools.deepCopy());
            o.set("hangup", hangup.deepCopy());
            return o;
        }
    }

    static final class RagCollection {
        final String name;
        String description;
        String updatedAt;
        final Map<String, RagDocument> documents = new LinkedHashMap<>();

        RagCollection(String name, String description, String updatedAt) {
            this.name = name;
            this.description = description;
            this.updatedAt = updatedAt;
        }

        ObjectNode toJson() {
            ObjectNode o = Json.obj();
            o.put("name", name);
            if (description != null) o.put("description", description);
            o.put("documentCount", documents.size());
            o.put("sizeBytes", documents.values().stream().mapToLong(d -> d.sizeBytes).sum());
            o.put("updatedAt", updatedAt);
            return o;
        }
    }

    static final class RagDocument {
        final String documentId;
        final String collectionName;
        final String fileName;
        final String contentType;
        final long sizeBytes;
        final String sha256;
        final String description;
        final String uploadedAt;
        final byte[] content; // null when larger than the configured limit

        RagDocument(String documentId, String collectionName, String fileName, String contentType, long sizeBytes,
                    String sha256, String description, String uploadedAt, byte[] content) {
            this.documentId = documentId;
            this.collectionName = collectionName;
            this.fileName = fileName;
            this.contentType = contentType;
            this.sizeBytes = sizeBytes;
            this.sha256 = sha256;
            this.description = description;
            this.uploadedAt = uploadedAt;
            this.content = content;
        }

        ObjectNode toJson() {
            ObjectNode o = Json.obj();
            o.put("documentId", documentId);
            o.put("collectionName", collectionName);
            o.put("fileName", fileName);
            o.put("contentType", contentType);
            o.put("sizeBytes", sizeBytes);
            o.put("sha256", sha256);
            if (description != null) o.put("description", description);
            o.put("status", "indexed");
            o.put("uploadedAt", uploadedAt);
            return o;
        }
    }

    static final class PluginInstance {
        final ObjectNode instance;
        ObjectNode settings;

        PluginInstance(ObjectNode instance, ObjectNode settings) {
            this.instance = instance;
            this.settings = settings;
        }

        String pluginId() {
            return instance.get("pluginId").asText();
        }

        ObjectNode configuration() {
            ObjectNode o = Json.obj();
            o.put("instanceId", instance.get("instanceId").asText());
            o.put("pluginId", pluginId());
            o.set("settings", settings.deepCopy());
            return o;
        }
    }
}
