package io.github.camelai4call.component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelai4call.component.support.JsonMapper;

/** What the message body becomes after an operation; the one place JSON answers are converted to it. */
public enum Ai4callOutputType {
    /** The typed model class of the operation's response (e.g. {@code OutboundCallResponse}). */
    model,
    /** A {@code java.util.Map} of the JSON response. */
    map,
    /** A Jackson {@code JsonNode}. */
    jsonNode,
    /** The JSON text. */
    string;

    /**
     * A JSON answer as this output type.
     *
     * @param json      the JSON bytes
     * @param modelType the model class for {@link #model}, or null to keep the JSON tree
     */
    public Object read(byte[] json, Class<?> modelType) throws IOException {
        if (this == string) {
            return new String(json, StandardCharsets.UTF_8);
        }
        if (this == model && modelType != null) {
            return JsonMapper.readerFor(modelType).readValue(json); // straight from the bytes, no tree in between
        }
        return convert(JsonMapper.get().readTree(json), modelType);
    }

    /**
     * A parsed JSON value (an answer, or one record of a feed page) as this output type.
     *
     * @param modelType the model class for {@link #model}, or null to keep the JSON tree
     */
    public Object convert(JsonNode tree, Class<?> modelType) throws IOException {
        return switch (this) {
            case jsonNode -> tree;
            case string -> tree.toString();
            case map -> JsonMapper.get().convertValue(tree, Map.class);
            case model -> modelType == null ? tree : JsonMapper.get().treeToValue(tree, modelType);
        };
    }
}
