package io.github.camelai4call.component.health;

import java.net.URI;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.github.camelai4call.component.Ai4callEndpoint;
import io.github.camelai4call.component.http.HttpCallResult;

/**
 * Readiness of an {@code ai4call:} producer: AI4CALL answers {@code GET /health} with status UP. The check needs no
 * credentials and sends none.
 */
public class Ai4callProducerHealthCheck extends AbstractHealthCheck {

    private final Ai4callEndpoint endpoint;

    public Ai4callProducerHealthCheck(Ai4callEndpoint endpoint, String clientId) {
        super("camel", "producer:ai4call-" + clientId);
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String baseUrl = endpoint.getConfiguration().getBaseUrl();
        builder.detail("baseUrl", baseUrl);
        try {
            URI uri = URI.create((baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/health");
            HttpCallResult result = endpoint.httpClient().execute("GET", uri, Map.of("Accept", "application/json"), null);
            builder.detail("http.status", result.status());
            if (result.successful() && new String(result.body()).contains("\"UP\"")) {
                builder.up();
            } else {
                builder.message("AI4CALL /health answered HTTP " + result.status()).down();
            }
        } catch (Exception e) {
            builder.message("AI4CALL /health is unreachable: " + e.getClass().getSimpleName()).error(e).down();
        }
    }
}
