package io.github.camelai4call.simulator;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.callbacks.Callback;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI contract, parsed once: the route table, the request validator and the callbacks (the requests the
 * platform makes to the customer's URLs) with the deadline and schema of their answers.
 */
final class Contract {

    /** The classpath resource holding the contract. */
    static final String RESOURCE = "ai4call/ai4call-openapi.yaml";

    private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern MISSING_PROPS = Pattern.compile("\\[\"([^\"]+)\"");

    record Route(String method, String template, Pattern pattern, List<String> params, String operationId,
                 boolean secured, boolean multipart, int literalLength) {
    }

    record Match(Route route, Map<String, String> pathParams) {
    }

    /**
     * A callback of the contract: its operationId, the deadline of its answer ({@code x-ai4call-answer-deadline},
     * null when it states none) and the schema of its 200 answer (null when the answer has no body).
     */
    record CallbackSpec(String operationId, Duration answerDeadline, Schema<?> answerSchema) {
    }

    final OpenAPI openApi;
    final List<Route> routes;
    final Map<String, Route> byOperationId;
    final OpenApiInteractionValidator validator;
    /** The callbacks by operationId (toolCall, callEnded, conversationSaved). */
    final Map<String, CallbackSpec> callbacks;
    /** Built on first use (the first tool answer checked): it costs start-up time a simulator without callbacks never needs. */
    private volatile SchemaValidator schemaValidator;

    private Contract(OpenAPI openApi, List<Route> routes) {
        this.openApi = openApi;
        this.routes = routes;
        Map<String, Route> ops = new LinkedHashMap<>();
        for (Route r : routes) ops.put(r.operationId(), r);
        this.byOperationId = Collections.unmodifiableMap(ops);
        this.validator = OpenApiInteractionValidator.createFor(openApi).build();
        this.callbacks = callbacksOf(openApi);
    }

    /** A callback of the contract, or an IllegalStateException: the simulator plays only what the contract has. */
    CallbackSpec callback(String operationId) {
        CallbackSpec spec = callbacks.get(operationId);
        if (spec == null) throw new IllegalStateException("The contract has no callback " + operationId + "; it has " + callbacks.keySet());
        return spec;
    }

    /** The problems of a JSON value against a schema of the contract (empty when it conforms). */
    List<String> problems(String json, Schema<?> schema) {
        SchemaValidator v = schemaValidator;
        if (v == null) {
            synchronized (this) {
                if (schemaValidator == null) schemaValidator = new SchemaValidator(openApi, new MessageResolver());
                v = schemaValidator;
            }
        }
        List<String> out = new ArrayList<>();
        for (ValidationReport.Message m : v.validate(json, schema, "callback").getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) out.add(m.getMessage());
        }
        return out;
    }

    private static Map<String, CallbackSpec> callbacksOf(OpenAPI api) {
        Map<String, CallbackSpec> out = new LinkedHashMap<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            if (op.getCallbacks() == null) return;
            for (Callback cb : op.getCallbacks().values()) {
                for (PathItem target : cb.values()) {
                    for (Operation c : target.readOperations()) {
                        if (c.getOperationId() == null) continue;
                        Object deadline = c.getExtensions() == null ? null : c.getExtensions().get("x-ai4call-answer-deadline");
                        ApiResponse ok = c.getResponses() == null ? null : c.getResponses().get("200");
                        MediaType json = ok == null || ok.getContent() == null ? null : ok.getContent().get("application/json");
                        out.put(c.getOperationId(), new CallbackSpec(c.getOperationId(),
                                deadline == null ? null : Duration.parse(deadline.toString()), json == null ? null : json.getSchema()));
                    }
                }
            }
        }));
        return Collections.unmodifiableMap(out);
    }

    static String readResource() {
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("Contract resource not found on the classpath: " + RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenAPI parse(String yaml) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true); // inline $refs: the validator needs the parameter schemas resolved
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException("Cannot parse the contract: " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    static Contract load() {
        OpenAPI api = parse(readResource());
        List<Route> routes = new ArrayList<>();
        boolean globalSecurity = api.getSecurity() != null && !api.getSecurity().isEmpty();
        api.getPaths().forEach((template, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.readOperationsMap().entrySet()) {
                Operation op = e.getValue();
                if (op.getOperationId() == null) continue;
                boolean secured = op.getSecurity() != null ? !op.getSecurity().isEmpty() : globalSecurity;
                boolean multipart = op.getRequestBody() != null && op.getRequestBody().getContent() != null
                        && op.getRequestBody().getContent().keySet().stream().anyMatch(ct -> ct.startsWith("multipart/"));
                List<String> params = new ArrayList<>();
                StringBuilder regex = new StringBuilder("^");
                Matcher m = TEMPLATE_PARAM.matcher(template);
                int last = 0;
                int literal = 0;
                while (m.find()) {
                    regex.append(Pattern.quote(template.substring(last, m.start())));
                    literal += m.start() - last;
                    regex.append("([^/]+)");
                    params.add(m.group(1));
                    last = m.end();
                }
                regex.append(Pattern.quote(template.substring(last))).append("/?$");
                literal += template.length() - last;
                routes.add(new Route(e.getKey().name(), template, Pattern.compile(regex.toString()), List.copyOf(params),
                        op.getOperationId(), secured, multipart, literal));
            }
        });
        // literal paths win over templated ones
        routes.sort(Comparator.comparingInt((Route r) -> r.params().size()).thenComparing(r -> -r.literalLength()));
        return new Contract(api, List.copyOf(routes));
    }

    /** The route of a request; null when no path matches; a route of another method gives 405. */
    Match match(String method, String rawPath) {
        boolean pathMatched = false;
        for (Route r : routes) {
            Matcher m = r.pattern().matcher(rawPath);
            if (!m.matches()) continue;
            pathMatched = true;
            if (!r.method().equalsIgnoreCase(method)) continue;
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < r.params().size(); i++) {
                params.put(r.params().get(i), java.net.URLDecoder.decode(m.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
            }
            return new Match(r, params);
        }
        if (pathMatched) throw new ApiException(405, "METHOD_NOT_ALLOWED", "Method " + method + " not allowed on " + rawPath, null);
        return null;
    }

    /**
     * Validates a request; throws a 400 naming the offending field on the first error.
     *
     * @param body null for no body (or a multipart body, whose schema is checked by the handler)
     */
    void validate(String method, String rawPath, Map<String, List<String>> query, Map<String, List<String>> headers,
                  String body, boolean skipBody) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), rawPath);
        query.forEach(b::withQueryParam);
        headers.forEach(b::withHeader);
        if (body != null && !skipBody) b.withBody(body);
        ValidationReport report = validator.validateRequest(b.build());
        for (ValidationReport.Message msg : report.getMessages()) {
            if (msg.getLevel() != ValidationReport.Level.ERROR) continue;
            if (skipBody && msg.getKey().startsWith("validation.request.body")) continue;
            if (msg.getKey().startsWith("validation.request.security")) continue; // authentication is checked before
            throw toBadRequest(msg);
        }
    }

    static ApiException toBadRequest(ValidationReport.Message msg) {
        String key = msg.getKey();
        String field = fieldOf(msg);
        String text = msg.getMessage();
        if (key.contains("invalidJson")) {
            return new ApiException(400, "MALFORMED_REQUEST", "The body is not valid JSON: " + text, null);
        }
        if (key.startsWith("validation.request.contentType")) {
            return new ApiException(400, "UNSUPPORTED_CONTENT_TYPE", text, null);
        }
        String message = field != null ? field + ": " + text : text;
        return ApiException.badRequest(message, field);
    }

    /** The field a validation message is about: a parameter name or a dotted body property path. */
    static String fieldOf(ValidationReport.Message msg) {
        var ctx = msg.getContext().orElse(null);
        if (ctx != null && ctx.getParameter().isPresent()) {
            return ctx.getParameter().get().getName();
        }
        String pointer = ctx == null ? null : ctx.getPointers().map(ValidationReport.MessageContext.Pointers::getInstance).orElse(null);
        String path = pointerToPath(pointer);
        String key = msg.getKey();
        if (key.endsWith(".required") || key.endsWith(".additionalProperties")) {
            Matcher m = MISSING_PROPS.matcher(msg.getMessage());
            if (m.find()) {
                return path == null || path.isEmpty() ? m.group(1) : path + "." + m.group(1);
            }
        }
        if (path == null || path.isEmpty()) {
            return key.startsWith("validation.request.body") ? null : null;
        }
        return path;
    }

    static String pointerToPath(String pointer) {
        if (pointer == null) return null;
        StringBuilder sb = new StringBuilder();
        for (String token : pointer.split("/")) {
            if (token.isEmpty()) continue;
            String t = token.replace("~1", "/").replace("~0", "~");
            if (t.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(t).append(']');
            } else {
                if (sb.length() > 0) sb.append('.');
                sb.append(t);
            }
        }
        return sb.toString();
    }
}
