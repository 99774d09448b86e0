package io.github.camelai4call.component.request;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.InputStreamBody;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

import io.github.camelai4call.component.catalog.BodyKind;
import io.github.camelai4call.component.catalog.OperationSpec;
import io.github.camelai4call.component.catalog.ParameterLocation;
import io.github.camelai4call.component.catalog.ParameterSpec;
import io.github.camelai4call.component.support.JsonMapper;

/**
 * Turns a {@link RequestInput} into a {@link PreparedRequest} for one operation: credentials, parameters and body
 * checked against the contract before any HTTP call. Problems are thrown as {@link InvalidRequest}.
 */
public final class RequestFactory {

    private static final String ASSISTANT_API_KEY = "assistantApiKey";
    private static final String METADATA = "metadata";

    private final BodySchemaValidator schemaValidator;
    /** Base URLs parsed once: endpoints of one context share a handful of them. */
    private final Map<String, ServiceAddress> addresses = new ConcurrentHashMap<>();

    public RequestFactory(BodySchemaValidator schemaValidator) {
        this.schemaValidator = schemaValidator;
    }

    /**
     * @param op       the operation
     * @param baseUrl  the service's base URL
     * @param validate whether parameters and body are checked against the contract
     * @param input    what the call is made of
     * @throws InvalidRequest when the input does not make a valid request
     */
    public PreparedRequest prepare(OperationSpec op, String baseUrl, boolean validate, RequestInput input) {
        ServiceAddress address = address(baseUrl);
        Map<String, String> headers = new HashMap<>(8);
        headers.put("Host", address.hostHeader());
        headers.put("Accept", "application/json");
        String email = blankAsNull(input.email());
        String portalKey = blankAsNull(input.portalApiKey());
        if (op.authenticated()) {
            if (email == null) {
                throw new InvalidRequest("email", "is required: set " + input.howToSet("email"));
            }
            if (portalKey == null) {
                throw new InvalidRequest("portalApiKey", "is required: set " + input.howToSet("portalApiKey"));
            }
            headers.put("x-client-email", email);
            headers.put("x-portal-api-key", portalKey);
        }

        String path = op.path();
        StringBuilder query = new StringBuilder();
        String assistantKey = null;
        for (ParameterSpec p : op.parameters()) {
            String value = parameterValue(p.name(), input);
            if (value == null) {
                if (p.required()) {
                    throw new InvalidRequest(p.name(), "is required: set " + input.howToSet(p.name()));
                }
                continue;
            }
            String problem = validate ? p.problem(value) : null;
            if (problem != null) {
                throw new InvalidRequest(p.name(), problem);
            }
            if (ASSISTANT_API_KEY.equals(p.name())) {
                assistantKey = value;
            }
            if (p.location() == ParameterLocation.PATH) {
                path = path.replace("{" + p.name() + "}", encode(value).replace("+", "%20"));
            } else if (p.location() == ParameterLocation.QUERY) {
                query.append(query.length() == 0 ? '?' : '&').append(p.name()).append('=').append(encode(value));
            } else {
                headers.put(p.name(), value);
            }
        }

        HttpEntity entity = null;
        if (op.bodyKind() == BodyKind.JSON) {
            JsonNode body = jsonBody(op, input);
            if (body != null && body.has(ASSISTANT_API_KEY) && assistantKey == null) {
                assistantKey = body.path(ASSISTANT_API_KEY).asText(null);
            }
            if (body != null) {
                if (validate) {
                    schemaValidator.validate(op.bodySchema(), body);
                }
                entity = new ByteArrayEntity(writeBytes(body), ContentType.APPLICATION_JSON);
            }
        } else if (op.bodyKind() == BodyKind.MULTIPART) {
            entity = multipartBody(input);
        }

        return new PreparedRequest(op.method(), address.host(), address.basePath() + path + query, headers, entity,
                new String[] { portalKey, assistantKey });
    }

    /**
     * Whether a value of the parameter option {@code name} takes part in a request of the operation: as one of its
     * parameters, or as the {@code assistantApiKey} of its body (outboundCall, outboundCallPbx).
     */
    public static boolean takesOption(OperationSpec op, String name) {
        for (ParameterSpec p : op.parameters()) {
            if (p.name().equals(name)) {
                return true;
            }
        }
        return ASSISTANT_API_KEY.equals(name) && op.bodyKind() == BodyKind.JSON && op.bodyProperties().contains(name);
    }

    /**
     * The base URL parsed once for every endpoint and request that uses it.
     *
     * @throws IllegalArgumentException when it is not an absolute URL with a host (nothing is kept then)
     */
    public ServiceAddress address(String baseUrl) {
        ServiceAddress known = addresses.get(baseUrl); // no method reference: one generated class less at start-up
        if (known == null) {
            ServiceAddress parsed = ServiceAddress.of(baseUrl);
            known = addresses.putIfAbsent(baseUrl, parsed);
            return known == null ? parsed : known;
        }
        return known;
    }

