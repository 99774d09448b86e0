package io.github.camelai4call.codegen;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code propertiesSchema} Kaoto reads to draw a step's form: a JSON schema (draft-07) per catalog entry, made
 * from a Kamelet's {@code spec.definition}, from the options of a Camel catalog entry, or from the Camel YAML DSL
 * schema's definition of a model.
 */
final class KaotoPropertiesSchema {

    static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";
    private static final String YAML_DSL_REF_PREFIX = "#/items/definitions/";
    private static final String LOCAL_REF_PREFIX = "#/definitions/";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private KaotoPropertiesSchema() {
    }

    /** A Kamelet's form: its definition's title, description, required list and properties (format password kept). */
    static ObjectNode ofKamelet(JsonNode definition) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", DRAFT_07);
        schema.put("type", "object");
        copy(definition, schema, "title", "description", "required");
        ObjectNode properties = JSON.objectNode();
        for (Map.Entry<String, JsonNode> p : definition.path("properties").properties()) {
            JsonNode in = p.getValue();
            ObjectNode out = properties.putObject(p.getKey());
            String type = in.path("type").asText("string");
            // Kaoto's forms know the JSON schema types; a Kamelet's "binary" is entered as text.
            out.put("type", "binary".equals(type) ? "string" : type);
            copy(in, out, "title", "description", "enum", "default", "format");
        }
        if (!properties.isEmpty()) {
            schema.set("properties", properties);
        }
        return schema;
    }

    /**
     * A component, data format, language or load balancer form from its Camel catalog options ({@code properties}):
     * the option's display name as title, its group in {@code $comment}, secrets as password fields.
     */
    static ObjectNode ofCatalogOptions(JsonNode options) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", DRAFT_07);
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (Map.Entry<String, JsonNode> o : options.properties()) {
            JsonNode in = o.getValue();
            if (in.path("deprecated").asBoolean(false) && !in.path("required").asBoolean(false)) {
                continue;
            }
            ObjectNode out = properties.putObject(o.getKey());
            out.put("title", in.path("displayName").asText(o.getKey()));
            copy(in, out, "description");
            String type = in.path("type").asText("string");
            switch (type) {
                case "boolean", "integer", "number", "array" -> out.put("type", type);
                case "duration" -> {
                    out.put("type", "string");
                    out.put("format", "duration");
                }
                default -> out.put("type", "string");
            }
            if ("array".equals(type)) {
                out.putObject("items").put("type", "string");
            }
            if (in.hasNonNull("group")) {
                out.put("$comment", "group:" + in.get("group").asText());
            }
            if (in.path("secret").asBoolean(false)) {
                out.put("format", "password");
            }
            copy(in, out, "enum");
            if (in.has("defaultValue")) {
                out.set("default", in.get("defaultValue"));
            }
            if (in.path("required").asBoolean(false)) {
                required.add(o.getKey());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    /**
     * A model's form from the Camel YAML DSL schema: the definition of its Java type, with the definitions it refers
     * to (transitively) carried along under {@code definitions}, so that the schema stands alone.
     */
    static ObjectNode ofYamlDslDefinition(JsonNode yamlDslDefinitions, String javaType, JsonNode model) {
        JsonNode definition = yamlDslDefinitions.get(javaType);
        if (definition == null) {
            return null;
        }
        ObjectNode schema = withoutShorthand((ObjectNode) relocateRefs(definition.deepCopy()));
        schema.put("$schema", DRAFT_07);
        if (!schema.has("title")) {
            copy(model, schema, "title");
        }
        if (!schema.has("description")) {
            copy(model, schema, "description");
        }
        Set<String> referenced = new LinkedHashSet<>();
        collectRefs(schema, yamlDslDefinitions, referenced);
        if (!referenced.isEmpty()) {
            ObjectNode definitions = schema.putObject("definitions");
            for (String name : referenced) {
                definitions.set(name, relocateRefs(yamlDslDefinitions.get(name).deepCopy()));
            }
        }
        return schema;
    }

    /**
     * The YAML DSL accepts many steps as a string too ({@code to: "log:x"}): {@code oneOf} a string and an object. A
     * form is drawn for the object; its properties become the schema's.
     */
    private static ObjectNode withoutShorthand(ObjectNode definition) {
        JsonNode alternatives = definition.get("oneOf");
        if (alternatives == null || !alternatives.isArray()) {
            return definition;
        }
        ObjectNode object = null;
        for (JsonNode alternative : alternatives) {
            if ("object".equals(alternative.path("type").asText())) {
                if (object != null) {
                    return definition;
                }
                object = (ObjectNode) alternative;
            } else if (!alternative.path("type").isTextual() || alternative.has("properties")) {
                return definition;
            }
        }
        if (object == null) {
            return definition;
        }
        definition.remove("oneOf");
        object.properties().forEach(e -> definition.set(e.getKey(), e.getValue()));
        return definition;
    }

    private static void collectRefs(JsonNode node, JsonNode yamlDslDefinitions, Set<String> found) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.asText().startsWith(LOCAL_REF_PREFIX)) {
                String name = ref.asText().substring(LOCAL_REF_PREFIX.length());
                if (yamlDslDefinitions.has(name) && found.add(name)) {
                    collectRefs(relocateRefs(yamlDslDefinitions.get(name).deepCopy()), yamlDslDefinitions, found);
                }
            }
        }
        for (JsonNode child : node) {
            collectRefs(child, yamlDslDefinitions, found);
        }
    }

    /** The YAML DSL schema refers to {@code #/items/definitions/x}; a stand-alone schema to {@code #/definitions/x}. */
    private static JsonNode relocateRefs(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.asText().startsWith(YAML_DSL_REF_PREFIX)) {
                object.put("$ref", LOCAL_REF_PREFIX + ref.asText().substring(YAML_DSL_REF_PREFIX.length()));
            }
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
            relocateRefs(it.next());
        }
        return node;
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            if (from.has(field)) {
                to.set(field, from.get(field).deepCopy());
            }
        }
    }
}
