package io.github.camelai4call.component.request;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;

/**
 * Validates request bodies against the schemas of the contract shipped in the jar
 * ({@code ai4call/ai4call-openapi.yaml}). The contract is read once, on the first validation; each schema is
 * compiled once.
 */
public final class BodySchemaValidator {

    static final String CONTRACT = "classpath:ai4call/ai4call-openapi.yaml";
    private static final String E164 = "^\\+[1-9][0-9]{6,14}$";

    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private volatile JsonSchemaFactory factory;

    /** Throws {@link InvalidRequest} naming the first property that breaks the schema. */
    public void validate(String schemaName, JsonNode body) {
        JsonSchema schema = schemas.computeIfAbsent(schemaName, this::compile);
        Set<ValidationMessage> errors = schema.validate(body);
        if (errors.isEmpty()) {
            return;
        }
        ValidationMessage first = errors.iterator().next();
        String property = propertyOf(first);
        String problem;
        if ("required".equals(first.getType())) {
            problem = "is required in the " + schemaName + " body";
        } else if ("pattern".equals(first.getType()) && first.getArguments() != null && first.getArguments().length > 0
                && E164.equals(String.valueOf(first.getArguments()[0]))) {
            problem = "must be a phone number in E.164 format, such as +390810000001";
        } else {
            problem = first.getMessage().replaceFirst("^[$/][^:]*: ", "") + " (schema " + schemaName + ")";
        }
        throw new InvalidRequest(property, problem);
    }

    private static String propertyOf(ValidationMessage message) {
        String path = dotted(message.getInstanceLocation().toString());
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            return path.isEmpty() ? message.getProperty() : path + "." + message.getProperty();
        }
        return path.isEmpty() ? "body" : path;
    }

    /** "$.a.b" or "/a/b" as "a.b". */
    private static String dotted(String location) {
        return location.replaceFirst("^\\$\\.?", "").replaceFirst("^/", "").replace('/', '.');
    }

    private JsonSchema compile(String schemaName) {
        if (factory == null) {
            synchronized (this) {
                if (factory == null) {
                    // the contract's other keywords (openapi, paths, example...) are annotations, not errors to log
                    JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi30.getInstance())
                            .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword)).build();
                    factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                            builder -> builder.metaSchema(dialect).defaultMetaSchemaIri(dialect.getIri()));
                }
            }
        }
        // formats (email, uri, date-time) are left to the service: the contract's patterns and types are checked
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
        return factory.getSchema(SchemaLocation.of(CONTRACT + "#/components/schemas/" + schemaName), config);
    }
}
