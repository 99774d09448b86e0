package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static io.github.camelai4call.simulator.Http.Ctx;
import static io.github.camelai4call.simulator.Http.Response;

/** Voice: the TTS, ASR and LLM catalogs and the runtime assignment of voice, models and DTMF. */
final class VoiceHandlers {

    void registerIn(Handlers.Table table) {
        table.put("listTtsProviders", c -> ListPage.of(c, Catalog.TTS_PROVIDERS));
        table.put("listAsrProviders", c -> ListPage.of(c, Catalog.ASR_PROVIDERS));
        table.put("listLlmProviders", c -> ListPage.of(c, Catalog.LLM_PROVIDERS));
        table.put("listTtsVoices", c -> catalogFor(c, Catalog.TTS_VOICES, true));
        table.put("listAsrModels", c -> catalogFor(c, Catalog.ASR_MODELS, true));
        table.put("listLlmModels", c -> catalogFor(c, Catalog.LLM_MODELS, false));
        table.put("updateTts", VoiceHandlers::updateTts);
        table.put("updateAsr", VoiceHandlers::updateAsr);
        table.put("updateLlm", VoiceHandlers::updateLlm);
        table.put("updateDtmf", c -> AssistantHandlers.replaceSetting(c, c.objectBody(), (a, v) -> a.dtmf = v));
    }

    private static Response catalogFor(Ctx c, List<ObjectNode> entries, boolean languageFilter) {
        synchronized (c.customer) {
            c.assistant();
        }
        String provider = c.q("provider");
        String language = languageFilter ? c.q("language") : null;
        Predicate<ObjectNode> keep = e -> (provider == null || provider.equals(e.get("providerId").asText()))
                && (language == null || hasLanguage(e, language));
        List<JsonNode> list = new ArrayList<>();
        for (ObjectNode e : entries) if (keep.test(e)) list.add(e);
        return ListPage.of(c, list);
    }

    private static boolean hasLanguage(ObjectNode entry, String language) {
        if (entry.has("language")) return entry.get("language").asText().equalsIgnoreCase(language);
        for (JsonNode l : entry.withArray("languages")) if (l.asText().equalsIgnoreCase(language)) return true;
        return false;
    }

    private static Response updateTts(Ctx c) {
        ObjectNode b = c.objectBody();
        requireCatalogChoice("TTS", Catalog.TTS_PROVIDERS, Catalog.TTS_VOICES, b, "voiceId", "voice");
        return AssistantHandlers.replaceSetting(c, b, (a, v) -> a.tts = v);
    }

    private static Response updateAsr(Ctx c) {
        ObjectNode b = c.objectBody();
        ObjectNode model = requireCatalogChoice("ASR", Catalog.ASR_PROVIDERS, Catalog.ASR_MODELS, b, "model", "model");
        if (b.has("language") && !hasLanguage(model, Json.text(b, "language"))) {
            throw ApiException.unprocessable("The model does not support " + Json.text(b, "language"), "language");
        }
        return AssistantHandlers.replaceSetting(c, b, (a, v) -> a.asr = v);
    }

    private static Response updateLlm(Ctx c) {
        ObjectNode b = c.objectBody();
        requireCatalogChoice("LLM", Catalog.LLM_PROVIDERS, Catalog.LLM_MODELS, b, "model", "model");
        return AssistantHandlers.replaceSetting(c, b, (a, v) -> a.llm = v);
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
}
