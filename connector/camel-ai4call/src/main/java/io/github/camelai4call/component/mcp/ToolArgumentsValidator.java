package io.github.camelai4call.component.mcp;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

/**
 * The MCP SDK's schema check of tool arguments, on the json-schema-validator line the component already uses
 * (JSON Schema 2020-12, the MCP default): arguments that do not fit a tool's input schema get a tool error
 * result, and the route is not called.
 */
public final class ToolArgumentsValidator implements JsonSchemaValidator {

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final ObjectMapper mapper;

    public ToolArgumentsValidator(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object value) {
        try {
            JsonNode node = mapper.valueToTree(value);
            Set<ValidationMessage> problems = factory.getSchema(mapper.valueToTree(schema)).validate(node);
            if (problems.isEmpty()) {
                return ValidationResponse.asValid(mapper.writeValueAsString(node));
            }
            return ValidationResponse.asInvalid(problems.stream().map(ValidationMessage::getMessage).sorted()
                    .collect(Collectors.joining("; ")));
        } catch (Exception e) {
            return ValidationResponse.asInvalid("the schema cannot be applied: " + e.getMessage());
        }
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        try {
            factory.getSchema(mapper.valueToTree(schema));
            return ValidationResponse.asValid(null);
        } catch (Exception e) {
            return ValidationResponse.asInvalid(e.getMessage());
        }
    }
}
