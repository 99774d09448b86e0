package io.github.camelai4call.component.callback;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelai4call.component.request.BodySchemaValidator;
import io.github.camelai4call.component.request.InvalidRequest;
import io.github.camelai4call.component.support.JsonMapper;

/**
 * A route's result as the answer a tool call needs: a model of the answer schema, a Map or JsonNode of its shape, the
 * JSON text of such an object (what an HTTP or Kamelet sink answers), or any other String, taken as its
 * {@code result}; the request's {@code callId} put in when absent; checked against the contract's answer schema.
 * The fallback answer has the same shape.
 */
public final class ToolCallAnswers {

    private final String schema;
    private final BodySchemaValidator validator;

    /** @param schema the contract schema of the answer (ToolCallAnswer) */
    public ToolCallAnswers(String schema, BodySchemaValidator validator) {
        this.schema = schema;
        this.validator = validator;
    }

    /** The answer JSON, or an {@link IllegalArgumentException} saying what the route's result lacks. */
    public byte[] answer(Object result, String callId) {
        ObjectNode node;
        if (result == null) {
            throw new IllegalArgumentException("the route left no body: a " + schema + ", a Map or a String (its result) is needed");
        } else if (result instanceof String text && !isJsonObject(text)) {
            node = JsonMapper.get().createObjectNode().put("result", text);
        } else if (result instanceof String json) {
            try {
                node = (ObjectNode) JsonMapper.get().readTree(json);
            } catch (IOException | ClassCastException e) {
                node = JsonMapper.get().createObjectNode().put("result", json);
            }
        } else {
            JsonNode tree = result instanceof JsonNode j ? j : JsonMapper.get().valueToTree(result instanceof Map<?, ?> m ? m : result);
            if (!tree.isObject()) {
                throw new IllegalArgumentException("the route's body is not an object of " + schema + ": " + tree.getNodeType());
            }
            node = ((ObjectNode) tree).deepCopy();
        }
        return checked(node, callId);
    }

    /** The answer with the request's callId, checked against the schema, as JSON. */
    private byte[] checked(ObjectNode node, String callId) {
        JsonNode given = node.get("callId");
        if (given == null || given.isNull()) {
            node.put("callId", callId);
        } else if (!given.asText().equals(callId)) {
            throw new IllegalArgumentException("the answer's callId '" + given.asText() + "' is not the request's '" + callId + "'");
        }
        try {
            validator.validate(schema, node);
        } catch (InvalidRequest e) {
            throw new IllegalArgumentException("the answer is not a " + schema + ": " + e.parameter() + " " + e.problem());
        }
        try {
            return JsonMapper.get().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the text looks like a JSON object, so is the answer itself, not the sentence to speak. */
    private static boolean isJsonObject(String text) {
        String t = text.strip();
        return t.startsWith("{") && t.endsWith("}");
    }

    /** The fallback answer: {@code result} as configured, the request's callId. */
    public byte[] fallback(String result, String callId) {
        return checked(JsonMapper.get().createObjectNode().put("result", result), callId);
    }
}
