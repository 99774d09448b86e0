package io.github.camelai4call.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static io.github.camelai4call.simulator.Http.Ctx;
import static io.github.camelai4call.simulator.Http.Response;

/** One handler per operationId of the contract. */
final class Handlers {

    private static final Set<String> DOCUMENT_EXTENSIONS = Set.of("pdf", "docx", "txt", "md", "html", "htm");
    private static final long DAY = 24L * 3600 * 1000;

    private final Ai4callSimulator sim;

    Handlers(Ai4callSimulator sim) {
        this.sim = sim;
    }

    Response handle(Ctx c) throws IOException {
        switch (c.operationId) {
            case "portalLogin": return portalLogin(c);
            case "health": return health();
            // account
            case "getAllowedIps": synchronized (c.customer) { return ok(c.customer.allowedIps.deepCopy()); }
            case "updateAllowedIps": return updateAllowedIps(c);
            case "getCallLimits": synchronized (c.customer) { return ok(c.customer.callLimits.deepCopy()); }
            case "updateCallLimits": return updateCallLimits(c);
            case "getNumberRouting": synchronized (c.customer) { return ok(routing(c.customer)); }
            case "updateNumberRouting": return updateNumberRouting(c);
            case "listAvailablePlugins": return page(c, Catalog.PLUGINS);
            case "listPluginInstances": synchronized (c.customer) {
                List<JsonNode> list = new ArrayList<>();
                c.customer.plugins.values().forEach(p -> list.add(p.instance.deepCopy()));
                return page(c, list);
            }
            case "getPluginConfiguration": synchronized (c.customer) { return ok(plugin(c, c.q("instanceId")).configuration()); }
            case "updatePluginConfiguration": return updatePluginConfiguration(c);
            case "purchasePlugin": return purchasePlugin(c);
            // assistants
            case "listAssistants": synchronized (c.customer) {
                List<JsonNode> list = new ArrayList<>();
                c.customer.assistants.values().forEach(a -> list.add(a.assistant.deepCopy()));
                return page(c, list);
            }
            case "createAssistant": return createAssistant(c);
            case "getAssistant": synchronized (c.customer) { return ok(assistant(c).assistant.deepCopy()); }
            case "getAssistantPrompt": synchronized (c.customer) { return ok(assistant(c).prompt.deepCopy()); }
            case "updateAssistantPrompt": return updatePrompt(c);
            case "getRuntimeSettings": synchronized (c.customer) { return ok(assistant(c).runtimeSettings()); }
            case "updateRuntimeSettings": return updateRuntimeSettings(c);
            // voice
            case "listTtsProviders": return page(c, Catalog.TTS_PROVIDERS);
            case "listAsrProviders": return page(c, Catalog.ASR_PROVIDERS);
            case "listLlmProviders": return page(c, Catalog.LLM_PROVIDERS);
            case "listTtsVoices": return catalogFor(c, Catalog.TTS_VOICES, true);
            case "listAsrModels": return catalogFor(c, Catalog.ASR_MODELS, true);
            case "listLlmModels": return catalogFor(c, Catalog.LLM_MODELS, false);
            case "updateTts": return updateTts(c);
            case "updateAsr": return updateAsr(c);
            case "updateLlm": return updateLlm(c);
            case "updateDtmf": return replaceOnAssistant(c, body(c), (a, v) -> a.dtmf = v);
            // rag
            case "listRagCollections": synchronized (c.customer) {
                List<JsonNode> list = new ArrayList<>();
                c.customer.collections.values().forEach(col -> list.add(col.toJson()));
                return page(c, list);
            }
            case "listRagDocuments": synchronized (c.customer) {
                List<JsonNode> list = new ArrayList<>();
                collection(c).documents.values().forEach(d -> list.add(d.toJson()));
                return page(c, list);
            }
            case "uploadRagDocument": return uploadRagDocument(c);
            case "deleteRagDocument": return deleteRagDocument(c);
            case "estimateRagDocument": return estimate(c);
            case "updateRag": return updateRag(c);
            // tools
            case "listTools": synchronized (c.customer) { return page(c, new ArrayList<>(c.customer.tools)); }
            case "listAssistantTools": return listAssistantTools(c);
            case "updateTools": return updateTools(c);
            case "listPreCallOptions": synchronized (c.customer) {
                CustomerState.AssistantState a = assistant(c);
                ObjectNode o = Json.obj();
                o.put("assistantApiKey", a.key);
                o.set("availableChecks", Json.arr("number-validation", "mcp-config"));
                o.set("numberValidation", a.numberValidation.deepCopy());
                o.set("mcpConfig", a.mcpConfig.deepCopy());
                return ok(o);
            }
            case "updateNumberValidation": return replaceOnAssistant(c, body(c), (a, v) -> a.numberValidation = v);
            case "updateMcpConfig": return updateMcpConfig(c);
            // hangup
            case "listHangupOptions": synchronized (c.customer) {
                CustomerState.AssistantState a = assistant(c);
                ObjectNode o = Json.obj();
                o.put("assistantApiKey", a.key);
                o.set("options", Catalog.copy(Catalog.HANGUP_OPTIONS));
                o.set("current", a.hangup.deepCopy());
                o.set("saveConversation", a.saveConversation.deepCopy());
                o.set("schema", a.hangupSchema.deepCopy());
                return ok(o);
            }
            case "updateHangup": return updateHangup(c);
            case "updateSaveConversation": return updateSaveConversation(c);
            case "updateHangupSchema": return updateHangupSchema(c);
            // outbound
            case "outboundCall": return sim.placeCall(c, "trunk");
            case "outboundCallPbx": return sim.placeCall(c, "pbx");
            // analytics
            case "analyticsCalls":
            case "analyticsCallsOutbound":
            case "analyticsRecharges":
            case "analyticsRag":
            case "analyticsSms":
            case "analyticsToolResponses":
            case "analyticsPreCall":
                return analytics(c);
            default:
                throw new ApiException(501, "NOT_IMPLEMENTED", "Operation " + c.operationId + " is not simulated", null);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static Response ok(JsonNode node) {
        return Response.json(200, node);
    }

    private static ObjectNode body(Ctx c) {
        if (c.body instanceof ObjectNode o) return o.deepCopy();
        throw ApiException.badRequest("A JSON object body is required", null);
    }

    private static CustomerState.AssistantState assistant(Ctx c) {
        return assistant(c.customer, c.path("assistantApiKey"));
    }

    static CustomerState.AssistantState assistant(CustomerState customer, String key) {
        CustomerState.AssistantState a = key == null ? null : customer.assistants.get(key);
        if (a == null) throw ApiException.notFound("Assistant not found", "assistantApiKey");
        return a;
    }

    private static CustomerState.RagCollection collection(Ctx c) {
        CustomerState.RagCollection col = c.customer.collections.get(c.path("collectionName"));
        if (col == null) throw ApiException.notFound("RAG collection not found", "collectionName");
        return col;
    }

    private static CustomerState.PluginInstance plugin(Ctx c, String instanceId) {
        CustomerState.PluginInstance p = instanceId == null ? null : c.customer.plugins.get(instanceId);
        if (p == null) throw ApiException.notFound("Plugin instance not found", "instanceId");
        return p;
    }

    /** A page of a small in-memory list; the cursor is the offset. */
    static Response page(Ctx c, List<? extends JsonNode> items) {
        int limit = limit(c);
        int offset = 0;
        String cursor = c.q("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            try {
                String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                if (!s.startsWith("o|")) throw new IllegalArgumentException();
                offset = Integer.parseInt(s.substring(2));
                if (offset < 0) throw new IllegalArgumentException();
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("cursor is not a cursor of this list", "cursor");
            }
        }
        ObjectNode o = Json.obj();
        ArrayNode arr = o.putArray("items");
        int end = Math.min(items.size(), offset + limit);
        for (int i = offset; i < end; i++) arr.add(items.get(i).deepCopy());
        boolean more = end < items.size();
        ObjectNode page = o.putObject("page");
        if (more) {
            page.put("nextCursor", Base64.getUrlEncoder().withoutPadding().encodeToString(("o|" + end).getBytes(StandardCharsets.UTF_8)));
        } else {
            page.putNull("nextCursor");
        }
        page.put("hasMore", more);
        return ok(o);
    }

    private static int limit(Ctx c) {
        String l = c.q("limit");
        if (l == null || l.isEmpty()) return 100;
        try {
            int v = Integer.parseInt(l);
            if (v < 1 || v > 1000) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be an integer between 1 and 1000", "limit");
        }
    }

    // ------------------------------------------------------------------------------------------------ auth & account

    private Response portalLogin(Ctx c) {
        ObjectNode b = body(c);
        CustomerState cust = sim.authenticate(Json.text(b, "email"), Json.text(b, "portalApiKey"));
        if (cust == null) throw ApiException.unauthorized();
        sim.checkIp(cust, c.remote);
        ObjectNode o = Json.obj();
        o.put("authenticated", true);
        o.put("customerId", cust.customerId);
        o.put("email", cust.email);
        o.put("companyName", cust.companyName);
        o.put("plan", cust.plan);
        return ok(o);
    }

    private static Response health() {
        ObjectNode o = Json.obj();
        o.put("status", "UP");
        o.put("version", "1.0.0");
        o.put("time", Json.now());
        return ok(o);
    }

    private static Response updateAllowedIps(Ctx c) {
        ObjectNode b = body(c);
        List<IpRule> rules = new ArrayList<>();
        ArrayNode ips = Json.F.arrayNode();
        int i = 0;
        for (JsonNode ip : b.withArray("ips")) {
            try {
                rules.add(IpRule.parse(ip.asText()));
            } catch (IllegalArgumentException e) {
                throw ApiException.unprocessable(e.getMessage(), "ips[" + i + "]");
            }
            ips.add(ip.asText().trim());
            i++;
        }
        boolean enabled = b.has("enabled") ? b.get("enabled").asBoolean() : !rules.isEmpty();
        synchronized (c.customer) {
            ObjectNode o = Json.obj();
            o.put("enabled", enabled);
            o.set("ips", ips);
            c.customer.allowedIps = o;
            c.customer.ipRules = enabled && !rules.isEmpty() ? List.copyOf(rules) : List.of();
            return ok(o.deepCopy());
        }
    }

    private static Response updateCallLimits(Ctx c) {
        ObjectNode b = body(c);
        synchronized (c.customer) {
            ObjectNode limits = c.customer.callLimits;
            int contracted = limits.get("contractedMaxConcurrentCalls").asInt();
            if (b.has("maxConcurrentCalls") && b.get("maxConcurrentCalls").asInt() > contracted) {
                throw ApiException.unprocessable("maxConcurrentCalls exceeds the contracted capacity of " + contracted, "maxConcurrentCalls");
            }
            long perHour = b.has("maxCallsPerHour") ? b.get("maxCallsPerHour").asLong() : limits.get("maxCallsPerHour").asLong();
            long perDay = b.has("maxCallsPerDay") ? b.get("maxCallsPerDay").asLong() : limits.get("maxCallsPerDay").asLong();
            if (perHour > perDay) {
                throw ApiException.unprocessable("maxCallsPerHour cannot exceed maxCallsPerDay", b.has("maxCallsPerHour") ? "maxCallsPerHour" : "maxCallsPerDay");
            }
            for (String f : List.of("maxConcurrentCalls", "maxCallsPerHour", "maxCallsPerDay", "maxCallDurationSeconds")) {
                if (b.has(f)) limits.put(f, b.get(f).asInt());
            }
            return ok(limits.deepCopy());
        }
    }

    private static ObjectNode routing(CustomerState cust) {
        ObjectNode o = Json.obj();
        o.set("routes", cust.routes.deepCopy());
        return o;
    }

    private static Response updateNumberRouting(Ctx c) {
        ObjectNode b = body(c);
        synchronized (c.customer) {
            Set<String> numbers = new LinkedHashSet<>();
            ArrayNode routes = Json.F.arrayNode();
            int i = 0;
            for (JsonNode r : b.withArray("routes")) {
                String number = r.get("number").asText();
                String key = r.get("assistantApiKey").asText();
                if (!c.customer.assistants.containsKey(key)) {
                    throw ApiException.unprocessable("Unknown assistant " + Json.mask(key), "routes[" + i + "].assistantApiKey");
                }
                if (!numbers.add(number)) {
                    throw ApiException.unprocessable("Number routed twice: " + number, "routes[" + i + "].number");
                }
                routes.add(Catalog.route(number, key));
                i++;
            }
            c.customer.routes = routes;
            return ok(routing(c.customer));
        }
    }

    private static Response updatePluginConfiguration(Ctx c) {
        ObjectNode b = body(c);
        synchronized (c.customer) {
            CustomerState.PluginInstance p = plugin(c, Json.text(b, "instanceId"));
            JsonNode settings = b.get("settings");
            p.settings = settings instanceof ObjectNode o ? o.deepCopy() : Json.obj();
            return ok(p.configuration());
        }
    }

    private Response purchasePlugin(Ctx c) {
        ObjectNode b = body(c);
        String pluginId = Json.text(b, "pluginId");
        if (Catalog.find(Catalog.PLUGINS, "pluginId", pluginId) == null) {
            throw ApiException.notFound("Plugin not found", "pluginId");
        }
        if (b.has("acceptTerms") && !b.get("acceptTerms").asBoolean()) {
            throw ApiException.unprocessable("The terms must be accepted to purchase a plugin", "acceptTerms");
        }
        synchronized (c.customer) {
            for (CustomerState.PluginInstance p : c.customer.plugins.values()) {
                if (p.pluginId().equals(pluginId)) throw ApiException.conflict("Plugin already purchased", "pluginId");
            }
            String instanceId = String.format(Locale.ROOT, "pli_%s_%02d", c.customer.tag, ++c.customer.pluginSeq);
            ObjectNode inst = Json.obj();
            inst.put("instanceId", instanceId);
            inst.put("pluginId", pluginId);
            inst.put("status", "active");
            inst.put("createdAt", Json.now());
            c.customer.plugins.put(instanceId, new CustomerState.PluginInstance(inst, Json.obj()));
            return ok(inst.deepCopy());
        }
    }

    // ------------------------------------------------------------------------------------------------ assistants

    private Response createAssistant(Ctx c) {
        ObjectNode b = body(c);
        String name = Json.text(b, "name").trim();
        if (name.isEmpty()) throw ApiException.badRequest("name must not be blank", "name");
        synchronized (c.customer) {
            for (CustomerState.AssistantState a : c.customer.assistants.values()) {
                if (a.name().equalsIgnoreCase(name)) throw ApiException.conflict("An assistant with this name already exists", "name");
            }
            String key;
            do {
                key = "ast_" + c.customer.tag + "_" + sim.randomHex(12);
            } while (c.customer.assistants.containsKey(key));
            c.customer.assistantSeq++;
            String language = b.has("language") ? Json.text(b, "language") : "it-IT";
            String number = c.customer.assistants.isEmpty() ? "+390200000099" : c.customer.assistants.values().iterator().next().companyNumber;
            Catalog.addAssistant(c.customer, key, name, Json.text(b, "description"), language, number,
                    b.has("prompt") ? Json.text(b, "prompt") : "You are a helpful voice assistant of " + c.customer.companyName + ".",
                    b.has("firstMessage") ? Json.text(b, "firstMessage") : "Hello, how can I help you?", Json.now());
            return Response.json(201, c.customer.assistants.get(key).assistant.deepCopy());
        }
    }

    private static Response updatePrompt(Ctx c) {
        ObjectNode b = body(c);
        synchronized (c.customer) {
            CustomerState.AssistantState a = assistant(c);
            if (b.has("prompt")) a.prompt.put("prompt", Json.text(b, "prompt"));
            if (b.has("firstMessage")) a.prompt.put("firstMessage", Json.text(b, "firstMessage"));
            String now = Json.now();
            a.prompt.put("updatedAt", now);
            a.assistant.put("updatedAt", now);
            return ok(a.prompt.deepCopy());
        }
    }

    private static Response updateRuntimeSettings(Ctx c) {
        ObjectNode b = body(c);
        synchronized (c.customer) {
            CustomerState.AssistantState a = assistant(c);
            if (b.get("settings") instanceof ObjectNode s) a.settings.setAll(s);
            if (b.get("advancedSettings") instanceof ObjectNode s) a.advancedSettings.setAll(s);
            a.assistant.put("updatedAt", Json.now());
            return ok(a.runtimeSettings());
        }
    }

    // ------------------------------------------------------------------------------------------------ voice

    private static Response catalogFor(Ctx c, List<ObjectNode> entries, boolean languageFilter) {
        synchronized (c.customer) {
            assistant(c);
        }
        String provider = c.q("provider");
        String language = languageFilter ? c.q("language") : null;
        Predicate<ObjectNode> keep = e -> (provider == null || provider.equals(e.get("providerId").asText()))
                && (language == null || hasLanguage(e, language));
        List<JsonNode> list = new ArrayList<>();
        for (ObjectNode e : entries) if (keep.test(e)) list.add(e);
        return page(c, list);
    }

    private static boolean hasLanguage(ObjectNode entry, String language) {
        if (entry.has("language")) return entry.get("language").asText().equalsIgnoreCase(language);
        for (JsonNode l : entry.withArray("languages")) if (l.asText().equalsIgnoreCase(language)) return true;
        return false;
    }

    private static Response updateTts(Ctx c) {
        ObjectNode b = body(c);
        requireCatalogChoice("TTS", Catalog.TTS_PROVIDERS, Catalog.TTS_VOICES, b, "voiceId", "voice");
        return replaceOnAssistant(c, b, (a, v) -> a.tts = v);
    }

    private static Response updateAsr(Ctx c) {
        ObjectNode b = body(c);
        ObjectNode model = requireCatalogChoice("ASR", Catalog.ASR_PROVIDERS, Catalog.ASR_MODELS, b, "model", "model");
        if (b.has("language") && !hasLanguage(model, Json.text(b, "language"))) {
            throw ApiException.unprocessable("The model does not support " + Json.text(b, "language"), "language");
        }
        return replaceOnAssistant(c, b, (a, v) -> a.asr = v);
    }

    private static Response updateLlm(Ctx c) {
        ObjectNode b = body(c);
        requireCatalogChoice("LLM", Catalog.LLM_PROVIDERS, Catalog.LLM_MODELS, b, "model", "model");
        return replaceOnAssistant(c, b, (a, v) -> a.llm = v);
    }

    /** A runtime PATCH that replaces one setting of the path's assistant with the (validated) body and echoes it. */
    private static Response replaceOnAssistant(Ctx c, ObjectNode body,
            java.util.function.BiConsumer<CustomerState.AssistantState, ObjectNode> setting) {
        synchronized (c.customer) {
            setting.accept(assistant(c), body);
            return ok(body.deepCopy());
        }
    }

    /**
     * The catalog entry the body chooses (a voice or model of its provider), or 422 naming the field that is not in
     * the catalog. Voices are keyed by voiceId, models by modelId; the body names a model in {@code model}.
     */
    private static ObjectNode requireCatalogChoice(String area, List<ObjectNode> providers, List<ObjectNode> entries,
            ObjectNode body, String field, String what) {
        String provider = Json.text(body, "provider");
        if (Catalog.find(providers, "providerId", provider) == null) {
            throw ApiException.unprocessable("Unknown " + area + " provider " + provider, "provider");
        }
        String key = "voiceId".equals(field) ? "voiceId" : "modelId";
        ObjectNode entry = Catalog.find(entries, key, Json.text(body, field));
        if (entry == null || !entry.get("providerId").asText().equals(provider)) {
            throw ApiException.unprocessable("Unknown " + area + " " + what + " " + Json.text(body, field)
                    + " for provider " + provider, field);
        }
        return entry;
    }

    // ------------------------------------------------------------------------------------------------ rag

    private Response uploadRagDocument(Ctx c) {
        String ct = c.exchange.getRequestHeaders().getFirst("Content-Type");
        String boundary = Multipart.boundary(ct);
        if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("multipart/form-data") || boundary == null) {
            throw ApiException.badRequest("A multipart/form-data body with a boundary is required", "file");
        }
        int maxStored = sim.config().maxStoredDocumentBytes();
        String[] fileName = {null};
        String[] contentType = {null};
        String[] description = {null};
        long[] size = {0};
        String[] sha = {null};
        byte[][] content = {null};
        try (InputStream in = c.exchange.getRequestBody()) {
            Multipart.parse(in, boundary, (headers, part) -> {
                Map<String, String> cd = Multipart.params(headers.get("content-disposition"));
                String name = cd.get("name");
                if ("file".equals(name)) {
                    fileName[0] = cd.getOrDefault("filename", "document");
                    contentType[0] = headers.get("content-type");
                    MessageDigest md = sha256();
                    ByteArrayOutputStream keep = new ByteArrayOutputStream();
                    byte[] buf = new byte[16 * 1024];
                    long n = 0;
                    int r;
                    while ((r = part.read(buf, 0, buf.length)) >= 0) {
                        md.update(buf, 0, r);
                        if (keep != null && n + r <= maxStored) {
                            keep.write(buf, 0, r);
                        } else {
                            keep = null;
                        }
                        n += r;
                    }
                    size[0] = n;
                    sha[0] = HexFormat.of().formatHex(md.digest());
                    content[0] = keep == null ? null : keep.toByteArray();
                } else if ("description".equals(name)) {
                    byte[] d = part.readNBytes(8 * 1024);
                    description[0] = new String(d, StandardCharsets.UTF_8);
                }
            });
        } catch (IOException e) {
            throw new ApiException(400, "MALFORMED_REQUEST", "Malformed multipart body: " + e.getMessage(), "file");
        }
        if (fileName[0] == null) throw ApiException.badRequest("file: the part 'file' is required", "file");
        if (description[0] != null && description[0].length() > 500) {
            throw ApiException.badRequest("description: at most 500 characters", "description");
        }
        String ext = fileName[0].contains(".") ? fileName[0].substring(fileName[0].lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!DOCUMENT_EXTENSIONS.contains(ext)) {
            throw ApiException.unprocessable("Unsupported document type '" + ext + "' (PDF, DOCX, TXT, MD, HTML)", "file");
        }
        if (size[0] == 0) throw ApiException.unprocessable("The document is empty", "file");
        String type = contentType[0] != null ? contentType[0] : guessType(ext);
        String collectionName = c.path("collectionName");
        synchronized (c.customer) {
            CustomerState.RagCollection col = c.customer.collections.get(collectionName);
            if (col != null) {
                for (CustomerState.RagDocument d : col.documents.values()) {
                    if (d.fileName.equals(fileName[0])) throw ApiException.conflict("A document with this file name already exists", "file");
                }
            }
            String now = Json.now();
            if (col == null) {
                col = new CustomerState.RagCollection(collectionName, null, now);
                c.customer.collections.put(collectionName, col);
            }
            String id = String.format(Locale.ROOT, "doc_%06d", ++c.customer.documentSeq);
            CustomerState.RagDocument doc = new CustomerState.RagDocument(id, collectionName, fileName[0], type, size[0], sha[0],
                    description[0], now, content[0]);
            col.documents.put(id, doc);
            col.updatedAt = now;
            return Response.json(201, doc.toJson());
        }
    }

