package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.github.camelai4call.simulator.Http.Ctx;
import static io.github.camelai4call.simulator.Http.Response;

/** Tools and pre-call: the tools catalog, the assistant's tools, number validation and MCP. */
final class ToolHandlers {

    void registerIn(Handlers.Table table) {
        table.put("listTools", c -> {
            synchronized (c.customer) {
                return ListPage.of(c, new ArrayList<>(c.customer.tools));
            }
        });
        table.put("listAssistantTools", ToolHandlers::listAssistantTools);
        table.put("updateTools", ToolHandlers::updateTools);
        table.put("listPreCallOptions", c -> {
            synchronized (c.customer) {
                CustomerState.AssistantState a = c.assistant();
                ObjectNode o = Json.obj();
                o.put("assistantApiKey", a.key);
                o.set("availableChecks", Json.arr("number-validation", "mcp-config"));
                o.set("numberValidation", a.numberValidation.deepCopy());
                o.set("mcpConfig", a.mcpConfig.deepCopy());
                return Response.ok(o);
            }
        });
        table.put("updateNumberValidation", c -> AssistantHandlers.replaceSetting(c, c.objectBody(), (a, v) -> a.numberValidation = v));
        table.put("updateMcpConfig", ToolHandlers::updateMcpConfig);
    }

    private static Response listAssistantTools(Ctx c) {
        synchronized (c.customer) {
            CustomerState.AssistantState a = c.assistant();
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
            return ListPage.of(c, list);
        }
    }

    private static Response updateTools(Ctx c) {
        ObjectNode b = c.objectBody();
        synchronized (c.customer) {
            CustomerState.AssistantState a = c.assistant();
            Set<String> ids = new LinkedHashSet<>();
            for (JsonNode t : b.withArray("toolIds")) {
                if (Catalog.find(c.customer.tools, "toolId", t.asText()) == null) {
                    throw ApiException.unprocessable("Unknown tool " + t.asText(), "toolIds");
                }
                ids.add(t.asText());
            }
            ObjectNode o = Json.obj();
            o.set("toolIds", Json.arr(ids.toArray(String[]::new)));
            if (Json.text(b, "webhookUrl") != null) o.put("webhookUrl", CallbackUrls.require(Json.text(b, "webhookUrl"), "webhookUrl"));
            a.tools = o;
            return Response.ok(o.deepCopy());
        }
    }

    private static Response updateMcpConfig(Ctx c) {
        ObjectNode b = c.objectBody();
        if (b.get("enabled").asBoolean() && Json.text(b, "serverUrl") == null) {
            throw ApiException.unprocessable("serverUrl is required when MCP is enabled", "serverUrl");
        }
        if (Json.text(b, "serverUrl") != null) CallbackUrls.require(Json.text(b, "serverUrl"), "serverUrl");
        return AssistantHandlers.replaceSetting(c, b, (a, v) -> a.mcpConfig = v);
    }
}