    private static String parameterValue(String name, RequestInput input) {
        Object v = input.parameter(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Date d) {
            return d.toInstant().toString();
        }
        if (v instanceof Instant || v instanceof OffsetDateTime || v instanceof ZonedDateTime) {
            return v.toString();
        }
        String s = v.toString();
        return s.isBlank() ? null : s;
    }

    private static JsonNode jsonBody(OperationSpec op, RequestInput input) {
        ObjectMapper mapper = JsonMapper.get();
        Object body = input.body();
        JsonNode node;
        try {
            if (body == null) {
                node = op.bodyRequired() ? mapper.createObjectNode() : null;
            } else if (body instanceof JsonNode j) {
                node = j;
            } else if (body instanceof String s) {
                node = s.isBlank() ? mapper.createObjectNode() : mapper.readTree(s);
            } else if (body instanceof byte[] b) {
                node = mapper.readTree(b);
            } else if (body instanceof InputStream in) {
                node = mapper.readTree(in);
            } else {
                node = mapper.valueToTree(body);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidRequest("body", "is not JSON for the " + op.bodySchema() + " schema: " + e.getClass().getSimpleName());
        }
        if (node != null && node.isObject()) {
            // the assistantApiKey of a body (outboundCall, outboundCallPbx) may come from the endpoint option or
            // header, so one route can place calls for a configured assistant with bodies that only name numbers
            ObjectNode object = (ObjectNode) node;
            if (op.bodyProperties().contains(ASSISTANT_API_KEY) && !object.hasNonNull(ASSISTANT_API_KEY)) {
                String value = parameterValue(ASSISTANT_API_KEY, input);
                if (value != null) {
                    object = node == body ? object.deepCopy() : object;
                    object.set(ASSISTANT_API_KEY, TextNode.valueOf(value));
                }
            }
            if (op.bodyProperties().contains(METADATA) && !op.idempotent()) {
                object = withClientReference(object, object == body, input);
            }
            return object;
        }
        return node;
    }

    /**
     * A call that places a phone call carries the caller's reference in its metadata (under
     * {@link RequestInput#clientReferenceKey()}, unless the metadata has that key already), so that a call whose
     * delivery is unknown can be found in the calls-outbound feed.
     */
    private static ObjectNode withClientReference(ObjectNode object, boolean callersNode, RequestInput input) {
        String key = input.clientReferenceKey();
        JsonNode metadata = object.get(METADATA);
        if (key == null || key.isBlank() || (metadata != null && !metadata.isNull() && !metadata.isObject())
                || (metadata != null && metadata.has(key))) {
            return object;
        }
        String reference = input.clientReference();
        if (reference == null) {
            return object;
        }
        ObjectNode copy = callersNode ? object.deepCopy() : object;
        JsonNode existing = copy.get(METADATA);
        ObjectNode target = existing instanceof ObjectNode o ? o : copy.putObject(METADATA);
        target.put(key, reference);
        return copy;
    }

    private static HttpEntity multipartBody(RequestInput input) {
        Object body = input.body();
        if (body == null) {
            throw new InvalidRequest("file", "is required: the message body must be a File, Path, InputStream or byte[]");
        }
        // a file consumer's body (GenericFile) becomes a File or a stream through Camel's type converters
        if (!(body instanceof File || body instanceof Path || body instanceof byte[] || body instanceof InputStream)) {
            Object converted = input.bodyAs(File.class);
            body = converted != null ? converted : input.bodyAs(InputStream.class);
        }
        String fileName = input.fileName();
        String contentType = input.contentType();
        String description = input.documentDescription();
        MultipartEntityBuilder builder = MultipartEntityBuilder.create();
        if (body instanceof Path p) {
            body = p.toFile();
        }
        if (body instanceof File f) {
            String name = fileName != null ? fileName : f.getName();
            builder.addPart("file", new FileBody(f, contentType(contentType, name), name));
        } else if (body instanceof byte[] || body instanceof InputStream) {
            if (fileName == null) {
                throw new InvalidRequest("fileName", "is required when the body is not a File: set "
                        + input.howToSet("fileName"));
            }
            InputStream in = body instanceof byte[] b ? new java.io.ByteArrayInputStream(b) : (InputStream) body;
            long length = body instanceof byte[] b ? b.length : -1;
            builder.addPart("file", new InputStreamBody(in, contentType(contentType, fileName), fileName, length));
        } else {
            throw new InvalidRequest("file", "must be a File, Path, InputStream or byte[], not a "
                    + input.body().getClass().getSimpleName());
        }
        if (description != null) {
            builder.addTextBody("description", description, ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private static ContentType contentType(String given, String fileName) {
        String type = given != null ? given : URLConnection.guessContentTypeFromName(fileName);
        return type == null ? ContentType.APPLICATION_OCTET_STREAM : ContentType.parse(type);
    }

    private static byte[] writeBytes(JsonNode body) {
        try {
            return JsonMapper.get().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
