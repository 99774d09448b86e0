package io.github.camelai4call.component.request;

import java.util.HashMap;
import java.util.Map;

/** A {@link RequestInput} of fixed values, for tests of the request stage without Camel. */
final class MapInput implements RequestInput {

    private final Map<String, Object> parameters = new HashMap<>();
    private String email = "demo@ai4call.local";
    private String portalApiKey = "portal_demo_key_123456789";
    private Object body;
    private String fileName;
    private String clientReferenceKey;
    private String clientReference;

    MapInput with(String parameter, Object value) {
        parameters.put(parameter, value);
        return this;
    }

    MapInput body(Object body) {
        this.body = body;
        return this;
    }

    MapInput credentials(String email, String portalApiKey) {
        this.email = email;
        this.portalApiKey = portalApiKey;
        return this;
    }

    MapInput fileName(String fileName) {
        this.fileName = fileName;
        return this;
    }

    MapInput clientReference(String key, String reference) {
        this.clientReferenceKey = key;
        this.clientReference = reference;
        return this;
    }

    @Override
    public String clientReferenceKey() {
        return clientReferenceKey;
    }

    @Override
    public String clientReference() {
        return clientReference;
    }

    @Override
    public String email() {
        return email;
    }

    @Override
    public String portalApiKey() {
        return portalApiKey;
    }

    @Override
    public Object parameter(String name) {
        return parameters.get(name);
    }

    @Override
    public Object body() {
        return body;
    }

    @Override
    public <T> T bodyAs(Class<T> type) {
        return type.isInstance(body) ? type.cast(body) : null;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public String contentType() {
        return null;
    }

    @Override
    public String documentDescription() {
        return null;
    }

    @Override
    public String howToSet(String name) {
        return "<" + name + ">";
    }
}