    private static String guessType(String ext) {
        switch (ext) {
            case "pdf": return "application/pdf";
            case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "md": return "text/markdown";
            case "html":
            case "htm": return "text/html";
            default: return "text/plain";
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response deleteRagDocument(Ctx c) {
        synchronized (c.customer) {
            CustomerState.RagCollection col = collection(c);
            String id = c.path("documentId");
            if (col.documents.remove(id) == null) throw ApiException.notFound("RAG document not found", "documentId");
            col.updatedAt = Json.now();
            ObjectNode o = Json.obj();
            o.put("documentId", id);
            o.put("deleted", true);
            return ok(o);
        }
    }

    private static Response estimate(Ctx c) {
        ObjectNode b = body(c);
        String fileName = Json.text(b, "fileName");
        String ext = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!DOCUMENT_EXTENSIONS.contains(ext)) {
            throw ApiException.unprocessable("Unsupported document type '" + ext + "' (PDF, DOCX, TXT, MD, HTML)", "fileName");
        }
        long size = b.get("sizeBytes").asLong();
        if (size > 100L * 1024 * 1024) throw ApiException.unprocessable("Documents are limited to 100 MB", "sizeBytes");
        long tokens = (size + 3) / 4;
        ObjectNode o = Json.obj();
        o.put("estimatedTokens", tokens);
        o.put("estimatedChunks", (int) Math.max(1, (tokens + 511) / 512));
        o.put("estimatedCost", Feeds.round(tokens / 1_000_000.0, 4));
        o.put("currency", "EUR");
        return ok(o);
    }

    private static Response updateRag(Ctx c) {
        ObjectNode b = body(c);
        synchronized (c.customer) {
            CustomerState.AssistantState a = assistant(c);
            for (JsonNode col : b.withArray("collections")) {
                if (!c.customer.collections.containsKey(col.asText())) {
                    throw ApiException.unprocessable("Unknown RAG collection " + col.asText(), "collections");
                }
            }
            a.rag = b;
            return ok(b.deepCopy());
        }
    }

    // ------------------------------------------------------------------------------------------------ tools

    private static Response listAssistantTools(Ctx c) {
        synchronized (c.customer) {
            CustomerState.AssistantState a = assistant(c);
            Set<String> bound = new LinkedHashSet<>();
            a.tools.withArray("toolIds").forEach(t -> bound.add(t.asText()));
            List<JsonNode> list = new ArrayList<>();
            for (ObjectNode t : c.customer.tools) {
                ObjectNode o = Json.obj();
                o.put("toolId", t.get("toolId").asText());
                o.put("name", t.get("name").asText());
                o.put("enabled", bound.contains(t.get("toolId").asText()));
                list.add(o);
            }
            return page(c, list);
        }
    }

    private static Response updateTools(Ctx c) {
        ObjectNode b = body(c);
        synchronized (c.customer) {
            CustomerState.AssistantState a = assistant(c);
            Set<String> ids = new LinkedHashSet<>();
            for (JsonNode t : b.withArray("toolIds")) {
                if (Catalog.find(c.customer.tools, "toolId", t.asText()) == null) {
                    throw ApiException.unprocessable("Unknown tool " + t.asText(), "toolIds");
                }
                ids.add(t.asText());
            }
            ObjectNode o = Json.obj();
            o.set("toolIds", Json.arr(ids.toArray(String[]::new)));
            a.tools = o;
            return ok(o.deepCopy());
        }
    }

    private static Response updateMcpConfig(Ctx c) {
        ObjectNode b = body(c);
        if (b.get("enabled").asBoolean() && Json.text(b, "serverUrl") == null) {
            throw ApiException.unprocessable("serverUrl is required when MCP is enabled", "serverUrl");
        }
        return replaceOnAssistant(c, b, (a, v) -> a.mcpConfig = v);
    }

    // ------------------------------------------------------------------------------------------------ hangup

    private static Response updateHangup(Ctx c) {
        ObjectNode b = body(c);
        String action = Json.text(b, "action");
        if ("redirect".equals(action) && Json.text(b, "redirectUrl") == null) {
            throw ApiException.unprocessable("redirectUrl is required for action redirect", "redirectUrl");
        }
        if ("transfer".equals(action) && Json.text(b, "transferNumber") == null) {
            throw ApiException.unprocessable("transferNumber is required for action transfer", "transferNumber");
        }
        return replaceOnAssistant(c, b, (a, v) -> a.hangup = v);
    }

    private static Response updateSaveConversation(Ctx c) {
        ObjectNode b = body(c);
        if ("webhook".equals(Json.text(b, "destination")) && Json.text(b, "webhookUrl") == null) {
            throw ApiException.unprocessable("webhookUrl is required for destination webhook", "webhookUrl");
        }
        return replaceOnAssistant(c, b, (a, v) -> a.saveConversation = v);
    }

    private static Response updateHangupSchema(Ctx c) {
        ObjectNode b = body(c);
        JsonNode type = b.get("schema").get("type");
        if (type != null && !"object".equals(type.asText())) {
            throw ApiException.unprocessable("The structured output schema must be of type object", "schema");
        }
        return replaceOnAssistant(c, b, (a, v) -> a.hangupSchema = v);
    }

    // ------------------------------------------------------------------------------------------------ analytics

    private static Response analytics(Ctx c) {
        Feeds.Feed feed = c.customer.feeds.get(Feeds.feedOf(c.operationId));
        Feeds.Query q = new Feeds.Query();
        long now = System.currentTimeMillis();
        q.limit = limit(c);
        q.from = instant(c, "from", now - 90 * DAY);
        q.to = instant(c, "to", now);
        String cursor = c.q("cursor");
        if (cursor != null && !cursor.isEmpty()) q.after = Feeds.Key.fromCursor(cursor);
        String assistantKey = c.q("assistantApiKey");
        if (assistantKey != null) {
            synchronized (c.customer) {
                assistant(c.customer, assistantKey);
            }
            q.equals.put("assistantApiKey", assistantKey);
        }
        if ("analyticsCallsOutbound".equals(c.operationId)) {
            q.equals.put("direction", "outbound");
        } else if (c.q("direction") != null) {
            q.equals.put("direction", c.q("direction"));
        }
        if (c.q("outcome") != null) q.equals.put("outcome", c.q("outcome"));
        if (c.q("callId") != null) q.equals.put(Feeds.CALLS.equals(feed.name) ? "id" : "callId", c.q("callId"));
        if (c.q("collectionName") != null) q.equals.put("collectionName", c.q("collectionName"));
        if (c.q("toolId") != null) q.equals.put("toolId", c.q("toolId"));
        q.metadataKey = c.q("metadataKey");
        q.metadataValue = c.q("metadataValue");
        return Response.stream(200, out -> {
            JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out);
            Feeds.writePage(feed, q, g);
            g.flush();
        });
    }

    private static long instant(Ctx c, String name, long def) {
        String v = c.q(name);
        if (v == null || v.isEmpty()) return def;
        try {
            return OffsetDateTime.parse(v).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(v).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest(name + " must be an ISO-8601 date-time", name);
            }
        }
    }
}
