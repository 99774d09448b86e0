package io.github.camelai4call.component.health;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.github.camelai4call.component.Ai4callEndpoint;
import io.github.camelai4call.component.Ai4callOperation;
import io.github.camelai4call.component.http.HttpCallResult;
import io.github.camelai4call.component.request.PreparedRequest;
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
            PreparedRequest request = endpoint.getComponent().getRequestFactory().prepare(Ai4callOperation.health,
                    endpoint.getConfiguration(), endpoint.getApiParameters(), new DefaultMessage(endpoint.getCamelContext()));
            HttpCallResult result = endpoint.httpClient().execute("GET", request.host(), request.target(),
                    request.headers(), null);
            builder.detail("http.status", result.status());
            if (result.successful() && "UP".equals(JsonMapper.get().readTree(result.body()).path("status").asText())) {
                builder.up();
            } else {
                builder.message("AI4CALL /health answered HTTP " + result.status()).down();
            }
        } catch (Exception e) {
            builder.message("AI4CALL /health is unreachable: " + e.getClass().getSimpleName()).error(e).down();
        }
    }
}
