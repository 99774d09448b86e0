package io.github.camelai4call.component;

import java.io.IOException;

import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelai4call.component.health.Ai4callProducerHealthCheck;
import io.github.camelai4call.component.http.HttpCallResult;
import io.github.camelai4call.component.request.PreparedRequest;
import io.github.camelai4call.component.support.RetryPolicy;
import io.github.camelai4call.component.support.SecretMasker;

/**
 * Calls one AI4CALL operation per exchange: prepares and validates the request, sends it with the retry policy,
 * and maps the answer onto the message. Logs the operation and path template, never a path with keys in it.
 */
public class Ai4callProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(Ai4callProducer.class);

    private final Ai4callEndpoint endpoint;
    private WritableHealthCheckRepository healthCheckRepository;
    private Ai4callProducerHealthCheck healthCheck;

    public Ai4callProducer(Ai4callEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new Ai4callProducerHealthCheck(endpoint, endpoint.getOperation().name() + "-" + endpoint.getId());
            healthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Ai4callOperation op = operationOf(exchange);
        Ai4callConfiguration config = endpoint.getConfiguration();
        PreparedRequest request = endpoint.getComponent().getRequestFactory()
                .prepare(op, config, endpoint.getApiParameters(), exchange.getMessage());
        HttpCallResult result = send(op, request);
        endpoint.getComponent().getResponseMapper().apply(op, config.getOutputType(), result, exchange.getMessage());
    }

    private Ai4callOperation operationOf(Exchange exchange) {
        String override = exchange.getMessage().getHeader(Ai4callConstants.OPERATION, String.class);
        return override == null ? endpoint.getOperation() : endpoint.getComponent().resolveOperation(override);
    }

    /**
     * Sends with retries. Returns the successful result, or throws the {@link Ai4callException} of the last
     * attempt.
     */
    HttpCallResult send(Ai4callOperation op, PreparedRequest request) throws Ai4callException, InterruptedException {
        RetryPolicy policy = endpoint.getRetryPolicy();
        int attempt = 0;
        while (true) {
            attempt++;
            long started = System.nanoTime();
            long wait;
            try {
                HttpCallResult result = endpoint.getHttpClient().execute(op.method(), request.uri(), request.headers(),
                        request.entity(), op.idempotent());
                if (LOG.isDebugEnabled()) {
                    LOG.debug("ai4call:{} {} {} -> HTTP {} in {} ms (attempt {})", op.name(), op.method(), op.path(),
                            result.status(), (System.nanoTime() - started) / 1_000_000, attempt);
                }
                if (result.successful()) {
                    return result;
                }
                wait = policy.afterAnswer(op, attempt, result);
                if (wait == RetryPolicy.STOP) {
                    throw endpoint.getComponent().getResponseMapper().toException(op, result, attempt, request.secrets());
                }
            } catch (IOException e) {
                wait = policy.afterFailure(op, attempt, e);
                LOG.debug("ai4call:{} {} {} failed: {} (attempt {})", op.name(), op.method(), op.path(),
                        e.getClass().getSimpleName(), attempt);
                if (wait == RetryPolicy.STOP) {
                    String masked = SecretMasker.mask(e.getMessage(), request.secrets());
                    Throwable cause = masked == null || masked.equals(e.getMessage()) ? e
                            : new IOException(e.getClass().getSimpleName() + ": " + masked);
                    throw new Ai4callException(op.name(), 0, null, null, null, null, attempt, cause);
                }
            }
            LOG.debug("ai4call:{} retrying in {} ms", op.name(), wait);
            Thread.sleep(wait);
        }
    }
}
