package io.github.camelai4call.quarkus.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.CamelEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code app.run-once.enabled=true}, runs the route {@code run-once} of {@link Ai4callRoutes} once, as soon as
 * Camel has started (Camel Quarkus's CDI bridge of Camel events): a packaged run that exercises the producers without
 * an HTTP front end. Off by default.
 */
@ApplicationScoped
public class RunOnceAtStart {

    static final String ENDPOINT = "direct:runOnce";

    @Inject
    ProducerTemplate template;
    @ConfigProperty(name = "app.run-once.enabled", defaultValue = "false")
    boolean enabled;

    void onCamelStarted(@Observes CamelEvent.CamelContextStartedEvent started) {
        if (enabled) {
            template.asyncSendBody(ENDPOINT, null);
        }
    }
}
