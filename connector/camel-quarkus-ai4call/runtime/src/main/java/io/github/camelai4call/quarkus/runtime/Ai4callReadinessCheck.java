package io.github.camelai4call.quarkus.runtime;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The {@code ai4call:} producers' readiness in {@code /q/health/ready}. Camel Quarkus's own bridge
 * ({@code camel-quarkus-microprofile-health}) is not served on the 3.33 line this extension is built on, so the
 * extension reports the component's {@code producer:ai4call-...} checks to SmallRye Health itself. The bean is
 * added by the deployment processor only when the application has {@code quarkus-smallrye-health}.
 */
@Readiness
@ApplicationScoped
public class Ai4callReadinessCheck implements HealthCheck {

    /** The name the check has in {@code /q/health}. */
    public static final String NAME = "ai4call-producers";

    private static final String PREFIX = "producer:ai4call-";

    @Inject
    CamelContext context;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        if (producers == null || !producers.isEnabled()) {
            return response.withData("producers", "camel.health.producers-enabled is false").build();
        }
        List<org.apache.camel.health.HealthCheck.Result> results = producers.stream()
                .filter(check -> check.getId().startsWith(PREFIX)).map(org.apache.camel.health.HealthCheck::call)
                .toList();
        for (org.apache.camel.health.HealthCheck.Result result : results) {
            response.withData(result.getCheck().getId(), result.getState().name());
            if (result.getState() == org.apache.camel.health.HealthCheck.State.DOWN) {
                response.down();
            }
        }
        return response.build();
    }
}
