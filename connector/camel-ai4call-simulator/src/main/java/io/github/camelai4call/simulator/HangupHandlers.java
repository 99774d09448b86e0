package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static io.github.camelai4call.simulator.Http.Ctx;
import static io.github.camelai4call.simulator.Http.Response;

/** Hangup and post-call: the call-end action, saving the conversation and the structured output schema. */
final class HangupHandlers {

    void registerIn(Handlers.Table table) {
        table.put("listHangupOptions", c -> {
            synchronized (c.customer) {
                CustomerState.AssistantState a = c.assistant();
                ObjectNode o = Json.obj();
                o.put("assistantApiKey", a.key);
                o.set("options", Catalog.copy(Catalog.HANGUP_OPTIONS));
                o.set("current", a.hangup.deepCopy());
                o.set("saveConversation", a.saveConversation.deepCopy());
                o.set("schema", a.hangupSchema.deepCopy());
                return Response.ok(o);
            }
        });
        table.put("updateHangup", HangupHandlers::updateHangup);
        table.put("updateSaveConversation", HangupHandlers::updateSaveConversation);
        table.put("updateHangupSchema", HangupHandlers::updateHangupSchema);
    }

    private static Response updateHangup(Ctx c) {
        ObjectNode b = c.objectBody();
        String action = Json.text(b, "action");
        if ("redirect".equals(action) && Json.text(b, "redirectUrl") == null) {
            throw ApiException.unprocessable("redirectUrl is required for action redirect", "redirectUrl");
        }
        if (Json.text(b, "redirectUrl") != null) CallbackUrls.require(Json.text(b, "redirectUrl"), "redirectUrl");
        if ("transfer".equals(action) && Json.text(b, "transferNumber") == null) {
            throw ApiException.unprocessable("transferNumber is required for action transfer", "transferNumber");
        }
        return AssistantHandlers.replaceSetting(c, b, (a, v) -> a.hangup = v);
    }

    private static Response updateSaveConversation(Ctx c) {
        ObjectNode b = c.objectBody();
        if ("webhook".equals(Json.text(b, "destination")) && Json.text(b, "webhookUrl") == null) {
            throw ApiException.unprocessable("webhookUrl is required for destination webhook", "webhookUrl");
        }
        if (Json.text(b, "webhookUrl") != null) CallbackUrls.require(Json.text(b, "webhookUrl"), "webhookUrl");
        return AssistantHandlers.replaceSetting(c, b, (a, v) -> a.saveConversation = v);
    }

    private static Response updateHangupSchema(Ctx c) {
        ObjectNode b = c.objectBody();
        JsonNode type = b.get("schema").get("type");
        if (type != null && !"object".equals(type.asText())) {
            throw ApiException.unprocessable("The structured output schema must be of type object", "schema");
        }
        return AssistantHandlers.replaceSetting(c, b, (a, v) -> a.hangupSchema = v);
    }
}
