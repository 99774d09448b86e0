package io.github.camelai4call.component;

import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;


/**
 * Calls one AI4CALL operation per exchange through the endpoint's call seam (request validated before any HTTP
 * call, sent with the retry policy, answer mapped onto the message); registers the readiness check.
 */
public class Ai4callProducer extends DefaultProducer {

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
        if (endpoint.getConfiguration().isVerifyCredentials()) {
            endpoint.getComponent().credentialCheck().verify(endpoint);
        }
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
        endpoint.call(operationOf(exchange), exchange.getMessage());
    }

    private Ai4callOperation operationOf(Exchange exchange) {
        String override = exchange.getMessage().getHeader(Ai4callConstants.OPERATION, String.class);
        if (override == null) {
            return endpoint.getOperation();
        }
        try {
            return endpoint.getComponent().resolveOperation(override);
        } catch (IllegalArgumentException e) {
            throw new Ai4callInvalidRequestException(endpoint.getOperation().name(), Ai4callConstants.OPERATION,
                    "names no operation: " + e.getMessage());
        }
    }
}
