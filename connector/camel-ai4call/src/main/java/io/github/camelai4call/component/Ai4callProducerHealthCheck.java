package io.github.camelai4call.component;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.github.camelai4call.component.http.HttpCallResult;
import io.github.camelai4call.component.support.JsonMapper;

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
            // the same request the health operation sends, once: a probe reports, it does not retry
            HttpCallResult result = endpoint.call(Ai4callOperation.health, Map.of(), null, false);
            builder.detail("http.status", result.status());
            if ("UP".equals(JsonMapper.get().readTree(result.body()).path("status").asText())) {
                builder.up();
            } else {
                builder.message("AI4CALL /health answered HTTP " + result.status()).down();
            }
        } catch (Ai4callException e) {
            if (e.getStatusCode() > 0) {
                builder.detail("http.status", e.getStatusCode());
                builder.message("AI4CALL /health answered HTTP " + e.getStatusCode()).down();
            } else {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                builder.message("AI4CALL /health is unreachable: " + cause.getClass().getSimpleName()).error(cause).down();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.message("AI4CALL /health check interrupted").down();
        } catch (Exception e) {
            builder.message("AI4CALL /health is unreachable: " + e.getClass().getSimpleName()).error(e).down();
        }
    }
}
