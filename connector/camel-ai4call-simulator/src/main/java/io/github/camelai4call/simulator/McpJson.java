package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JavaType;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

import java.io.IOException;

/**
 * What the MCP SDK's client needs from a JSON library, on the simulator's own Jackson 2 mapper, handed to the client
 * explicitly so that the SDK never looks for its Jackson 3 or networknt modules on the classpath (see the pom).
 */
final class McpJson implements McpJsonMapper {

    static final McpJson MAPPER = new McpJson();

    /**
     * The client's check of a tool's structured output against the tool's output schema: the simulated platform
     * takes what the server answers (and records it), so every output passes.
     */
    static final JsonSchemaValidator ACCEPT_ALL = (schema, content) -> JsonSchemaValidator.ValidationResponse.asValid(null);

    private McpJson() {
    }

    private static JavaType type(TypeRef<?> ref) {
        return Json.MAPPER.getTypeFactory().constructType(ref.getType());
    }

    @Override
    public <T> T readValue(String content, Class<T> type) throws IOException {
        return Json.MAPPER.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, Class<T> type) throws IOException {
        return Json.MAPPER.readValue(content, type);
    }

    @Override
    public <T> T readValue(String content, TypeRef<T> type) throws IOException {
        return Json.MAPPER.readValue(content, type(type));
    }

    @Override
    public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
        return Json.MAPPER.readValue(content, type(type));
    }

    @Override
    public <T> T convertValue(Object from, Class<T> type) {
        return Json.MAPPER.convertValue(from, type);
    }

    @Override
    public <T> T convertValue(Object from, TypeRef<T> type) {
        return Json.MAPPER.convertValue(from, type(type));
    }

    @Override
    public String writeValueAsString(Object value) throws IOException {
        return Json.MAPPER.writeValueAsString(value);
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws IOException {
        return Json.MAPPER.writeValueAsBytes(value);
    }
}
