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

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.InputStreamBody;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

import io.github.camelai4call.component.Ai4callApiParameters;
import io.github.camelai4call.component.Ai4callConfiguration;
import io.github.camelai4call.component.Ai4callConstants;
import io.github.camelai4call.component.Ai4callInvalidRequestException;
import io.github.camelai4call.component.Ai4callOperation;
import io.github.camelai4call.component.catalog.BodyKind;
import io.github.camelai4call.component.catalog.ParameterLocation;
import io.github.camelai4call.component.catalog.ParameterSpec;
import io.github.camelai4call.component.support.JsonMapper;

/**
 * Turns an exchange into a {@link PreparedRequest} for one operation: credentials and parameters from headers
 * (first) or endpoint options, the body from the message, everything checked against the contract before any
 * HTTP call.
 */
public final class RequestFactory {

    private static final String ASSISTANT_API_KEY = "assistantApiKey";

    private final BodySchemaValidator schemaValidator;
    /** Base URLs parsed once: endpoints of one context share a handful of them. */
    private final Map<String, ServiceAddress> addresses = new ConcurrentHashMap<>();

    public RequestFactory(BodySchemaValidator schemaValidator) {
        this.schemaValidator = schemaValidator;
    }

    public PreparedRequest prepare(Ai4callOperation op, Ai4callConfiguration config, Ai4callApiParameters options,
            Message message) {
        String opId = op.name();
        ServiceAddress address = address(config.getBaseUrl());
        Map<String, String> headers = new HashMap<>(8);
        headers.put("Host", address.hostHeader());
        headers.put("Accept", "application/json");
        String email = firstNonBlank(message.getHeader(Ai4callConstants.EMAIL, String.class), config.getEmail());
        String portalKey = firstNonBlank(message.getHeader(Ai4callConstants.PORTAL_API_KEY, String.class),
                config.getPortalApiKey());
        if (op.authenticated()) {
            if (email == null) {
                throw new Ai4callInvalidRequestException(opId, "email",
                        "is required: set the email option or the " + Ai4callConstants.EMAIL + " header");
            }
            if (portalKey == null) {
                throw new Ai4callInvalidRequestException(opId, "portalApiKey",
                        "is required: set the portalApiKey option or the " + Ai4callConstants.PORTAL_API_KEY + " header");
            }
            headers.put("x-client-email", email);
            headers.put("x-portal-api-key", portalKey);
        }

        String path = op.path();
        StringBuilder query = new StringBuilder();
        String assistantKey = null;
        for (ParameterSpec p : op.parameters()) {
            String value = parameterValue(p.name(), options, message);
            if (value == null) {
                if (p.required()) {
                    throw new Ai4callInvalidRequestException(opId, p.name(), "is required: set the " + p.name()
                            + " option or the " + Ai4callConstants.parameterHeader(p.name()) + " header");
                }
                continue;
            }
            if (config.isValidateRequest() && !p.accepts(value)) {
                throw new Ai4callInvalidRequestException(opId, p.name(), describeMismatch(p, value));
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
            JsonNode body = jsonBody(op, message, options);
            if (body != null && body.has(ASSISTANT_API_KEY) && assistantKey == null) {
                assistantKey = body.path(ASSISTANT_API_KEY).asText(null);
            }
            if (body != null) {
                if (config.isValidateRequest()) {
                    schemaValidator.validate(opId, op.bodySchema(), body);
                }
                entity = new ByteArrayEntity(writeBytes(body), ContentType.APPLICATION_JSON);
            }
        } else if (op.bodyKind() == BodyKind.MULTIPART) {
            entity = multipartBody(opId, message);
        }

        return new PreparedRequest(address.host(), address.basePath() + path + query, headers, entity,
                new String[] { portalKey, assistantKey });
    }

    /**
     * The base URL parsed once for every endpoint and request that uses it.
     *
     * @throws IllegalArgumentException when it is not an absolute URL with a host (nothing is kept then)
     */
    public ServiceAddress address(String baseUrl) {
        return addresses.computeIfAbsent(baseUrl, ServiceAddress::of);
    }

    private static String describeMismatch(ParameterSpec p, String value) {
        String shown = p.secret() ? "" : " '" + value + "'";
        if (!p.allowedValues().isEmpty()) {
            return "has the value" + shown + " which is not one of " + p.allowedValues();
        }
        return "has the value" + shown + " which does not match the pattern " + p.pattern();
    }

    private String parameterValue(String name, Ai4callApiParameters options, Message message) {
        Object v = message.getHeader(Ai4callConstants.parameterHeader(name));
        if (v == null) {
            v = options.valueOf(name);
        }
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

    private JsonNode jsonBody(Ai4callOperation op, Message message, Ai4callApiParameters options) {
        ObjectMapper mapper = JsonMapper.get();
        Object body = message.getBody();
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
            throw new Ai4callInvalidRequestException(op.name(), "body",
                    "is not JSON for the " + op.bodySchema() + " schema: " + e.getClass().getSimpleName());
        }
        if (node != null && node.isObject()) {
            // the assistantApiKey of a body (outboundCall, outboundCallPbx) may come from the endpoint option or
            // header, so one route can place calls for a configured assistant with bodies that only name numbers
            ObjectNode object = (ObjectNode) node;
            if (op.bodyProperties().contains(ASSISTANT_API_KEY) && !object.hasNonNull(ASSISTANT_API_KEY)) {
                String value = parameterValue(ASSISTANT_API_KEY, options, message);
                if (value != null) {
                    object = node == body ? object.deepCopy() : object;
                    object.set(ASSISTANT_API_KEY, TextNode.valueOf(value));
                }
            }
            return object;
        }
        return node;
    }

    private HttpEntity multipartBody(String opId, Message message) {
        Object body = message.getBody();
        if (body == null) {
            throw new Ai4callInvalidRequestException(opId, "file",
                    "is required: the message body must be a File, Path, InputStream or byte[]");
        }
        // a file consumer's body (GenericFile) becomes a File or a stream through Camel's type converters
        if (!(body instanceof File || body instanceof Path || body instanceof byte[] || body instanceof InputStream)) {
            Object converted = message.getBody(File.class);
            body = converted != null ? converted : message.getBody(InputStream.class);
        }
        String fileName = message.getHeader(Ai4callConstants.FILE_NAME, String.class);
        if (fileName == null) {
            fileName = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        }
        String contentType = message.getHeader(Ai4callConstants.CONTENT_TYPE, String.class);
        String description = message.getHeader(Ai4callConstants.DOCUMENT_DESCRIPTION, String.class);
        MultipartEntityBuilder builder = MultipartEntityBuilder.create();
        if (body instanceof Path p) {
            body = p.toFile();
        }
        if (body instanceof File f) {
            String name = fileName != null ? fileName : f.getName();
            builder.addPart("file", new FileBody(f, contentType(contentType, name), name));
        } else if (body instanceof byte[] || body instanceof InputStream) {
            if (fileName == null) {
                throw new Ai4callInvalidRequestException(opId, "fileName",
                        "is required when the body is not a File: set the " + Ai4callConstants.FILE_NAME + " header");
            }
            InputStream in = body instanceof byte[] b ? new java.io.ByteArrayInputStream(b) : (InputStream) body;
            long length = body instanceof byte[] b ? b.length : -1;
            builder.addPart("file", new InputStreamBody(in, contentType(contentType, fileName), fileName, length));
        } else {
            throw new Ai4callInvalidRequestException(opId, "file", "must be a File, Path, InputStream or byte[], not a "
                    + message.getBody().getClass().getSimpleName());
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

    private byte[] writeBytes(JsonNode body) {
        try {
            return JsonMapper.get().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b == null || b.isBlank() ? null : b;
    }
}
