package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import static io.github.camelai4call.simulator.Http.Ctx;
import static io.github.camelai4call.simulator.Http.Response;

/** Assistants: the list, creation, prompt and runtime settings; and the runtime PATCHes of one setting. */
final class AssistantHandlers {

    private final Ids ids;

    AssistantHandlers(Ids ids) {
        this.ids = ids;
    }

    void registerIn(Handlers.Table table) {
        table.put("listAssistants", c -> {
            synchronized (c.customer) {
                List<JsonNode> list = new ArrayList<>();
                c.customer.assistants.values().forEach(a -> list.add(a.assistant.deepCopy()));
                return ListPage.of(c, list);
            }
        });
        table.put("createAssistant", this::createAssistant);
        table.put("getAssistant", c -> {
            synchronized (c.customer) {
                return Response.ok(c.assistant().assistant.deepCopy());
            }
        });
        table.put("getAssistantPrompt", c -> {
            synchronized (c.customer) {
                return Response.ok(c.assistant().prompt.deepCopy());
            }
        });
        table.put("updateAssistantPrompt", AssistantHandlers::updatePrompt);
        table.put("getRuntimeSettings", c -> {
            synchronized (c.customer) {
                return Response.ok(c.assistant().runtimeSettings());
            }
        });
        table.put("updateRuntimeSettings", AssistantHandlers::updateRuntimeSettings);
    }

    private Response createAssistant(Ctx c) {
        ObjectNode b = c.objectBody();
        String name = Json.text(b, "name").trim();
        if (name.isEmpty()) throw ApiException.badRequest("name must not be blank", "name");
        synchronized (c.customer) {
            for (CustomerState.AssistantState a : c.customer.assistants.values()) {
                if (a.name().equalsIgnoreCase(name)) throw ApiException.conflict("An assistant with this name already exists", "name");
            }
            String key;
            do {
                key = ids.next("ast_" + c.customer.tag + "_", 12);
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
        ObjectNode b = c.objectBody();
        synchronized (c.customer) {
            CustomerState.AssistantState a = c.assistant();
            if (b.has("prompt")) a.prompt.put("prompt", Json.text(b, "prompt"));
            if (b.has("firstMessage")) a.prompt.put("firstMessage", Json.text(b, "firstMessage"));
            String now = Json.now();
            a.prompt.put("updatedAt", now);
            a.assistant.put("updatedAt", now);
            return Response.ok(a.prompt.deepCopy());
        }
    }

    private static Response updateRuntimeSettings(Ctx c) {
        ObjectNode b = c.objectBody();
        synchronized (c.customer) {
            CustomerState.AssistantState a = c.assistant();
            if (b.get("settings") instanceof ObjectNode s) a.settings.setAll(s);
            if (b.get("advancedSettings") instanceof ObjectNode s) a.advancedSettings.setAll(s);
            a.assistant.put("updatedAt", Json.now());
            return Response.ok(a.runtimeSettings());
        }
    }

    /** A runtime PATCH that replaces one setting of the path's assistant with the (validated) body and echoes it. */
    static Response replaceSetting(Ctx c, ObjectNode body,
            java.util.function.BiConsumer<CustomerState.AssistantState, ObjectNode> setting) {
        synchronized (c.customer) {
            setting.accept(c.assistant(), body);
            return Response.ok(body.deepCopy());
        }
    }
}
