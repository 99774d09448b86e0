package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;

/**
 * A deterministic value that follows a JSON schema: the arguments of a tool invocation (the tool's
 * {@code parameters}) and the structured output of a call (the assistant's hangup schema). A schema's
 * {@code example}, {@code default}, {@code const} or first {@code enum} value wins; otherwise objects get every
 * property, arrays one item, strings {@code "example"} (a date or date-time format: the call's), numbers their
 * minimum or 1, and booleans the given flag (for a structured output: whether the call went as planned).
 */
final class SchemaValues {

    private SchemaValues() {
    }

    static JsonNode of(JsonNode schema, boolean flag, Instant at) {
        if (schema == null || !schema.isObject()) return Json.obj();
        for (String literal : new String[] {"example", "default", "const"}) {
            if (schema.has(literal)) return schema.get(literal).deepCopy();
        }
        if (schema.path("enum").isArray() && !schema.get("enum").isEmpty()) return schema.get("enum").get(0).deepCopy();
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                ObjectNode o = Json.obj();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    o.set(p.getKey(), of(p.getValue(), flag, at));
                }
                return o;
            }
            case "array": {
                ArrayNode a = Json.F.arrayNode();
                if (schema.has("items")) a.add(of(schema.get("items"), flag, at));
                return a;
            }
            case "boolean":
                return Json.F.booleanNode(flag);
            case "integer":
                return Json.F.numberNode(schema.path("minimum").asLong(1));
            case "number":
                return Json.F.numberNode(schema.path("minimum").asDouble(1.0));
            default:
                String format = schema.path("format").asText("");
                if (format.equals("date")) return Json.F.textNode(at.atOffset(ZoneOffset.UTC).toLocalDate().toString());
                if (format.equals("date-time")) return Json.F.textNode(at.truncatedTo(ChronoUnit.SECONDS).toString());
                return Json.F.textNode("example");
        }
    }
}
