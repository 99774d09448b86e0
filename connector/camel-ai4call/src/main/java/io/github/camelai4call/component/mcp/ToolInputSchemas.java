package io.github.camelai4call.component.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.support.ResourceHelper;

/** The input schema of a tool: the option's JSON text or resource, or the default the platform's arguments fit. */
public final class ToolInputSchemas {

    /**
     * The arguments AI4CALL passes to the tools of an MCP configuration (McpConfig.serverUrl in the contract): the
     * number called and the call's metadata.
     */
    public static final String DEFAULT = """
            {"type":"object",\
            "properties":{\
            "number":{"type":"string","description":"The phone number of the call (E.164)."},\
            "metadata":{"type":"object","description":"The call's metadata, e.g. lead_id."}},\
            "required":["number"]}""";

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private ToolInputSchemas() {
    }

    /** The schema as a Map: {@code option} as JSON text when it starts with '{', else as a resource URI; null: the default. */
    public static Map<String, Object> resolve(CamelContext context, String option, ObjectMapper mapper) throws IOException {
        String json = option == null || option.isBlank() ? DEFAULT : option.trim();
        if (!json.startsWith("{")) {
            try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(context, json)) {
                json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        Map<String, Object> schema = mapper.readValue(json, OBJECT);
        if (!"object".equals(schema.get("type"))) {
            throw new IllegalArgumentException("an MCP tool's inputSchema must be a JSON Schema of type object, not " + schema.get("type"));
        }
        return schema;
    }
}
