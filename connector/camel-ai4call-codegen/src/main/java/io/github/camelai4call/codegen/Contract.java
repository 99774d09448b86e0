package io.github.camelai4call.codegen;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.callbacks.Callback;
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

    /**
     * One request AI4CALL makes to a customer system: an OpenAPI callback of the operation that sets its URL.
     *
     * @param name           the callback operation's operationId: the {@code ai4call:<name>} consumer
     * @param operation      the operationId that configures the URL (updateTools...)
     * @param urlExpression  the callback's runtime expression ({@code {$request.body#/webhookUrl}})
     * @param urlField       the property of that operation's request body that holds the URL
     * @param summary        one line on what the platform sends
     * @param requestSchema  the schema of what the platform posts
     * @param answerSchema   the schema of the answer the platform reads, or null when a 2xx is all it needs
     * @param answerDeadline the {@value #ANSWER_DEADLINE} extension: how long the platform waits for the answer, or
     *                       null for a callback without an answer
     * @param reconstructed  the {@value #RECONSTRUCTED} extension: the public description names the URL, not the payload
     */
    public record CallbackOp(String name, String operation, String urlExpression, String urlField, String summary,
            String requestSchema, String answerSchema, Duration answerDeadline, boolean reconstructed) {

        /** The path a consumer listens on unless told otherwise: {@code /ai4call/} and the name in kebab case. */
        public String defaultPath() {
            return "/ai4call/" + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }
    }

    /** The operation extension that says whether repeating the operation is safe: required, {@code true|false}. */
    public static final String IDEMPOTENT = "x-ai4call-idempotent";
    /** The callback extension that marks a payload as this project's reading of the public description. */
    public static final String RECONSTRUCTED = "x-ai4call-reconstructed";
    /** The callback extension that says how long the platform waits for an answer (ISO-8601 duration). */
    public static final String ANSWER_DEADLINE = "x-ai4call-answer-deadline";

    private static final Pattern BODY_FIELD = Pattern.compile("\\{\\$request\\.body#/([A-Za-z0-9_]+)}");

    private final OpenAPI api;
    private final List<Op> operations = new ArrayList<>();
    private final List<CallbackOp> callbacks = new ArrayList<>();

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
        api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            if (op.getCallbacks() != null) {
                op.getCallbacks().forEach((name, callback) -> {
                    CallbackOp c = toCallback(op, name, callback, problems);
                    if (c != null) {
                        callbacks.add(c);
                    }
                });
            }
        }));
        List<String> operationIds = operations.stream().map(Op::id).toList();
        callbacks.stream().filter(c -> operationIds.contains(c.name())).forEach(c -> problems.add("callback " + c.name()
                + " of " + c.operation() + ": its operationId is the name of an operation too (both would be ai4call:" + c.name() + ")"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The contract's callbacks are not what the generators read: "
                    + String.join("; ", problems));
        }
    }

    private CallbackOp toCallback(Operation owner, String key, Callback callback, List<String> problems) {
        String where = "callback " + key + " of " + owner.getOperationId();
        if (callback.size() != 1 || callback.values().iterator().next().readOperations().size() != 1) {
            problems.add(where + ": one URL expression with one operation expected");
            return null;
        }
        String expression = callback.keySet().iterator().next();
        Operation op = callback.values().iterator().next().readOperations().get(0);
        Map<String, Object> ext = op.getExtensions() == null ? Map.of() : op.getExtensions();
        Matcher field = BODY_FIELD.matcher(expression);
        Schema<?> ownerBody = owner.getRequestBody() == null ? null
                : resolve(owner.getRequestBody().getContent().values().iterator().next().getSchema());
        if (!field.matches() || ownerBody == null || ownerBody.getProperties() == null
                || !ownerBody.getProperties().containsKey(field.group(1))) {
            problems.add(where + ": the URL expression " + expression
                    + " must name a property of the operation's request body ({$request.body#/<property>})");
            return null;
        }
        if (!key.equals(op.getOperationId())) {
            problems.add(where + ": its operationId must be its name (" + key + "), not " + op.getOperationId());
        }
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            problems.add(where + ": it must have a request body (what the platform posts)");
            return null;
        }
        String answer = null;
        for (Map.Entry<String, ApiResponse> e : op.getResponses().entrySet()) {
            if (e.getKey().startsWith("2") && e.getValue().getContent() != null) {
                answer = refName(e.getValue().getContent().values().iterator().next().getSchema());
            }
        }
        Duration deadline = null;
        Object stated = ext.get(ANSWER_DEADLINE);
        if (stated != null) {
            try {
                deadline = Duration.parse(stated.toString());
            } catch (DateTimeParseException e) {
                problems.add(where + ": " + ANSWER_DEADLINE + " '" + stated + "' is not an ISO-8601 duration (PT5S)");
            }
        }
        if (answer != null && deadline == null && stated == null) {
            problems.add(where + ": the platform reads its answer " + answer + ", so it must state " + ANSWER_DEADLINE
                    + " (how long the platform waits, e.g. PT5S)");
        }
        String request = refName(op.getRequestBody().getContent().values().iterator().next().getSchema());
        return new CallbackOp(key, owner.getOperationId(), expression, field.group(1), oneLine(op.getSummary()), request,
                answer, deadline, Boolean.TRUE.equals(ext.get(RECONSTRUCTED)));
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

    /** The callbacks, in contract order of the operations that configure them. */
    public List<CallbackOp> callbacks() {
        return callbacks;
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
