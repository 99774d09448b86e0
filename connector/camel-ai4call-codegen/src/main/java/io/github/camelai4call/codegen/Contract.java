package io.github.camelai4call.codegen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The AI4CALL contract as the generators see it: one {@link Op} per operation, in contract order,
 * with $refs resolved by swagger-parser. Fails on any parser message, so a broken contract never
 * produces code.
 */
public final class Contract {

    /** A path, query or header parameter of an operation. */
    public record Param(String name, String in, boolean required, String type, String format, String pattern,
            List<String> enums, Object defaultValue, String description, Long minimum, Long maximum) {

        /** Whether the value is a key (assistantApiKey...): masked in URIs, logs, errors and Kamelet forms. */
        public boolean secret() {
            return name.toLowerCase(Locale.ROOT).endsWith("apikey");
        }
    }

    /**
     * One operation of the contract. {@code idempotent} is the operation's {@value #IDEMPOTENT} extension: whether
     * sending the request twice is safe, so that it may be retried once it may have reached AI4CALL.
     */
    public record Op(String id, String method, String path, String tag, String summary, String description,
            boolean authenticated, boolean idempotent, String bodyKind, String bodySchema, boolean bodyRequired,
            List<String> bodyProperties, List<String> bodyRequiredProperties,
            int successStatus, String responseSchema, List<Param> params) {

        public boolean paged() {
            return params.stream().anyMatch(p -> p.name().equals("cursor"));
        }

        public boolean feed() {
            return "Analytics".equals(tag);
        }
    }

    /** The operation extension that says whether repeating the operation is safe: required, {@code true|false}. */
    public static final String IDEMPOTENT = "x-ai4call-idempotent";

    private final OpenAPI api;
    private final List<Op> operations = new ArrayList<>();

    private Contract(OpenAPI api) {
        this.api = api;
        List<String> problems = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            Object idempotent = op.getExtensions() == null ? null : op.getExtensions().get(IDEMPOTENT);
            if (idempotent instanceof Boolean value) {
                operations.add(toOp(path, method, op, value));
            } else {
                problems.add(op.getOperationId() + " (" + method + " " + path + ")"
                        + (idempotent == null ? "" : ": '" + idempotent + "' is not true or false"));
            }
        }));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Every operation of the contract must state " + IDEMPOTENT
                    + ": true|false (whether sending it twice is safe, so that it may be retried); missing or invalid on: "
                    + String.join(", ", problems));
        }
    }

    public static Contract load(Path file) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(file.toUri().toString(), null, options);
        if (result.getOpenAPI() == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
            throw new IllegalStateException("The contract " + file + " does not parse cleanly: " + result.getMessages());
        }
        return new Contract(result.getOpenAPI());
    }

    public List<Op> operations() {
        return operations;
    }

    public OpenAPI api() {
        return api;
    }

    /** Every distinct parameter name across operations, first declaration wins, sorted by name. */
    public Map<String, Param> distinctParams() {
        Map<String, Param> all = new LinkedHashMap<>();
        operations.forEach(op -> op.params().forEach(p -> all.putIfAbsent(p.name(), p)));
        Map<String, Param> sorted = new LinkedHashMap<>();
        all.values().stream().sorted(Comparator.comparing(Param::name)).forEach(p -> sorted.put(p.name(), p));
        return sorted;
    }

    /** The operations using a parameter of that name. */
    public List<String> operationsUsing(String paramName) {
        return operations.stream().filter(o -> o.params().stream().anyMatch(p -> p.name().equals(paramName)))
                .map(Op::id).toList();
    }

    private Op toOp(String path, PathItem.HttpMethod method, Operation op, boolean idempotent) {
        boolean authenticated = op.getSecurity() == null || !op.getSecurity().isEmpty();
        String bodyKind = "NONE";
        String bodySchema = null;
        boolean bodyRequired = false;
        List<String> bodyProps = List.of();
        List<String> bodyReq = List.of();
        if (op.getRequestBody() != null) {
            bodyRequired = Boolean.TRUE.equals(op.getRequestBody().getRequired());
            Map.Entry<String, MediaType> media = op.getRequestBody().getContent().entrySet().iterator().next();
            bodyKind = media.getKey().startsWith("multipart/") ? "MULTIPART" : "JSON";
            Schema<?> schema = media.getValue().getSchema();
            bodySchema = refName(schema);
            Schema<?> resolved = resolve(schema);
            if (resolved.getProperties() != null) {
                bodyProps = List.copyOf(resolved.getProperties().keySet());
            }
            if (resolved.getRequired() != null) {
                bodyReq = List.copyOf(resolved.getRequired());
            }
        }
        int status = 200;
        String responseSchema = null;
        for (Map.Entry<String, ApiResponse> e : op.getResponses().entrySet()) {
            if (e.getKey().startsWith("2")) {
                status = Integer.parseInt(e.getKey());
                if (e.getValue().getContent() != null) {
                    responseSchema = refName(e.getValue().getContent().values().iterator().next().getSchema());
                }
                break;
            }
        }
        List<Param> params = new ArrayList<>();
        if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
                Parameter rp = p.get$ref() != null ? resolveParam(p.get$ref()) : p;
                Schema<?> s = resolve(rp.getSchema());
                List<String> enums = s.getEnum() == null ? List.of() : s.getEnum().stream().map(String::valueOf).toList();
                params.add(new Param(rp.getName(), rp.getIn(), Boolean.TRUE.equals(rp.getRequired()), s.getType(),
                        s.getFormat(), s.getPattern(), enums, s.getDefault(), oneLine(rp.getDescription()),
                        s.getMinimum() == null ? null : s.getMinimum().longValueExact(),
                        s.getMaximum() == null ? null : s.getMaximum().longValueExact()));
            }
        }
        String tag = op.getTags() == null || op.getTags().isEmpty() ? "Default" : op.getTags().get(0);
        return new Op(op.getOperationId(), method.name(), path, tag, oneLine(op.getSummary()),
                oneLine(op.getDescription()), authenticated, idempotent, bodyKind, bodySchema, bodyRequired, bodyProps, bodyReq,
                status, responseSchema, List.copyOf(params));
    }

    private Parameter resolveParam(String ref) {
        return api.getComponents().getParameters().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    @SuppressWarnings("rawtypes")
    public Schema<?> resolve(Schema<?> schema) {
        Schema<?> s = schema;
        while (s != null && s.get$ref() != null) {
            Map<String, Schema> all = api.getComponents().getSchemas();
            s = all.get(refName(s));
        }
        return s;
    }

    static String refName(Schema<?> schema) {
        if (schema == null || schema.get$ref() == null) {
            return null;
        }
        String ref = schema.get$ref();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    static String oneLine(String text) {
        return text == null ? null : text.replaceAll("\\s+", " ").trim();
    }
}
